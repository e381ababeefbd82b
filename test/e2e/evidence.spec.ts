// Diagnosis from evidence in Chromium: Claude Code (its real request shapes) dropped the thinking of a turn;
// the diagnosis says so naming the recorded response, links to it, and offers restore-thinking first;
// restoring and sending gets 200, and the conversation row keeps the agent's "ended in error" with a 200 branch.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { CLAUDE_THOUGHT, claudeCodeDroppedThinking } from '../scenarios/real-agent-shapes'

async function openConversation(page: Page): Promise<void> {
  await page.keyboard.press('2')
  const rows = page.getByTestId('conversation-row')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toHaveAttribute('data-error', 'true')
  await rows.first().click()
  await expect(page.getByTestId('diagnosis-panel')).toHaveAttribute('data-state', 'failed')
}

test('thinking dropped: the evidence sentence, the link to the recorded response, restore-thinking first → 200, row still failed with a 200 branch', async ({ page, stack }) => {
  const run = await claudeCodeDroppedThinking(stack.serve.proxyUrl, stack.emulator)
  expect(run.statuses).toEqual([200, 400])
  await page.goto(stack.serve.uiUrl)
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  await openConversation(page)

  const culprit = page.getByTestId('culprit')
  await expect(culprit.getByTestId('culprit-explanation')).toHaveText(
    `Request #2 sends assistant message 2 without the ${CLAUDE_THOUGHT.length}-character thinking block that response #1 returned, and with thinking on MiMo wants the thinking of every tool-call turn passed back.`
  )
  const link = culprit.getByTestId('evidence-link')
  await expect(link).toHaveText('response #1 →')
  const chips = culprit.getByTestId('fix-chips').locator('button')
  await expect(chips.first()).toHaveAttribute('data-fix-id', 'restore-thinking')
  await expect(culprit.getByTestId('fix-text-to-thinking')).toHaveCount(0)
  await page.screenshot({ path: 'test-results/e2e-evidence-diagnosis.png', fullPage: true })

  // The link opens the recorded response: the first exchange, which answered 200.
  const recorded = await link.getAttribute('data-exchange-id')
  await link.click()
  await expect(page.getByTestId('detail-panel')).toHaveAttribute('data-id', recorded!)
  await expect(page.getByTestId('tab-response')).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByTestId('detail-status')).toContainText('200')

  // Back to the conversation: restore the thinking and send.
  await openConversation(page)
  stack.emulator.script({ text: 'It printed hello.' })
  await page.getByTestId('culprit').getByTestId('fix-restore-thinking').click()
  const editor = page.getByTestId('replay-editor')
  await expect(editor.getByTestId('replay-changes')).toContainText('thinking block restored from response #1')
  await editor.getByTestId('replay-body-editor').locator('.cm-content').click()
  await page.keyboard.press('Control+Enter')
  await expect(page.getByTestId('replay-result')).toHaveAttribute('data-status', '200', { timeout: 15_000 })
  const sent = JSON.parse(stack.emulator.received.at(-1)!.body.toString('utf8'))
  expect(sent.messages[2].content[0]).toEqual({ type: 'thinking', thinking: CLAUDE_THOUGHT, signature: '' })

  // The conversation row follows the agent's own traffic: still ended in error, with the 200 branch beside it.
  await page.keyboard.press('Escape')
  await page.keyboard.press('2')
  const row = page.getByTestId('conversation-row').first()
  await expect(row).toHaveAttribute('data-error', 'true')
  await expect(row.getByTestId('conversation-replay-status')).toContainText('200')
  await page.screenshot({ path: 'test-results/e2e-evidence-branch.png', fullPage: true })
})
