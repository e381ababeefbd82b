// Scripted conversations for the UI harness: the 400 journeys the product exists for, in both formats, plus a
// 1,000-message session with lint findings and a fork. Each request carries its body, its response and, where
// the generic check in fake-analysis.ts is not enough, its diagnosis and turn diff.
import type { Diagnosis, TokenUsage, TurnDiff } from '../../src/shared/types'
import { SOURCES, r02, r04 } from './fake-analysis'

export interface ScriptedRequest {
  protocol: 'anthropic' | 'openai'
  model: string
  body: () => unknown
  status: number
  responseText: string
  contentType: string
  stream: boolean
  bodyError?: string
  usage?: TokenUsage
  durationMs?: number
  /** Scripted diagnosis; otherwise the generic R02 check runs. */
  diagnosis?: () => Diagnosis
  /** Scripted turn diff; `ids` are this conversation's exchange ids in order. */
  turnDiff?: (ids: string[]) => TurnDiff | null
}

export interface ScriptedConversation {
  id: string
  title: string
  forkOf?: string
  forkAt?: number
  requests: ScriptedRequest[]
}

const MIMO_REASONING_400 = JSON.stringify({
  error: { code: '400', message: 'Param Incorrect', param: 'The reasoning_content in the thinking mode must be passed back to the API.', type: '' }
})

const SYSTEM_PROMPT = [
  'You are Claude Code, an interactive CLI tool that helps users with software engineering tasks.',
  'Use the instructions below and the tools available to you to assist the user.',
  '',
  '# Tone and style',
  'You should be concise, direct, and to the point. When you run a non-trivial bash command, explain what it does.',
  '',
  '# Doing tasks',
  '- Use the available search tools to understand the codebase and the user\'s query.',
  '- Implement the solution using all tools available to you.',
  '- Verify the solution if possible with tests. NEVER assume a specific test framework.',
  '',
  '# Tool usage policy',
  '- When doing file search, prefer to use the Task tool in order to reduce context usage.',
  '- You have the capability to call multiple tools in a single response.',
  '',
  'Here is useful information about the environment you are running in:',
  '<env>',
  'Working directory: /home/dev/projects/retry-lab',
  'Is directory a git repo: Yes',
  'Platform: linux',
  'Today\'s date: 2026-05-14',
  '</env>'
].join('\n')

const ANTHROPIC_TOOLS = ['Read', 'Bash', 'Edit', 'Grep'].map((name) => ({
  name,
  description: `${name} tool`,
  input_schema: { type: 'object', properties: {} }
}))

const sig = (n: number): string => `EqQBCkgIBhABGAIiQK${'x7Qm9vZ2xlU2lnbmF0dXJl'.repeat(3)}${n}Lm1pbW8=`

interface Step {
  thinking: string
  text?: string
  tool: { name: string; input: unknown }
  result: string
  isError?: boolean
}

const CLAUDE_STEPS: Step[] = [
  {
    thinking: 'The user says the retry test fails. I should run the test first to see the actual failure before reading code.',
    text: "I'll run the failing test first.",
    tool: { name: 'Bash', input: { command: 'npx vitest run test/config.test.ts', description: 'Run the config tests' } },
    result:
      ' FAIL  test/config.test.ts > loadConfig > reads retries from the environment\nAssertionError: expected 0 to be 3\n - Expected: 3\n + Received: 0\n\n ❯ test/config.test.ts:42:31\n\n Test Files  1 failed (1)\n      Tests  1 failed | 11 passed (12)',
    isError: true
  },
  {
    thinking: 'retries comes out as 0. Let me read the config loader around where retries is parsed.',
    tool: { name: 'Read', input: { file_path: '/home/dev/projects/retry-lab/src/config.ts', offset: 20, limit: 40 } },
    result:
      "20  export function loadConfig(env = process.env): Config {\n21    const retries = Number.parseInt(env.RETRY_COUNT ?? '', 10)\n22    return {\n23      retries: Number.isNaN(retries) ? 0 : retries,\n24      timeoutMs: Number(env.TIMEOUT_MS ?? 30_000),\n25    }\n26  }"
  },
  {
    thinking: 'The loader reads RETRY_COUNT, but the test sets RETRIES. Check which name the rest of the code base and the docs use.',
    text: 'The loader reads `RETRY_COUNT`; let me see which name the rest of the code uses.',
    tool: { name: 'Grep', input: { pattern: 'RETR(Y_COUNT|IES)', path: '/home/dev/projects/retry-lab', output_mode: 'content' } },
    result: 'src/config.ts:21:  env.RETRY_COUNT\ntest/config.test.ts:38:  RETRIES: "3",\nREADME.md:57:| `RETRIES` | how many times to retry a failed upload | `0` |\nCHANGELOG.md:12:- rename RETRIES to RETRY_COUNT (reverted in 1.4.1)'
  },
  {
    thinking: 'The rename to RETRY_COUNT was reverted in 1.4.1 but config.ts kept the new name. Fix config.ts to read RETRIES, keeping RETRY_COUNT as a fallback.',
    text: 'The rename was reverted but `config.ts` kept the new name. Reading `RETRIES` again, with `RETRY_COUNT` as a fallback.',
    tool: {
      name: 'Edit',
      input: {
        file_path: '/home/dev/projects/retry-lab/src/config.ts',
        old_string: "const retries = Number.parseInt(env.RETRY_COUNT ?? '', 10)",
        new_string: "const retries = Number.parseInt(env.RETRIES ?? env.RETRY_COUNT ?? '', 10)"
      }
    },
    result: 'The file /home/dev/projects/retry-lab/src/config.ts has been updated.'
  },
  {
    thinking: 'Run the tests again to confirm.',
    tool: { name: 'Bash', input: { command: 'npx vitest run test/config.test.ts', description: 'Re-run the config tests' } },
    result: ' ✓ test/config.test.ts (12 tests) 41ms\n\n Test Files  1 passed (1)\n      Tests  12 passed (12)'
  },
  {
    thinking: 'All green. Also run the whole suite quickly to be sure nothing else used RETRY_COUNT.',
    text: 'Config tests pass. Running the full suite once.',
    tool: { name: 'Bash', input: { command: 'npx vitest run', description: 'Run all tests' } },
    result: ' Test Files  23 passed (23)\n      Tests  311 passed (311)\n   Duration  4.82s'
  }
]

function claudeHistory(steps: number, opts: { dropThinkingAt?: number; emptySignatureAt?: number } = {}): unknown[] {
  const messages: unknown[] = [
    { role: 'user', content: 'The retry test in test/config.test.ts fails since yesterday. Find out why and fix it.' }
  ]
  for (let k = 0; k < steps; k++) {
    const s = CLAUDE_STEPS[k % CLAUDE_STEPS.length]
    const index = messages.length
    const id = `toolu_01${String(k).padStart(2, '0')}Hk${'W3bq8VvG1r6T7Y'.slice(0, 10)}`
    const content: unknown[] = []
    if (opts.dropThinkingAt !== index) {
      content.push({ type: 'thinking', thinking: s.thinking, signature: opts.emptySignatureAt === index ? '' : sig(k) })
    }
    if (s.text) content.push({ type: 'text', text: s.text })
    content.push({ type: 'tool_use', id, name: s.tool.name, input: s.tool.input })
    messages.push({ role: 'assistant', content })
    messages.push({ role: 'user', content: [{ type: 'tool_result', tool_use_id: id, content: s.result, ...(s.isError ? { is_error: true } : {}) }] })
  }
  return messages
}

function claudeBody(messages: unknown[]): unknown {
  return {
    model: 'mimo-v2.5-pro',
    max_tokens: 32000,
    stream: true,
    system: [{ type: 'text', text: SYSTEM_PROMPT, cache_control: { type: 'ephemeral' } }],
    thinking: { type: 'enabled', budget_tokens: 16000 },
    tools: ANTHROPIC_TOOLS,
    messages
  }
}

const ok = (protocol: 'anthropic' | 'openai', model: string, body: () => unknown, usage: TokenUsage, extra: Partial<ScriptedRequest> = {}): ScriptedRequest => ({
  protocol,
  model,
  body,
  status: 200,
  responseText: protocol === 'anthropic' ? 'event: message_stop\ndata: {"type":"message_stop"}\n\n' : 'data: [DONE]\n\n',
  contentType: 'text/event-stream',
  stream: true,
  usage,
  durationMs: 3000 + usage.outputTokens! * 4,
  diagnosis: () => ({ protocol, status: 200, error: null, findings: [], culprit: null }),
  ...extra
})

const tokens = (input: number, output: number): TokenUsage => ({ inputTokens: input, outputTokens: output, cacheReadTokens: Math.floor(input * 0.9), reasoningTokens: null })

// ---------- A: Claude Code on MiMo's Anthropic path; a compaction drops one thinking block → 400 ----------

function claudeSession(): ScriptedConversation {
  const requests: ScriptedRequest[] = []
  for (let r = 0; r < 6; r++) {
    requests.push(ok('anthropic', 'mimo-v2.5-pro', () => claudeBody(claudeHistory(r)), tokens(14200 + r * 900, 180 + r * 40)))
  }
  const failing = () => claudeBody(claudeHistory(6, { dropThinkingAt: 5, emptySignatureAt: 9 }))
  requests.push({
    protocol: 'anthropic',
    model: 'mimo-v2.5-pro',
    body: failing,
    status: 400,
    responseText: MIMO_REASONING_400,
    contentType: 'application/json',
    stream: true,
    durationMs: 236,
    diagnosis: () => ({
      protocol: 'anthropic',
      status: 400,
      error: {
        status: 400,
        wrappers: [],
        provider: 'mimo',
        type: null,
        code: '400',
        message: 'The reasoning_content in the thinking mode must be passed back to the API.',
        genericMessage: 'Param Incorrect',
        location: null
      },
      findings: [r02('anthropic', 5, 1, true), r04(9, 0)],
      culprit: { messageIndex: 5, blockIndex: 1, rule: 'compat.reasoning-passback-missing' }
    }),
    turnDiff: (ids) => ({
      baseId: ids[5],
      changes: [
        { messageIndex: 5, kind: 'changed', role: 'assistant', description: 'assistant message 5 lost its thinking block (2 blocks, was 3)' },
        { messageIndex: 9, kind: 'changed', role: 'assistant', description: 'assistant message 9: the thinking signature is now empty' },
        { messageIndex: 11, kind: 'added', role: 'assistant', description: 'assistant message 11 added: thinking, text, tool_use Bash' },
        { messageIndex: 12, kind: 'added', role: 'user', description: 'user message 12 added: tool_result' }
      ]
    })
  })
  return { id: 'conv-claude-400', title: 'The retry test in test/config.test.ts fails since yesterday. Find out why and fix it.', requests }
}

// ---------- B: OpenCode on MiMo's OpenAI path; reasoning_content dropped on replay → streamed 400 ----------

function opencodeMessages(withReasoning: boolean, upTo: number): unknown[] {
  const all: unknown[] = [
    { role: 'system', content: 'You are OpenCode, the best coding agent on the planet. You are an interactive CLI tool that helps users with software engineering tasks.' },
    { role: 'user', content: 'Which files are in src, and what is in main.ts?' },
    {
      role: 'assistant',
      content: '',
      ...(withReasoning ? { reasoning_content: 'List src first, then read main.ts.' } : {}),
      tool_calls: [{ id: 'call_00_9nLfpIQ6VO1JCaEsJcU8WZnS', type: 'function', function: { name: 'list_dir', arguments: '{"path":"src"}' } }]
    },
    { role: 'tool', tool_call_id: 'call_00_9nLfpIQ6VO1JCaEsJcU8WZnS', content: 'main.ts\nutil.ts\nconfig.ts' },
    {
      role: 'assistant',
      content: '',
      ...(withReasoning ? { reasoning_content: 'Now read main.ts and util.ts together.' } : {}),
      tool_calls: [
        { id: 'call_01_Xq7pT2mVb8LkR4sNw1YcD6Ue', type: 'function', function: { name: 'read_file', arguments: '{"path":"src/main.ts"}' } },
        { id: 'call_02_Hq2pY7mVb1LkR4sNw9YcD3Aa', type: 'function', function: { name: 'read_file', arguments: '{"path":"src/util.ts"}' } }
      ]
    },
    { role: 'tool', tool_call_id: 'call_01_Xq7pT2mVb8LkR4sNw1YcD6Ue', content: 'import { run } from "./util"\nrun(process.argv.slice(2))' },
    { role: 'tool', tool_call_id: 'call_02_Hq2pY7mVb1LkR4sNw9YcD3Aa', content: 'export function run(args: string[]) {\n  console.log("hi", args)\n}' }
  ]
  return all.slice(0, upTo)
}

function opencodeSession(): ScriptedConversation {
  const body = (withReasoning: boolean, upTo: number) => () => ({ model: 'mimo-v2.5', stream: true, stream_options: { include_usage: true }, messages: opencodeMessages(withReasoning, upTo), tools: [{ type: 'function', function: { name: 'list_dir' } }, { type: 'function', function: { name: 'read_file' } }] })
  return {
    id: 'conv-opencode-400',
    title: 'Which files are in src, and what is in main.ts?',
    requests: [
      ok('openai', 'mimo-v2.5', body(true, 2), { ...tokens(2311, 96), reasoningTokens: 40 }),
      ok('openai', 'mimo-v2.5', body(true, 4), { ...tokens(2480, 120), reasoningTokens: 52 }),
      {
        protocol: 'openai',
        model: 'mimo-v2.5',
        body: body(false, 7),
        status: 400,
        responseText: `data:${MIMO_REASONING_400}\n`,
        contentType: 'text/event-stream',
        stream: true,
        durationMs: 318,
        diagnosis: () => ({
          protocol: 'openai',
          status: 400,
          error: {
            status: 400,
            wrappers: ['sse-data-prefix'],
            provider: 'mimo',
            type: null,
            code: '400',
            message: 'The reasoning_content in the thinking mode must be passed back to the API.',
            genericMessage: 'Param Incorrect',
            location: null
          },
          findings: [r02('openai', 2, null, true), r02('openai', 4, null, true)],
          culprit: { messageIndex: 2, blockIndex: null, rule: 'compat.reasoning-passback-missing' }
        }),
        turnDiff: (ids) => ({
          baseId: ids[1],
          changes: [
            { messageIndex: 2, kind: 'changed', role: 'assistant', description: 'assistant message 2 lost its reasoning_content' },
            { messageIndex: 4, kind: 'added', role: 'assistant', description: 'assistant message 4 added without reasoning_content (2 tool_calls)' },
            { messageIndex: 5, kind: 'added', role: 'tool', description: 'tool message 5 added' },
            { messageIndex: 6, kind: 'added', role: 'tool', description: 'tool message 6 added' }
          ]
        })
      }
    ]
  }
}

// ---------- C: a 1,000-message session that succeeded, with lint findings ----------

export const LONG_MESSAGES = 1000

function longHistory(): unknown[] {
  const messages: unknown[] = [{ role: 'user', content: 'Migrate the logging module to structured logs (pino), file by file, and keep the tests green.' }]
  let k = 0
  while (messages.length < LONG_MESSAGES - 1) {
    const index = messages.length
    const id = `toolu_long_${k}`
    const file = `src/module-${k % 97}/logger-${k}.ts`
    const content: unknown[] = [
      { type: 'thinking', thinking: `Step ${k}: open ${file}, replace console.* calls with the pino logger, keep the message texts.`, signature: index % 250 === 7 ? '' : sig(k) }
    ]
    if (k % 3 === 0) content.push({ type: 'text', text: `Migrating ${file}.` })
    content.push(
      k % 2 === 0
        ? { type: 'tool_use', id, name: 'Read', input: { file_path: `/repo/${file}` } }
        : { type: 'tool_use', id, name: 'Edit', input: { file_path: `/repo/${file}`, old_string: 'console.log(', new_string: 'log.info(' } }
    )
    if (index === 641) content.shift()
    messages.push({ role: 'assistant', content })
    const long = k % 7 === 0
    const text = long
      ? Array.from({ length: 60 }, (_, i) => `${String(i + 1).padStart(3)}  export function handler${i}(req: Request) { console.log('handling', req.url) }`).join('\n')
      : `ok (${k % 2 === 0 ? 'read 120 lines' : 'edited 3 places'})`
    messages.push({ role: 'user', content: [{ type: 'tool_result', tool_use_id: id, content: text }] })
    k++
  }
  messages.push({ role: 'user', content: 'Continue with the remaining modules.' })
  return messages.slice(0, LONG_MESSAGES)
}

function longSession(): ScriptedConversation {
  let cached: unknown = null
  const body = () => (cached ??= claudeBody(longHistory()))
  return {
    id: 'conv-long-lint',
    title: 'Migrate the logging module to structured logs (pino), file by file, and keep the tests green.',
    requests: [
      ok('anthropic', 'mimo-v2.5-pro', () => claudeBody(longHistory().slice(0, 3)), tokens(9800, 300)),
      ok('anthropic', 'mimo-v2.5-pro', body, tokens(612_000, 1_200), {
        durationMs: 21_400,
        diagnosis: () => ({
          protocol: 'anthropic',
          status: 200,
          error: null,
          findings: [r02('anthropic', 641, 0, false), r04(7, 0), r04(257, 0), r04(507, 0), r04(757, 0)],
          culprit: null
        })
      })
    ]
  }
}

// ---------- D: a fork of A, edited at message 5 ----------

function forkSession(): ScriptedConversation {
  return {
    id: 'conv-claude-fork',
    title: 'The retry test in test/config.test.ts fails since yesterday. Find out why and fix it.',
    forkOf: 'conv-claude-400',
    forkAt: 5,
    requests: [
      ok('anthropic', 'mimo-v2.5-pro', () => claudeBody(claudeHistory(3)), tokens(16800, 220)),
      ok('anthropic', 'mimo-v2.5-pro', () => claudeBody(claudeHistory(4)), tokens(17600, 260))
    ]
  }
}

export function scriptedConversations(): ScriptedConversation[] {
  return [forkSession(), longSession(), opencodeSession(), claudeSession()]
}

/** MiMo's "duplicate tool names" 400: a request-level rule, no message to point at. */
export function duplicateToolsDiagnosis(): Diagnosis {
  return {
    protocol: 'openai',
    status: 400,
    error: {
      status: 400,
      wrappers: ['sse-data-prefix'],
      provider: 'mimo',
      type: null,
      code: '400',
      message: 'tools contains duplicate names: mcp__maps_direction_walking',
      genericMessage: 'Param Incorrect',
      location: null
    },
    findings: [
      {
        rule: 'mimo.tools-duplicate-names',
        ref: 'R20',
        severity: 'error',
        messageIndex: null,
        blockIndex: null,
        path: 'tools',
        message: 'Two tools share the name mcp__maps_direction_walking; MiMo refuses duplicate tool names.',
        fix: 'Drop or rename the duplicate tool definition.',
        fixIds: ['dedupe-tool-names'],
        sources: SOURCES.R20,
        matchesError: true,
        evidence: null
      }
    ],
    culprit: null
  }
}

/** A 200 stream that failed mid-way with `overloaded_error`: nothing in the request to blame. */
export function overloadedDiagnosis(): Diagnosis {
  return {
    protocol: 'anthropic',
    status: 200,
    error: { status: 200, wrappers: [], provider: 'anthropic', type: 'overloaded_error', code: null, message: 'Overloaded', genericMessage: null, location: null },
    findings: [],
    culprit: null
  }
}
