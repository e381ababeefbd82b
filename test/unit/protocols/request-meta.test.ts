import { describe, expect, it } from 'vitest'
import { detectProtocol, requestMeta, usageOf } from '../../../src/main/core/protocols/request-meta'
import { openaiMessageFromJson } from '../../../src/main/core/protocols/openai'
import { bigRequestBody } from '../../scenarios/big-bodies'

describe('detectProtocol', () => {
  it.each([
    ['/anthropic/v1/messages', 'anthropic'],
    ['/v1/messages?beta=true', 'anthropic'],
    ['/anthropic/v1/messages/count_tokens', 'anthropic'],
    ['/v1/chat/completions', 'openai'],
    ['/chat/completions', 'openai'],
    ['/openai/deployments/x/chat/completions?api-version=1', 'openai'],
    ['/v1/models', 'unknown'],
    ['/v1/models?next=/v1/messages', 'unknown'],
    ['', 'unknown']
  ])('%s → %s', (path, protocol) => {
    expect(detectProtocol(path)).toBe(protocol)
  })
})

describe('requestMeta', () => {
  it('reads model and stream', () => {
    expect(requestMeta('{"model":"mimo-v2.5-pro","stream":true,"messages":[]}')).toEqual({ model: 'mimo-v2.5-pro', stream: true })
    expect(requestMeta('{"model":"mimo-v2-flash"}')).toEqual({ model: 'mimo-v2-flash', stream: false })
  })

  it('gives nulls for malformed or wrong-typed bodies without throwing', () => {
    for (const body of ['', '{', 'null', '[1]', '"x"', '{"model":5,"stream":"true"}', '[['.repeat(100_000)]) {
      expect(requestMeta(body)).toEqual({ model: null, stream: false })
    }
  })

  // Timed in bench/parsers.ts.
  it('reads a multi-MB body', () => {
    const body = bigRequestBody()
    expect(body.length).toBeGreaterThan(5_000_000)
    expect(requestMeta(body)).toEqual({ model: 'mimo-v2.5', stream: true })
  })
})

describe('usageOf', () => {
  it('returns the message usage or null', () => {
    expect(usageOf(null)).toBeNull()
    const message = openaiMessageFromJson({ choices: [], usage: { prompt_tokens: 3, completion_tokens: 4 } })
    expect(usageOf(message)).toEqual({ inputTokens: 3, outputTokens: 4, cacheReadTokens: null, reasoningTokens: null })
  })
})
