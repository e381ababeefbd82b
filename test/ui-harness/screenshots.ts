// Build the UI harness, open it in Debian's Chromium and take screenshots of the main states, with a few timing
// and behaviour checks printed along the way. For looking at the UI, not a test suite.
//   npx tsx test/ui-harness/screenshots.ts            (all shots)
//   npx tsx test/ui-harness/screenshots.ts list web   (only shots whose name contains one of the words)
// Screenshots: test-results/ui-*.png (ui3-*: conversations and diagnosis; ui4-*: replay, minimize, proxy mode)
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Page } from 'playwright-core'
import { build } from 'vite'
import type { CallName } from '../../src/shared/api'
import { createFakeInspector } from './fake-inspector'
import { replayShots } from './replay-shots'

const here = fileURLToPath(new URL('.', import.meta.url))
const repo = resolve(here, '../..')
const outDir = resolve(repo, 'out/ui-harness')
const shotsDir = resolve(repo, 'test-results')
const only = process.argv.slice(2)
const want = (name: string): boolean => only.length === 0 || only.some((w) => name.includes(w))

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml'
}

function serve(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    const file = join(dir, path === '/' ? 'index.html' : path)
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end('not found')
      return
    }
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' })
    createReadStream(file).pipe(res)
  })
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)))
}

const log = (...args: unknown[]): void => console.log('  ', ...args)
let failures = 0
function check(ok: boolean, what: string): void {
  if (!ok) failures++
  console.log(ok ? '   ✓' : '   ✗', what)
}

async function shot(page: Page, name: string): Promise<void> {
  const file = join(shotsDir, `ui-${name}.png`)
  await page.screenshot({ path: file })
  console.log(`📸 ${file}`)
}

/** The screenshots of the conversation / diagnosis / import work are named ui3-*. */
async function shot3(page: Page, name: string): Promise<void> {
  const file = join(shotsDir, `ui3-${name}.png`)
  await page.screenshot({ path: file })
  console.log(`📸 ${file}`)
}

async function openConversationRow(page: Page, id: string): Promise<void> {
  await page.locator(`[data-testid="conversation-row"][data-id="${id}"]`).click()
  await page.locator(`[data-testid="conversation-view"][data-id="${id}"]`).waitFor()
}

async function openRow(page: Page, id: string): Promise<void> {
  await page.locator(`[data-testid="exchange-row"][data-id="${id}"]`).click()
  await page.locator(`[data-testid="detail-panel"][data-id="${id}"]`).waitFor()
}

const SPECIAL = (n: number): string => `ex-${String(10_000 + n).padStart(6, '0')}`

async function main(): Promise<void> {
  mkdirSync(shotsDir, { recursive: true })
  await build({ configFile: resolve(here, 'vite.config.ts') })
  const server = await serve(outDir)
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/index.html`
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']
  })
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 })
  const page = await context.newPage()
  page.on('pageerror', (err) => {
    failures++
    console.log('   ✗ page error:', err.message)
  })
  page.on('console', (msg) => {
    if (msg.type() === 'error') console.log('   console.error:', msg.text())
  })

  try {
    if (want('empty')) {
      await page.goto(`${base}?scenario=empty`)
      await page.locator('#root[data-app-state="ready"]').waitFor()
      check((await page.getByTestId('env-line').count()) === 5, 'setup panel lists the env lines')
      await shot(page, 'empty-setup')
    }

    if (want('trouble')) {
      await page.goto(`${base}?scenario=trouble&rows=40`)
      await page.locator('#root[data-app-state="ready"]').waitFor()
      check(await page.getByTestId('recording-warning').isVisible(), 'recording warning visible')
      check((await page.getByTestId('proxy-address').getAttribute('data-state')) === 'error', 'proxy address shows the error')
      await shot(page, 'trouble-header')
    }

    // The main scenario: 10,000 background rows plus the interesting ones at the end.
    const t0 = Date.now()
    await page.goto(base)
    await page.locator('#root[data-app-state="ready"]').waitFor()
    await page.locator(`[data-testid="exchange-row"][data-id="${SPECIAL(10)}"]`).waitFor()
    log(`ready with 10,010 rows in ${Date.now() - t0} ms (page load included)`)

    if (want('list')) {
      await shot(page, 'list')
    }

    if (want('stream')) {
      await openRow(page, SPECIAL(1))
      await page.getByTestId('tab-response').click()
      await page.getByTestId('block-tool_use').waitFor()
      check(await page.getByTestId('block-thinking').isVisible(), 'anthropic: thinking block')
      check((await page.getByTestId('signature').first().getAttribute('data-signature')) === 'present', 'signature present')
      await shot(page, 'anthropic-stream')

      await page.getByTestId('sse-event').nth(3).locator('button').click()
      await shot(page, 'anthropic-event-expanded')

      await openRow(page, SPECIAL(2))
      await page.getByTestId('block-tool_call').first().waitFor()
      check(await page.getByTestId('block-reasoning').isVisible(), 'openai: reasoning block')
      check((await page.getByTestId('block-tool_call').count()) === 2, 'openai: two tool calls')
      await shot(page, 'openai-stream')

      await openRow(page, SPECIAL(5))
      await page.getByTestId('message-error').waitFor()
      const bodyErrorRow = page.locator(`[data-testid="exchange-row"][data-id="${SPECIAL(5)}"]`)
      check(
        (await bodyErrorRow.getAttribute('data-body-error')) === 'true' && /tone-client-error/.test((await bodyErrorRow.getAttribute('class')) ?? ''),
        'a 200 with an error in its body is a red row'
      )
      check((await page.getByTestId('signature').first().getAttribute('data-signature')) === 'absent', 'signature absent')
      await shot(page, 'midstream-error')
    }

    if (want('error')) {
      await openRow(page, SPECIAL(3))
      await page.getByTestId('tab-response').click()
      await page.getByTestId('body-text').waitFor()
      await shot(page, 'error-400')
      await openRow(page, SPECIAL(4))
      await page.getByTestId('message-error').waitFor()
      await shot(page, 'mimo-streamed-400')
      await openRow(page, SPECIAL(8))
      await page.getByTestId('transport-error').waitFor()
      await shot(page, 'transport-error')
      await openRow(page, SPECIAL(7))
      await page.getByTestId('body-note').waitFor()
      await shot(page, 'body-note')
    }

    if (want('inflight')) {
      await openRow(page, SPECIAL(9))
      await page.getByTestId('tab-response').click()
      await page.getByTestId('stream-message').waitFor()
      await shot(page, 'inflight-streaming')
      await openRow(page, SPECIAL(10))
      await page.locator('.notice-wait').waitFor()
      await shot(page, 'inflight-pending')
    }

    if (want('request')) {
      await openRow(page, SPECIAL(1))
      await page.getByTestId('tab-request').click()
      await page.getByTestId('body-text').waitFor()
      await shot(page, 'request-pretty')
      await page.getByTestId('body-raw').click()
      await shot(page, 'request-raw')
      await page.getByTestId('body-pretty').click()
    }

    if (want('big')) {
      await openRow(page, SPECIAL(1))
      await page.getByTestId('tab-request').click()
      await page.getByTestId('body-text').waitFor()
      const start = Date.now()
      await page.locator(`[data-testid="exchange-row"][data-id="${SPECIAL(6)}"]`).click()
      await page.locator('[data-testid="body-text"] .line').first().waitFor()
      const ms = Date.now() - start
      check(ms < 600, `5 MB request body shown pretty in ${ms} ms (includes fake generation + 25 ms latency)`)
      const inPage = await page.evaluate(async () => {
        // Pretty + wrap cost alone, measured in the page: switch Raw → Pretty and wait two frames.
        const t = performance.now()
        ;(document.querySelector('[data-testid="body-raw"]') as HTMLElement).click()
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
        const raw = performance.now() - t
        const t2 = performance.now()
        ;(document.querySelector('[data-testid="body-pretty"]') as HTMLElement).click()
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
        return { raw, pretty: performance.now() - t2 }
      })
      check(inPage.pretty < 300, `re-render 5 MB: raw ${inPage.raw.toFixed(0)} ms, pretty ${inPage.pretty.toFixed(0)} ms`)
      await shot(page, 'big-body')
      // Scroll to the end of the big body.
      await page.getByTestId('body-text').evaluate((el) => (el.scrollTop = el.scrollHeight))
      await page.waitForTimeout(50)
      await shot(page, 'big-body-end')
    }

    if (want('keyboard')) {
      await page.keyboard.press('Escape')
      await page.getByTestId('exchange-list').focus()
      await page.keyboard.press('End')
      const lastId = (await page.locator('[data-testid="exchange-row"]').last().getAttribute('data-id')) ?? ''
      const nth = (delta: number): string => `ex-${String(Number(lastId.slice(3)) + delta).padStart(6, '0')}`
      await page.keyboard.press('k')
      await page.keyboard.press('k')
      await page.keyboard.press('Enter')
      await page.locator(`[data-testid="detail-panel"][data-id="${nth(-2)}"]`).waitFor()
      check(true, 'End, k, k, Enter opens the third-last exchange')
      await page.keyboard.press('j')
      await page.locator(`[data-testid="detail-panel"][data-id="${nth(-1)}"]`).waitFor()
      check(true, 'j moves and the open detail follows')
      await page.keyboard.press('Escape')
      check((await page.getByTestId('detail-panel').count()) === 0, 'Escape closes the detail')
    }

    if (want('scroll')) {
      const frames = await page.getByTestId('exchange-list').evaluate(async (el) => {
        const gaps: number[] = []
        let last = performance.now()
        for (let i = 0; i < 120; i++) {
          await new Promise((r) => requestAnimationFrame(r))
          const now = performance.now()
          gaps.push(now - last)
          last = now
          el.scrollTop = Math.floor(((i * 7919) % 100) / 100 * el.scrollHeight)
        }
        gaps.sort((a, b) => a - b)
        return { median: gaps[60], p95: gaps[114], max: gaps[119] }
      })
      check(frames.p95 < 40, `random jumps through 10k rows: frame median ${frames.median.toFixed(1)} ms, p95 ${frames.p95.toFixed(1)} ms, max ${frames.max.toFixed(1)} ms`)
      await page.getByTestId('exchange-list').evaluate((el) => (el.scrollTop = el.scrollHeight / 2))
      await page.locator('[data-testid="exchange-row"][data-id="ex-005010"]').waitFor()
      await shot(page, 'list-middle')
    }

    if (want('setup')) {
      await page.getByTestId('setup-button').click()
      await page.getByTestId('setup-panel').waitFor()
      await shot(page, 'setup-overlay')
      await page.getByTestId('setup-button').click()
    }

    if (want('upstream')) {
      await page.getByTestId('upstream-select').selectOption('custom')
      await page.getByTestId('upstream-url').fill('http://127.0.0.1:9000')
      await page.getByTestId('upstream-url').press('Enter')
      await page.waitForFunction(() => (document.querySelector('[data-testid="upstream-select"]') as HTMLSelectElement).title === 'http://127.0.0.1:9000')
      check((await page.getByTestId('upstream-url').count()) === 0, 'custom upstream applied; the URL shows as text')
      await shot(page, 'upstream-custom')
    }

    if (want('live')) {
      await page.goto(`${base}?rows=2000&live=1`)
      await page.locator('#root[data-app-state="ready"]').waitFor()
      // 2,000 background rows + 10 specials + 14 scripted conversation requests; live ones follow from ex-002025.
      await page.locator('[data-testid="exchange-row"][data-id="ex-002027"]').waitFor({ timeout: 10_000 })
      const lastVisible = await page.locator('[data-testid="exchange-row"]').last().getAttribute('data-id')
      check(lastVisible !== null && lastVisible >= 'ex-002027', `list follows new rows (last row ${lastVisible})`)
      await shot(page, 'live')
      // Conversations update live too: open the newest one and watch its request strip grow.
      await page.keyboard.press('2')
      // The fake groups rows nine by nine (conv-⌊seq/9⌋): the live conversation is the one of the newest row.
      const convId = `conv-${Math.floor(2027 / 9)}`
      await page.locator(`[data-testid="conversation-row"][data-id="${convId}"]`).waitFor()
      await openConversationRow(page, convId)
      await page.locator('[data-testid="request-chip"]').first().waitFor()
      const before = await page.locator('[data-testid="request-chip"]').count()
      await page.waitForFunction(
        (n) => document.querySelectorAll('[data-testid="request-chip"]').length > n,
        before,
        { timeout: 15_000 }
      )
      check(true, `open conversation ${convId} gained a request live (${before} → more)`)
      await shot3(page, 'live-conversation')
      await page.keyboard.press('1')
    }

    if (want('conv')) await conversations(page)
    if (want('diagtab')) await diagnosisTab(page)
    if (want('import')) await importing(page)
    if (want('timing')) await timelineTiming(page, base)
    if (want('web')) await webMode(context, base)
    if (want('ui4') || want('replay')) await replayShots(page, base, { shotsDir, check })
  } catch (err) {
    failures++
    await page.screenshot({ path: join(shotsDir, 'ui-failure.png') }).catch(() => {})
    console.log('   ✗ stopped:', (err as Error).message.split('\n')[0], '(see test-results/ui-failure.png)')
  } finally {
    await browser.close()
    server.close()
  }
  console.log(failures ? `\n${failures} check(s) failed` : '\nall checks passed')
  process.exitCode = failures ? 1 : 0
}

/** The conversations view: the 400 journeys in both formats, no culprit, an error inside a 200, lint, a fork. */
async function conversations(page: Page): Promise<void> {
  await page.keyboard.press('Escape')
  await page.keyboard.press('2')
  await page.getByTestId('conversation-list').waitFor()
  await page.keyboard.press('Escape')
  await page.getByTestId('conversation-view').waitFor({ state: 'detached' })
  await page.locator('[data-testid="conversation-row"][data-id="conv-claude-400"]').waitFor()
  check((await page.locator('[data-testid="conversation-row"][data-error="true"]').count()) > 0, 'failed conversations are marked data-error="true"')
  await shot3(page, 'conversations-list')

  // The headline: Claude Code on MiMo's Anthropic path, a compaction dropped one thinking block.
  await openConversationRow(page, 'conv-claude-400')
  const culprit = page.locator('[data-testid="timeline-message"][data-culprit="true"]')
  await culprit.waitFor()
  check((await culprit.count()) === 1, 'exactly one culprit message')
  check((await culprit.getAttribute('data-index')) === '5', 'culprit is message #5')
  await page.waitForTimeout(150)
  check(await culprit.isVisible(), 'culprit message scrolled into view')
  const block = culprit.locator('[data-testid="timeline-block"][data-culprit="true"]')
  check((await block.getAttribute('data-block-index')) === '1' && (await block.getAttribute('data-type')) === 'tool_use', 'culprit block is content[1] tool_use')
  const panel = page.getByTestId('diagnosis-panel')
  check((await panel.getByTestId('error-text').textContent()) === 'The reasoning_content in the thinking mode must be passed back to the API.', 'error-text is error.param')
  check((await panel.getByTestId('error-generic').textContent()) === 'Param Incorrect', 'generic message beside it')
  check((await panel.getByTestId('culprit-explanation').isVisible()), 'culprit explanation shown')
  check((await panel.locator('a[href^="https://"]').first().getAttribute('rel')) === 'noreferrer', 'sources open with rel=noreferrer')
  check(await panel.getByTestId('fix-restore-thinking').isEnabled(), 'fix chips are buttons (they open the replay editor)')
  check(/lost its thinking/.test((await page.getByTestId('turn-diff').textContent()) ?? ''), 'turn diff says what changed')
  await shot3(page, 'conversation-anthropic-400')

  // Turn diff click scrolls to that message.
  await page.locator('[data-testid="turn-diff-change"]').nth(2).click()
  await page.waitForTimeout(200)
  check(await page.locator('[data-testid="timeline-message"][data-index="11"]').isVisible(), 'turn-diff click scrolls to message 11')
  await page.keyboard.press('n')
  await page.waitForTimeout(200)
  check(await culprit.isVisible(), 'n jumps back to the culprit')

  // [ goes to the previous request: a success, so the panel is a lint.
  await page.keyboard.press('[')
  await page.locator('[data-testid="diagnosis-panel"][data-state="lint"]').waitFor()
  check((await page.getByTestId('turn-diff').count()) === 0, 'no turn diff for a successful request')
  await shot3(page, 'conversation-previous-request')
  await page.keyboard.press(']')
  await page.locator('[data-testid="diagnosis-panel"][data-state="failed"]').waitFor()

  // System prompt folded, opens on click.
  // The timeline scrolls itself to the culprit after a request switch; scroll back up until the prompt shows.
  for (let i = 0; i < 50 && !(await page.getByTestId('system-prompt').isVisible()); i++) {
    await page.getByTestId('timeline').locator('.timeline-scroll').evaluate((el) => (el.scrollTop = 0))
    await page.waitForFunction(() => new Promise((r) => requestAnimationFrame(() => r(true))))
  }
  await page.getByTestId('system-prompt').locator('button').first().click()
  check((await page.getByTestId('system-prompt').getAttribute('data-open')) === 'true', 'system prompt unfolds')
  await shot3(page, 'conversation-system-open')

  await openConversationRow(page, 'conv-opencode-400')
  await page.locator('[data-testid="timeline-message"][data-culprit="true"][data-index="2"]').waitFor()
  check((await page.getByTestId('error-wrapper').first().textContent()) === 'sse-data-prefix', 'wrapper peeled: sse-data-prefix')
  await shot3(page, 'conversation-openai-400')

  await openConversationRow(page, 'conv-dup-tools')
  await page.getByTestId('no-culprit').waitFor()
  check(/no culprit found in the request/i.test((await page.getByTestId('no-culprit').textContent()) ?? ''), 'says plainly: no culprit found')
  await shot3(page, 'conversation-no-culprit')

  await openConversationRow(page, 'conv-overloaded')
  await page.locator('[data-testid="diagnosis-panel"][data-state="failed"]').waitFor()
  await shot3(page, 'conversation-body-error')

  await openConversationRow(page, 'conv-long-lint')
  await page.locator('[data-testid="timeline"][data-messages="1000"]').waitFor()
  await page.getByTestId('lint-warning').waitFor()
  await shot3(page, 'conversation-lint-1000')
  await page.keyboard.press('n')
  await page.locator('[data-testid="timeline-message"][data-index="641"]').waitFor()
  await page.waitForTimeout(200)
  check(await page.locator('[data-testid="timeline-message"][data-index="641"]').isVisible(), 'n on a lint jumps to the first finding (#641)')
  await shot3(page, 'conversation-lint-jump')

  await openConversationRow(page, 'conv-claude-fork')
  await page.locator('[data-testid="conversation-view"] [data-testid="fork-marker"]').waitFor()
  await shot3(page, 'conversation-fork')

  // The smallest supported width: the header must still fit (view switch, import, setup).
  await page.setViewportSize({ width: 1280, height: 800 })
  await openConversationRow(page, 'conv-claude-400')
  await page.locator('[data-testid="timeline-message"][data-culprit="true"]').waitFor()
  await page.waitForTimeout(200)
  const fits = await page.evaluate(() => {
    const header = document.querySelector('.header') as HTMLElement
    return header.scrollWidth <= header.clientWidth + 1
  })
  check(fits, 'header fits at 1280 px')
  await shot3(page, 'conversation-1280')
  await page.setViewportSize({ width: 1440, height: 900 })
}

/** The exchange detail's Diagnosis tab: the same panel and timeline for any exchange. */
async function diagnosisTab(page: Page): Promise<void> {
  // From the conversation to its failing exchange ("Open exchange →"), then the exchange's own Diagnosis tab.
  await page.keyboard.press('Escape')
  await page.keyboard.press('2')
  await openConversationRow(page, 'conv-claude-400')
  await page.getByTestId('open-exchange').click()
  await page.getByTestId('detail-panel').waitFor()
  check((await page.locator('[data-testid="view-exchanges"][aria-checked="true"]').count()) === 1, '"Open exchange →" switches to the exchanges view')
  await page.getByTestId('tab-diagnosis').click()
  await page.locator('[data-testid="timeline-message"][data-culprit="true"]').waitFor()
  check(await page.getByTestId('open-conversation').isVisible(), 'open conversation link on an exchange with a conversation')
  await shot3(page, 'detail-diagnosis-tab')
  await page.getByTestId('open-conversation').click()
  await page.locator('[data-testid="conversation-view"]').waitFor()
  check(true, '"Open conversation →" switches views and opens it')
}

/** Drop overlay and an import through the hidden file input. */
async function importing(page: Page): Promise<void> {
  await page.evaluate(() => {
    const dt = new DataTransfer()
    dt.items.add(new File(['{}'], 'session.har', { type: 'application/json' }))
    window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true }))
  })
  await page.getByTestId('drop-overlay').waitFor()
  await shot3(page, 'import-drop-overlay')
  await page.evaluate(() => {
    const dt = new DataTransfer()
    dt.items.add(new File(['{}'], 'session.har', { type: 'application/json' }))
    window.dispatchEvent(new DragEvent('dragleave', { dataTransfer: dt, bubbles: true }))
  })
  const har = {
    log: {
      entries: [
        { request: { method: 'GET', url: 'https://api.xiaomimimo.com/v1/models' }, response: { status: 200, content: { text: '{}' } } },
        {
          request: {
            method: 'POST',
            url: 'https://api.xiaomimimo.com/v1/chat/completions',
            postData: {
              text: JSON.stringify({
                model: 'mimo-v2.5',
                messages: [
                  { role: 'user', content: 'ls the repo' },
                  { role: 'assistant', content: '', tool_calls: [{ id: 'c1', type: 'function', function: { name: 'ls', arguments: '{}' } }] },
                  { role: 'tool', tool_call_id: 'c1', content: 'a.txt' }
                ]
              })
            }
          },
          response: { status: 400, content: { text: 'data:{"error":{"code":"400","message":"Param Incorrect","param":"The reasoning_content in the thinking mode must be passed back to the API.","type":""}}' } }
        }
      ]
    }
  }
  await page.getByTestId('import-input').setInputFiles({ name: 'opencode-session.har', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(har)) })
  await page.getByTestId('import-result').waitFor()
  await page.locator('[data-testid="timeline-message"][data-culprit="true"][data-index="1"]').waitFor()
  check(/Imported 1 exchange/.test((await page.getByTestId('import-result').textContent()) ?? ''), 'import result: imported 1, skipped 1')
  await shot3(page, 'import-result')
  await page.keyboard.press('Escape')
  check((await page.getByTestId('import-result').count()) === 0, 'Esc dismisses the import result')
  await page.getByTestId('import-input').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not json at all') })
  await page.locator('[data-testid="import-result"][data-state="error"]').waitFor()
  await shot3(page, 'import-error')
  await page.keyboard.press('Escape')
}

/** How long a 1,000-message timeline takes to open: click on the row → first messages painted. */
async function timelineTiming(page: Page, base: string): Promise<void> {
  await page.goto(`${base}?latency=0`)
  await page.locator('#root[data-app-state="ready"]').waitFor()
  await page.keyboard.press('2')
  await page.locator('[data-testid="conversation-row"][data-id="conv-long-lint"]').waitFor()
  const runs: number[] = []
  for (let i = 0; i < 4; i++) {
    const id = i % 2 === 0 ? 'conv-long-lint' : 'conv-opencode-400'
    const ms = await page.evaluate(async (convId) => {
      const row = document.querySelector(`[data-testid="conversation-row"][data-id="${convId}"]`) as HTMLElement
      const t0 = performance.now()
      row.dispatchEvent(new MouseEvent('mousedown', { button: 0, bubbles: true }))
      const want = convId === 'conv-long-lint' ? '[data-testid="timeline"][data-messages="1000"] [data-testid="timeline-message"]' : '[data-testid="timeline-message"]'
      while (!document.querySelector(`[data-testid="conversation-view"][data-id="${convId}"] ${want}`)) await new Promise((r) => requestAnimationFrame(r))
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
      return performance.now() - t0
    }, id)
    if (id === 'conv-long-lint') runs.push(ms)
  }
  const rendered = await page.locator('[data-testid="timeline-message"]').count()
  check(Math.max(...runs) < 500, `1,000-message timeline: opened in ${runs.map((r) => r.toFixed(0)).join(' / ')} ms (click → painted, fake core at 0 latency); ${rendered} messages in the DOM`)
  const frames = await page.locator('.timeline-scroll').evaluate(async (el) => {
    const gaps: number[] = []
    let last = performance.now()
    for (let i = 0; i < 90; i++) {
      await new Promise((r) => requestAnimationFrame(r))
      const now = performance.now()
      gaps.push(now - last)
      last = now
      el.scrollTop = Math.floor((((i * 7919) % 100) / 100) * el.scrollHeight)
    }
    gaps.sort((a, b) => a - b)
    return { median: gaps[45], p95: gaps[85] }
  })
  check(frames.p95 < 60, `random jumps through the 1,000-message timeline: frame median ${frames.median.toFixed(1)} ms, p95 ${frames.p95.toFixed(1)} ms`)
}

/** The real web client against a fake server made of Playwright routes (HTTP calls + WebSocket events). */
async function webMode(context: import('playwright-core').BrowserContext, base: string): Promise<void> {
  const TOKEN = 'tok-7f3a9c'
  const fake = createFakeInspector({ rows: 300, live: true, latencyMs: 5 })
  const page = await context.newPage()
  page.on('pageerror', (err) => {
    failures++
    console.log('   ✗ page error:', err.message)
  })
  let serverDown = false
  const seenCalls: string[] = []
  await page.route('**/api/call/**', async (route) => {
    const req = route.request()
    const name = decodeURIComponent(new URL(req.url()).pathname.replace('/api/call/', '')) as CallName
    seenCalls.push(name)
    if (serverDown) return route.abort('connectionrefused')
    if (req.method() !== 'POST' || req.headers()['x-inspector-token'] !== TOKEN) {
      return route.fulfill({ status: 401, contentType: 'application/json', body: JSON.stringify({ error: 'bad token' }) })
    }
    if (req.headers()['content-type'] !== 'application/json') {
      return route.fulfill({ status: 415, contentType: 'application/json', body: JSON.stringify({ error: 'content-type' }) })
    }
    try {
      const arg = JSON.parse(req.postData() ?? 'null') as unknown
      const result = await (fake.api[name] as (a: unknown) => Promise<unknown>)(arg)
      return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(result) })
    } catch (err) {
      return route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ error: (err as Error).message }) })
    }
  })
  const sockets = new Set<import('playwright-core').WebSocketRoute>()
  await page.routeWebSocket('**/api/events**', (ws) => {
    if (serverDown || new URL(ws.url()).searchParams.get('token') !== TOKEN) {
      ws.close({ code: 1008, reason: serverDown ? 'server down' : 'bad token' })
      return
    }
    sockets.add(ws)
    const offs = (['exchange:upserted', 'conversation:upserted', 'replay:status', 'repro:progress', 'proxy:status', 'store:status'] as const).map((event) =>
      fake.api.on(event, (payload) => ws.send(JSON.stringify({ event, payload })))
    )
    ws.onClose(() => {
      sockets.delete(ws)
      offs.forEach((off) => off())
    })
  })

  try {
    await webModeSteps(page, base, TOKEN, sockets, (down) => (serverDown = down), seenCalls)
  } finally {
    // The live fake keeps timers; a failed step must not keep the process alive.
    fake.stop()
    await page.close()
  }
}

async function webModeSteps(
  page: Page,
  base: string,
  TOKEN: string,
  sockets: Set<import('playwright-core').WebSocketRoute>,
  setServerDown: (down: boolean) => void,
  seenCalls: string[]
): Promise<void> {
  await page.goto(`${base}?mode=web&token=${TOKEN}`)
  await page.locator('#root[data-app-state="ready"]').waitFor()
  check(!page.url().includes('token='), `token removed from the URL (${page.url()})`)
  await page.locator('[data-testid="connection-state"][data-state="open"]').waitFor()
  check(true, 'connection state: open')
  await page.locator('[data-testid="exchange-row"][data-id="ex-000313"]').waitFor({ timeout: 10_000 })
  check(true, 'live rows arrive over the WebSocket')
  await openRow(page, 'ex-000301')
  await page.getByTestId('tab-response').click()
  await page.getByTestId('block-thinking').waitFor()
  await shot(page, 'web-mode')

  // Drop the server: the UI says so and retries with backoff.
  setServerDown(true)
  for (const ws of sockets) await ws.close({ code: 1006, reason: 'gone' }).catch(() => {})
  await page.locator('[data-testid="connection-state"][data-state="disconnected"]').waitFor()
  await shot(page, 'web-disconnected')
  const before = await page.locator('[data-testid="exchange-row"]').last().getAttribute('data-id')
  await page.waitForTimeout(2500)
  setServerDown(false)
  await page.locator('[data-testid="connection-state"][data-state="open"]').waitFor({ timeout: 15_000 })
  // After the reconnect the tail is reloaded, so rows created while down show up.
  await page.waitForFunction(
    (prev) => {
      const rows = document.querySelectorAll('[data-testid="exchange-row"]')
      const last = rows[rows.length - 1]?.getAttribute('data-id') ?? ''
      return last > (prev ?? '')
    },
    before,
    { timeout: 10_000 }
  )
  check(true, `reconnected and resynced (last row before: ${before})`)

  // Reload keeps working: the token is in sessionStorage now.
  await page.reload()
  await page.locator('#root[data-app-state="ready"]').waitFor()
  check(true, 'reload without ?token= still authorised (sessionStorage)')
  check(seenCalls.includes('exchanges:list') && seenCalls.includes('app:info'), 'calls go to /api/call/NAME')
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
