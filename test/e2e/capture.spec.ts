// The capture journey in a real browser against web mode: a real SDK client runs through the proxy to the
// emulator, the exchanges appear live, the streamed message is reassembled, and all of it survives a restart.
import Anthropic from '@anthropic-ai/sdk'
import OpenAI from 'openai'
import { expect, test } from './fixtures'

const KEY = 'sk-e2e0123456789abcdefghijklmnop'

const anthropicTurn = {
  thinking: 'The user wants the file list. I will call ls.',
  text: 'Listing the files now.',
  toolCalls: [{ name: 'list_files', input: { path: 'src', recursive: true } }]
}

test('exchanges appear live, open with the reassembled stream, and survive a restart', async ({ page, stack }) => {
  const { emulator } = stack
  await page.goto(stack.serve.uiUrl)
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  // No traffic yet: the setup panel tells the user what to paste.
  await expect(page.getByTestId('setup-panel')).toContainText(`ANTHROPIC_BASE_URL=${stack.serve.proxyUrl}/anthropic`)

  // A slow stream, so the row is visible while it is in flight.
  emulator.setChunkDelay(150)
  emulator.script(anthropicTurn)
  const anthropic = new Anthropic({ baseURL: `${stack.serve.proxyUrl}/anthropic`, apiKey: KEY, maxRetries: 0 })
  const streaming = anthropic.messages
    .stream({ model: 'mimo-v2.5-pro', max_tokens: 1024, messages: [{ role: 'user', content: 'What is in src?' }] })
    .finalMessage()
  const row = page.getByTestId('exchange-row').first()
  await expect(row).toHaveAttribute('data-state', /pending|streaming/)
  const message = await streaming
  expect(message.content.map((b) => b.type)).toEqual(['thinking', 'text', 'tool_use'])
  await expect(row).toHaveAttribute('data-state', 'completed')
  await expect(row).toHaveAttribute('data-status', '200')
  await expect(row).toContainText('mimo-v2.5-pro')

  // An OpenAI-format exchange and a 400 beside it.
  emulator.setChunkDelay(0)
  emulator.script({ thinking: 'Need to read the file.', toolCalls: [{ name: 'read_file', input: { path: 'README.md' } }] })
  const openai = new OpenAI({ baseURL: `${stack.serve.proxyUrl}/v1`, apiKey: KEY, maxRetries: 0 })
  const chunks = await openai.chat.completions.create({ model: 'mimo-v2.5', stream: true, messages: [{ role: 'user', content: 'read it' }] })
  for await (const _ of chunks) void _
  await openai.chat.completions
    .create({
      model: 'mimo-v2.5',
      messages: [
        { role: 'user', content: 'read it' },
        { role: 'assistant', content: '', tool_calls: [{ id: 'c1', type: 'function', function: { name: 'read_file', arguments: '{}' } }] },
        { role: 'tool', tool_call_id: 'c1', content: 'hello' }
      ]
    })
    .catch(() => null)
  const rows = page.getByTestId('exchange-row')
  await expect(rows).toHaveCount(3)
  await expect(rows.nth(2)).toHaveAttribute('data-status', '400')

  // Open the Anthropic stream: thinking and tool_use reassembled.
  await rows.nth(0).click()
  await expect(page.getByTestId('detail-panel')).toBeVisible()
  await page.getByTestId('tab-response').click()
  const streamMessage = page.getByTestId('stream-message')
  await expect(streamMessage.getByTestId('block-thinking')).toContainText('call ls')
  await expect(streamMessage.getByTestId('block-tool_use')).toContainText('list_files')
  await expect(streamMessage.getByTestId('block-tool_use')).toContainText('recursive')
  await page.screenshot({ path: 'test-results/e2e-anthropic-stream.png', fullPage: true })

  // The OpenAI stream: reasoning and tool_call.
  await rows.nth(1).click()
  await page.getByTestId('tab-response').click()
  await expect(page.getByTestId('stream-message').getByTestId('block-reasoning')).toContainText('Need to read the file.')
  await expect(page.getByTestId('stream-message').getByTestId('block-tool_call')).toContainText('read_file')
  await page.screenshot({ path: 'test-results/e2e-openai-stream.png', fullPage: true })

  // Restart serve on the same data folder: everything is listed again.
  await stack.restart()
  await page.goto(stack.serve.uiUrl)
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  await expect(page.getByTestId('exchange-row')).toHaveCount(3)
  await expect(page.getByTestId('exchange-row').nth(2)).toHaveAttribute('data-status', '400')
})

test('a request shows its headers with the key fingerprinted, and its pretty and raw body', async ({ page, stack }) => {
  const { emulator } = stack
  await page.goto(stack.serve.uiUrl)
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  const res = await fetch(`${stack.serve.proxyUrl}/anthropic/v1/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': KEY },
    body: JSON.stringify({ model: 'mimo-v2.5-pro', max_tokens: 10, messages: [{ role: 'user', content: 'ping' }] })
  })
  expect(res.status).toBe(200)
  await page.getByTestId('exchange-row').first().click()
  await page.getByTestId('tab-request').click()
  const detail = page.getByTestId('detail-panel')
  await expect(detail).toContainText('x-api-key')
  await expect(detail).toContainText(/sk-…[0-9a-f]{4}/)
  await expect(detail).not.toContainText(KEY)
  await expect(detail).toContainText('"ping"')
})
