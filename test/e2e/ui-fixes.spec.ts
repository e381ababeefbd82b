// The renderer defects of issue 15, each checked in the real app: focus after a fix chip, the fix marked in the
// editor, a refused replay said once, the import note that goes away, a 41 KB tool input folded like long text,
// the minimize bar when done, and distinct names for the minimal and the original bundle.
import { createServer } from 'node:net'
import type { Page } from '@playwright/test'
import { expect, test, type Stack } from './fixtures'
import { anthropicCraftSession } from '../scenarios/agent-sessions'
import { bigFailing, longToolSession, TITLES } from './views/traffic'

async function openConversation(page: Page, stack: Stack, title: string): Promise<void> {
  await page.goto(stack.serve.uiUrl)
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  await page.keyboard.press('2')
  await page.getByTestId('conversation-row').filter({ hasText: title.slice(0, 40) }).first().click()
  await expect(page.getByTestId('conversation-view')).toBeVisible()
}

async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()))
  const { port } = server.address() as { port: number }
  await new Promise<void>((ok) => server.close(() => ok()))
  return port
}

test('a fix marks what it changed in the editor; after a fix chip in the panel, Ctrl+Enter still sends', async ({ page, stack }) => {
  expect((await anthropicCraftSession(stack.serve.proxyUrl, stack.emulator)).status).toBe(400)
  await openConversation(page, stack, TITLES.craft)
  await page.getByTestId('diagnosis-panel').getByTestId('fix-restore-thinking').click()
  const editor = page.getByTestId('replay-editor')
  await expect(editor.getByTestId('replay-changes')).not.toBeEmpty()
  // The restored thinking is highlighted, in view, and the editor has the focus.
  const marked = editor.locator('.cm-fix-applied')
  await expect(marked.first()).toBeInViewport()
  await expect(marked.first()).toContainText('thinking')
  await expect(editor.locator('.cm-content')).toBeFocused()

  // A second fix from the panel's own chips: the focus stays in the panel, so the shortcut sends.
  await editor.getByTestId('editor-fix-disable-thinking').click()
  await expect(editor.getByTestId('replay-changes')).toContainText('thinking')
  expect(await page.evaluate(() => document.activeElement !== document.body && document.activeElement !== null)).toBe(true)
  stack.emulator.script({ text: 'main.ts prints hi.' })
  await page.keyboard.press('Control+Enter')
  await expect(page.getByTestId('replay-result')).toHaveAttribute('data-status', '200', { timeout: 15_000 })
  expect(JSON.parse(stack.emulator.received.at(-1)!.body.toString('utf8')).thinking).toEqual({ type: 'disabled' })
})

test('a replay the upstream refuses says "failed" once and shows its error once', async ({ page, stack }) => {
  expect((await anthropicCraftSession(stack.serve.proxyUrl, stack.emulator)).status).toBe(400)
  await openConversation(page, stack, TITLES.craft)
  await page.getByTestId('edit-replay-button').click()
  const editor = page.getByTestId('replay-editor')
  await editor.getByTestId('replay-target').selectOption('custom')
  await editor.getByTestId('replay-target-url').fill(`http://127.0.0.1:${await closedPort()}`)
  await editor.getByTestId('replay-send').click()
  const result = page.getByTestId('replay-result')
  await expect(result).toHaveAttribute('data-state', 'failed', { timeout: 15_000 })
  // The head and the error boxes (the response diff below may name the change from 400 to the error: that is data).
  const head = (await result.locator('.replay-result-head').innerText()).toLowerCase()
  expect(head.match(/\bfailed\b/g) ?? []).toHaveLength(1)
  const said = [head, ...(await result.getByRole('alert').allInnerTexts())].join('\n').toLowerCase()
  expect(said.match(/econnrefused/g) ?? []).toHaveLength(1)
  await expect(result.getByTestId('replay-error')).toHaveCount(1)
})

test('a clean import says so and goes away; it does not stay over the view', async ({ page, stack }) => {
  await page.goto(stack.serve.uiUrl)
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  const file = {
    request: { method: 'POST', path: '/v1/chat/completions', body: { model: 'mimo-v2.5', messages: [{ role: 'user', content: 'hello' }] } },
    response: { status: 200, headers: {}, body: '{"choices":[{"index":0,"message":{"role":"assistant","content":"hi"}}]}' }
  }
  await page.getByTestId('import-input').setInputFiles({ name: 'one.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) })
  const toast = page.getByTestId('import-result')
  await expect(toast).toContainText('Imported 1 exchange')
  await expect(toast).toBeHidden({ timeout: 15_000 })
})

test('a 41 KB tool_use input is folded like long text, and opens on request', async ({ page, stack }) => {
  await longToolSession(stack.serve.proxyUrl, stack.emulator)
  await openConversation(page, stack, TITLES.longTool)
  const block = page.getByTestId('timeline').getByTestId('block-tool_use').first()
  await expect(block).toBeVisible()
  const folded = (await block.boundingBox())!.height
  expect(folded).toBeLessThan(400)
  const more = block.getByTestId('show-more')
  await expect(more).toContainText(/more characters/)
  await more.click()
  await expect.poll(async () => (await block.boundingBox())!.height).toBeGreaterThan(folded * 2)
})

test('minimize: a finished run shows a full bar; the minimal bundle and the original get different names', async ({ page, stack }) => {
  await bigFailing(stack.serve.proxyUrl)
  expect((await anthropicCraftSession(stack.serve.proxyUrl, stack.emulator)).status).toBe(400)
  await page.goto(stack.serve.uiUrl)
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  const failing = page.locator('[data-testid="exchange-row"][data-status="400"]')
  await failing.first().click()
  await page.getByTestId('minimize-button').click()
  await page.getByTestId('minimize-mode').selectOption('predicted')
  await page.getByTestId('minimize-start').click()
  await expect(page.getByTestId('minimize-result')).toHaveAttribute('data-state', 'done', { timeout: 30_000 })
  const bar = page.getByTestId('minimize-progress')
  // The fill's width has a 0.2 s transition: measure once it has run, not halfway.
  await expect
    .poll(async () => {
      const [outer, fill] = await Promise.all([bar.boundingBox(), bar.locator('.progress-fill').boundingBox()])
      return fill!.width - (outer!.width - 4)
    })
    .toBeGreaterThan(0)

  const minimal = page.waitForEvent('download')
  await page.getByTestId('export-button').click()
  const minimalName = (await minimal).suggestedFilename()
  expect(minimalName).toMatch(/-minimal\.zip$/)

  await failing.last().click()
  const original = page.waitForEvent('download')
  await page.getByTestId('export-button').click()
  const originalName = (await original).suggestedFilename()
  expect(originalName).toMatch(/^mimo-repro-.*\.zip$/)
  expect(originalName).not.toMatch(/-minimal/)
})
