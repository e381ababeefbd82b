// The request and the response side by side (issue 16, item 3), in the real app against serve and the emulator:
// both panes at once, each with its body, and the headers shown in full when opened, not in a small scroll box.
import Anthropic from '@anthropic-ai/sdk'
import { expect, test } from './fixtures'
import { SESSION_KEY } from '../scenarios/agent-sessions'

test('side by side: the request and the streamed response next to each other, the headers in full', async ({ page, stack }) => {
  stack.emulator.script({ thinking: 'Listing first.', text: 'There are two files in src: main.ts and util.ts.' })
  const client = new Anthropic({ baseURL: `${stack.serve.proxyUrl}/anthropic`, apiKey: SESSION_KEY, maxRetries: 0 })
  await client.messages.stream({ model: 'mimo-v2.5-pro', max_tokens: 512, messages: [{ role: 'user', content: 'What is in the src folder?' }] }).finalMessage()

  await page.setViewportSize({ width: 1280, height: 900 })
  await page.goto(stack.serve.uiUrl)
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  await page.getByTestId('exchange-row').first().click()
  await page.getByTestId('tab-both').click()
  await expect(page.getByTestId('tab-both')).toHaveAttribute('aria-selected', 'true')

  // Both panes at once: the request on the left, the response on the right, level with each other.
  const request = page.getByTestId('side-by-side').getByTestId('request-pane')
  const response = page.getByTestId('side-by-side').getByTestId('response-pane')
  await expect(request.getByTestId('body-request')).toContainText('What is in the src folder?')
  await expect(response.getByTestId('stream-section')).toContainText('There are two files in src')
  const [left, right] = [(await request.boundingBox())!, (await response.boundingBox())!]
  expect(left.x + left.width).toBeLessThanOrEqual(right.x + 1)
  expect(Math.abs(left.y - right.y)).toBeLessThan(2)
  expect(right.width).toBeGreaterThan(400)

  // The headers, opened, are shown in full: no box of their own that scrolls, every row there to read.
  const headers = request.getByTestId('headers-request')
  await headers.locator('summary').click()
  const rows = headers.locator('tr')
  const count = await rows.count()
  expect(count).toBeGreaterThan(8) // the SDK sends its x-stainless-* headers
  const box = await headers.evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight }))
  expect(box.scroll).toBeLessThanOrEqual(box.client + 1)
  await rows.last().scrollIntoViewIfNeeded()
  await expect(rows.last()).toBeInViewport()
  // The key is fingerprinted in the headers as everywhere else.
  await expect(headers).not.toContainText(SESSION_KEY)
  // The response's headers open with the same choice, and its body still has room below them.
  await expect(response.getByTestId('headers-response')).toHaveAttribute('open', '')
  expect((await response.getByTestId('stream-section').boundingBox())!.height).toBeGreaterThanOrEqual(270)

  // The choice of tab holds for the next exchange opened.
  stack.emulator.script({ text: 'Done.' })
  await client.messages.create({ model: 'mimo-v2.5-pro', max_tokens: 64, messages: [{ role: 'user', content: 'And now?' }] })
  await page.getByTestId('exchange-row').nth(1).click()
  await expect(page.getByTestId('side-by-side').getByTestId('body-request')).toContainText('And now?')
  await expect(page.getByTestId('side-by-side').getByTestId('response-pane')).toContainText('Done.')
})
