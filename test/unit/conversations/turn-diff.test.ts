import { describe, expect, it } from 'vitest'
import { SYSTEM_PARAM_INDEX, turnDiff } from '../../../src/main/core/conversations/turn-diff'

type Json = Record<string, unknown>

const thinkingTurn = (sig = 'sig-1'): Json => ({
  role: 'assistant',
  content: [
    { type: 'thinking', thinking: 'I should read the file.', signature: sig },
    { type: 'text', text: 'Reading.' },
    { type: 'tool_use', id: 'toolu_1', name: 'Read', input: { path: 'a.ts' } }
  ]
})

function anthropic(messages: Json[], extra: Json = {}): Json {
  return { model: 'mimo-v2.5-pro', max_tokens: 1000, system: 'You are an agent.', messages, ...extra }
}

const base = anthropic([
  { role: 'user', content: 'read a.ts' },
  thinkingTurn(),
  { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: 'export {}' }] }
])

function descriptions(baseBody: Json, body: Json, protocol: 'anthropic' | 'openai' = 'anthropic'): string[] {
  return turnDiff(protocol, baseBody, body, 'base-id').changes.map((c) => c.description)
}

function withMessage(body: Json, index: number, message: Json): Json {
  const messages = [...(body.messages as Json[])]
  messages[index] = message
  return { ...body, messages }
}

describe('turnDiff', () => {
  it('reports nothing for the same request and names the base', () => {
    const diff = turnDiff('anthropic', base, structuredClone(base), 'base-id')
    expect(diff).toEqual({ baseId: 'base-id', changes: [] })
  })

  it('reports the new turn as added messages', () => {
    const next = anthropic([...(base.messages as Json[]), { role: 'assistant', content: 'Done.' }, { role: 'user', content: 'thanks' }])
    expect(turnDiff('anthropic', base, next, 'b').changes).toEqual([
      { messageIndex: 3, kind: 'added', role: 'assistant', description: 'message 3 added (assistant)' },
      { messageIndex: 4, kind: 'added', role: 'user', description: 'message 4 added (user)' }
    ])
  })

  it('says when an assistant message lost its thinking block', () => {
    const [, ...rest] = (thinkingTurn().content as Json[])
    expect(descriptions(base, withMessage(base, 1, { role: 'assistant', content: rest }))).toEqual(['assistant message 1 lost its thinking block'])
  })

  it('says when a thinking block became a text block (Craft Agents / pi-ai)', () => {
    const converted = { role: 'assistant', content: [{ type: 'text', text: 'I should read the file.' }, ...(thinkingTurn().content as Json[]).slice(1)] }
    expect(descriptions(base, withMessage(base, 1, converted))).toEqual(['assistant message 1: thinking block 0 became a text block'])
  })

  it('says when a signature was emptied, removed or altered, with the values', () => {
    expect(descriptions(base, withMessage(base, 1, thinkingTurn('')))).toEqual(['assistant message 1: signature of thinking block 0: "sig-1" → ""'])
    const unsigned = thinkingTurn()
    delete ((unsigned.content as Json[])[0] as Json).signature
    expect(descriptions(base, withMessage(base, 1, unsigned))).toEqual(['assistant message 1: signature of thinking block 0: "sig-1" → absent'])
    expect(descriptions(base, withMessage(base, 1, thinkingTurn('sig-2')))).toEqual(['assistant message 1: signature of thinking block 0: "sig-1" → "sig-2"'])
    const long = 'EqQBCkYIBRgCKkB1c2lnbmF0dXJl'
    const signedBase = withMessage(base, 1, thinkingTurn(`${long}A`))
    expect(descriptions(signedBase, withMessage(base, 1, thinkingTurn(`${long}B`)))).toEqual([
      `assistant message 1: signature of thinking block 0: "${long.slice(0, 20)}…" → "${long.slice(0, 20)}…" (they differ from character ${long.length + 1} on)`
    ])
  })

  it('says when a tool_result was removed and when tool_use input changed', () => {
    expect(descriptions(base, withMessage(base, 2, { role: 'user', content: [{ type: 'text', text: 'go on' }] }))).toEqual([
      'user message 2: tool_result for toolu_1 removed; text block 0 added'
    ])
    const changedInput = thinkingTurn()
    ;((changedInput.content as Json[])[2] as Json).input = { path: 'b.ts' }
    expect(descriptions(base, withMessage(base, 1, changedInput))).toEqual(['assistant message 1: tool_use toolu_1 input changed'])
  })

  it('says when user text changed', () => {
    expect(descriptions(base, withMessage(base, 0, { role: 'user', content: 'read b.ts' }))).toEqual(['user message 0: text changed'])
  })

  it('ignores moved cache_control markers', () => {
    const marked = withMessage(base, 2, { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: 'export {}', cache_control: { type: 'ephemeral' } }] })
    expect(descriptions(base, marked)).toEqual([])
  })

  it('reports a message inserted in the middle as added, not everything after it as changed', () => {
    const messages = [...(base.messages as Json[])]
    messages.splice(1, 0, { role: 'user', content: 'also check b.ts' })
    expect(turnDiff('anthropic', base, anthropic(messages), 'b').changes).toEqual([
      { messageIndex: 1, kind: 'added', role: 'user', description: 'message 1 added (user)' }
    ])
  })

  it('reports a removed message with its base index', () => {
    const messages = (base.messages as Json[]).filter((_, i) => i !== 0)
    expect(descriptions(base, anthropic(messages))).toEqual(['message 0 removed (user)'])
  })

  it('says when the Anthropic system prompt moved into messages', () => {
    const { system: _system, ...withoutSystem } = base
    const messages = [...(base.messages as Json[])]
    messages.splice(2, 0, { role: 'system', content: 'You are an agent.' })
    const diff = turnDiff('anthropic', base, { ...withoutSystem, messages }, 'b')
    expect(diff.changes).toEqual([
      { messageIndex: 2, kind: 'changed', role: 'system', description: 'system message moved to index 2 (was the top-level system parameter)' }
    ])
  })

  it('reports a changed top-level system prompt at SYSTEM_PARAM_INDEX', () => {
    expect(turnDiff('anthropic', base, { ...base, system: 'Other.' }, 'b').changes).toEqual([
      { messageIndex: SYSTEM_PARAM_INDEX, kind: 'changed', role: 'system', description: 'system prompt changed' }
    ])
  })
})

describe('turnDiff, OpenAI format', () => {
  const assistant = {
    role: 'assistant',
    content: null,
    reasoning_content: 'Need the file.',
    tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'read', arguments: '{"path":"a.ts"}' } }]
  }
  const openaiBase = {
    model: 'mimo-v2.5-pro',
    messages: [
      { role: 'system', content: 'You are an agent.' },
      { role: 'user', content: 'read a.ts' },
      assistant,
      { role: 'tool', tool_call_id: 'call_1', content: 'export {}' }
    ]
  }

  it('says when reasoning_content was removed or emptied', () => {
    const { reasoning_content: _r, ...dropped } = assistant
    expect(descriptions(openaiBase, withMessage(openaiBase, 2, dropped), 'openai')).toEqual(['assistant message 2: reasoning_content removed'])
    expect(descriptions(openaiBase, withMessage(openaiBase, 2, { ...assistant, reasoning_content: '' }), 'openai')).toEqual(['assistant message 2: reasoning_content emptied'])
  })

  it('says when tool call arguments changed and when content became null', () => {
    const changed = { ...assistant, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'read', arguments: '{}' } }] }
    expect(descriptions(openaiBase, withMessage(openaiBase, 2, changed), 'openai')).toEqual(['assistant message 2: tool call call_1 arguments changed'])
    const answerBase = withMessage(openaiBase, 2, { role: 'assistant', content: 'Here.' })
    expect(descriptions(answerBase, withMessage(openaiBase, 2, { role: 'assistant', content: null }), 'openai')).toEqual([
      'assistant message 2: content became null (its text was dropped)'
    ])
  })

  it('says when a system message moved', () => {
    const [system, ...rest] = openaiBase.messages
    const moved = { ...openaiBase, messages: [rest[0], rest[1], system, rest[2]] }
    expect(turnDiff('openai', openaiBase, moved, 'b').changes).toEqual([
      { messageIndex: 2, kind: 'changed', role: 'system', description: 'system message moved to index 2 (was 0)' }
    ])
  })
})
