import { describe, expect, it } from 'vitest'
import { endpointKind, groupKey, messageIndexOf } from '../../../src/main/core/conversations/group-key'
import { messageSkeleton } from '../../../src/main/core/conversations/skeleton'
import { ANTHROPIC_PATH, AnthropicSession, COUNT_TOKENS_PATH, OPENAI_PATH } from './sessions'

function sessionAfterTurns(replay: 'faithful' | 'thinking-as-text' | 'strip-older-thinking'): Record<string, unknown> {
  const s = new AnthropicSession('k', 'system prompt', replay)
  s.prompt('start')
  s.toolTurn()
  s.answerTurn('All good.', 'next')
  return s.toolTurn()
}

describe('groupKey', () => {
  it('returns null for bodies that are not requests', () => {
    expect(groupKey(ANTHROPIC_PATH, null)).toBeNull()
    expect(groupKey(ANTHROPIC_PATH, 'text')).toBeNull()
    expect(groupKey(ANTHROPIC_PATH, { model: 'x' })).toBeNull()
    expect(groupKey(ANTHROPIC_PATH, { messages: 'no' })).toBeNull()
    expect(groupKey(ANTHROPIC_PATH, { messages: [] })).toEqual({ seed: expect.any(String), chain: [], skipped: [] })
  })

  it('tells the endpoint kinds apart', () => {
    expect(endpointKind('/anthropic/v1/messages?beta=true')).toBe('messages')
    expect(endpointKind('/anthropic/v1/messages/count_tokens')).toBe('count_tokens')
    expect(endpointKind('/v1/chat/completions')).toBe('chat.completions')
    expect(endpointKind('/v1/embeddings')).toBe('other')
    const body = { messages: [{ role: 'user', content: 'hi' }] }
    expect(groupKey(ANTHROPIC_PATH, body)!.seed).not.toBe(groupKey(COUNT_TOKENS_PATH, body)!.seed)
  })

  it('gives one chain value per message, 16 base64url characters, rolling', () => {
    const key = groupKey(ANTHROPIC_PATH, sessionAfterTurns('faithful'))!
    expect(key.chain).toHaveLength(7)
    for (const h of key.chain) expect(h).toMatch(/^[A-Za-z0-9_-]{16}$/)
    const shorter = groupKey(ANTHROPIC_PATH, { system: 'system prompt', messages: [{ role: 'user', content: [{ type: 'text', text: 'start' }] }] })!
    expect(shorter.chain[0]).toBe(key.chain[0])
  })

  it('ignores thinking, signatures, converted thinking, cache_control, model, tools and the billing line', () => {
    const faithful = groupKey(ANTHROPIC_PATH, sessionAfterTurns('faithful'))!
    expect(groupKey(ANTHROPIC_PATH, sessionAfterTurns('thinking-as-text'))).toEqual(faithful)
    expect(groupKey(ANTHROPIC_PATH, sessionAfterTurns('strip-older-thinking'))).toEqual(faithful)
    const other = { ...sessionAfterTurns('faithful'), model: 'mimo-v2-flash', tools: [] }
    expect(groupKey(ANTHROPIC_PATH, other)).toEqual(faithful)
  })

  it('separates different system prompts and different histories', () => {
    const base = { system: 'A', messages: [{ role: 'user', content: 'hi' }] }
    expect(groupKey(ANTHROPIC_PATH, base)!.seed).not.toBe(groupKey(ANTHROPIC_PATH, { ...base, system: 'B' })!.seed)
    expect(groupKey(ANTHROPIC_PATH, base)!.chain).not.toEqual(groupKey(ANTHROPIC_PATH, { ...base, messages: [{ role: 'user', content: 'hello' }] })!.chain)
  })

  it('puts leading OpenAI system/developer messages in the seed and skips later ones', () => {
    const body = {
      messages: [
        { role: 'system', content: 'S' },
        { role: 'developer', content: 'D' },
        { role: 'user', content: 'u0' },
        { role: 'system', content: 'reminder' },
        { role: 'assistant', content: 'a' },
        { role: 'user', content: 'u1' }
      ]
    }
    const key = groupKey(OPENAI_PATH, body)!
    expect(key.chain).toHaveLength(3)
    expect(key.skipped).toEqual([0, 1, 3])
    expect([0, 1, 2].map((p) => messageIndexOf(key, p))).toEqual([2, 4, 5])
    const withoutReminder = { messages: body.messages.filter((m) => m.content !== 'reminder') }
    expect(groupKey(OPENAI_PATH, withoutReminder)!.chain).toEqual(key.chain)
  })
})

describe('messageSkeleton', () => {
  it('keeps the final answer of a text turn, whatever precedes it', () => {
    const answer = messageSkeleton({ role: 'assistant', content: [{ type: 'thinking', thinking: 'hmm', signature: 'x' }, { type: 'text', text: 'Answer.' }] })
    expect(messageSkeleton({ role: 'assistant', content: [{ type: 'text', text: 'hmm' }, { type: 'text', text: 'Answer.' }] })).toBe(answer)
    expect(messageSkeleton({ role: 'assistant', content: [{ type: 'text', text: '(thinking elided)' }, { type: 'text', text: 'Answer.' }] })).toBe(answer)
    expect(messageSkeleton({ role: 'assistant', content: 'Answer.' })).toBe(answer)
    expect(messageSkeleton({ role: 'assistant', content: '<think>hmm</think>\nAnswer.', reasoning_content: 'hmm' })).toBe(answer)
    expect(messageSkeleton({ role: 'assistant', content: 'Another answer.' })).not.toBe(answer)
  })

  it('identifies a tool turn by its call ids and names only', () => {
    const anthropic = messageSkeleton({ role: 'assistant', content: [{ type: 'text', text: 'x' }, { type: 'tool_use', id: 't1', name: 'Read', input: {} }] })
    expect(messageSkeleton({ role: 'assistant', content: [{ type: 'thinking', thinking: 'x', signature: '' }, { type: 'tool_use', id: 't1', name: 'Read', input: {}, cache_control: { type: 'ephemeral' } }] })).toBe(anthropic)
    expect(messageSkeleton({ role: 'assistant', content: [{ type: 'tool_use', id: 't2', name: 'Read', input: {} }] })).not.toBe(anthropic)
    const openai = messageSkeleton({ role: 'assistant', content: null, reasoning_content: 'r', tool_calls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: '{}' } }] })
    expect(messageSkeleton({ role: 'assistant', content: '', tool_calls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: '{ }' } }] })).toBe(openai)
  })

  it('identifies user messages by text and tool_result ids, not by result text or images', () => {
    const user = messageSkeleton({ role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: 'long output' }, { type: 'text', text: 'go on' }] })
    expect(messageSkeleton({ role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: '[Old tool result content cleared]' }, { type: 'text', text: 'go on\n', cache_control: { type: 'ephemeral' } }] })).toBe(user)
    expect(messageSkeleton({ role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: 'x' }, { type: 'text', text: 'stop' }] })).not.toBe(user)
    expect(messageSkeleton({ role: 'user', content: 'hi' })).toBe(messageSkeleton({ role: 'user', content: [{ type: 'text', text: 'hi' }, { type: 'image', source: { type: 'base64', data: 'AAAA' } }] }))
    expect(messageSkeleton({ role: 'tool', tool_call_id: 'c1', content: 'a' })).toBe(messageSkeleton({ role: 'tool', tool_call_id: 'c1', content: 'b' }))
    expect(messageSkeleton({ role: 'system', content: 'x' })).toBeNull()
  })
})
