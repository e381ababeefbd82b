// Breakpoints and repair rules in the browser (web mode): break on the next request of a conversation, fix the
// paused request with a one-click fix in the replay editor, continue, and the agent's request succeeds; answer,
// drop and a paused response from the editor; a pause another window resumed; a breakpoint nobody attends
// times out and the request goes on unedited; a rule added in the panel patches the agent's next requests and the
// header counts them.
import type { Browser, Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { startServe, type Serve } from './serve'
import { anthropicForgetfulAgent } from '../scenarios/forgetful-agent'

// Wide enough for the rules chip to sit in the header (below 1360 px it is in the "More" menu).
test.use({ viewport: { width: 1440, height: 900 } })

test('break on the next request, one-click fix in the replay editor, continue: the agent gets 200', async ({ page, stack }) => {
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

  // The paused request shows in the list as paused; selecting it opens the replay editor on it.
  await expect(page.getByTestId('paused-chip')).toBeVisible()
  await page.keyboard.press('1')
  await page.getByTestId('exchange-row').filter({ has: page.getByTestId('paused-badge') }).click()
  const editor = page.getByTestId('replay-editor')
  await expect(editor).toHaveAttribute('data-mode', 'paused')
  await expect(editor.getByTestId('replay-title')).toHaveText('Paused request')
  await expect(editor.getByTestId('pause-countdown')).toContainText('continues unedited in')
  // Diagnosed before it goes out: the dropped thinking, judged against the recorded response, and its fix.
  await expect(page.getByRole('tab', { name: /^Response/ })).toContainText('not sent yet')
  await page.getByRole('tab', { name: 'Diagnosis' }).click()
  await expect(page.getByTestId('lint-warning')).toContainText('if it went on as it is')
  await expect(page.getByTestId('diagnosis-panel')).toContainText('restore-thinking')
  // The fix comes from the recorded responses (breakpoints:fixes), shown with the replay editor's own fix chips.
  await editor.getByTestId('editor-fix-restore-thinking').click()
  await expect(editor.getByTestId('replay-changes')).toContainText('thinking block restored')
  await expect(editor.locator('.cm-content')).toContainText('"type": "thinking"')
  await expect(editor.getByTestId('pause-diff')).toContainText('thinking')
  await expect(editor.getByTestId('pause-continue')).toContainText('Continue with edits')
  // Ctrl+Enter in the body continues with the edits (as it sends in the replay editor).
  await editor.locator('.cm-content').click()
  await page.keyboard.press('Control+Enter')
  const results = await agent
  expect(results.map((r) => r.status)).toEqual([200, 200])
  await expect(editor).toHaveAttribute('data-mode', 'pause-ended')
  await expect(editor.getByTestId('pause-ended')).toContainText('Continued with your edits')
  await expect(page.getByTestId('paused-chip')).toHaveCount(0)
  // The upstream got the recorded thinking back.
  const sent = JSON.parse(stack.emulator.received[1].body.toString()) as { messages: Array<{ content: Array<Record<string, unknown>> }> }
  expect(sent.messages[1].content[0]).toEqual({ type: 'thinking', thinking: results[0].thinking, signature: results[0].signature })
  // Once recorded it can be opened as an ordinary replay.
  await editor.getByTestId('pause-open-replay').click()
  await expect(editor).toHaveAttribute('data-mode', 'replay')
  await expect(editor.getByTestId('replay-send')).toBeVisible()
})

const KEY = 'sk-e2e0123456789abcdefghijklmnop'
const post = (proxyUrl: string, body: string): Promise<Response> =>
  fetch(`${proxyUrl}/anthropic/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': KEY }, body })
const ask = (text: string): string => JSON.stringify({ model: 'mimo-v2.5-pro', max_tokens: 50, messages: [{ role: 'user', content: text }] })

/** Opens the UI and adds a request breakpoint on the model the requests of these tests use. */
async function breakOnModel(page: Page, uiUrl: string): Promise<void> {
  await page.goto(uiUrl)
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  await page.getByTestId('repair-chip').click()
  await page.getByTestId('breakpoint-filter').fill('model:mimo-v2.5-pro')
  await page.getByTestId('breakpoint-add').click()
  await expect(page.getByTestId('breakpoint-row')).toContainText('model:mimo-v2.5-pro')
}

test('from the editor: answer a paused request, drop one, and continue a paused response', async ({ page, stack }) => {
  await breakOnModel(page, stack.serve.uiUrl)
  const editor = page.getByTestId('replay-editor')

  // Answer: the client gets the status and body typed in the editor; nothing goes upstream.
  const answered = post(stack.serve.proxyUrl, ask('answer me yourself'))
  await page.getByTestId('paused-edit').click()
  await expect(editor).toHaveAttribute('data-mode', 'paused')
  // Its timeline shows before it is recorded, and the timeline's edits change the paused body in the editor.
  await page.keyboard.press('1')
  await page.getByTestId('exchange-row').filter({ has: page.getByTestId('paused-badge') }).click()
  await page.getByRole('tab', { name: 'Diagnosis' }).click()
  await expect(page.getByTestId('timeline-message')).toHaveCount(1)
  await page.getByTestId('toggle-thinking').click()
  await expect(editor.locator('.cm-content')).toContainText('"thinking"')
  await expect(editor).toHaveAttribute('data-mode', 'paused')
  await editor.getByTestId('pause-answer').click()
  await editor.getByTestId('pause-answer-status').fill('529')
  const own = JSON.stringify({ type: 'error', error: { type: 'overloaded_error', message: 'made up in the editor' } })
  await editor.getByTestId('pause-answer-body').fill(own)
  await editor.getByTestId('pause-answer-send').click()
  const res = await answered
  expect(res.status).toBe(529)
  expect(await res.text()).toBe(own)
  await expect(editor.getByTestId('pause-ended')).toContainText('Answered')
  expect(stack.emulator.received).toHaveLength(0)

  // Drop: the client's connection is closed, nothing goes upstream.
  // Settled at once into what happened, so the rejection is never unhandled while the test clicks.
  const dropped = post(stack.serve.proxyUrl, ask('drop me')).then(
    (r) => `answered ${r.status}`,
    (err: Error) => `closed: ${err.message}`
  )
  await page.getByTestId('repair-chip').click()
  await page.getByTestId('paused-edit').click()
  await expect(editor).toHaveAttribute('data-mode', 'paused')
  await editor.getByTestId('pause-drop').click()
  expect(await dropped).toMatch(/^closed/)
  await expect(editor.getByTestId('pause-ended')).toContainText('Dropped')
  expect(stack.emulator.received).toHaveLength(0)

  // A paused response: its request is shown read-only; Continue lets the upstream's answer through.
  await page.getByTestId('repair-chip').click()
  await page.getByTestId('breakpoint-row').getByRole('button', { name: 'Remove' }).click()
  await expect(page.getByTestId('breakpoint-row')).toHaveCount(0)
  await page.getByLabel('Pause', { exact: true }).selectOption('response')
  await page.getByTestId('breakpoint-add').click()
  await expect(page.getByTestId('breakpoint-row')).toContainText('response')
  const held = post(stack.serve.proxyUrl, ask('hold my answer'))
  await expect(page.getByTestId('paused-item')).toHaveAttribute('data-phase', 'response')
  await page.getByTestId('paused-edit').click()
  await expect(editor.getByTestId('replay-title')).toHaveText('Paused response')
  await expect(editor.getByTestId('pause-bar')).toHaveAttribute('data-phase', 'response')
  await expect(editor.locator('[data-testid^="editor-fix-"]')).toHaveCount(0)
  await editor.getByTestId('pause-continue').click()
  expect((await held).status).toBe(200)
  await expect(editor.getByTestId('pause-ended')).toContainText("upstream's response went on")
  expect(stack.emulator.received).toHaveLength(1)
})

/**
 * A request paused and opened in this window's editor, then continued unedited from a second window (its client
 * gets 200). `opened` runs once the editor shows the pause. Returns this window's editor.
 */
async function continuedElsewhere(page: Page, browser: Browser, serve: Serve, sent: string, opened?: () => void): Promise<Locator> {
  await breakOnModel(page, serve.uiUrl)
  const response = post(serve.proxyUrl, sent)
  await page.getByTestId('paused-edit').click()
  const editor = page.getByTestId('replay-editor')
  await expect(editor).toHaveAttribute('data-mode', 'paused')
  opened?.()
  const other = await browser.newPage()
  try {
    await other.goto(serve.uiUrl)
    await other.getByTestId('paused-chip').click()
    await other.getByTestId('paused-continue-unedited').click()
    expect((await response).status).toBe(200)
  } finally {
    await other.close()
  }
  return editor
}

test('a pause resumed from another window: the editor says so and sends nothing', async ({ page, stack, browser }) => {
  const sent = ask('two windows')
  const editor = await continuedElsewhere(page, browser, stack.serve, sent)
  await expect(editor).toHaveAttribute('data-mode', 'pause-ended')
  await expect(editor.getByTestId('pause-ended')).toContainText('resumed from elsewhere')
  await expect(editor.getByTestId('pause-continue')).toHaveCount(0)
  // Ctrl+Enter no longer continues anything: the upstream got the one unedited request.
  await editor.locator('.cm-content').click()
  await page.keyboard.press('Control+Enter')
  expect(stack.emulator.received.map((r) => r.body.toString())).toEqual([sent])
})

test('a Continue the core refuses (the pause ended unheard): its error is shown, then what happened', async ({ page, stack, browser }) => {
  // This window stops hearing breakpoint events once the editor is open, so it still shows the pause as waiting.
  let deaf = false
  await page.routeWebSocket(
    () => true,
    (ws) => {
      const server = ws.connectToServer()
      server.onMessage((m) => {
        if (deaf && typeof m === 'string' && m.includes('"breakpoints:status"')) return
        ws.send(m)
      })
      ws.onMessage((m) => server.send(m))
    }
  )
  const sent = ask('refused')
  const editor = await continuedElsewhere(page, browser, stack.serve, sent, () => (deaf = true))
  await expect(editor).toHaveAttribute('data-mode', 'paused')
  await editor.getByTestId('pause-drop').click()
  await expect(editor.getByTestId('pause-error')).toContainText('The inspector refused')
  await expect(editor.getByTestId('pause-error')).toContainText('is not paused')
  await expect(editor.getByTestId('pause-ended')).toContainText('resumed from elsewhere')
  expect(stack.emulator.received.map((r) => r.body.toString())).toEqual([sent])
})

test('a breakpoint nobody attends times out and the request goes on unedited', async ({ page, stack }) => {
  const serve = await startServe({ upstream: stack.emulator.url, args: ['--break-timeout', '60'] })
  try {
    await breakOnModel(page, serve.uiUrl)
    // The timeout is set for this run in the panel (serve started with 60 s).
    await expect(page.getByTestId('break-timeout')).toHaveValue('60')
    await page.getByTestId('break-timeout').fill('5')
    await page.getByTestId('break-timeout-set').click()
    await expect(page.getByTestId('intercept-panel')).toContainText('or 5 s pass')
    const sent = ask('nobody is watching')
    const response = post(serve.proxyUrl, sent)
    await expect(page.getByTestId('paused-item')).toBeVisible()
    await expect(page.getByTestId('paused-item')).toContainText('continues by itself in')
    expect(stack.emulator.received).toHaveLength(0)
    // Opened in the editor and left alone: the editor shows the countdown, then that the timeout let it go.
    await page.getByTestId('paused-edit').click()
    const editor = page.getByTestId('replay-editor')
    await expect(editor.getByTestId('pause-countdown')).toContainText('continues unedited in 0:0')
    expect((await response).status).toBe(200)
    expect(stack.emulator.received.map((r) => r.body.toString())).toEqual([sent])
    await expect(page.getByTestId('paused-item')).toHaveCount(0)
    await expect(editor.getByTestId('pause-ended')).toContainText('The timeout continued it unedited')
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
