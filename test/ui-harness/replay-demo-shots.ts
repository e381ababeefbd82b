// Screenshots of edit & replay, minimize and proxy mode in the real app against `npm run demo` (or any
// `mimo-inspector serve` with a failed conversation). It clicks real fixes and replays against the emulator.
// For looking, not a test suite.
//   PORT=8799 npm run demo            (prints the UI URL with its token)
//   npx tsx test/ui-harness/replay-demo-shots.ts 'http://127.0.0.1:8799/?token=…'
// Screenshots: test-results/ui4-real-*.png
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Page } from 'playwright-core'

const here = fileURLToPath(new URL('.', import.meta.url))
const shotsDir = resolve(here, '../../test-results')
const url = process.argv[2]
if (!url) {
  console.error('usage: npx tsx test/ui-harness/replay-demo-shots.ts UI_URL   (the address `npm run demo` prints)')
  process.exit(2)
}

async function shot(page: Page, name: string): Promise<void> {
  const file = join(shotsDir, `ui4-real-${name}.png`)
  await page.screenshot({ path: file })
  console.log(`📸 ${file}`)
}

async function main(): Promise<void> {
  mkdirSync(shotsDir, { recursive: true })
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']
  })
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true })
  page.on('pageerror', (err) => console.log('   ✗ page error:', err.message))
  try {
    await page.goto(url)
    await page.locator('#root[data-app-state="ready"]').waitFor()
    await page.keyboard.press('2')
    const failed = page.locator('[data-testid="conversation-row"][data-error="true"]').first()
    await failed.waitFor()
    await failed.click()
    await page.locator('[data-testid="diagnosis-panel"][data-state="failed"]').waitFor()
    await page.waitForTimeout(300)
    await shot(page, 'fix-buttons')

    // A fix from the diagnosis opens the editor with it applied.
    const fix = page.locator('[data-testid="diagnosis-panel"] [data-testid^="fix-"]:not([data-testid="fix-bar"]):not([data-testid="fix-chips"])').first()
    console.log(`   applying ${await fix.getAttribute('data-fix-id')}`)
    await fix.click()
    await page.getByTestId('replay-changes').waitFor()
    await page.locator('.cm-content').waitFor()
    await page.waitForTimeout(200)
    await shot(page, 'editor')

    // Structured edit from the timeline: delete the last message in the editor's copy.
    const last = page.locator('[data-testid="timeline-message"]').last()
    await last.hover()
    await last.getByTestId('tl-delete-message').click()
    await page.locator('[data-testid="timeline-message"][data-edit="deleted"]').waitFor()
    await shot(page, 'timeline-edit')

    await page.locator('.cm-content').click()
    await page.keyboard.press('Control+Enter')
    await page.locator('[data-testid="replay-result"][data-state="done"]').waitFor({ timeout: 20_000 })
    await page.waitForTimeout(400)
    console.log(`   replay answered ${await page.getByTestId('replay-result').getAttribute('data-status')}`)
    await shot(page, 'result')
    await page.getByTestId('response-diff').evaluate((el) => el.scrollIntoView({ block: 'end' }))
    await page.waitForTimeout(100)
    await shot(page, 'diff')

    await page.keyboard.press('Escape')
    await page.locator('[data-testid="replay-marker"]').first().waitFor()
    await shot(page, 'replay-in-conversation')

    // Minimize, predicted (offline), then export.
    await page.getByTestId('minimize-button').click()
    await page.getByTestId('minimize-mode').selectOption('predicted')
    await page.getByTestId('minimize-start').click()
    await page.locator('[data-testid="minimize-result"]').waitFor({ timeout: 20_000 })
    await page.waitForTimeout(200)
    console.log(`   minimize: ${await page.getByTestId('minimize-result').getAttribute('data-state')}`)
    await shot(page, 'minimize')
    const download = page.waitForEvent('download')
    await page.getByTestId('export-button').click()
    console.log(`   exported ${(await download).suggestedFilename()}`)

    // Proxy mode in the setup panel.
    await page.getByTestId('setup-button').click()
    await page.getByTestId('mitm-port').fill('0')
    await page.getByTestId('mitm-toggle').check()
    await page.getByTestId('mitm-env-line').first().waitFor()
    await page.getByTestId('mitm-section').evaluate((el) => el.scrollIntoView())
    await shot(page, 'proxy-mode')
    await page.getByTestId('env-shell').selectOption('fish')
    await page.getByTestId('env-snippet').evaluate((el) => el.scrollIntoView({ block: 'center' }))
    await shot(page, 'proxy-mode-fish')
    await page.getByTestId('mitm-toggle').uncheck()
  } finally {
    await browser.close()
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
