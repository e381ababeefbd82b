// Edit and replay in Chromium: from the failing request, one click on the fix that restores the lost thinking
// (or reasoning_content), send with Ctrl+Enter, get 200, recorded in the conversation; the diff shows the
// restored blocks. "Strip thinking and disable" also gives 200.
import type { Page } from '@playwright/test'
import { expect, test, type Stack } from './fixtures'
import { anthropicCraftSession, openaiDroppedReasoningSession } from '../scenarios/agent-sessions'


async function openFailingConversation(page: Page, stack: Stack): Promise<void> {
  await page.goto(stack.serve.uiUrl)
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  await page.keyboard.press('2')
  await page.getByTestId('conversation-row').first().click()
  await expect(page.getByTestId('diagnosis-panel')).toBeVisible()
}

async function fixAndSend(page: Page, fixId: string): Promise<void> {
  await page.getByTestId('diagnosis-panel').getByTestId(`fix-${fixId}`).click()
  const editor = page.getByTestId('replay-editor')
  await expect(editor).toBeVisible()
  await expect(editor.getByTestId('replay-changes')).not.toBeEmpty()
  await editor.getByTestId('replay-body-editor').locator('.cm-content').click()
  await page.keyboard.press('Control+Enter')
  await expect(page.getByTestId('replay-result')).toHaveAttribute('data-status', '200', { timeout: 15_000 })
}

test('Anthropic: restore thinking → send → 200, a branch of the conversation; the diff shows the restored blocks', async ({ page, stack }) => {
  const { emulator } = stack
  expect((await anthropicCraftSession(stack.serve.proxyUrl, emulator)).status).toBe(400)
  await openFailingConversation(page, stack)
  emulator.script({ text: 'main.ts prints hi.' })
  await fixAndSend(page, 'restore-thinking')
  await page.screenshot({ path: 'test-results/e2e-replay-editor.png', fullPage: true })
  const diff = page.getByTestId('request-diff')
  await expect(diff).toContainText('thinking')
  await expect(diff).toContainText('Now read main.ts.')
  await page.screenshot({ path: 'test-results/e2e-replay-diff.png', fullPage: true })
  // Recorded, in the same conversation, marked as a replay.
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('conversation-view')).toContainText(/replay/i)
  // The row still says how the agent's session ended (400, in error), with the replay's 200 on its branch.
  const row = page.getByTestId('conversation-row').first()
  await expect(row).toHaveAttribute('data-error', 'true')
  await expect(row.getByTestId('conversation-errors')).toHaveText('1')
  await expect(row.getByTestId('conversation-replay-status')).toContainText('200')
  await expect(page.getByTestId('conversation-view')).toContainText('ended in error')
  const sent = JSON.parse(emulator.received.at(-1)!.body.toString('utf8'))
  expect(sent.messages[1].content[0]).toMatchObject({ type: 'thinking', thinking: 'I should list the src folder first.' })
})

test('OpenAI: restore reasoning_content → 200; strip thinking and disable → 200', async ({ page, stack }) => {
  const { emulator } = stack
  expect((await openaiDroppedReasoningSession(stack.serve.proxyUrl, emulator)).status).toBe(400)
  await openFailingConversation(page, stack)
  await fixAndSend(page, 'restore-reasoning-content')
  expect(JSON.parse(emulator.received.at(-1)!.body.toString('utf8')).messages[2].reasoning_content).toBe('List src first.')
  await page.keyboard.press('Escape')
  await openFailingConversation(page, stack)
  await fixAndSend(page, 'disable-thinking')
  expect(JSON.parse(emulator.received.at(-1)!.body.toString('utf8')).thinking).toEqual({ type: 'disabled' })
})
