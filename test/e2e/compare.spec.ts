// Compare any two exchanges (issue 16, item 7), in the real app against serve and the emulator: mark one, open
// another, "Compare with" → the structural diff of the requests, the responses, the facts and the headers.
import Anthropic from '@anthropic-ai/sdk'
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { SESSION_KEY } from '../scenarios/agent-sessions'

const FIRST = [{ role: 'user' as const, content: 'What is in the src folder?' }]
const SECOND = [...FIRST, { role: 'assistant' as const, content: 'Two files: main.ts and util.ts.' }, { role: 'user' as const, content: 'Which one is bigger?' }]

const changed = (section: Locator, path: string): Locator => section.locator('.diff-row[data-kind="changed"]').filter({ hasText: path })

async function compare(page: Page, a: number, b: number): Promise<Locator> {
  await page.getByTestId('exchange-row').nth(a).click()
  // The mark stays after a comparison (A against B, then against C): press it only when A is not marked yet.
  const mark = page.getByTestId('compare-mark')
  if ((await mark.getAttribute('aria-pressed')) !== 'true') await mark.click()
  await expect(mark).toHaveAttribute('aria-pressed', 'true')
  await page.getByTestId('exchange-row').nth(b).click()
  await page.getByTestId('compare-with').click()
  const view = page.getByTestId('compare-view')
  await expect(view.getByTestId('compare-request')).toBeVisible()
  return view
}

test('compare two exchanges: the request, the response and the facts, structurally; swap; the same request says so', async ({ page, stack }) => {
  const client = new Anthropic({ baseURL: `${stack.serve.proxyUrl}/anthropic`, apiKey: SESSION_KEY, maxRetries: 0 })
  stack.emulator.script({ text: 'Two files: main.ts and util.ts.' })
  await client.messages.create({ model: 'mimo-v2.5-pro', max_tokens: 256, messages: FIRST })
  stack.emulator.script({ text: 'main.ts is bigger.' })
  await client.messages.create({ model: 'mimo-v2.5-pro', max_tokens: 512, messages: SECOND })
  stack.emulator.script({ text: 'Two files: main.ts and util.ts.' })
  await client.messages.create({ model: 'mimo-v2.5-pro', max_tokens: 256, messages: FIRST })

  await page.setViewportSize({ width: 1280, height: 900 })
  await page.goto(stack.serve.uiUrl)
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  await expect(page.getByTestId('exchange-row')).toHaveCount(3)

  const view = await compare(page, 0, 1)
  const request = view.getByTestId('compare-request')
  // The two messages the second request added, each once (matched by identity, not position), and the changed limit.
  await expect(request.locator('.diff-row[data-kind="added"]')).toHaveCount(2)
  await expect(request.locator('.diff-row[data-kind="added"]').first()).toContainText('messages[1]')
  await expect(changed(request, 'max_tokens')).toContainText(/256\s*→\s*512/)
  // The answers differ in their text; the status does not.
  const response = view.getByTestId('compare-response')
  await expect(response).toContainText('Two files: main.ts and util.ts.')
  await expect(response).toContainText('main.ts is bigger.')
  await expect(response.locator('.diff-path').filter({ hasText: /^status$/ })).toHaveCount(0)
  // The facts: a bigger request; the headers: the SDK's content-length differs, the key never shows.
  await expect(changed(view.getByTestId('compare-facts'), 'request_size')).toBeVisible()
  await expect(changed(view.getByTestId('compare-request-headers'), 'content-length')).toBeVisible()
  await expect(view).not.toContainText(SESSION_KEY)

  // Swap: B becomes the base, every change reads the other way.
  await view.getByTestId('compare-swap').click()
  await expect(changed(view.getByTestId('compare-request'), 'max_tokens')).toContainText(/512\s*→\s*256/)
  await expect(view.getByTestId('compare-request').locator('.diff-row[data-kind="removed"]')).toHaveCount(2)

  // A side's label opens that exchange and ends the comparison.
  await view.getByTestId('compare-side-a').click()
  await expect(page.getByTestId('compare-view')).toHaveCount(0)
  await expect(page.getByTestId('detail-panel')).toBeVisible()

  // The first and the third sent the same body and got the same answer: said so, no rows.
  const same = await compare(page, 0, 2)
  await expect(same.getByTestId('compare-request')).toHaveAttribute('data-changes', '0')
  await expect(same.getByTestId('compare-request')).toContainText('The same request body')
  await expect(same.getByTestId('compare-response')).toHaveAttribute('data-changes', '0')
  await same.getByTestId('compare-close').click()
  await expect(page.getByTestId('compare-view')).toHaveCount(0)
  await expect(page.getByTestId('tab-response')).toBeVisible()
})
