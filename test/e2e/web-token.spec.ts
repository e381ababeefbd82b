// Web mode opened without its token, or with a wrong one (an old tab after serve restarted): the page says so
// at once, in plain words, and stops trying: no "Loading…" wait, no reconnect loop, no literal backticks.
import { expect, test } from './fixtures'

for (const [what, query] of [
  ['no token', ''],
  ['a wrong token', '?token=not-the-token']
] as const)
  test(`opened with ${what}: a clear message at once, and no retry loop`, async ({ page, stack }) => {
    const sockets: string[] = []
    page.on('websocket', (ws) => sockets.push(ws.url()))
    await page.goto(new URL(stack.serve.uiUrl).origin + '/' + query)
    const card = page.getByTestId('token-error')
    await expect(card).toBeVisible()
    await expect(card).toContainText('mimo-inspector serve')
    await expect(card).not.toContainText('`')
    await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'disconnected')
    // No reconnect is scheduled (a backoff retry shows "retry in N s" beside the state), and no retry button.
    await expect(page.getByTestId('connection-state')).toHaveText('no access')
    await expect(page.getByRole('button', { name: 'Retry' })).toHaveCount(0)
    await expect(page.getByText('Loading…')).toHaveCount(0)
    // The refused socket was not tried again before the page said why (a backoff retry comes after 0.5-1.5 s).
    expect(sockets.length).toBeLessThanOrEqual(1)
  })
