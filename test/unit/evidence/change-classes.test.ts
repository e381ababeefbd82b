// Every change class of the evidence step, in the format it exists in (thinking and signatures: Anthropic;
// reasoning_content: OpenAI; tool ids and names: both): the finding that explains it names the recorded
// response it compared with, and every fix it offers applies to the very request that offers it.
import { describe, expect, it } from 'vitest'
import type { EvidenceChangeKind, Finding, ReassembledMessage } from '../../../src/shared/types'
import { diagnose } from '../../../src/main/core/diagnose/diagnose'
import { applyFix } from '../../../src/main/core/replay/fixes'
import {
  anthropicBody,
  anthropicReply,
  assistant,
  call,
  openaiBody,
  openaiReply,
  text,
  thinking,
  toolMsg,
  toolResult,
  toolUse,
  user,
  type Body,
  type Message
} from '../replay/helpers'

const T1 = 'The user wants the failing test fixed. I should list the tests directory first.'
const T2 = 'The test imports add from src/math.ts; read that file next to see the implementation.'
const SIG1 = 'EqQBCkYIBRgCKkB1c2lnbmF0dXJlLW9uZQ'
const SIG2 = 'EqQBCkYIBRgCKkB1c2lnbmF0dXJlLXR3bw'

type Protocol = 'anthropic' | 'openai'

interface Case {
  name: string
  protocol: Protocol
  body: Body
  replies: ReassembledMessage[]
  ref: string
  messageIndex: number
  change: EvidenceChangeKind
  /** The recorded response the finding must name (the list's numbering: response #1, #2). */
  response: number
  phrase: RegExp
}

// ---------- Anthropic: user, [thinking, tool_use], [tool_result], [thinking, tool_use], [tool_result] ----------

function anthropicReplies(signed: boolean): ReassembledMessage[] {
  return [
    anthropicReply({ thinking: T1, ...(signed ? { signature: SIG1 } : {}), tools: [{ id: 'toolu_1', name: 'list_files', input: { path: 'tests' } }] }),
    anthropicReply({ thinking: T2, ...(signed ? { signature: SIG2 } : {}), tools: [{ id: 'toolu_2', name: 'read_file', input: { path: 'src/math.ts' } }] })
  ]
}

function anthropicSession(turn1: Message[], turn2: Message[], results: [string, string] = ['toolu_1', 'toolu_2']): Body {
  return anthropicBody(
    [user('The test in tests/math.test.ts fails. Fix it.'), assistant(turn1), user([toolResult(results[0])]), assistant(turn2), user([toolResult(results[1])])],
    { thinking: { type: 'enabled' } }
  )
}

const use1 = toolUse('toolu_1', 'list_files', { path: 'tests' })
const use2 = toolUse('toolu_2', 'read_file', { path: 'src/math.ts' })

const anthropicCases: Case[] = [
  {
    name: 'thinking dropped',
    protocol: 'anthropic',
    body: anthropicSession([use1], [thinking(T2, ''), use2]),
    replies: anthropicReplies(false),
    ref: 'R02',
    messageIndex: 1,
    change: 'thinking-dropped',
    response: 1,
    phrase: new RegExp(`^This request sends assistant message 1 without the ${T1.length}-character thinking block that response #1 returned, and with thinking on MiMo wants`)
  },
  {
    name: 'thinking turned into text',
    protocol: 'anthropic',
    body: anthropicSession([text(T1), use1], [thinking(T2, ''), use2]),
    replies: anthropicReplies(false),
    ref: 'R02',
    messageIndex: 1,
    change: 'thinking-to-text',
    response: 1,
    phrase: /with the \d+-character thinking block that response #1 returned turned into text block 0 \(the text equals the recorded thinking\)/
  },
  {
    name: 'signature emptied (latest assistant message)',
    protocol: 'anthropic',
    body: anthropicSession([thinking(T1, SIG1), use1], [thinking(T2, ''), use2]),
    replies: anthropicReplies(true),
    ref: 'R07',
    messageIndex: 3,
    change: 'signature-emptied',
    response: 2,
    phrase: /with the signature of thinking block 0 emptied \("" where response #2 returned "EqQBCkYIBRgCKkB1c2ln…"\)/
  },
  {
    name: 'signature emptied (an earlier turn)',
    protocol: 'anthropic',
    body: anthropicSession([thinking(T1, ''), use1], [thinking(T2, SIG2), use2]),
    replies: anthropicReplies(true),
    ref: 'N.1',
    messageIndex: 1,
    change: 'signature-emptied',
    response: 1,
    phrase: /emptied \("" where response #1 returned/
  },
  {
    name: 'signature altered',
    protocol: 'anthropic',
    body: anthropicSession([thinking(T1, SIG1), use1], [thinking(T2, `${SIG2}x`), use2]),
    replies: anthropicReplies(true),
    ref: 'R07',
    messageIndex: 3,
    change: 'signature-altered',
    response: 2,
    phrase: new RegExp(`with the signature of thinking block 0 altered: it differs from the ${SIG2.length}-character signature response #2 returned from character ${SIG2.length + 1} on`)
  },
  {
    name: 'signature removed',
    protocol: 'anthropic',
    body: anthropicSession([thinking(T1, SIG1), use1], [thinking(T2), use2]),
    replies: anthropicReplies(true),
    ref: 'R04',
    messageIndex: 3,
    change: 'signature-removed',
    response: 2,
    phrase: /with thinking block 0 missing the signature response #2 returned/
  },
  {
    name: 'thinking edited',
    protocol: 'anthropic',
    body: anthropicSession([thinking(T1, ''), use1], [thinking(`${T2} (trimmed)`, ''), use2]),
    replies: anthropicReplies(false),
    ref: 'R07',
    messageIndex: 3,
    change: 'thinking-edited',
    response: 2,
    phrase: new RegExp(`with thinking block 0 edited: it differs from the ${T2.length}-character thinking response #2 returned`)
  },
  {
    name: 'tool call id changed',
    protocol: 'anthropic',
    body: anthropicSession([thinking(T1, ''), toolUse('call_0', 'list_files', { path: 'tests' })], [thinking(T2, ''), use2], ['call_0', 'toolu_2']),
    replies: anthropicReplies(false),
    ref: 'N.1',
    messageIndex: 1,
    change: 'tool-id-changed',
    response: 1,
    phrase: /with tool call id "toolu_1" that response #1 returned changed to "call_0"/
  },
  {
    name: 'tool name changed',
    protocol: 'anthropic',
    body: anthropicSession([thinking(T1, ''), toolUse('toolu_1', 'ls', { path: 'tests' })], [thinking(T2, ''), use2]),
    replies: anthropicReplies(false),
    ref: 'N.1',
    messageIndex: 1,
    change: 'tool-name-changed',
    response: 1,
    phrase: /with tool "list_files" that response #1 returned renamed to "ls"/
  }
]

// ---------- OpenAI: system, user, assistant(tool_calls), tool, assistant(tool_calls), tool ----------

const openaiReplies = (): ReassembledMessage[] => [
  openaiReply({ reasoning: T1, calls: [{ id: 'call_1', name: 'list_files', args: '{"path":"tests"}' }] }),
  openaiReply({ reasoning: T2, calls: [{ id: 'call_2', name: 'read_file', args: '{"path":"src/math.ts"}' }] })
]

function openaiSession(turn1: Message, turn2: Message, results: [string, string] = ['call_1', 'call_2']): Body {
  return openaiBody([
    { role: 'system', content: 'You are a coding agent.' },
    user('The test in tests/math.test.ts fails. Fix it.'),
    turn1,
    toolMsg(results[0]),
    turn2,
    toolMsg(results[1])
  ])
}

const turn = (reasoning: unknown, calls: Message[], content: unknown = ''): Message => ({
  role: 'assistant',
  content,
  ...(reasoning === undefined ? {} : { reasoning_content: reasoning }),
  tool_calls: calls
})
const call1 = call('call_1', 'list_files', '{"path":"tests"}')
const call2 = call('call_2', 'read_file', '{"path":"src/math.ts"}')

const openaiCases: Case[] = [
  {
    name: 'reasoning_content dropped',
    protocol: 'openai',
    body: openaiSession(turn(undefined, [call1]), turn(T2, [call2])),
    replies: openaiReplies(),
    ref: 'R02',
    messageIndex: 2,
    change: 'reasoning-dropped',
    response: 1,
    phrase: new RegExp(`^This request sends assistant message 2 without the ${T1.length}-character reasoning_content that response #1 returned`)
  },
  {
    // MiMo takes an empty reasoning_content as a placeholder (providers.ts): not R02's, but still not what was returned.
    name: 'reasoning_content emptied (MiMo)',
    protocol: 'openai',
    body: openaiSession(turn('', [call1]), turn(T2, [call2])),
    replies: openaiReplies(),
    ref: 'N.1',
    messageIndex: 2,
    change: 'reasoning-emptied',
    response: 1,
    phrase: new RegExp(`with an empty reasoning_content where response #1 returned ${T1.length} characters`)
  },
  {
    // DeepSeek rejects it: R02.
    name: 'reasoning_content emptied (DeepSeek)',
    protocol: 'openai',
    body: { ...openaiSession(turn('', [call1]), turn(T2, [call2])), model: 'deepseek-v4' },
    replies: openaiReplies(),
    ref: 'R02',
    messageIndex: 2,
    change: 'reasoning-emptied',
    response: 1,
    phrase: new RegExp(`^This request sends assistant message 2 with an empty reasoning_content where response #1 returned ${T1.length} characters, and with thinking on DeepSeek wants`)
  },
  {
    name: 'reasoning_content altered',
    protocol: 'openai',
    body: openaiSession(turn(T1, [call1]), turn('Read the file.', [call2])),
    replies: openaiReplies(),
    ref: 'N.1',
    messageIndex: 4,
    change: 'reasoning-altered',
    response: 2,
    phrase: /with a reasoning_content that differs from the \d+-character reasoning response #2 returned/
  },
  {
    name: 'reasoning_content sent as content',
    protocol: 'openai',
    body: openaiSession(turn(undefined, [call1], T1), turn(T2, [call2])),
    replies: openaiReplies(),
    ref: 'R02',
    messageIndex: 2,
    change: 'reasoning-to-text',
    response: 1,
    phrase: /with the \d+-character reasoning_content that response #1 returned sent as its content/
  },
  {
    name: 'tool call id changed',
    protocol: 'openai',
    body: openaiSession(turn(T1, [call('functions.list_files:0', 'list_files', '{"path":"tests"}')]), turn(T2, [call2]), ['functions.list_files:0', 'call_2']),
    replies: openaiReplies(),
    ref: 'N.1',
    messageIndex: 2,
    change: 'tool-id-changed',
    response: 1,
    phrase: /with tool call id "call_1" that response #1 returned changed to "functions.list_files:0"/
  },
  {
    name: 'tool name changed',
    protocol: 'openai',
    body: openaiSession(turn(T1, [call('call_1', 'ls', '{"path":"tests"}')]), turn(T2, [call2])),
    replies: openaiReplies(),
    ref: 'N.1',
    messageIndex: 2,
    change: 'tool-name-changed',
    response: 1,
    phrase: /with tool "list_files" that response #1 returned renamed to "ls"/
  }
]

function lint(c: Case): Finding[] {
  return diagnose({ protocol: c.protocol, body: c.body, status: null, responseText: null, previousReplies: c.replies }).findings
}

describe.each([...anthropicCases, ...openaiCases])('$protocol: $name', (c) => {
  it(`${c.ref} explains it and names response #${c.response}`, () => {
    const findings = lint(c)
    const f = findings.find((x) => x.ref === c.ref && x.messageIndex === c.messageIndex)
    expect(f, JSON.stringify(findings.map((x) => [x.ref, x.messageIndex, x.message]), null, 1)).toBeDefined()
    expect(f!.evidence).toMatchObject({ exchangeId: `response-${c.response}`, n: c.response, sameConversation: true, messageIndex: c.messageIndex, change: c.change })
    expect(f!.message).toMatch(c.phrase)
    expect(f!.message).toContain(`response #${c.response}`)
    expect(f!.message).not.toContain('judged from its shape')
  })

  it('every fix it offers applies to this request', () => {
    const findings = lint(c)
    const bodyText = JSON.stringify(c.body)
    for (const f of findings) {
      for (const id of f.fixIds) {
        expect(() => applyFix(id, { protocol: c.protocol, bodyText, finding: f, replies: c.replies }), `${f.ref} offers ${id}`).not.toThrow()
      }
    }
  })
})

describe('without the recorded response, the same requests are judged from their shape and say so', () => {
  it.each([...anthropicCases, ...openaiCases].filter((c) => c.ref === 'R02'))('$protocol: $name', (c) => {
    const f = diagnose({ protocol: c.protocol, body: c.body, status: null, responseText: null }).findings.find((x) => x.ref === 'R02' && x.messageIndex === c.messageIndex)!
    expect(f.evidence).toBeNull()
    expect(f.message).toMatch(/No recorded response for this turn; judged from its shape\.$/)
    expect(f.fixIds).not.toContain(c.protocol === 'anthropic' ? 'restore-thinking' : 'restore-reasoning-content')
  })
})
