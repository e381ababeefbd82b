// The diagnosis names a known client issue: for the catalogue entries about providers other than MiMo, a
// built exchange with that provider's real error text (the dialect table's samples) and the client's real
// headers (captured or from its source) gets a culprit carrying the entry; the line a person reads says
// "known issue" in the affected range, "may be" without a version, and nothing outside it or for an unknown client.
import { describe, expect, it } from 'vitest'
import type { ClientInfo, Diagnosis, ReassembledMessage } from '../../../src/shared/types'
import { identifyClient } from '../../../src/main/core/clients/identify'
import { clientOfRecord, listedClient, withClient } from '../../../src/main/core/clients/record-client'
import { ERROR_DIALECTS } from '../../../src/main/core/diagnose/dialects'
import { diagnose } from '../../../src/main/core/diagnose/diagnose'
import type { ExchangeRecord } from '../../../src/main/core/store/record'
import { FROM_SOURCE } from '../../fixtures/clients/from-source'
import { captured, headerList } from './captured'

const sample = (id: string): string => ERROR_DIALECTS.find((d) => d.id === id)!.sample!
const source = (prefix: string) => FROM_SOURCE.find((f) => f.name.startsWith(prefix))!
const CLAUDE_HEADERS = headerList(captured('claude-code').find(({ exchange }) => exchange.request.method === 'POST')!.exchange)

/** Claude Code's real headers with the version of the user-agent set (a release inside or outside an entry's range). */
const claudeCodeAt = (version: string): Array<[string, string]> =>
  CLAUDE_HEADERS.map(([n, v]) => [n, n.toLowerCase() === 'user-agent' ? v.replace(/claude-cli\/[\d.]+/, `claude-cli/${version}`) : v])

const TOOL_USE = { type: 'tool_use', id: 'toolu_01', name: 'bash', input: { command: 'ls' } }
const TOOL_RESULT = { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_01', content: 'a.txt' }] }
const THINKING = { type: 'thinking', thinking: 'I should list the files.', signature: 'EqQBCkYIBxgCKkA' }

function anthropicBody(system: string, assistant: unknown[], thinking: boolean, tail: unknown[] = [TOOL_RESULT]) {
  return {
    model: 'claude-sonnet-4-5',
    max_tokens: 2048,
    ...(thinking ? { thinking: { type: 'enabled', budget_tokens: 1024 } } : {}),
    system,
    messages: [{ role: 'user', content: 'List the files.' }, { role: 'assistant', content: assistant }, ...tail]
  }
}

interface Built {
  headers: Array<[string, string]>
  body: unknown
  errorText: string
  host: string
  path: string
  /** The recorded response the request's last assistant message came from (R07 needs it). */
  previousReplies?: ReassembledMessage[]
}

function diagnoseBuilt(b: Built, client: ClientInfo | null = identifyClient({ headers: b.headers, body: b.body, path: b.path })): Diagnosis {
  return diagnose({ protocol: 'anthropic', body: b.body, status: 400, responseText: b.errorText, upstreamHost: b.host, path: b.path, previousReplies: b.previousReplies, client })
}

const culpritOf = (d: Diagnosis) => d.findings.find((f) => f.rule === d.culprit?.rule && f.messageIndex === d.culprit?.messageIndex)

const deepseek = (version: string): Built => ({
  headers: claudeCodeAt(version),
  body: anthropicBody('You are Claude Code.', [TOOL_USE], true),
  errorText: sample('deepseek.thinking-passback'),
  host: 'api.deepseek.com',
  path: '/anthropic/v1/messages'
})

const CASES: Array<{ entry: string; client: string; status: 'affected' | 'unknown'; built: Built }> = [
  { entry: 'claude-code-deepseek-thinking-stripped', client: 'Claude Code', status: 'affected', built: deepseek('2.1.153') },
  {
    entry: 'claude-code-thinking-block-modified',
    client: 'Claude Code',
    status: 'affected',
    built: {
      headers: claudeCodeAt('2.1.156'),
      // The thinking sent back differs from what the recorded response returned.
      body: anthropicBody('You are Claude Code.', [{ ...THINKING, thinking: 'I should list the files first.' }, TOOL_USE], true),
      errorText: sample('anthropic.thinking-modified'),
      host: 'api.anthropic.com',
      path: '/v1/messages',
      previousReplies: [
        {
          protocol: 'anthropic',
          id: 'msg_01',
          model: 'claude-sonnet-4-5',
          role: 'assistant',
          blocks: [
            { type: 'thinking', thinking: THINKING.thinking, signature: THINKING.signature },
            { type: 'tool_use', id: TOOL_USE.id, name: TOOL_USE.name, input: TOOL_USE.input, inputJson: JSON.stringify(TOOL_USE.input), inputError: null }
          ],
          stopReason: 'tool_use',
          usage: null,
          error: null,
          incomplete: false
        }
      ]
    }
  },
  {
    entry: 'kilo-code-vertex-thinking-dropped',
    client: 'Kilo Code',
    status: 'affected',
    built: {
      headers: source('Kilo Code 4.149.0').headers,
      body: anthropicBody('You are Kilo Code, a highly skilled software engineer.', [TOOL_USE], true),
      errorText: sample('anthropic.thinking-first'),
      host: 'api.anthropic.com',
      path: '/v1/messages'
    }
  },
  {
    entry: 'litellm-chat-completions-drops-thinking',
    client: 'Aider',
    // No version range is known for the LiteLLM entries: any version is taken as affected.
    status: 'affected',
    built: {
      headers: source('Aider through LiteLLM to an Anthropic').headers,
      body: anthropicBody('Act as an expert software developer.\nAlways use best practices when coding.', [TOOL_USE], true),
      errorText: sample('anthropic.thinking-first'),
      host: 'api.anthropic.com',
      path: '/v1/messages'
    }
  },
  {
    entry: 'litellm-modify-params-drops-thinking',
    client: 'LiteLLM',
    status: 'affected',
    built: {
      headers: source('LiteLLM alone').headers,
      body: anthropicBody('You are a helpful assistant.', [THINKING, { type: 'text', text: 'a.txt' }], false, []),
      errorText: sample('anthropic.thinking-when-disabled'),
      host: 'api.anthropic.com',
      path: '/v1/messages'
    }
  }
]

describe('entries about other providers, on their real error text', () => {
  it.each(CASES.map((c) => [c.entry, c] as const))('%s', (_id, c) => {
    const d = diagnoseBuilt(c.built)
    expect(d.client?.name).toBe(c.client)
    const culprit = culpritOf(d)
    expect(culprit?.knownIssues?.map((k) => [k.id, k.status])).toEqual([[c.entry, c.status]])
    expect(culprit!.knownIssues![0].text).toMatch(new RegExp(`^Your client: ${c.client} `))
  })

  it('the same request from an unknown client: same culprit, nothing claimed', () => {
    for (const c of CASES) {
      const body = { ...(c.built.body as object), system: 'You are a helpful assistant.' }
      const d = diagnoseBuilt({ ...c.built, body, headers: [['user-agent', 'curl/8.7.1']] })
      expect(d.culprit?.rule, c.entry).toBe(diagnoseBuilt(c.built).culprit?.rule)
      expect(d.client, c.entry).toBeNull()
      expect(d.findings.flatMap((f) => f.knownIssues ?? []), c.entry).toEqual([])
    }
  })

  it('Claude Code outside the DeepSeek range: before it nothing, after it a "may be" with the last version seen', () => {
    expect(culpritOf(diagnoseBuilt(deepseek('2.1.100')))?.knownIssues).toBeUndefined()
    const later = culpritOf(diagnoseBuilt(deepseek('2.1.197')))!.knownIssues!
    expect(later.map((k) => k.status)).toEqual(['unknown'])
    expect(later[0].text).toContain('Your client: Claude Code 2.1.197 — may be a known issue (cc-switch#3222), reported up to 2.1.153 with no fixed version known:')
  })

  it('a diagnosis without a client named says nothing about clients', () => {
    const d = diagnose({ protocol: 'anthropic', body: deepseek('2.1.153').body, status: 400, responseText: sample('deepseek.thinking-passback'), upstreamHost: 'api.deepseek.com' })
    expect(d.client).toBeUndefined()
    expect(d.findings.flatMap((f) => f.knownIssues ?? [])).toEqual([])
  })
})

describe('the line a person reads', () => {
  const failing = captured('opencode-1.0.185').find(({ exchange }) => exchange.response?.status === 400)!.exchange
  const run = (client: ClientInfo | null) => {
    const body = failing.response!.body
    const d = diagnose({ protocol: 'openai', body: failing.request.body, status: 400, responseText: typeof body === 'string' ? body : JSON.stringify(body), client })
    return culpritOf(d)?.knownIssues
  }
  const opencode = (version: string | null): ClientInfo => ({ name: 'OpenCode', version, library: null, via: 'user-agent' })

  it('affected: the version, the problem, the fixed version and the recommended workaround', () => {
    const [note] = run(opencode('1.0.185'))!
    expect(note).toMatchObject({ id: 'opencode-drops-reasoning-content', status: 'affected', version: '1.0.185' })
    expect(note.text).toBe(
      'Your client: OpenCode 1.0.185 — known issue (opencode#6040): With a custom OpenAI-compatible provider, OpenCode replays earlier tool-call turns without their `reasoning_content`, which MiMo, DeepSeek and Kimi reject when thinking is on. Fixed in 1.1.53; workaround: set `interleaved` to `{"field": "reasoning_content"}` (opencode.json, on the model: provider.<id>.models.<model>.interleaved).'
    )
    expect(note.workarounds).toHaveLength(3)
    expect(note.sources[0].url).toBe('https://github.com/anomalyco/opencode/issues/6040')
  })

  it('no version sent: "may be … if your version is below" the fix', () => {
    const [note] = run(opencode(null))!
    expect(note.status).toBe('unknown')
    expect(note.text).toMatch(/^Your client: OpenCode \(version not sent\) — may be a known issue \(opencode#6040\), if your version is below 1\.1\.53: /)
  })

  it('a fixed version, another client, or no client: nothing', () => {
    expect(run(opencode('1.18.33'))).toBeUndefined()
    expect(run({ name: 'Qwen Code', version: '0.24.4', library: null, via: 'user-agent' })).toBeUndefined()
    expect(run(null)).toBeUndefined()
  })
})

describe('records from before clients were identified', () => {
  const x = captured('continue-cli').find(({ exchange }) => exchange.response?.status === 400)!.exchange
  const record = (client?: ClientInfo | null): ExchangeRecord =>
    ({
      v: 1,
      summary: { id: 'x', path: x.request.path, ...(client !== undefined ? { client } : {}) },
      request: { headers: headerList(x), body: null, bodyCut: false },
      response: null
    }) as unknown as ExchangeRecord

  it('listed from the headers alone (the library), then from the body once it is read, and kept', () => {
    const old = record()
    expect(listedClient(old)).toMatchObject({ name: 'OpenAI SDK (JS)', version: '5.23.2' })
    expect(clientOfRecord(old, x.request.body)).toMatchObject({ name: 'Continue', library: 'OpenAI SDK (JS) 5.23.2', via: 'system prompt' })
    expect(withClient(old).client).toMatchObject({ name: 'Continue' })
  })

  it('a stored client (or a stored null) wins over both', () => {
    expect(clientOfRecord(record(null), x.request.body)).toBeNull()
    const stored: ClientInfo = { name: 'Stored', version: '1', library: null, via: 'user-agent' }
    expect(listedClient(record(stored))).toBe(stored)
  })
})
