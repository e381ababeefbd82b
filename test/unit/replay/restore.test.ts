// The acceptance scenarios: a MiMo session whose thinking was lost gets it back from the recorded replies
// (Anthropic restore-thinking, OpenAI restore-reasoning-content), and the diagnosis then finds nothing
// wrong; disable-thinking gives a request R02 accepts.
import { describe, expect, it } from 'vitest'
import { FixError } from '../../../src/main/core/replay/fixes'
import {
  R02,
  THOUGHTS,
  anthropicBody,
  anthropicReply,
  assistant,
  errorsOf,
  fix,
  fixtureBody,
  lint,
  messagesOf,
  ofRule,
  openaiBody,
  openaiReply,
  call,
  recordedAnthropicSession,
  recordedOpenaiSession,
  text,
  thinking,
  toolMsg,
  toolResult,
  toolUse,
  user
} from './helpers'

const CLAUDE_SIG = 'EvQBCkYICxgCKkAxhD4NUKFzudtZ6NzbZdEiBACIScTzqjPViM596iWLZIk4EFKYYBj3B6Ptl3b0dcQv'.padEnd(180, 'Q') + '=='

describe('restore-thinking (Anthropic)', () => {
  const dropped = fixtureBody('anthropic-thinking-dropped.json')
  const healthy = fixtureBody('healthy-anthropic.json')

  it('acceptance: puts back exactly the recorded thinking, removes the text copy, and the lint is clean', () => {
    const replies = recordedAnthropicSession()
    expect(errorsOf(lint('anthropic', dropped)).map((f) => f.rule)).toEqual([R02])

    const fixed = fix('restore-thinking', 'anthropic', dropped, { replies })

    expect(fixed.changes).toEqual([
      'messages[3]: thinking block restored from response #2 (signature "")',
      'messages[3]: text block 0 removed (a copy of the recorded thinking)'
    ])
    expect(messagesOf(fixed.body)[3].content).toEqual([
      { type: 'thinking', thinking: THOUGHTS[1], signature: '' },
      { type: 'tool_use', id: 'toolu_02', name: 'read_file', input: { path: 'tests/math.test.ts' } }
    ])
    // The history is now what a client keeping MiMo's thinking sends (healthy-anthropic.json), and
    // nothing else in the request moved.
    expect(messagesOf(fixed.body)).toEqual(messagesOf(healthy).slice(0, 7))
    expect({ ...fixed.body, messages: null }).toEqual({ ...dropped, messages: null })
    expect(Object.keys(fixed.body)).toEqual(Object.keys(dropped))

    const after = lint('anthropic', fixed.body, replies)
    expect(errorsOf(after)).toEqual([])
    expect(ofRule(after, R02)).toEqual([])
    expect(after.findings.map((f) => f.ref)).not.toContain('R07')
  })

  it('prints the body with 2 spaces', () => {
    const fixed = fix('restore-thinking', 'anthropic', dropped, { replies: recordedAnthropicSession() })
    expect(fixed.text).toBe(JSON.stringify(fixed.body, null, 2))
    expect(fixed.text.split('\n')[1]).toMatch(/^ {2}"model"/)
  })

  it('restores every stripped turn, not only the one the finding names (MiMo checks them all)', () => {
    const body = anthropicBody(
      [user('go'), assistant([toolUse('toolu_a')]), user([toolResult('toolu_a')]), assistant([toolUse('toolu_b')]), user([toolResult('toolu_b')])],
      { thinking: { type: 'enabled' } }
    )
    const replies = [
      anthropicReply({ thinking: 'plan a', tools: [{ id: 'toolu_a', name: 'read_file', input: { path: 'a.ts' } }] }),
      anthropicReply({ thinking: 'plan b', tools: [{ id: 'toolu_b', name: 'read_file', input: { path: 'a.ts' } }] })
    ]
    const finding = lint('anthropic', body).findings.find((f) => f.rule === R02)
    expect(finding?.messageIndex).toBe(1)
    const fixed = fix('restore-thinking', 'anthropic', body, { replies, finding })
    expect(messagesOf(fixed.body)[1].content).toEqual([thinking('plan a', ''), toolUse('toolu_a')])
    expect(messagesOf(fixed.body)[3].content).toEqual([thinking('plan b', ''), toolUse('toolu_b')])
    expect(errorsOf(lint('anthropic', fixed.body))).toEqual([])
  })

  it('keeps a recorded signature and redacted_thinking exactly as they came', () => {
    const body = anthropicBody([user('go'), assistant([text('Reading.'), toolUse('toolu_1')]), user([toolResult('toolu_1')])], {
      model: 'claude-sonnet-4-5',
      thinking: { type: 'enabled', budget_tokens: 4096 }
    })
    const replies = [anthropicReply({ redacted: 'EmwKAhgBEgy3va3pzix', thinking: 'Plan.', signature: CLAUDE_SIG, text: 'Reading.', tools: [{ id: 'toolu_1', name: 'read_file', input: { path: 'a.ts' } }] })]
    const fixed = fix('restore-thinking', 'anthropic', body, { replies })
    expect(messagesOf(fixed.body)[1].content).toEqual([
      { type: 'redacted_thinking', data: 'EmwKAhgBEgy3va3pzix' },
      { type: 'thinking', thinking: 'Plan.', signature: CLAUDE_SIG },
      text('Reading.'),
      toolUse('toolu_1')
    ])
    expect(fixed.changes).toEqual([
      'messages[1]: redacted_thinking block restored from response #1',
      'messages[1]: thinking block restored from response #1 (signature as recorded)'
    ])
  })

  it('replaces thinking that differs from the recording (R07) and leaves matching turns alone', () => {
    const body = anthropicBody([user('go'), assistant([thinking('edited plan', ''), toolUse('toolu_1')]), user([toolResult('toolu_1')])], { thinking: { type: 'enabled' } })
    const replies = [anthropicReply({ thinking: 'original plan', tools: [{ id: 'toolu_1', name: 'read_file', input: { path: 'a.ts' } }] })]
    expect(lint('anthropic', body, replies).findings.map((f) => f.ref)).toContain('R07')
    const fixed = fix('restore-thinking', 'anthropic', body, { replies })
    expect(messagesOf(fixed.body)[1].content).toEqual([thinking('original plan', ''), toolUse('toolu_1')])
    expect(fixed.changes).toEqual(['messages[1]: 1 thinking block replaced by the 1 of response #1 (text or signature differed)'])
    expect(lint('anthropic', fixed.body, replies).findings.map((f) => f.ref)).not.toContain('R07')
  })

  it('keeps a text block that is not a copy of the thinking', () => {
    const body = anthropicBody([user('go'), assistant([text('(thinking elided)'), toolUse('toolu_1')]), user([toolResult('toolu_1')])])
    const replies = [anthropicReply({ thinking: 'Plan.', tools: [{ id: 'toolu_1', name: 'read_file', input: {} }] })]
    const fixed = fix('restore-thinking', 'anthropic', body, { replies })
    expect(messagesOf(fixed.body)[1].content).toEqual([thinking('Plan.', ''), text('(thinking elided)'), toolUse('toolu_1')])
  })

  it('restores what it can and names the turns no recording covers', () => {
    // Turns that kept their thinking need no recording: the one for messages[3] is enough here.
    expect(fix('restore-thinking', 'anthropic', dropped, { replies: recordedAnthropicSession().slice(1, 2) }).changes).toHaveLength(2)
    const body = anthropicBody([user('go'), assistant([toolUse('toolu_x')]), user([toolResult('toolu_x')]), assistant([toolUse('toolu_y')]), user([toolResult('toolu_y')])])
    const partial = fix('restore-thinking', 'anthropic', body, { replies: [anthropicReply({ thinking: 'x', tools: [{ id: 'toolu_x', name: 'read_file', input: {} }] })] })
    expect(partial.changes).toEqual([
      'messages[1]: thinking block restored from response #1 (signature "")',
      'messages[3] (tool_use toolu_y): left as is, no recorded response holds its thinking'
    ])
  })

  it('throws FixError when no recorded reply holds the lost thinking', () => {
    expect(() => fix('restore-thinking', 'anthropic', dropped, { replies: [] })).toThrow(FixError)
    expect(() => fix('restore-thinking', 'anthropic', dropped, { replies: [] })).toThrow(/no recorded response holds the thinking of messages\[3\] \(tool_use toolu_02\)/)
    // A recording of that turn without thinking (thinking was off) does not help either.
    const noThinking = [anthropicReply({ tools: [{ id: 'toolu_02', name: 'read_file', input: {} }] })]
    expect(() => fix('restore-thinking', 'anthropic', dropped, { replies: noThinking })).toThrow(FixError)
  })

  it('throws FixError when nothing is missing', () => {
    expect(() => fix('restore-thinking', 'anthropic', fixtureBody('healthy-anthropic.json'), { replies: recordedAnthropicSession() })).toThrow(/no assistant turn is missing its thinking/)
  })
})

describe('restore-reasoning-content (OpenAI)', () => {
  const dropped = fixtureBody('openai-reasoning-dropped.json')
  const healthy = fixtureBody('healthy-openai.json')

  it('acceptance: takes the reasoning from the reply with the same tool_call ids, and the lint is clean', () => {
    const replies = recordedOpenaiSession()
    expect(errorsOf(lint('openai', dropped)).map((f) => f.rule)).toEqual([R02])

    const fixed = fix('restore-reasoning-content', 'openai', dropped, { replies })

    expect(fixed.changes).toEqual([`messages[4]: reasoning_content restored from response #2 (${THOUGHTS[1].length} characters)`])
    expect(messagesOf(fixed.body)).toEqual(messagesOf(healthy).slice(0, 8))
    // Placed beside tool_calls, where agents put it; the other keys keep their order.
    expect(Object.keys(messagesOf(fixed.body)[4])).toEqual(['role', 'content', 'reasoning_content', 'tool_calls'])
    expect({ ...fixed.body, messages: null }).toEqual({ ...dropped, messages: null })

    const after = lint('openai', fixed.body)
    expect(errorsOf(after)).toEqual([])
    expect(ofRule(after, R02)).toEqual([])
  })

  it('fills a null or empty reasoning_content in place', () => {
    const body = openaiBody([
      user('go'),
      { role: 'assistant', content: '', reasoning_content: null, tool_calls: [call('c1')] },
      toolMsg('c1'),
      { role: 'assistant', content: '', reasoning_content: '', tool_calls: [call('c2')] },
      toolMsg('c2')
    ])
    const replies = [openaiReply({ reasoning: 'first plan here', calls: [{ id: 'c1', name: 'read_file', args: '{}' }] }), openaiReply({ reasoning: 'second plan here', calls: [{ id: 'c2', name: 'read_file', args: '{}' }] })]
    const fixed = fix('restore-reasoning-content', 'openai', body, { replies })
    expect(messagesOf(fixed.body)[1]).toEqual({ role: 'assistant', content: '', reasoning_content: 'first plan here', tool_calls: [call('c1')] })
    expect(messagesOf(fixed.body)[3].reasoning_content).toBe('second plan here')
  })

  it('matches parallel tool calls by all their ids', () => {
    const body = openaiBody([user('go'), { role: 'assistant', content: null, tool_calls: [call('c1'), call('c2')] }, toolMsg('c1'), toolMsg('c2')])
    const replies = [
      openaiReply({ reasoning: 'only c1', calls: [{ id: 'c1', name: 'read_file', args: '{}' }] }),
      openaiReply({ reasoning: 'both of them', calls: [{ id: 'c1', name: 'read_file', args: '{}' }, { id: 'c2', name: 'read_file', args: '{}' }] })
    ]
    expect(messagesOf(fix('restore-reasoning-content', 'openai', body, { replies }).body)[1].reasoning_content).toBe('both of them')
  })

  it('throws FixError when no recorded reply holds the reasoning, or nothing is missing', () => {
    expect(() => fix('restore-reasoning-content', 'openai', dropped, { replies: [] })).toThrow(/no recorded response holds the reasoning of messages\[4\] \(tool_calls call_2\)/)
    const noReasoning = [openaiReply({ calls: [{ id: 'call_2', name: 'read_file', args: '{}' }] })]
    expect(() => fix('restore-reasoning-content', 'openai', dropped, { replies: noReasoning })).toThrow(FixError)
    expect(() => fix('restore-reasoning-content', 'openai', fixtureBody('healthy-openai.json'), { replies: recordedOpenaiSession() })).toThrow(/already carries/)
  })

  it('is for the OpenAI format; restore-thinking for Anthropic', () => {
    expect(() => fix('restore-reasoning-content', 'anthropic', fixtureBody('anthropic-thinking-dropped.json'))).toThrow(/OpenAI requests only/)
    expect(() => fix('restore-thinking', 'openai', dropped)).toThrow(/Anthropic requests only/)
  })
})

describe('disable-thinking gives a request R02 accepts', () => {
  it('Anthropic: thinking disabled, every thinking block stripped, lint clean', () => {
    const dropped = fixtureBody('anthropic-thinking-dropped.json')
    const fixed = fix('disable-thinking', 'anthropic', dropped)
    expect(fixed.body.thinking).toEqual({ type: 'disabled' })
    expect(JSON.stringify(fixed.body.messages)).not.toContain('"thinking"')
    expect(fixed.changes).toEqual([
      'thinking: {"type":"enabled"} → {"type":"disabled"}',
      'messages[1]: thinking block 0 removed',
      'messages[5]: thinking block 0 removed'
    ])
    const after = lint('anthropic', fixed.body)
    expect(ofRule(after, R02)).toEqual([])
    expect(errorsOf(after)).toEqual([])
  })

  it('Anthropic without a thinking field (MiMo thinks by default): the field is added', () => {
    const body = anthropicBody([user('go'), assistant([toolUse('toolu_1')]), user([toolResult('toolu_1')])])
    expect(ofRule(lint('anthropic', body), R02)).toHaveLength(1)
    const fixed = fix('disable-thinking', 'anthropic', body)
    expect(fixed.changes).toEqual(['thinking: {"type":"disabled"} added'])
    expect(ofRule(lint('anthropic', fixed.body), R02)).toEqual([])
  })

  it('OpenAI: thinking disabled, reasoning_content removed, lint clean', () => {
    const fixed = fix('disable-thinking', 'openai', fixtureBody('openai-reasoning-dropped.json'))
    expect(fixed.body.thinking).toEqual({ type: 'disabled' })
    expect(messagesOf(fixed.body).some((m) => 'reasoning_content' in m)).toBe(false)
    expect(fixed.changes[0]).toBe('thinking: {"type":"disabled"} added')
    const after = lint('openai', fixed.body)
    expect(ofRule(after, R02)).toEqual([])
    expect(errorsOf(after)).toEqual([])
  })

  it('drops a message that held only thinking, and throws when thinking is already off and absent', () => {
    const body = anthropicBody([user('go'), assistant([thinking('hmm', '')]), user('again')], { thinking: { type: 'enabled', budget_tokens: 2048 } })
    const fixed = fix('disable-thinking', 'anthropic', body)
    expect(messagesOf(fixed.body)).toEqual([user('go'), user('again')])
    expect(fixed.changes).toContain('messages[1]: message removed, it held only thinking')
    expect(fixed.changes[0]).toBe('thinking: {"type":"enabled","budget_tokens":2048} → {"type":"disabled"}')
    expect(() => fix('disable-thinking', 'anthropic', fixed.body)).toThrow(/nothing to change/)
  })
})
