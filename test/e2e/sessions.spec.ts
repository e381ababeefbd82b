// Sessions in Chromium: two Claude Code runs with the same prompt (test/scenarios/real-agents), sent through
// serve, show as two sessions, each with its main thread first and its title request under it; opening a
// thread lists the session's threads, and one click opens another.
import { expect, test } from './fixtures'
import { loadRun, sendRun } from '../scenarios/real-agents/replay-fixture'

const KEY = 'sk-sessionsE2E0123456789abcdefgh'

test('two sessions with the same first prompt stay apart, threads grouped under each', async ({ page, stack }) => {
  const run = loadRun('claude-code')
  await sendRun(stack.serve.proxyUrl, run.requests, KEY)
  await page.goto(stack.serve.uiUrl)
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  await page.keyboard.press('2')
  const rows = page.getByTestId('conversation-row')
  await expect(rows).toHaveCount(4)
  const markers = page.getByTestId('thread-marker')
  await expect(markers).toHaveCount(4)
  // Session A (main, title), then session B (main, title); the title is the prompt, not the harness wrapper.
  await expect.poll(async () => markers.evaluateAll((els) => els.map((e) => e.getAttribute('data-thread')))).toEqual(['main', 'title', 'main', 'title'])
  const sessions = await markers.evaluateAll((els) => els.map((e) => e.getAttribute('data-session')))
  expect(sessions[0]).toBe(sessions[1])
  expect(sessions[2]).toBe(sessions[3])
  expect(sessions[0]).not.toBe(sessions[2])
  for (const i of [0, 1, 2, 3]) await expect(rows.nth(i)).toContainText('List the files in this folder and say what they are.')
  await expect(rows.nth(0)).not.toContainText('system-reminder')

  // Session B's main thread: its threads listed, the title request one click away.
  await rows.nth(2).click()
  const threads = page.getByTestId('session-thread')
  await expect(threads).toHaveCount(2)
  await page.screenshot({ path: 'test-results/e2e-sessions.png', fullPage: true })
  await page.locator('[data-testid="session-thread"][data-thread="title"]').click()
  await expect(page.getByTestId('conversation-view')).toHaveAttribute('data-id', (await rows.nth(3).getAttribute('data-id'))!)
})
