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

test('an error relayed through LiteLLM names a tool call id: the chain, the provider and the call it names', async ({ page, stack }) => {
  const { emulator } = stack
  await page.goto(stack.serve.uiUrl)
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  const error =
    "litellm.BadRequestError: OpenAIException - An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: call_DAZJkqyYW8JTJdkO76E5MoPH"
  const file = {
    request: {
      method: 'POST',
      url: 'https://litellm.example.com/v1/chat/completions',
      body: {
        model: 'gpt-4o',
        messages: [
          { role: 'system', content: 's' },
          { role: 'user', content: 'ls and cat' },
          { role: 'assistant', content: '', tool_calls: [call('call_A'), call('call_DAZJkqyYW8JTJdkO76E5MoPH')] },
          { role: 'tool', tool_call_id: 'call_A', content: 'a.txt' },
          { role: 'user', content: 'and?' }
        ]
      }
    },
    // LiteLLM's proxy (BerriAI/litellm#10083) answers with the provider's text inside its own error.
    response: { status: 400, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ error: { message: error, type: null, param: null, code: '400' } }) }
  }
  await page.getByTestId('import-input').setInputFiles({ name: 'relayed.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) })
  await expect(page.getByTestId('import-result')).toContainText('1')
  const culprit = page.locator('[data-testid="timeline-message"][data-culprit="true"]')
  await expect(culprit).toHaveAttribute('data-index', '2')
  const panel = page.getByTestId('diagnosis-panel')
  await expect(panel.getByTestId('error-chain')).toHaveText('LiteLLM → OpenAI:')
  await expect(panel.getByTestId('diagnosis-provider')).toHaveText('OpenAI')
  await expect(panel.getByTestId('culprit-via')).toHaveAttribute('data-via', 'tool-id')
  await expect(panel.getByTestId('culprit-location')).toContainText('#2 assistant · messages[2].tool_calls[1]')
  await page.screenshot({ path: 'test-results/e2e-diagnosis-relayed.png', fullPage: true })
  await page.keyboard.press('1')
  await expect(page.getByTestId('exchange-provider').first()).toHaveText('OpenAI')
  expect(emulator.received).toHaveLength(0)
})

function call(id: string): Record<string, unknown> {
  return { id, type: 'function', function: { name: 'run', arguments: '{}' } }
}
