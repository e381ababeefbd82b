// The UI in Chromium against web mode with a big data folder: 10,000 exchanges written in-process first (most
// small, some streams, some errors, one with a 5 MB request body), then `mimo-inspector serve` on that folder
// and one agent conversation recorded THROUGH its proxy to the emulator (so the persist worker groups it), whose
// last request has 1,000 messages and ends in MiMo's reasoning 400. Measured in the page (performance.now(),
// a long-task PerformanceObserver installed before the app's scripts): first rows painted, scrolling the whole
// list, opening the 5 MB request body, opening the 1,000-message conversation, and the renderer's JS heap.
// Needs `npm run build` (out/cli and out/renderer) and Chromium at /usr/bin/chromium (or CHROMIUM_PATH).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Page } from 'playwright-core'
import { Store } from '../src/main/core/store/store'
import { RECORD_VERSION, type ExchangeRecord } from '../src/main/core/store/record'
import { startEmulator } from '../test/emulator/server'
import { startServe, type Serve } from '../test/e2e/serve'

const FILLER = 10_000
const BIG_ID = 'bench-5mb-request'
const KEY = 'sk-bench0123456789abcdefghijklmnop'
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']
const GOALS = { scrollLongTask: 100, bigBody: 300, conversation: 500, heapMb: 200 }

/** A small deterministic generator, so every run writes the same folder. */
function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

const words = 'the file function test build error value agent request stream token model message change folder result'.split(' ')
function prose(rand: () => number, n: number): string {
  let out = ''
  for (let i = 0; i < n; i++) out += words[Math.floor(rand() * words.length)] + (i % 12 === 11 ? '. ' : ' ')
  return out
}

/** A Claude-Code-like request of about 5 MB: long system prompt, 60 tools, ~1,000 messages of tool turns. */
function fiveMbRequest(): Buffer {
  const system = 'You are Claude Code, an agent for software engineering. Follow the instructions carefully. '.repeat(330)
  const tools = Array.from({ length: 60 }, (_, i) => ({
    name: `tool_${i}`,
    description: `Tool ${i}: ${'does a useful thing with files and folders. '.repeat(40)}`,
    input_schema: { type: 'object', properties: Object.fromEntries(Array.from({ length: 8 }, (_, p) => [`param_${p}`, { type: 'string', description: 'a parameter '.repeat(20) }])) }
  }))
  const messages: unknown[] = [{ role: 'user', content: 'Refactor the project so the tests pass.' }]
  let size = JSON.stringify({ model: 'mimo-v2.5-pro', max_tokens: 32000, stream: true, system, tools, messages }).length
  for (let i = 1; size < 5 * 1024 * 1024; i++) {
    const id = `toolu_${String(i).padStart(4, '0')}`
    const thinking = `Step ${i}: I need to look at the next file before changing it. `.repeat(6)
    const turn = [
      { role: 'assistant', content: [{ type: 'thinking', thinking, signature: `sig${i}` }, { type: 'tool_use', id, name: `tool_${i % 60}`, input: { param_0: `src/file_${i}.ts` } }] },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: id, content: `contents of file ${i}\n`.repeat(240) }] }
    ]
    for (const m of turn) size += JSON.stringify(m).length + 1
    messages.push(...turn)
  }
  return Buffer.from(JSON.stringify({ model: 'mimo-v2.5-pro', max_tokens: 32000, stream: true, system, tools, messages }))
}

function sse(protocol: 'anthropic' | 'openai', text: string): { body: string; times: Array<[number, number]> } {
  const pieces = text.match(/.{1,24}/g) ?? []
  const events: string[] = []
  if (protocol === 'anthropic') {
    events.push(`event: message_start\ndata: ${JSON.stringify({ type: 'message_start', message: { id: 'msg_bench', type: 'message', role: 'assistant', model: 'mimo-v2.5-pro', content: [], usage: { input_tokens: 900, output_tokens: 1 } } })}\n\n`)
    events.push(`event: content_block_start\ndata: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}\n\n`)
    for (const p of pieces) events.push(`event: content_block_delta\ndata: ${JSON.stringify({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: p } })}\n\n`)
    events.push(`event: content_block_stop\ndata: {"type":"content_block_stop","index":0}\n\n`)
    events.push(`event: message_delta\ndata: {"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":${pieces.length}}}\n\n`)
    events.push(`event: message_stop\ndata: {"type":"message_stop"}\n\n`)
  } else {
    for (const p of pieces) events.push(`data: ${JSON.stringify({ id: 'chatcmpl-bench', object: 'chat.completion.chunk', model: 'mimo-v2.5', choices: [{ index: 0, delta: { content: p } }] })}\n\n`)
    events.push('data: [DONE]\n\n')
  }
  const times: Array<[number, number]> = []
  let offset = 0
  events.forEach((e, i) => times.push([(offset += Buffer.byteLength(e)), 300 + i * 20]))
  return { body: events.join(''), times }
}

/** Writes `count` exchanges with the store in-process; the last one has the 5 MB request body. */
function writeFiller(dir: string, count: number): { bigBytes: number; streams: number; errors: number } {
  const store = Store.open(dir)
  const rand = rng(42)
  const t0 = Date.now() - count * 3000
  let bigBytes = 0
  let streams = 0
  let errors = 0
  for (let seq = 1; seq <= count; seq++) {
    const big = seq === count
    const protocol: 'anthropic' | 'openai' = big || rand() < 0.6 ? 'anthropic' : 'openai'
    const path = protocol === 'anthropic' ? '/anthropic/v1/messages' : '/v1/chat/completions'
    const model = rand() < 0.7 ? 'mimo-v2.5-pro' : 'mimo-v2.5'
    const roll = rand()
    const stream = !big && roll < 0.15
    const failure = !big && !stream && roll > 0.97 ? [400, 429, 500, 0][Math.floor(rand() * 4)] : null
    const question = `#${seq} ${prose(rand, 40 + Math.floor(rand() * 200))}`
    const request = big
      ? fiveMbRequest()
      : Buffer.from(
          JSON.stringify(
            protocol === 'anthropic'
              ? { model, max_tokens: 4096, stream, system: 'You are a helpful coding assistant.', messages: [{ role: 'user', content: question }] }
              : { model, stream, messages: [{ role: 'system', content: 'You are a helpful coding assistant.' }, { role: 'user', content: question }] }
          )
        )
    if (big) bigBytes = request.length
    const answer = prose(rand, 30 + Math.floor(rand() * 120))
    let status: number | null = 200
    let error: string | null = null
    let responseBody: Buffer | null
    let contentType = 'application/json'
    let chunkTimes: ExchangeRecord['request']['body'] = null
    if (failure === 0) {
      status = null
      error = 'socket hang up (ECONNRESET)'
      responseBody = null
    } else if (failure) {
      status = failure
      const message = failure === 400 ? 'Param Incorrect' : failure === 429 ? 'Rate limit exceeded' : 'Internal error'
      responseBody = Buffer.from(JSON.stringify({ error: { code: String(failure), message, param: failure === 400 ? 'The reasoning_content in the thinking mode must be passed back to the API.' : '', type: 'error' } }))
    } else if (stream) {
      const s = sse(protocol, answer)
      responseBody = Buffer.from(s.body)
      contentType = 'text/event-stream'
      chunkTimes = store.putBody(Buffer.from(JSON.stringify(s.times)))
    } else {
      responseBody = Buffer.from(
        JSON.stringify(
          protocol === 'anthropic'
            ? { id: `msg_${seq}`, type: 'message', role: 'assistant', model, content: [{ type: 'text', text: answer }], stop_reason: 'end_turn', usage: { input_tokens: 900, output_tokens: 120 } }
            : { id: `chatcmpl-${seq}`, object: 'chat.completion', model, choices: [{ index: 0, message: { role: 'assistant', content: answer }, finish_reason: 'stop' }], usage: { prompt_tokens: 900, completion_tokens: 120, total_tokens: 1020 } }
        )
      )
    }
    if (stream) streams++
    if (failure !== null) errors++
    store.append({
      v: RECORD_VERSION,
      summary: {
        id: big ? BIG_ID : `bench-${seq}`,
        seq,
        startedAt: new Date(t0 + seq * 3000).toISOString(),
        method: 'POST',
        path,
        upstreamUrl: `https://api.xiaomimimo.com${path}`,
        mode: 'reverse',
        protocol,
        model,
        stream: big || stream,
        state: failure === 0 ? 'failed' : 'completed',
        status,
        error,
        durationMs: Math.round(400 + rand() * 4000),
        ttfbMs: Math.round(200 + rand() * 600),
        requestSize: request.length,
        responseSize: responseBody?.length ?? 0,
        usage: status === 200 ? { inputTokens: 900, outputTokens: 120, cacheReadTokens: null, reasoningTokens: null } : null,
        conversationId: null
      },
      request: { headers: [['content-type', 'application/json'], [protocol === 'anthropic' ? 'x-api-key' : 'authorization', 'sk-…3f9a']], body: store.putBody(request), bodyCut: false },
      response: responseBody
        ? { statusMessage: status === 200 ? 'OK' : 'Error', headers: [['content-type', contentType]], body: store.putBody(responseBody), bodyCut: false, chunkTimes }
        : null
    })
  }
  store.close()
  return { bigBytes, streams, errors }
}

/** One OpenAI-format agent session: system + task + 499 tool turns = 1,000 messages at the end. */
function conversationMessages(): Array<Record<string, unknown>> {
  const rand = rng(7)
  const messages: Array<Record<string, unknown>> = [
    { role: 'system', content: 'You are a coding agent working in a large repository. '.repeat(150) },
    { role: 'user', content: 'Find out why the integration tests fail and fix them.' }
  ]
  for (let i = 1; messages.length < 1000; i++) {
    const id = `call_${String(i).padStart(4, '0')}`
    messages.push({
      role: 'assistant',
      content: '',
      reasoning_content: `Turn ${i}: ${prose(rand, 40)}`,
      tool_calls: [{ id, type: 'function', function: { name: i % 3 ? 'read_file' : 'run_tests', arguments: JSON.stringify({ path: `src/module_${i}.ts` }) } }]
    })
    messages.push({ role: 'tool', tool_call_id: id, content: `// src/module_${i}.ts\n${prose(rand, 250)}` })
  }
  return messages
}

/** Sends the session's requests at 200, 400, …, 1,000 messages; the last drops one reasoning_content (MiMo's 400). */
async function recordConversation(proxyUrl: string): Promise<{ requests: number; lastStatus: number; lastBytes: number; culprit: number }> {
  const all = conversationMessages()
  const culprit = 502 // an assistant tool-call turn in the middle of the history
  const sizes = [200, 400, 600, 800, 1000]
  let lastStatus = 0
  let lastBytes = 0
  for (const n of sizes) {
    let messages = all.slice(0, n)
    if (n === 1000) messages = messages.map((m, i) => (i === culprit ? { ...m, reasoning_content: undefined } : m))
    const body = JSON.stringify({ model: 'mimo-v2.5-pro', messages, tools: [{ type: 'function', function: { name: 'read_file', parameters: { type: 'object' } } }] })
    const res = await fetch(`${proxyUrl}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` }, body })
    await res.arrayBuffer()
    lastStatus = res.status
    lastBytes = Buffer.byteLength(body)
  }
  return { requests: sizes.length, lastStatus, lastBytes, culprit }
}

function logLines(dir: string): number {
  const store = Store.open(dir, { readOnly: true })
  const n = store.records.length
  store.close()
  return n
}

// Page-side code is passed as strings: tsx's transform may add helpers (__name) that do not exist in the page.
const INIT = `(() => {
  const b = (window.__bench = { longtasks: [], firstRow: null, firstRowPainted: null })
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longtasks.push({ start: e.startTime, duration: e.duration })
    }).observe({ type: 'longtask', buffered: true })
  } catch (err) { b.noLongtask = String(err) }
  const seen = () => {
    if (b.firstRow !== null || !document.querySelector('[data-testid="exchange-row"]')) return
    b.firstRow = performance.now()
    requestAnimationFrame(() => setTimeout(() => (b.firstRowPainted = performance.now()), 0))
    mo.disconnect()
  }
  const mo = new MutationObserver(seen)
  mo.observe(document, { childList: true, subtree: true })
  // Resolves with the time pred() first held, and the time just after the next frame was painted.
  b.waitFor = (pred, timeout = 30000) => new Promise((resolve, reject) => {
    const start = performance.now()
    let done = false
    const finish = () => {
      done = true
      obs.disconnect()
      const at = performance.now()
      requestAnimationFrame(() => setTimeout(() => resolve({ at, painted: performance.now() }), 0))
    }
    const obs = new MutationObserver(() => { if (!done && pred()) finish() })
    obs.observe(document, { childList: true, subtree: true, characterData: true, attributes: true })
    const poll = () => {
      if (done) return
      if (pred()) return finish()
      if (performance.now() - start > timeout) { done = true; obs.disconnect(); return reject(new Error('timed out waiting in the page')) }
      requestAnimationFrame(poll)
    }
    poll()
  })
  b.frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))
})()`

const SCROLL = `(async () => {
  const b = window.__bench
  const el = document.querySelector('[data-testid="exchange-list"]')
  const placeholders = () => el.querySelectorAll('[data-testid="exchange-row-placeholder"]').length
  el.scrollTop = 0
  await b.waitFor(() => el.scrollTop === 0 && el.querySelector('[data-testid="exchange-row"]') && placeholders() === 0)
  // Sizes read once: reading them in the loop would force a layout of its own each step.
  const step = el.clientHeight, max = el.scrollHeight - el.clientHeight
  const start = performance.now()
  let steps = 0, placeholderFrames = 0, maxGap = 0, last = start
  for (let top = step; top - step < max; top += step) {
    el.scrollTop = Math.min(top, max)
    steps++
    await new Promise((r) => requestAnimationFrame(r))
    const now = performance.now()
    maxGap = Math.max(maxGap, now - last)
    last = now
    if (placeholders() > 0) placeholderFrames++
  }
  const scrolled = performance.now()
  const filled = await b.waitFor(() => placeholders() === 0 && el.querySelector('[data-testid="exchange-row"]'))
  return { start, end: filled.painted, steps, ms: scrolled - start, settleMs: filled.at - scrolled, placeholderFrames, maxGap, px: el.scrollHeight, rowHeight: el.querySelector('[data-testid="exchange-row"]').getBoundingClientRect().height }
})()`

// Opens the 5 MB exchange as a user does: its row, then the Request tab. On a repeat, another exchange is
// opened first on its Response tab, so the body is fetched and laid out again.
const openBig = (repeat: boolean): string => `(async () => {
  const b = window.__bench
  const el = document.querySelector('[data-testid="exchange-list"]')
  const rowSel = '[data-testid="exchange-row"][data-id="${BIG_ID}"]'
  const otherSel = '[data-testid="exchange-row"][data-id="bench-${FILLER - 1}"]'
  if (!document.querySelector(rowSel) || !document.querySelector(otherSel)) {
    el.scrollTop = ${FILLER - 1} * 22 - el.clientHeight / 2
    await b.waitFor(() => document.querySelector(rowSel) && document.querySelector(otherSel))
  }
  if (${repeat}) {
    document.querySelector(otherSel).dispatchEvent(new MouseEvent('mousedown', { bubbles: true, button: 0 }))
    await b.waitFor(() => document.querySelector(otherSel).classList.contains('row-open') && document.querySelector('[data-testid="tab-response"]'))
    document.querySelector('[data-testid="tab-response"]').click()
    await b.waitFor(() => document.querySelector('[data-testid="tab-response"]').getAttribute('aria-selected') === 'true' && !document.querySelector('[data-testid="body-request"]'))
  }
  await b.frame()
  const start = performance.now()
  document.querySelector(rowSel).dispatchEvent(new MouseEvent('mousedown', { bubbles: true, button: 0 }))
  const panel = await b.waitFor(() => document.querySelector(rowSel).classList.contains('row-open') && document.querySelector('[data-testid="detail-panel"] [data-testid="tab-request"]'))
  document.querySelector('[data-testid="tab-request"]').click()
  const text = () => {
    const lines = document.querySelectorAll('[data-testid="body-request"] [data-testid="body-text"] .line-text')
    return lines.length > 0 && [...lines].some((l) => l.textContent.trim().length > 0)
  }
  const shown = await b.waitFor(text)
  const facts = document.querySelector('[data-testid="body-request"] .body-facts')
  return { start, end: shown.painted, panelMs: panel.at - start, textMs: shown.at - start, paintedMs: shown.painted - start, facts: facts ? [...facts.children].map((c) => c.textContent).join(' · ') : '' }
})()`

// Opens the only conversation (a mousedown on its row) and waits for the timeline, then for the culprit.
const OPEN_CONVERSATION = `(async () => {
  const b = window.__bench
  await b.waitFor(() => document.querySelector('[data-testid="conversation-row"]') && !document.querySelector('[data-testid="timeline-message"]'))
  await b.frame()
  const start = performance.now()
  document.querySelector('[data-testid="conversation-row"]').dispatchEvent(new MouseEvent('mousedown', { bubbles: true, button: 0 }))
  const first = await b.waitFor(() => document.querySelector('[data-testid="timeline"] [data-testid="timeline-message"]'))
  const culpritSel = '[data-testid="timeline-message"][data-culprit="true"]'
  let culprit = null
  try { culprit = await b.waitFor(() => document.querySelector(culpritSel), 10000) } catch {}
  await b.frame()
  const indices = [...document.querySelectorAll('[data-testid="timeline-message"]')].map((m) => Number(m.getAttribute('data-index')))
  const c = document.querySelector(culpritSel)
  return {
    start,
    end: (culprit ?? first).painted,
    firstMs: first.at - start,
    firstPaintedMs: first.painted - start,
    culpritMs: culprit ? culprit.painted - start : null,
    culpritIndex: c ? Number(c.getAttribute('data-index')) : null,
    maxIndex: Math.max(...indices)
  }
})()`

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }>
  samples?: number[]
  timeDeltas?: number[]
}

/** The 20 functions with the most self time in a CDP CPU profile. */
function selfTimes(profile: CpuProfile): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map<string, number>()
  const samples = profile.samples ?? []
  const deltas = profile.timeDeltas ?? []
  for (let i = 0; i < samples.length; i++) {
    const f = byId.get(samples[i])?.callFrame
    if (!f) continue
    const name = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}`
    self.set(name, (self.get(name) ?? 0) + (deltas[i + 1] ?? 0) / 1000)
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0)
  return [`renderer self time while scrolling, ${total.toFixed(0)} ms sampled:`, ...[...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([n, t]) => `  ${t.toFixed(1).padStart(8)} ms  ${n}`)].join('\n')
}

interface LongTask {
  start: number
  duration: number
}

interface Call {
  name: string
  start: number
  ms: number
  waitMs: number
  bytes: number
}

/** API calls (fetch to /api/call/NAME) started in [from, to), from the page's resource timing. */
async function calls(page: Page, from: number, to: number): Promise<Call[]> {
  const all = (await page.evaluate(`performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/call/')).map((e) => ({
    name: decodeURIComponent(new URL(e.name).pathname.split('/').pop()),
    start: e.startTime,
    ms: e.responseEnd - e.startTime,
    waitMs: e.responseStart - e.requestStart,
    bytes: e.encodedBodySize
  }))`)) as Call[]
  return all.filter((c) => c.start >= from && c.start < to)
}

/** The slowest call of a phase: its name, total time and the server's time to first byte. */
function slowest(cs: Call[]): string {
  if (!cs.length) return 'no API call'
  const c = cs.reduce((a, b) => (b.ms > a.ms ? b : a))
  return `slowest API call \`${c.name}\` ${ms(c.ms)} (first byte after ${ms(c.waitMs)}, ${(c.bytes / 2 ** 20).toFixed(1)} MB)`
}

async function longtasks(page: Page, from: number, to: number): Promise<LongTask[]> {
  const all = (await page.evaluate('window.__bench.longtasks')) as LongTask[]
  return all.filter((t) => t.start >= from && t.start < to)
}

interface Load {
  firstRow: number
  painted: number
  fcp: number | null
  rows: number
  noLongtask: string | null
  tasks: LongTask[]
  calls: Call[]
}

const LOADS = 3
const REPEATS = 5
const ms = (n: number): string => `${n.toFixed(0)} ms`
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
const series = (xs: number[]): string => `median ${ms(median(xs))} of ${xs.length} (${xs.map((x) => x.toFixed(0)).join(', ')})`
const maxTask = (ts: LongTask[]): string => (ts.length ? `${ms(Math.max(...ts.map((t) => t.duration)))} (${ts.length} over 50 ms)` : 'none over 50 ms')
const met = (ok: boolean): string => (ok ? 'yes' : 'no')

export async function uiBench(): Promise<string> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (!existsSync(executablePath)) return `Skipped: no Chromium at ${executablePath} (apt-get install chromium, or set CHROMIUM_PATH).`
  if (!existsSync('out/cli/cli.js') || !existsSync('out/renderer/index.html')) return 'Skipped: not built; run `npm run build` first.'

  const dataDir = mkdtempSync(join(tmpdir(), 'mimo-bench-ui-'))
  const tWrite = performance.now()
  const filler = writeFiller(dataDir, FILLER)
  const writeMs = performance.now() - tWrite

  const emulator = await startEmulator()
  let serve: Serve | null = null
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
  try {
    serve = await startServe({ upstream: emulator.url, dataDir })
    const convo = await recordConversation(serve.proxyUrl)
    const total = FILLER + convo.requests
    const deadline = Date.now() + 30_000
    while (logLines(dataDir) < total) {
      if (Date.now() > deadline) throw new Error(`only ${logLines(dataDir)} of ${total} exchanges were recorded`)
      await new Promise((r) => setTimeout(r, 50))
    }
    await new Promise((r) => setTimeout(r, 200))

    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
    const page = await context.newPage()
    await page.addInitScript(INIT)

    // Three loads of the page; the first is the cold one (the server lists the store for the first time).
    const loads: Load[] = []
    for (let i = 0; i < LOADS; i++) {
      await page.goto(serve.uiUrl)
      await page.locator('[data-app-state="ready"]').waitFor({ timeout: 30_000 })
      await page.waitForFunction('window.__bench.firstRowPainted !== null', undefined, { timeout: 30_000 })
      const load = (await page.evaluate(`({
        firstRow: window.__bench.firstRow,
        painted: window.__bench.firstRowPainted,
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
        rows: Number(document.querySelector('[role="grid"][aria-label="Exchanges"]')?.getAttribute('aria-rowcount') ?? 0),
        noLongtask: window.__bench.noLongtask ?? null
      })`)) as Omit<Load, 'tasks' | 'calls'>
      if (load.noLongtask) throw new Error(`no long-task observer in this Chromium: ${load.noLongtask}`)
      if (load.rows !== total) throw new Error(`the list shows ${load.rows} exchanges, expected ${total}`)
      loads.push({ ...load, tasks: await longtasks(page, 0, load.painted), calls: await calls(page, 0, load.painted) })
    }
    const load = loads[0]

    // BENCH_PROFILE_SCROLL=1: print where the renderer spent its time while scrolling (self time by function).
    const profiler = process.env.BENCH_PROFILE_SCROLL ? await context.newCDPSession(page) : null
    if (profiler) {
      await profiler.send('Profiler.enable')
      await profiler.send('Profiler.setSamplingInterval', { interval: 200 })
      await profiler.send('Profiler.start')
    }
    const scroll = (await page.evaluate(SCROLL)) as { start: number; end: number; steps: number; ms: number; settleMs: number; placeholderFrames: number; maxGap: number; px: number }
    if (profiler) process.stderr.write(selfTimes((await profiler.send('Profiler.stop')).profile) + '\n')
    const scrollTasks = await longtasks(page, scroll.start, scroll.end)

    const bigs: Array<{ start: number; end: number; panelMs: number; textMs: number; paintedMs: number; facts: string }> = []
    for (let i = 0; i < REPEATS; i++) bigs.push((await page.evaluate(openBig(i > 0))) as (typeof bigs)[number])
    const big = bigs[0]
    const bigTasks = await longtasks(page, big.start, big.end)
    const bigCalls = await calls(page, big.start, big.end)
    const bigTasksAll = await longtasks(page, big.start, bigs[bigs.length - 1].end)

    await page.keyboard.press('2')
    const convs: Array<{ start: number; end: number; firstMs: number; firstPaintedMs: number; culpritMs: number | null; culpritIndex: number | null; maxIndex: number }> = []
    for (let i = 0; i < REPEATS; i++) {
      if (i > 0) {
        await page.keyboard.press('Escape')
        await page.locator('[data-testid="timeline-message"]').first().waitFor({ state: 'detached' })
      }
      convs.push((await page.evaluate(OPEN_CONVERSATION)) as (typeof convs)[number])
    }
    const conv = convs[0]
    const convTasks = await longtasks(page, conv.start, conv.end)
    const convCalls = await calls(page, conv.start, conv.end)

    const cdp = await context.newCDPSession(page)
    await cdp.send('Performance.enable')
    const metric = async (name: string): Promise<number> => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name)?.value ?? NaN) / 2 ** 20
    const heapNow = await metric('JSHeapUsedSize')
    const heapTotal = await metric('JSHeapTotalSize')
    await cdp.send('HeapProfiler.collectGarbage')
    const heapAfterGc = await metric('JSHeapUsedSize')
    const domNodes = (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'Nodes')?.value ?? NaN
    await context.close()

    const scrollMax = scrollTasks.length ? Math.max(...scrollTasks.map((t) => t.duration)) : 0
    const mb = (n: number): string => `${(n / 2 ** 20).toFixed(1)} MB`
    return [
      `Data folder: ${FILLER.toLocaleString('en')} exchanges written with the store in-process (${filler.streams} streams, ${filler.errors} errors, one ${mb(filler.bigBytes)} request; ` +
        `${(writeMs / 1000).toFixed(1)} s), then ${convo.requests} requests of one conversation (200 to 1,000 messages, the last ${mb(convo.lastBytes)} answered ${convo.lastStatus}) ` +
        `recorded through \`mimo-inspector serve\`'s proxy to the emulator. Chromium ${browser.version()} headless, 1400×900.`,
      '',
      '| measure | value | goal | met |',
      '| --- | --- | --- | --- |',
      `| navigation → first exchange rows painted (${load.rows.toLocaleString('en')} in the list), first load | ${ms(load.painted)} (rows in the DOM at ${ms(load.firstRow)}; first contentful paint ${load.fcp === null ? '?' : ms(load.fcp)}; ${load.calls.length} API calls, ${slowest(load.calls)}); all loads: ${series(loads.map((l) => l.painted))} | | |`,
      `| longest task while loading | ${maxTask(load.tasks)}; later loads: ${loads.slice(1).map((l) => maxTask(l.tasks)).join('; ')} | | |`,
      `| scroll the list top to bottom, ${scroll.steps} steps of one screen a frame (${(scroll.px / 1000).toFixed(0)}k px) | ${ms(scroll.ms)}; last rows filled ${ms(scroll.settleMs)} later; frames still showing placeholders ${scroll.placeholderFrames} of ${scroll.steps}; longest frame ${ms(scroll.maxGap)} | | |`,
      `| longest task while scrolling | ${maxTask(scrollTasks)} | no task over ${GOALS.scrollLongTask} ms | ${met(scrollMax <= GOALS.scrollLongTask)} |`,
      `| open the ${mb(filler.bigBytes)} request body: row → Request tab → text painted, first open | ${ms(big.paintedMs)} (detail panel ${ms(big.panelMs)}, text in the DOM ${ms(big.textMs)}; ${slowest(bigCalls)}; longest task ${maxTask(bigTasks)}); body shown as "${big.facts.trim()}" | < ${GOALS.bigBody} ms | ${met(big.paintedMs < GOALS.bigBody)} |`,
      `| the same, opened ${REPEATS} times (another exchange in between) | ${series(bigs.map((x) => x.paintedMs))}; longest task over all ${maxTask(bigTasksAll)} | < ${GOALS.bigBody} ms | ${met(median(bigs.map((x) => x.paintedMs)) < GOALS.bigBody)} |`,
      `| open the 1,000-message conversation → first timeline message painted, first open | ${ms(conv.firstPaintedMs)} (in the DOM ${ms(conv.firstMs)})` +
        `${conv.culpritMs === null ? '; no culprit shown' : `; culprit message[${conv.culpritIndex}] painted at ${ms(conv.culpritMs)}`}; ${convCalls.length} API calls, ${slowest(convCalls)}; longest task ${maxTask(convTasks)} | < ${GOALS.conversation} ms | ${met(conv.firstPaintedMs < GOALS.conversation)} |`,
      `| the same, closed (Esc) and opened again, ${REPEATS} opens (the server keeps parsed requests after the first) | first message ${series(convs.map((c) => c.firstPaintedMs))}; culprit ${series(convs.map((c) => c.culpritMs ?? NaN))} | < ${GOALS.conversation} ms | ${met(median(convs.map((c) => c.firstPaintedMs)) < GOALS.conversation)} |`,
      `| renderer JS heap after all of the above (CDP JSHeapUsedSize) | ${heapNow.toFixed(1)} MB used of ${heapTotal.toFixed(1)} MB; ${heapAfterGc.toFixed(1)} MB after a forced GC; ${domNodes} DOM nodes | < ${GOALS.heapMb} MB | ${met(heapNow < GOALS.heapMb)} |`,
      '',
      `- Times are measured in the page: \`performance.now()\` from navigation start, a row opened by a dispatched mousedown; "painted" is the first task after the next animation frame. ` +
        `Long tasks come from a \`PerformanceObserver({ type: 'longtask' })\` installed before the app's scripts. The timeline opens on the request the conversation focuses (its last, the 400) and scrolls to the culprit; ` +
        `message indices up to ${conv.maxIndex} were in the DOM.`
    ].join('\n')
  } finally {
    await browser.close()
    if (serve) await serve.stop()
    await emulator.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
