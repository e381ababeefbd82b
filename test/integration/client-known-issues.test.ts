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
import { droppedReasoningUnder, KNOWN_ISSUE_REQUESTS as CASES, sendAsClient } from '../scenarios/known-issue-requests'
import { PAYG_KEY, startStack, type Stack } from './stack'

const BIN = 'bin/mimo-inspector.js'
/** Async, so the proxy and the emulator in this process keep running (a blocked loop resets kept-alive sockets late). */
const cli = (...args: string[]) => promisify(execFile)(process.execPath, [BIN, ...args], { encoding: 'utf8' })
const culpritOf = (d: Diagnosis) => d.findings.find((f) => f.rule === d.culprit?.rule && f.messageIndex === d.culprit?.messageIndex)

let stack: Stack
const recorded = new Map<string, ExchangeSummary>()

beforeAll(async () => {
  stack = await startStack({ systemOnlyFirst: true })
  for (const c of CASES) {
    const ended = stack.ended(1)
    expect(await sendAsClient(stack.proxyUrl, c, PAYG_KEY), c.entry).toBe(400)
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
    expect(await sendAsClient(stack.proxyUrl, { path: '/v1/chat/completions', headers: [['user-agent', 'curl/8.7.1'], ['content-type', 'application/json'], ['authorization', 'x']], body }, PAYG_KEY)).toBe(400)
    const [summary] = await ended
    expect(summary.client).toBeNull()
    const d = (await stack.inspector.handlers['exchanges:diagnose']({ id: summary.id }))!
    expect(d.client).toBeNull()
    expect(d.culprit?.rule).toBe('compat.reasoning-passback-missing')
    expect(d.findings.flatMap((f) => f.knownIssues ?? [])).toEqual([])
  })
})
