// Breakpoints and repair rules in the browser (web mode): break on the next request of a conversation, fix the
// paused request with a one-click fix, continue, and the agent's request succeeds; a breakpoint nobody attends
// times out and the request goes on unedited; a rule added in the panel patches the agent's next requests and the
// header counts them.
import { expect, test } from './fixtures'
import { startServe } from './serve'
import { anthropicForgetfulAgent } from '../scenarios/forgetful-agent'

// Wide enough for the rules chip to sit in the header (below 1360 px it is in the "More" menu).
test.use({ viewport: { width: 1440, height: 900 } })

test('break on the next request, one-click fix, continue: the agent gets 200', async ({ page, stack }) => {
  await page.goto(stack.serve.uiUrl)
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  let arm: () => void = () => {}
  const armed = new Promise<void>((resolve) => (arm = resolve))
  let turn1Done: () => void = () => {}
  const atTurn2 = new Promise<void>((resolve) => (turn1Done = resolve))
  const agent = anthropicForgetfulAgent(stack.serve.proxyUrl, stack.emulator, 2, async (turn) => {
    if (turn !== 2) return
    turn1Done()
    await armed
  })
  await atTurn2
  await page.keyboard.press('2')
  await page.getByTestId('conversation-row').first().click()
  await page.getByTestId('break-next').click()
  await expect(page.getByTestId('break-next')).toHaveText('Will break on next request')
  arm()

  await page.getByTestId('paused-chip').click()
  const item = page.getByTestId('paused-item')
  await expect(item).toHaveAttribute('data-phase', 'request')
  await item.locator('[data-testid="paused-fix"][data-fix="restore-thinking"]').click()
  await expect(item.getByTestId('paused-changes')).toContainText('thinking block restored')
  await expect(item.getByTestId('paused-body')).toHaveValue(/"type": "thinking"/)
  await item.getByTestId('paused-continue').click()
  const results = await agent
  expect(results.map((r) => r.status)).toEqual([200, 200])
  await expect(page.getByTestId('paused-chip')).toHaveCount(0)
  // The upstream got the recorded thinking back.
  const sent = JSON.parse(stack.emulator.received[1].body.toString()) as { messages: Array<{ content: Array<Record<string, unknown>> }> }
  expect(sent.messages[1].content[0]).toEqual({ type: 'thinking', thinking: results[0].thinking, signature: results[0].signature })
})

test('a breakpoint nobody attends times out and the request goes on unedited', async ({ page, stack }) => {
  const serve = await startServe({ upstream: stack.emulator.url, args: ['--break-timeout', '3'] })
  try {
    await page.goto(serve.uiUrl)
    await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
    await page.getByTestId('repair-chip').click()
    await page.getByTestId('breakpoint-filter').fill('model:mimo-v2.5-pro')
    await page.getByTestId('breakpoint-add').click()
    await expect(page.getByTestId('breakpoint-row')).toContainText('model:mimo-v2.5-pro')
    const sent = JSON.stringify({ model: 'mimo-v2.5-pro', max_tokens: 50, messages: [{ role: 'user', content: 'nobody is watching' }] })
    const response = fetch(`${serve.proxyUrl}/anthropic/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': 'sk-e2e0123456789abcdefghijklmnop' }, body: sent })
    await expect(page.getByTestId('paused-item')).toBeVisible()
    await expect(page.getByTestId('paused-item')).toContainText('continues by itself in')
    expect(stack.emulator.received).toHaveLength(0)
    expect((await response).status).toBe(200)
    expect(stack.emulator.received.map((r) => r.body.toString())).toEqual([sent])
    await expect(page.getByTestId('paused-item')).toHaveCount(0)
  } finally {
    await serve.stop()
  }
})

test('a rule added in the panel patches the agent and the header counts it', async ({ page, stack }) => {
  await page.goto(stack.serve.uiUrl)
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  await page.getByTestId('repair-chip').click()
  await page.getByLabel('Fix').selectOption('restore-thinking')
  await page.getByTestId('rule-add').click()
  await expect(page.getByTestId('rules-on')).toHaveText('1')
  const results = await anthropicForgetfulAgent(stack.serve.proxyUrl, stack.emulator, 3)
  expect(results.map((r) => r.status)).toEqual([200, 200, 200])
  await expect(page.getByTestId('patched-count')).toHaveText('2')
  // Turned off: the next session fails again at turn 2.
  // A controlled box: it shows the core's state once the change is saved.
  await page.getByTestId('rule-row').locator('input[type="checkbox"]').click()
  await expect(page.getByTestId('rules-on')).toHaveText('0')
  await expect(page.getByTestId('rule-row').locator('input[type="checkbox"]')).not.toBeChecked()
})

test('from a diagnosis: "Apply this fix to future requests", then the patched request shows its badge and diff', async ({ page, stack }) => {
  // Without a rule the forgetful agent fails at turn 2; the diagnosis offers restore-thinking.
  expect((await anthropicForgetfulAgent(stack.serve.proxyUrl, stack.emulator, 2)).map((r) => r.status)).toEqual([200, 400])
  await page.goto(stack.serve.uiUrl)
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  await page.keyboard.press('2')
  await page.getByTestId('conversation-row').first().click()
  const apply = page.getByTestId('apply-rule')
  await expect(apply.getByLabel('Fix for future requests')).toHaveValue('restore-thinking')
  await apply.getByLabel('Apply to').selectOption('upstream')
  await apply.getByTestId('apply-rule-button').click()
  await expect(page.getByTestId('apply-rule-message')).toContainText('Rule on: restore-thinking')
  await expect(page.getByTestId('rules-on')).toHaveText('1')

  const results = await anthropicForgetfulAgent(stack.serve.proxyUrl, stack.emulator, 2)
  expect(results.map((r) => r.status)).toEqual([200, 200])
  await expect(page.getByTestId('patched-count')).toHaveText('1')
  await page.keyboard.press('1')
  const badge = page.getByTestId('patched-badge')
  await expect(badge).toHaveCount(1)
  await page.getByTestId('exchange-row').filter({ has: badge }).click()
  await page.getByTestId('tab-request').click()
  await expect(page.getByTestId('patched-changes')).toContainText('restore-thinking: messages[1]: thinking block restored')
  await expect(page.getByTestId('patched-diff')).toContainText('thinking')
})
