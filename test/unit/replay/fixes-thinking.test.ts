// The other thinking fixes: text-to-thinking, add-empty-signature, placeholder-reasoning, drop-thinking,
// drop-trailing-thinking, on the fixture sessions and on the shapes agents produce.
import { describe, expect, it } from 'vitest'
import { FixError, PLACEHOLDER_REASONING } from '../../../src/main/core/replay/fixes'
import {
  R02,
  THOUGHTS,
  anthropicBody,
  assistant,
  call,
  errorsOf,
  fix,
  fixtureBody,
  lint,
  messagesOf,
  ofRule,
  openaiBody,
  text,
  thinking,
  toolMsg,
  toolResult,
  toolUse,
  user
} from './helpers'

const CLAUDE_SIG = 'Eq4CCpIBCBIYAipAM+SGYGx7'.padEnd(160, 'Q') + '=='

describe('text-to-thinking', () => {
  it('turns pi-ai\'s thinking-as-text back into an unsigned thinking block (fixture), lint clean', () => {
    const dropped = fixtureBody('anthropic-thinking-dropped.json')
    const finding = ofRule(lint('anthropic', dropped), R02)[0]
    expect(finding.fixIds).toContain('text-to-thinking')
    const fixed = fix('text-to-thinking', 'anthropic', dropped, { finding })
    expect(fixed.changes).toEqual(['messages[3]: text block 0 became a thinking block (signature "")'])
    expect(messagesOf(fixed.body)[3].content).toEqual([thinking(THOUGHTS[1], ''), toolUse('toolu_02', 'read_file', { path: 'tests/math.test.ts' })])
    expect(errorsOf(lint('anthropic', fixed.body))).toEqual([])
  })

  it('leaves turns that already think, have no tool call, or start with a tool_use', () => {
    const body = anthropicBody([
      user('go'),
      assistant([thinking('t', ''), text('Reading.'), toolUse('toolu_1')]),
      user([toolResult('toolu_1')]),
      assistant([text('Done.')]),
      user('next'),
      assistant([toolUse('toolu_2')]),
      user([toolResult('toolu_2')])
    ])
    expect(() => fix('text-to-thinking', 'anthropic', body)).toThrow(FixError)
  })
})

describe('add-empty-signature', () => {
  it('adds "signature": "" where the key is missing or null, and nowhere else', () => {
    const body = anthropicBody([
      user('go'),
      assistant([thinking('no key'), toolUse('toolu_1')]),
      user([toolResult('toolu_1')]),
      assistant([{ type: 'thinking', thinking: 'null', signature: null }, thinking('signed', CLAUDE_SIG), toolUse('toolu_2')]),
      user([toolResult('toolu_2')])
    ])
    expect(lint('anthropic', body).findings.filter((f) => f.ref === 'R04')).toHaveLength(2)
    const fixed = fix('add-empty-signature', 'anthropic', body)
    expect(fixed.changes).toEqual(['messages[1]: thinking block 0 got "signature": ""', 'messages[3]: thinking block 0 got "signature": ""'])
    expect(messagesOf(fixed.body)[1].content).toEqual([thinking('no key', ''), toolUse('toolu_1')])
    expect((messagesOf(fixed.body)[3].content as unknown[])[1]).toEqual(thinking('signed', CLAUDE_SIG))
    expect(lint('anthropic', fixed.body).findings.filter((f) => f.ref === 'R04')).toEqual([])
    expect(() => fix('add-empty-signature', 'anthropic', fixed.body)).toThrow(FixError)
  })
})

describe('placeholder-reasoning', () => {
  it('OpenAI: a short reasoning_content where it is missing, null or empty; R02 is satisfied', () => {
    const body = openaiBody([
      user('go'),
      { role: 'assistant', content: '', tool_calls: [call('c1')] },
      toolMsg('c1'),
      { role: 'assistant', content: '', reasoning_content: null, tool_calls: [call('c2')] },
      toolMsg('c2'),
      { role: 'assistant', content: '', reasoning_content: 'kept', tool_calls: [call('c3')] },
      toolMsg('c3')
    ])
    const fixed = fix('placeholder-reasoning', 'openai', body)
    const messages = messagesOf(fixed.body)
    expect(messages[1]).toEqual({ role: 'assistant', content: '', reasoning_content: PLACEHOLDER_REASONING, tool_calls: [call('c1')] })
    expect(messages[3].reasoning_content).toBe(PLACEHOLDER_REASONING)
    expect(messages[5].reasoning_content).toBe('kept')
    expect(fixed.changes).toHaveLength(2)
    expect(ofRule(lint('openai', fixed.body), R02)).toEqual([])
  })

  it('Anthropic: a placeholder thinking block with an empty signature first in each tool turn', () => {
    const body = anthropicBody([user('go'), assistant([toolUse('toolu_1')]), user([toolResult('toolu_1')])], { thinking: { type: 'enabled' } })
    const fixed = fix('placeholder-reasoning', 'anthropic', body)
    expect(messagesOf(fixed.body)[1].content).toEqual([thinking(PLACEHOLDER_REASONING, ''), toolUse('toolu_1')])
    expect(fixed.changes).toEqual([`messages[1]: placeholder thinking block "${PLACEHOLDER_REASONING}" inserted (signature "")`])
    expect(errorsOf(lint('anthropic', fixed.body))).toEqual([])
  })

  it('throws when every tool turn already carries reasoning', () => {
    expect(() => fix('placeholder-reasoning', 'openai', fixtureBody('healthy-openai.json'))).toThrow(/nothing to change/)
    expect(() => fix('placeholder-reasoning', 'anthropic', fixtureBody('healthy-anthropic.json'))).toThrow(FixError)
  })
})

describe('drop-thinking', () => {
  it('with an R06 finding: drops that one block and keeps the thinking setting', () => {
    const body = anthropicBody(
      [user('go'), assistant([thinking('from Claude', CLAUDE_SIG), toolUse('toolu_1')]), user([toolResult('toolu_1')]), assistant([thinking('mine', ''), toolUse('toolu_2')]), user([toolResult('toolu_2')])],
      { thinking: { type: 'enabled' } }
    )
    const finding = lint('anthropic', body).findings.find((f) => f.ref === 'R06')
    expect(finding).toMatchObject({ messageIndex: 1, blockIndex: 0, fixIds: ['drop-thinking'] })
    const fixed = fix('drop-thinking', 'anthropic', body, { finding })
    expect(fixed.changes).toEqual(['messages[1]: thinking block 0 removed'])
    expect(messagesOf(fixed.body)[1].content).toEqual([toolUse('toolu_1')])
    expect(messagesOf(fixed.body)[3].content).toEqual([thinking('mine', ''), toolUse('toolu_2')])
    expect(fixed.body.thinking).toEqual({ type: 'enabled' })
  })

  it('with an R09 finding: strips every thinking block of the final message', () => {
    const body = anthropicBody([user('go'), assistant([thinking('a', ''), thinking('b', ''), toolUse('toolu_1')]), user([toolResult('toolu_1')])], { thinking: { type: 'disabled' } })
    const finding = lint('anthropic', body).findings.find((f) => f.ref === 'R09')
    expect(finding?.fixIds).toEqual(['drop-thinking'])
    const fixed = fix('drop-thinking', 'anthropic', body, { finding })
    expect(messagesOf(fixed.body)[1].content).toEqual([toolUse('toolu_1')])
    expect(lint('anthropic', fixed.body).findings.find((f) => f.ref === 'R09')).toBeUndefined()
  })

  it('without a finding: every thinking block (Anthropic) or reasoning_content (OpenAI)', () => {
    const anthropic = fix('drop-thinking', 'anthropic', fixtureBody('healthy-anthropic.json'))
    expect(anthropic.changes).toHaveLength(4)
    expect(anthropic.body.thinking).toEqual({ type: 'enabled' })
    const openai = fix('drop-thinking', 'openai', fixtureBody('healthy-openai.json'))
    expect(messagesOf(openai.body).some((m) => 'reasoning_content' in m)).toBe(false)
    expect(openai.changes).toContain('messages[2]: reasoning_content removed')
    expect(openai.body.thinking).toBeUndefined()
  })

  it('throws when there is no thinking to drop', () => {
    expect(() => fix('drop-thinking', 'anthropic', anthropicBody([user('hi')]))).toThrow(FixError)
  })
})

describe('drop-trailing-thinking', () => {
  it('removes the trailing run of thinking, keeps the leading one, and R08 is gone', () => {
    const body = anthropicBody([
      user('go'),
      assistant([thinking('lead', ''), text('Answer.'), thinking('tail 1', ''), { type: 'redacted_thinking', data: 'xx' }]),
      user('next'),
      assistant([thinking('only', '')]),
      user('again')
    ])
    expect(lint('anthropic', body).findings.filter((f) => f.ref === 'R08')).toHaveLength(2)
    const fixed = fix('drop-trailing-thinking', 'anthropic', body)
    expect(messagesOf(fixed.body)).toEqual([user('go'), assistant([thinking('lead', ''), text('Answer.')]), user('next'), user('again')])
    expect(fixed.changes).toEqual([
      'messages[1]: thinking block 2 removed',
      'messages[1]: redacted_thinking block 3 removed',
      'messages[3]: thinking block 0 removed',
      'messages[3]: message removed, it held only thinking'
    ])
    expect(lint('anthropic', fixed.body).findings.filter((f) => f.ref === 'R08')).toEqual([])
  })

  it('is Anthropic only and throws when no message ends in thinking', () => {
    expect(() => fix('drop-trailing-thinking', 'openai', fixtureBody('healthy-openai.json'))).toThrow(/Anthropic requests only/)
    expect(() => fix('drop-trailing-thinking', 'anthropic', fixtureBody('healthy-anthropic.json'))).toThrow(FixError)
  })
})
