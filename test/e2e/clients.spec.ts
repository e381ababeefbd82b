// The client and its known issue in Chromium: a real client's failing request (its real headers) through serve
// to the emulator; both lists name the client, the exchange header too, and the diagnosis panel says which
// known issue of that client it is, with the workaround and the link to the client's own issue.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { knownIssueRequest, sendAsClient } from '../scenarios/known-issue-requests'

const KEY = 'sk-e2eClients0123456789abcdef'

async function openFailingConversation(page: Page, client: string): Promise<void> {
  await page.keyboard.press('2')
  const rows = page.getByTestId('conversation-row')
  await expect(rows).toHaveCount(1)
  await expect(rows.first().getByTestId('conversation-client')).toHaveText(client)
  await rows.first().click()
  await expect(page.getByTestId('diagnosis-panel')).toHaveAttribute('data-state', 'failed')
}

test('OpenCode 1.0.185 (version not sent): the Client column, the header chip, "may be … below 1.1.53" with the interleaved setting', async ({ page, stack }) => {
  expect(await sendAsClient(stack.serve.proxyUrl, knownIssueRequest('opencode-drops-reasoning-content'), KEY)).toBe(400)
  await page.goto(stack.serve.uiUrl)
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()

  const row = page.getByTestId('exchange-row').first()
  await expect(row.getByTestId('exchange-client')).toHaveText('OpenCode')
  await row.click()
  await expect(page.getByTestId('detail-panel').getByTestId('client-chip')).toHaveText('OpenCode')

  await openFailingConversation(page, 'OpenCode')
  const panel = page.getByTestId('diagnosis-panel')
  await expect(panel.getByTestId('diagnosis-client')).toHaveText('OpenCode')
  const note = panel.getByTestId('culprit').getByTestId('known-issue')
  await expect(note).toHaveAttribute('data-issue', 'opencode-drops-reasoning-content')
  await expect(note.getByTestId('known-issue-text')).toContainText(
    'Your client: OpenCode (version not sent) — may be a known issue (opencode#6040), if your version is below 1.1.53:'
  )
  await expect(note.getByTestId('known-issue-text')).toContainText('Workaround: set `interleaved` to `{"field": "reasoning_content"}`')
  await expect(note.getByTestId('known-issue-workarounds')).toContainText('upgrade to 1.1.53 or later')
  await expect(note.getByRole('link', { name: /opencode#6040/ })).toHaveAttribute('href', 'https://github.com/anomalyco/opencode/issues/6040')
  await page.screenshot({ path: 'test-results/e2e-clients-opencode.png', fullPage: true })
})

test('Roo Code 3.52.1 (version in the range): "known issue … No fixed version known; workaround"', async ({ page, stack }) => {
  expect(await sendAsClient(stack.serve.proxyUrl, knownIssueRequest('roo-code-drops-reasoning-content'), KEY)).toBe(400)
  await page.goto(stack.serve.uiUrl)
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  await expect(page.getByTestId('exchange-row').first().getByTestId('exchange-client')).toHaveText('Roo Code 3.52.1')

  await openFailingConversation(page, 'Roo Code 3.52.1')
  const note = page.getByTestId('culprit').getByTestId('known-issue')
  await expect(note).toHaveAttribute('data-status', 'affected')
  await expect(note.getByTestId('known-issue-text')).toContainText('Your client: Roo Code 3.52.1 — known issue (')
  await expect(note.getByTestId('known-issue-text')).toContainText('No fixed version known; workaround:')
})

test('an unknown client: the list says nothing, the panel claims no known issue', async ({ page, stack }) => {
  const req = knownIssueRequest('roo-code-drops-reasoning-content')
  const body = { ...(req.body as { messages: unknown[] }) }
  body.messages = [{ role: 'system', content: 'You are a helpful assistant.' }, ...(req.body as { messages: unknown[] }).messages.slice(1)]
  expect(await sendAsClient(stack.serve.proxyUrl, { path: req.path, headers: [['user-agent', 'curl/8.7.1'], ['authorization', 'x'], ['content-type', 'application/json']], body }, KEY)).toBe(400)
  await page.goto(stack.serve.uiUrl)
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  await expect(page.getByTestId('exchange-row').first().getByTestId('exchange-client')).toHaveText('—')
  await openFailingConversation(page, '—')
  await expect(page.getByTestId('diagnosis-client')).toHaveText('unknown client')
  await expect(page.getByTestId('culprit')).toBeVisible()
  await expect(page.getByTestId('known-issue')).toHaveCount(0)
})
