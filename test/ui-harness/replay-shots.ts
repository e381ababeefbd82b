// The ui4 screenshots: edit & replay, the diffs, minimize and export, proxy mode. Called by screenshots.ts
// (`npx tsx test/ui-harness/screenshots.ts ui4`); the fake core simulates the calls (fake-replay.ts).
import { join } from 'node:path'
import type { Page } from 'playwright-core'

export interface ShotKit {
  shotsDir: string
  check(ok: boolean, what: string): void
}

async function shot(page: Page, kit: ShotKit, name: string): Promise<void> {
  const file = join(kit.shotsDir, `ui4-${name}.png`)
  await page.screenshot({ path: file })
  console.log(`📸 ${file}`)
}

const ROWS = 400
const SPECIAL = (n: number): string => `ex-${String(ROWS + n).padStart(6, '0')}`

export async function replayShots(page: Page, base: string, kit: ShotKit): Promise<void> {
  const { check } = kit
  await page.goto(`${base}?rows=${ROWS}`)
  await page.locator('#root[data-app-state="ready"]').waitFor()

  // ---- the diagnosis's fix opens the editor with the fix applied ----
  await page.keyboard.press('2')
  await page.locator('[data-testid="conversation-row"][data-id="conv-claude-400"]').click()
  await page.locator('[data-testid="diagnosis-panel"][data-state="failed"]').waitFor()
  check(await page.getByTestId('fix-restore-thinking').isEnabled(), 'fix chips are buttons now')
  const chip = page.getByTestId('fix-restore-thinking')
  await chip.click()
  await page.getByTestId('replay-changes').waitFor()
  await page.locator('.cm-content').waitFor()
  check(/thinking block restored/.test((await page.getByTestId('replay-changes').textContent()) ?? ''), 'the change line is listed')
  await page.waitForTimeout(150)
  await shot(page, kit, 'editor')

  // A fix that does not apply says why.
  const bad = page.getByTestId('editor-fix-add-empty-signature')
  if (await bad.count()) {
    await bad.click()
    await page.locator('[data-testid="replay-problem"][data-kind="error"]').waitFor()
    await shot(page, kit, 'editor-fix-error')
  }

  // Structured edits from the timeline.
  const message = page.locator('[data-testid="timeline-message"][data-index="9"]')
  await message.scrollIntoViewIfNeeded()
  await message.locator('.tl-head').hover()
  await message.getByTestId('tl-delete-message').click()
  await page.locator('[data-testid="timeline-message"][data-index="9"][data-edit="deleted"]').waitFor()
  check(/messages\[9\]: assistant message deleted/.test((await page.getByTestId('replay-changes').textContent()) ?? ''), 'delete message → replay:edit → change line')
  const block = page.locator('[data-testid="timeline-message"][data-index="11"] [data-testid="timeline-block"]').first()
  await block.scrollIntoViewIfNeeded()
  await block.hover()
  await block.getByTestId('tl-edit-text').click()
  await page.getByTestId('tl-text-editor').locator('textarea').fill('Now run the tests again, please.')
  await page.keyboard.press('Control+Enter')
  await page.locator('[data-testid="timeline-block"][data-edit="edited"]').first().waitFor()
  check(true, 'edit text → set-text (indices shifted past the deleted message)')
  await block.hover()
  await shot(page, kit, 'timeline-edits')

  // Send with Ctrl+Enter from inside the editor; the result streams in, then the diffs.
  await page.locator('.cm-content').click()
  await page.keyboard.press('Control+Enter')
  await page.locator('[data-testid="replay-result"][data-state="sending"]').waitFor()
  check(await page.getByTestId('replay-send').isDisabled(), 'Send is disabled while the replay runs')
  await page.locator('[data-testid="replay-result"][data-status="200"]').waitFor()
  await shot(page, kit, 'result-streaming')
  await page.locator('[data-testid="replay-result"][data-state="done"]').waitFor()
  await page.waitForTimeout(300)
  await shot(page, kit, 'result')
  await page.getByTestId('response-diff').evaluate((el) => el.scrollIntoView({ block: 'end' }))
  await page.waitForTimeout(100)
  check(((await page.getByTestId('request-diff').textContent()) ?? '').includes('I should read the file first.'), 'request diff shows the restored thinking')
  check(((await page.getByTestId('response-diff').textContent()) ?? '').includes('200'), 'response diff shows 400 → 200')
  await shot(page, kit, 'diff')

  // A Token Plan target answers 429 once: waiting-retry with a countdown, then the retry.
  await page.getByTestId('replay-target').selectOption('mimo-token-plan')
  await page.getByTestId('replay-send').click()
  await page.locator('[data-testid="replay-result"][data-state="waiting-retry"]').waitFor()
  await page.waitForTimeout(400)
  await shot(page, kit, 'retry-countdown')
  await page.locator('[data-testid="replay-result"][data-state="done"]').waitFor({ timeout: 10_000 })

  // Another key: the field, with "remember" (the fake says it can persist).
  await page.getByTestId('replay-key-input-show').click()
  await page.getByTestId('replay-key-input').fill('sk-harness0123456789abcdef')
  await shot(page, kit, 'key-field')
  await page.getByTestId('replay-target').selectOption('original')
  await page.getByTestId('replay-send').click()
  await page.locator('[data-testid="replay-result"][data-state="sending"]').waitFor()
  await page.locator('[data-testid="replay-result"][data-state="done"]').waitFor({ timeout: 10_000 })
  check((await page.getByTestId('replay-key-input').count()) === 0 || (await page.getByTestId('replay-key-input').inputValue()) === '', 'the typed key left the DOM after sending')

  // Esc closes; focus goes back to the chip that opened it; the replay shows in the strip.
  await page.locator('.cm-content').click()
  await page.keyboard.press('Escape')
  await page.getByTestId('replay-editor').waitFor({ state: 'detached' })
  check(await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'fix-restore-thinking'), 'Esc gives focus back to the fix chip')
  await page.locator('[data-testid="replay-marker"]').first().waitFor()
  check(/replay/i.test((await page.getByTestId('conversation-view').textContent()) ?? ''), 'the conversation marks the replay')
  await shot(page, kit, 'conversation-replays')

  // ---- minimize and export on a failed exchange (exchanges view) ----
  await page.keyboard.press('1')
  await page.locator(`[data-testid="exchange-row"][data-id="${SPECIAL(3)}"]`).click()
  await page.getByTestId('minimize-button').click()
  await page.getByTestId('minimize-start').click()
  await page.locator('[data-testid="minimize-progress"]').waitFor()
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="minimize-progress"]')?.getAttribute('data-used')) >= 5)
  await shot(page, kit, 'minimize-running')
  await page.locator('[data-testid="minimize-result"][data-state="done"]').waitFor({ timeout: 15_000 })
  await shot(page, kit, 'minimize-done')
  const download = page.waitForEvent('download')
  await page.getByTestId('export-button').click()
  const file = await download
  check(/^mimo-repro-.*\.zip$/.test(file.suggestedFilename()), `export downloads ${file.suggestedFilename()}`)
  await page.getByTestId('minimize-open-editor').click()
  await page.getByTestId('replay-changes').waitFor()
  await page.waitForTimeout(150)
  await shot(page, kit, 'minimized-in-editor')
  await page.getByTestId('replay-close').click()
  // Cancel mid-run keeps the best so far.
  await page.getByTestId('minimize-start').click()
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="minimize-progress"]')?.getAttribute('data-used')) >= 2)
  await page.getByTestId('minimize-cancel').click()
  await page.locator('[data-testid="minimize-result"][data-state="cancelled"]').waitFor()
  await shot(page, kit, 'minimize-cancelled')

  // ---- proxy mode ----
  const mitmRow = page.locator('[data-testid="exchange-row"]:has([data-mode="mitm"])').first()
  await mitmRow.click()
  await page.locator('[data-testid="detail-panel"] [data-mode="mitm"]').waitFor()
  await shot(page, kit, 'mitm-tag')
  await page.getByTestId('setup-button').click()
  await page.getByTestId('mitm-toggle').check()
  await page.getByTestId('mitm-env-line').first().waitFor()
  await page.getByTestId('mitm-section').evaluate((el) => el.scrollIntoView())
  await shot(page, kit, 'proxy-on')
  await page.getByTestId('env-shell').selectOption('powershell')
  await page.getByTestId('env-snippet').evaluate((el) => el.scrollIntoView({ block: 'center' }))
  check(((await page.getByTestId('env-snippet').textContent()) ?? '').includes('$env:HTTPS_PROXY = "http://127.0.0.1:8789"'), 'PowerShell snippet syntax')
  await shot(page, kit, 'proxy-powershell')
  await page.getByTestId('mitm-regenerate-ca').click()
  await page.getByTestId('mitm-regenerate-confirm').waitFor()
  await shot(page, kit, 'proxy-regenerate-confirm')
  await page.getByTestId('mitm-regenerate-confirm').click()
  await page.getByTestId('mitm-port').fill('8788')
  await page.getByTestId('mitm-port').press('Enter')
  await page.getByTestId('mitm-error').waitFor()
  await page.getByTestId('mitm-section').evaluate((el) => el.scrollIntoView())
  await shot(page, kit, 'proxy-port-taken')
  await page.getByTestId('mitm-toggle').uncheck()

  await page.goto(`${base}?rows=200&mitm=1`)
  await page.locator('#root[data-app-state="ready"]').waitFor()
  await page.getByTestId('setup-button').click()
  await page.getByTestId('mitm-tls-hint').waitFor()
  await page.getByTestId('mitm-section').evaluate((el) => el.scrollIntoView())
  await shot(page, kit, 'proxy-tls-hint')
}
