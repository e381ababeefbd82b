// `npm run screenshots`: every view of the real app (`mimo-inspector serve` in front of the MiMo emulator, real
// SDK traffic; the same views the e2e view checks walk, test/e2e/views/views.ts) at 1024 and 1440 px wide: the
// README's into docs/screenshots/, the rest into test-results/screenshots/ to look at. Also: 10,000 exchanges,
// and traffic arriving while the picture is taken. Prints any layout or contrast problem it sees on the way.
// Needs `npm run build` first and Chromium at /usr/bin/chromium (or CHROMIUM_PATH).
//   npm run screenshots [-- NAME …]   (only the views whose name contains a NAME)
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import Anthropic from '@anthropic-ai/sdk'
import { chromium, type Page } from 'playwright-core'
import { CHROMIUM_ARGS } from '../playwright.config'
import { SESSION_KEY } from '../test/scenarios/agent-sessions'
import { contrastViolations, formatContrast } from '../test/e2e/views/contrast-check'
import { formatProblems, layoutProblems } from '../test/e2e/views/layout-check'
import { startScene, type Scene, type SceneKind } from '../test/e2e/views/scene'
import { load, releaseHeldPort, SCREENSHOT_ONLY, VIEWS, type View } from '../test/e2e/views/views'

const WIDTHS = [1440, 1024]
const HEIGHT = 900
/** The views the README shows go to docs/screenshots/ (committed); every other view to test-results/screenshots/. */
const README_VIEWS = new Set(['exchange-stream', 'conversation-culprit', 'replay-result', 'minimize', 'setup-first-run'])
const DOCS = join(import.meta.dirname, '..', 'docs', 'screenshots')
const SCRATCH = join(import.meta.dirname, '..', 'test-results', 'screenshots')

/** Streams arriving while the picture is taken: some rows pending, some streaming. */
const LIVE: View = {
  name: 'live',
  caption: 'Traffic arriving: in-flight exchanges stream in and update when they end',
  scene: 'traffic',
  open: async (page: Page, scene: Scene) => {
    await load(page, scene.serve.uiUrl)
    scene.emulator.setChunkDelay(400)
    const client = new Anthropic({ baseURL: `${scene.serve.proxyUrl}/anthropic`, apiKey: SESSION_KEY, maxRetries: 0 })
    for (let i = 0; i < 4; i++) {
      scene.emulator.script({ thinking: 'Reading the next file before changing it.', text: `Step ${i + 1}: reading src/module_${i}.ts and the tests that cover it.` })
      void client.messages.stream({ model: 'mimo-v2.5-pro', max_tokens: 1024, messages: [{ role: 'user', content: `Live request ${i + 1}` }] }).finalMessage().catch(() => {})
    }
    await page.locator('[data-testid="exchange-row"][data-state="streaming"]').first().waitFor()
  }
}

async function main(): Promise<void> {
  const only = process.argv.slice(2)
  const views = [...VIEWS, LIVE, ...SCREENSHOT_ONLY].filter((v) => only.length === 0 || only.some((o) => v.name.includes(o)))
  for (const dir of [DOCS, SCRATCH]) mkdirSync(dir, { recursive: true })
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS })
  const scenes = new Map<SceneKind, Promise<Scene>>()
  const scene = (kind: SceneKind): Promise<Scene> => {
    if (!scenes.has(kind)) scenes.set(kind, startScene(kind))
    return scenes.get(kind)!
  }
  let problems = 0
  try {
    for (const view of views) {
      const context = await browser.newContext({ viewport: { width: WIDTHS[0], height: HEIGHT } })
      const page = await context.newPage()
      try {
        await view.open(page, await scene(view.scene))
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: HEIGHT })
          const layout = await layoutProblems(page)
          const contrast = view.name === 'live' ? [] : await contrastViolations(page)
          const file = join(README_VIEWS.has(view.name) ? DOCS : SCRATCH, `${view.name}-${width}.png`)
          await page.screenshot({ path: file })
          const issues = [formatProblems(layout), formatContrast(contrast)].filter(Boolean).join('\n')
          if (issues) problems++
          console.log(`${issues ? '✗' : '✓'} ${file}${issues ? `\n${issues.replace(/^/gm, '    ')}` : ''}`)
        }
      } catch (err) {
        problems++
        console.log(`✗ ${view.name}: ${(err as Error).message.split('\n')[0]}`)
      } finally {
        await context.close()
      }
    }
  } finally {
    await browser.close()
    for (const s of scenes.values()) await (await s).close()
    await releaseHeldPort()
  }
  if (problems) {
    console.log(`\n${problems} screenshot(s) with problems`)
    process.exitCode = 1
  }
}

await main()
