// Build the UI harness, open it in Debian's Chromium and take screenshots of the main states, with a few timing
// and behaviour checks printed along the way. For looking at the UI, not a test suite.
//   npx tsx test/ui-harness/screenshots.ts            (all shots)
//   npx tsx test/ui-harness/screenshots.ts list web   (only shots whose name contains one of the words)
// Screenshots: test-results/ui-*.png
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Page } from 'playwright-core'
import { build } from 'vite'
import type { CallName } from '../../src/shared/api'
import { createFakeInspector } from './fake-inspector'

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
      await page.keyboard.press('k')
      await page.keyboard.press('k')
      await page.keyboard.press('Enter')
      await page.locator(`[data-testid="detail-panel"][data-id="${SPECIAL(8)}"]`).waitFor()
      check(true, 'End, k, k, Enter opens the third-last exchange')
      await page.keyboard.press('j')
      await page.locator(`[data-testid="detail-panel"][data-id="${SPECIAL(9)}"]`).waitFor()
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
      await page.locator('[data-testid="exchange-row"][data-id="ex-005000"]').waitFor()
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
      await page.locator('[data-testid="exchange-row"][data-id="ex-002013"]').waitFor({ timeout: 10_000 })
      const lastVisible = await page.locator('[data-testid="exchange-row"]').last().getAttribute('data-id')
      check(lastVisible !== null && lastVisible >= 'ex-002012', `list follows new rows (last row ${lastVisible})`)
      await shot(page, 'live')
    }

    if (want('web')) await webMode(context, base)
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
    const offs = (['exchange:upserted', 'proxy:status', 'store:status'] as const).map((event) =>
      fake.api.on(event, (payload) => ws.send(JSON.stringify({ event, payload })))
    )
    ws.onClose(() => {
      sockets.delete(ws)
      offs.forEach((off) => off())
    })
  })

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
  serverDown = true
  for (const ws of sockets) await ws.close({ code: 1006, reason: 'gone' }).catch(() => {})
  await page.locator('[data-testid="connection-state"][data-state="disconnected"]').waitFor()
  await shot(page, 'web-disconnected')
  const before = await page.locator('[data-testid="exchange-row"]').last().getAttribute('data-id')
  await page.waitForTimeout(2500)
  serverDown = false
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
  fake.stop()
  await page.close()
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
