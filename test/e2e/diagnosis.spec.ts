// The 400 journey in Chromium against web mode: an agent session through the proxy to the emulator ends in
// MiMo's reasoning 400; the UI shows one conversation, the failing request red, the culprit message
// highlighted, MiMo's real error text (error.param) and the turn diff. In both formats.
import type { Page } from '@playwright/test'
import { expect, test, type Stack } from './fixtures'
import { anthropicCraftSession, openaiDroppedReasoningSession } from '../scenarios/agent-sessions'


async function openOnlyConversation(page: Page, stack: Stack): Promise<void> {
  await page.goto(stack.serve.uiUrl)
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  await page.keyboard.press('2')
  const rows = page.getByTestId('conversation-row')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toHaveAttribute('data-error', 'true')
  await rows.first().click()
  await expect(page.getByTestId('conversation-view')).toBeVisible()
}

test('Anthropic: thinking replayed as text on turn 3 → the culprit message is highlighted and explained', async ({ page, stack }) => {
  const { emulator } = stack
  expect((await anthropicCraftSession(stack.serve.proxyUrl, emulator)).status).toBe(400)
  await openOnlyConversation(page, stack)

  const culprit = page.locator('[data-testid="timeline-message"][data-culprit="true"]')
  await expect(culprit).toHaveCount(1)
  await expect(culprit).toHaveAttribute('data-index', '1')
  await expect(culprit).toBeInViewport()
  const panel = page.getByTestId('diagnosis-panel')
  await expect(panel.getByTestId('error-text')).toHaveText('The reasoning_content in the thinking mode must be passed back to the API.')
  await expect(panel).toContainText('R02')
  await expect(page.getByTestId('turn-diff')).toContainText(/message 1.*thinking/i)
  await page.screenshot({ path: 'test-results/e2e-diagnosis-anthropic.png', fullPage: true })
})

test('OpenAI: reasoning_content dropped → the culprit message is highlighted and explained', async ({ page, stack }) => {
  const { emulator } = stack
  expect((await openaiDroppedReasoningSession(stack.serve.proxyUrl, emulator)).status).toBe(400)
  await openOnlyConversation(page, stack)

  const culprit = page.locator('[data-testid="timeline-message"][data-culprit="true"]')
  await expect(culprit).toHaveCount(1)
  await expect(culprit).toHaveAttribute('data-index', '2')
  await expect(page.getByTestId('diagnosis-panel').getByTestId('error-text')).toHaveText('The reasoning_content in the thinking mode must be passed back to the API.')
  await expect(page.getByTestId('turn-diff')).toContainText(/reasoning/i)
  await page.screenshot({ path: 'test-results/e2e-diagnosis-openai.png', fullPage: true })
})

test('a dropped exchange file is imported and diagnosed', async ({ page, stack }) => {
  const { emulator } = stack
  await page.goto(stack.serve.uiUrl)
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  const file = {
    request: {
      method: 'POST',
      path: '/v1/chat/completions',
      body: {
        model: 'mimo-v2.5',
        messages: [
          { role: 'user', content: 'ls' },
          { role: 'assistant', content: '', tool_calls: [{ id: 'c1', type: 'function', function: { name: 'ls', arguments: '{}' } }] },
          { role: 'tool', tool_call_id: 'c1', content: 'a.txt' }
        ]
      }
    },
    response: { status: 400, headers: {}, body: 'data:{"error":{"code":"400","message":"Param Incorrect","param":"The reasoning_content in the thinking mode must be passed back to the API.","type":""}}' }
  }
  await page.getByTestId('import-input').setInputFiles({ name: 'failing.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) })
  await expect(page.getByTestId('import-result')).toContainText('1')
  const culprit = page.locator('[data-testid="timeline-message"][data-culprit="true"]')
  await expect(culprit).toHaveAttribute('data-index', '1')
  expect(emulator.received).toHaveLength(0) // importing sends nothing
})
