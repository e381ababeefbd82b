// Screenshots of the real app against `npm run demo` (or any `mimo-inspector serve`): the conversations view
// with the diagnosed 400 in both formats, the Diagnosis tab and an import. For looking, not a test suite.
//   PORT=8799 npm run demo            (prints the UI URL with its token)
//   npx tsx test/ui-harness/demo-shots.ts 'http://127.0.0.1:8799/?token=…'
// Screenshots: test-results/ui3-real-*.png
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Page } from 'playwright-core'

const here = fileURLToPath(new URL('.', import.meta.url))
const shotsDir = resolve(here, '../../test-results')
const url = process.argv[2]
if (!url) {
  console.error('usage: npx tsx test/ui-harness/demo-shots.ts UI_URL   (the address `npm run demo` prints)')
  process.exit(2)
}

async function shot(page: Page, name: string): Promise<void> {
  const file = join(shotsDir, `ui3-real-${name}.png`)
  await page.screenshot({ path: file })
  console.log(`📸 ${file}`)
}

async function main(): Promise<void> {
  mkdirSync(shotsDir, { recursive: true })
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']
  })
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  page.on('pageerror', (err) => console.log('   ✗ page error:', err.message))
  try {
    await page.goto(url)
    await page.locator('#root[data-app-state="ready"]').waitFor()
    await shot(page, 'exchanges')

    await page.keyboard.press('2')
    const rows = page.locator('[data-testid="conversation-row"][data-error="true"]')
    await rows.first().waitFor()
    const failed = await rows.count()
    console.log(`   ${await page.locator('[data-testid="conversation-row"]').count()} conversations, ${failed} ended in error`)
    for (let i = 0; i < failed; i++) {
      const row = rows.nth(i)
      const id = await row.getAttribute('data-id')
      await row.click()
      await page.locator(`[data-testid="conversation-view"][data-id="${id}"]`).waitFor()
      await page.locator('[data-testid="diagnosis-panel"]:not([data-state="loading"])').waitFor()
      await page.waitForTimeout(300)
      const culprit = page.locator('[data-testid="timeline-message"][data-culprit="true"]')
      console.log(
        `   ${id}: culprit ${(await culprit.count()) ? `#${await culprit.first().getAttribute('data-index')}` : 'none'}, error "${await page.getByTestId('error-text').first().textContent().catch(() => '')}"`
      )
      await shot(page, `conversation-${i + 1}`)
    }

    await page.keyboard.press('1')
    const bad = page.locator('[data-testid="exchange-row"][data-status="400"]').last()
    await bad.click()
    await page.getByTestId('tab-diagnosis').click()
    await page.locator('[data-testid="diagnosis-panel"]:not([data-state="loading"])').waitFor()
    await page.waitForTimeout(300)
    await shot(page, 'diagnosis-tab')
  } finally {
    await browser.close()
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
