// Content validity rules: R23, R24, R25, R26.
import { describe, expect, it } from 'vitest'
import { emptyTextBlock } from '../../../src/main/core/diagnose/rules/r23-empty-text-block'
import { cacheControlLimit } from '../../../src/main/core/diagnose/rules/r24-cache-control-limit'
import { cacheControlEmptyText } from '../../../src/main/core/diagnose/rules/r25-cache-control-empty-text'
import { systemRoleInMessages } from '../../../src/main/core/diagnose/rules/r26-system-role-in-messages'
import { anthropicBody, anthropicError, assistant, ctx, fail, mimoError, openaiBody, system, text, user } from './helpers'

const CLAUDE = { model: 'claude-sonnet-4-5' }
const cached = (block: Record<string, unknown>) => ({ ...block, cache_control: { type: 'ephemeral' } })

describe('R23 empty text', () => {
  const messages = [user([text('look'), text('')]), assistant([text('  \n')]), user(''), assistant([text('ok')]), user('next'), assistant('')]

  it('flags empty and whitespace-only text blocks and empty messages, but not an empty final assistant message', () => {
    const found = emptyTextBlock(ctx('anthropic', anthropicBody(messages, CLAUDE)))
    expect(found.map((f) => [f.messageIndex, f.blockIndex, f.path])).toEqual([
      [0, 1, 'messages[0].content[1].text'],
      [1, 0, 'messages[1].content[0].text'],
      [2, null, 'messages[2].content']
    ])
    expect(found.every((f) => f.severity === 'error' && f.fixIds[0] === 'drop-empty-text')).toBe(true)
    expect(emptyTextBlock(ctx('anthropic', anthropicBody(messages)))[0].severity).toBe('warning')
  })

  it('diagnose: the index-less Anthropic text names the rule; the earliest empty block wins', () => {
    const d = fail('anthropic', anthropicBody(messages, CLAUDE), anthropicError('messages: text content blocks must be non-empty'))
    expect(d.culprit).toEqual({ messageIndex: 0, blockIndex: 1, rule: 'anthropic.empty-text-block' })
    const kimi = fail('anthropic', anthropicBody(messages, { model: 'kimi-k2.5' }), '{"error":{"type":"invalid_request_error","message":"Invalid request: text content is empty"}}')
    expect(kimi.culprit?.rule).toBe('anthropic.empty-text-block')
  })
})

describe('R24 cache_control limit', () => {
  it('counts tools, system and messages (and tool_result content) and points at the first one over 4', () => {
    const body = anthropicBody(
      [user([cached(text('a')), { type: 'tool_result', tool_use_id: 't', content: [cached(text('r'))] }]), assistant([text('b')]), user([cached(text('c'))])],
      { ...CLAUDE, tools: [cached({ name: 'read', input_schema: {} })], system: [cached(text('sys'))] }
    )
    const [f] = cacheControlLimit(ctx('anthropic', body))
    expect(f).toMatchObject({ ref: 'R24', severity: 'error', messageIndex: 2, blockIndex: 0, path: 'messages[2].content[0].cache_control', fixIds: ['remove-cache-control'] })
    expect(f.message).toContain('5')
    const d = fail('anthropic', body, '{"type":"error","error":{"type":"invalid_request_error","message":"A maximum of 4 blocks with cache_control may be provided. Found 5."}}')
    expect(d.culprit).toEqual({ messageIndex: 2, blockIndex: 0, rule: 'anthropic.cache-control-limit' })
  })

  it('accepts four', () => {
    const body = anthropicBody([user([cached(text('a')), cached(text('b')), cached(text('c')), cached(text('d'))])], CLAUDE)
    expect(cacheControlLimit(ctx('anthropic', body))).toEqual([])
  })
})

describe('R25 cache_control on empty text', () => {
  it('flags message and system blocks, and matches the exact text (claude-code#55302)', () => {
    const body = anthropicBody([user([{ type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'x' } }, cached(text(''))])], {
      ...CLAUDE,
      system: [cached(text(''))]
    })
    const found = cacheControlEmptyText(ctx('anthropic', body))
    expect(found.map((f) => f.path)).toEqual(['system[0].text', 'messages[0].content[1].text'])
    const d = fail('anthropic', body, anthropicError('messages.0.content.1.text: cache_control cannot be set for empty text blocks'))
    expect(d.culprit).toEqual({ messageIndex: 0, blockIndex: 1, rule: 'anthropic.cache-control-empty-text' })
  })
})

describe('R26 system role in messages', () => {
  it('OpenAI: a system message after the first position is an error on MiMo only', () => {
    const messages = [system('a'), system('b'), user('hi'), system('late')]
    const found = systemRoleInMessages(ctx('openai', openaiBody(messages)))
    expect(found.map((f) => [f.messageIndex, f.severity, f.path])).toEqual([
      [1, 'error', 'messages[1].role'],
      [3, 'error', 'messages[3].role']
    ])
    expect(found[0].fixIds).toEqual(['fold-system-messages'])
    expect(systemRoleInMessages(ctx('openai', openaiBody(messages, { model: 'gpt-4.1' })))[0].severity).toBe('warning')
    expect(systemRoleInMessages(ctx('openai', openaiBody([system('a'), user('hi')])))).toEqual([])
  })

  it('Anthropic: any system message inside `messages`', () => {
    const found = systemRoleInMessages(ctx('anthropic', anthropicBody([{ role: 'system', content: 'x' }, user('hi')])))
    expect(found).toMatchObject([{ messageIndex: 0, severity: 'error' }])
  })

  it('diagnose: MiMo#54 names messages[1]', () => {
    const d = fail('openai', openaiBody([system('a'), system('b'), user('hi')]), mimoError("messages[1].role must be either 'user' or 'assistant', but got 'system'"))
    expect(d.culprit).toEqual({ messageIndex: 1, blockIndex: null, rule: 'mimo.system-role-in-messages' })
    // The same text in `message` (where it may arrive) reads the same.
    const inMessage = fail('openai', openaiBody([system('a'), system('b'), user('hi')]), `{"error":{"code":"400","message":"messages[1].role must be either 'user' or 'assistant', but got 'system'","type":""}}`)
    expect(inMessage.culprit).toEqual(d.culprit)
  })
})
