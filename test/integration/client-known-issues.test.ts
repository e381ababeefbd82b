// Known client issues end to end: for every catalogue entry whose shape MiMo rejects, the failing request is
// sent through the real proxy to the emulator with the headers that client really sends (captured from it, or
// written from its source: test/fixtures/clients), gets MiMo's 400, is stored with its client, and the
// diagnosis (the app's API and `diagnose ID --json`) names the entry on the culprit. An unknown client is null
// and nothing is claimed.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Diagnosis, ExchangeSummary } from '../../src/shared/types'
import { FROM_SOURCE } from '../fixtures/clients/from-source'
import { captured, type CapturedExchange } from '../unit/clients/captured'
import { PAYG_KEY, startStack, type Stack } from './stack'

const BIN = 'bin/mimo-inspector.js'
/** Async, so the proxy and the emulator in this process keep running (a blocked loop resets kept-alive sockets late). */
const cli = (...args: string[]) => promisify(execFile)(process.execPath, [BIN, ...args], { encoding: 'utf8' })
const KEY_HEADERS = new Set(['authorization', 'x-api-key', 'api-key'])
/** Set by the HTTP client itself (or hop-by-hop): not part of what is replayed. */
const TRANSPORT = new Set(['host', 'connection', 'content-length', 'accept-encoding', 'transfer-encoding'])

interface Case {
  entry: string
  client: { name: string; version: string | null }
  status: 'affected' | 'unknown'
  path: string
  headers: Array<[string, string]>
  body: unknown
}

function firstFailure(folder: string): CapturedExchange {
  const hit = captured(folder).find(({ exchange }) => exchange.response?.status === 400)
  if (!hit) throw new Error(`no 400 captured in ${folder}`)
  return hit.exchange
}

const headersOf = (x: CapturedExchange): Array<[string, string]> => Object.entries(x.request.headers)
const source = (prefix: string) => FROM_SOURCE.find((f) => f.name.startsWith(prefix))!

/** OpenCode 1.0.185's real failing turn (an assistant tool call without reasoning_content) under another client's system prompt. */
function droppedReasoningUnder(systemPrompt: string): unknown {
  const body = firstFailure('opencode-1.0.185').request.body as { messages: unknown[] }
  return { ...body, messages: [{ role: 'system', content: systemPrompt }, ...body.messages.slice(1)] }
}

function systemOf(body: unknown): string {
  const b = body as { system?: unknown; messages: Array<{ role: string; content: unknown }> }
  return typeof b.system === 'string' ? b.system : (b.messages.find((m) => m.role === 'system')!.content as string)
}

const CLAUDE_SYSTEM_MID = captured('claude-code').find(({ exchange }) => /"role":"system"/.test(JSON.stringify(exchange.request.body)))!.exchange
const CRAFT = source('Craft Agents')
const PI_AI = firstFailure('pi-ai-0.73.1')

const CASES: Case[] = [
  { entry: 'opencode-drops-reasoning-content', client: { name: 'OpenCode', version: null }, status: 'unknown', ...real(firstFailure('opencode-1.0.185')) },
  { entry: 'continue-drops-reasoning-content', client: { name: 'Continue', version: null }, status: 'unknown', ...real(firstFailure('continue-cli')) },
  {
    // pi-ai's real request and headers, with the system prompt Craft Agents puts in front of it.
    entry: 'pi-ai-unsigned-thinking-as-text',
    client: { name: 'Craft Agents', version: '0.10.0' },
    status: 'unknown',
    path: PI_AI.request.path,
    headers: headersOf(PI_AI),
    body: { ...(PI_AI.request.body as object), system: systemOf(CRAFT.body) }
  },
  { entry: 'roo-code-drops-reasoning-content', client: { name: 'Roo Code', version: '3.52.1' }, status: 'affected', ...fromSource('Roo Code 3.52.1') },
  { entry: 'hermes-mimo-thinking-stripped', client: { name: 'Hermes Agent', version: null }, status: 'unknown', ...fromSource('Hermes Agent') },
  { entry: 'openclaw-strips-reasoning-content', client: { name: 'OpenClaw', version: null }, status: 'unknown', ...fromSource('OpenClaw') },
  // Claude Code 2.1.197's real first request: a system message at messages[1], which MiMo answers with R26.
  { entry: 'claude-code-system-message-mid-history', client: { name: 'Claude Code', version: '2.1.197' }, status: 'affected', ...real(CLAUDE_SYSTEM_MID) }
]

function real(x: CapturedExchange): Pick<Case, 'path' | 'headers' | 'body'> {
  return { path: x.request.path, headers: headersOf(x), body: x.request.body }
}

function fromSource(prefix: string): Pick<Case, 'path' | 'headers' | 'body'> {
  const f = source(prefix)
  return { path: f.path, headers: f.headers, body: droppedReasoningUnder(systemOf(f.body)) }
}

async function send(s: Stack, c: Pick<Case, 'path' | 'headers' | 'body'>): Promise<number> {
  const headers = new Headers()
  for (const [name, value] of c.headers) {
    const n = name.toLowerCase()
    if (TRANSPORT.has(n)) continue
    headers.set(n, KEY_HEADERS.has(n) ? (n === 'authorization' ? `Bearer ${PAYG_KEY}` : PAYG_KEY) : value)
  }
  const res = await fetch(`${s.proxyUrl}${c.path}`, { method: 'POST', headers, body: JSON.stringify(c.body) })
  await res.arrayBuffer()
  return res.status
}

const culpritOf = (d: Diagnosis) => d.findings.find((f) => f.rule === d.culprit?.rule && f.messageIndex === d.culprit?.messageIndex)

let stack: Stack
const recorded = new Map<string, ExchangeSummary>()

beforeAll(async () => {
  stack = await startStack({ systemOnlyFirst: true })
  for (const c of CASES) {
    const ended = stack.ended(1)
    expect(await send(stack, c), c.entry).toBe(400)
    recorded.set(c.entry, (await ended)[0])
  }
}, 60_000)

afterAll(async () => {
  await stack?.close()
})

describe('a known client issue sent through the proxy to MiMo', () => {
  it.each(CASES.map((c) => [c.entry, c] as const))('%s: 400, stored with its client, the diagnosis names the entry', async (_id, c) => {
    const summary = recorded.get(c.entry)!
    expect(summary.status).toBe(400)
    expect(summary.client).toMatchObject(c.client)

    const d = (await stack.inspector.handlers['exchanges:diagnose']({ id: summary.id }))!
    expect(d.client).toMatchObject(c.client)
    const culprit = culpritOf(d)!
    expect(culprit, 'a culprit').toBeTruthy()
    expect(culprit.knownIssues?.map((k) => [k.id, k.status])).toEqual([[c.entry, c.status]])
    const note = culprit.knownIssues![0]
    expect(note.text).toMatch(new RegExp(`^Your client: ${c.client.name} `))
    expect(note.text).toContain(note.workarounds[0])
    expect(note.text).toContain(c.status === 'affected' ? '— known issue' : '— may be a known issue')
    expect(note.sources[0].url).toMatch(/^https:\/\/github\.com\//)
  })

  it('diagnose ID --json and list --json carry the client and the entry', async () => {
    const ids = CASES.map((c) => recorded.get(c.entry)!.id)
    const [list, ...diagnoses] = await Promise.all([cli('list', '--json', '--data-dir', stack.dataDir), ...ids.map((id) => cli('diagnose', id, '--data-dir', stack.dataDir, '--json'))])
    const rows = JSON.parse(list.stdout) as Array<{ id: string; client: unknown }>
    CASES.forEach((c, i) => {
      expect(rows.find((r) => r.id === ids[i])?.client, c.entry).toMatchObject(c.client)
      expect(diagnoses[i].stderr, c.entry).toBe('')
      const json = JSON.parse(diagnoses[i].stdout) as { client: unknown; culprit: { rule: string; messageIndex: number }; findings: Array<{ rule: string; messageIndex: number; knownIssues: Array<{ id: string; text: string }> }> }
      expect(json.client, c.entry).toMatchObject(c.client)
      const culprit = json.findings.find((f) => f.rule === json.culprit.rule && f.messageIndex === json.culprit.messageIndex)!
      expect(culprit.knownIssues.map((k) => k.id), c.entry).toEqual([c.entry])
    })
  })

  it('the exported repro bundle names the client and its known issue in its README', async () => {
    const id = recorded.get('opencode-drops-reasoning-content')!.id
    const bundle = await stack.inspector.handlers['repro:export']({ id, jobId: null, minimalBody: null, removed: [], minimizedBy: null })
    const files = unzipSync(Buffer.from(bundle.zipBase64, 'base64'))
    const readme = Buffer.from(files[Object.keys(files).find((f) => f.endsWith('README.md'))!]).toString('utf8')
    const note = culpritOf((await stack.inspector.handlers['exchanges:diagnose']({ id }))!)!.knownIssues![0]
    expect(readme).toContain('- Client: `ai-sdk/openai-compatible/1.0.27 ai-sdk/provider-utils/3.0.17 runtime/bun/1.3.5` (OpenCode (Vercel AI SDK (openai-compatible) 1.0.27; system prompt))')
    expect(readme).toContain(`## Known client issue\n\n${note.text}\n`)
    expect(readme).toContain('[opencode#6040](https://github.com/anomalyco/opencode/issues/6040)')
    for (const w of note.workarounds) expect(readme).toContain(`- ${w}`)
  })

  it('an unknown client gets the same 400 and the same culprit, with client null and no entry claimed', async () => {
    const ended = stack.ended(1)
    const body = droppedReasoningUnder('You are a helpful assistant.')
    expect(await send(stack, { path: '/v1/chat/completions', headers: [['user-agent', 'curl/8.7.1'], ['content-type', 'application/json'], ['authorization', 'x']], body })).toBe(400)
    const [summary] = await ended
    expect(summary.client).toBeNull()
    const d = (await stack.inspector.handlers['exchanges:diagnose']({ id: summary.id }))!
    expect(d.client).toBeNull()
    expect(d.culprit?.rule).toBe('compat.reasoning-passback-missing')
    expect(d.findings.flatMap((f) => f.knownIssues ?? [])).toEqual([])
  })
})
