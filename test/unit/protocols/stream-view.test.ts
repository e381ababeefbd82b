import { describe, expect, it } from 'vitest'
import type { Protocol } from '../../../src/shared/types'
import { buildMessageView, buildStreamView } from '../../../src/main/core/protocols/stream-view'
import { fixture, seeded, toCrlf } from './fixtures'
import { bigAnthropicStream, bigToolCallStream } from '../../scenarios/big-bodies'

describe('buildStreamView', () => {
  it('picks the format from the protocol and reassembles', () => {
    const anthropic = buildStreamView('anthropic', fixture('anthropic-tool-use.sse'))
    expect(anthropic.format).toBe('anthropic-sse')
    expect(anthropic.events).toHaveLength(9)
    expect(anthropic.message?.stopReason).toBe('tool_use')

    const openai = buildStreamView('openai', fixture('openai-deepseek-reasoning.sse'))
    expect(openai.format).toBe('openai-sse')
    expect(openai.message?.usage?.reasoningTokens).toBe(5)

    const unknown = buildStreamView('unknown', fixture('openai-deepseek-reasoning.sse'))
    expect(unknown).toMatchObject({ format: 'sse', message: null, problems: [] })
    expect(unknown.events).toHaveLength(6)
  })

  it('carries chunk times through to the events', () => {
    const body = fixture('mimo-streamed-error.sse')
    const view = buildStreamView('openai', body, [[Buffer.byteLength(body), 42]])
    expect(view.events[0].atMs).toBe(42)
    expect(view.message?.error?.type).toBe('400')
  })

  it('collects reassembly problems (bad JSON in an event)', () => {
    const view = buildStreamView('anthropic', 'event: message_start\ndata: {oops\n\n')
    expect(view.problems.some((p) => p.includes('invalid JSON'))).toBe(true)
    expect(view.message?.incomplete).toBe(true)
  })
})

describe('buildMessageView', () => {
  it('treats text/event-stream or a body starting with event:/data: as a stream', () => {
    const sse = fixture('anthropic-thinking-text.sse')
    expect(buildMessageView('anthropic', sse, 'text/event-stream; charset=utf-8')?.usage?.outputTokens).toBe(53)
    expect(buildMessageView('anthropic', toCrlf(sse), null)?.usage?.outputTokens).toBe(53)
    expect(buildMessageView('openai', fixture('mimo-streamed-error.sse'), 'application/json')?.error?.message).toBe(
      'tools contains duplicate names: mcp__maps_direction_walking'
    )
  })

  it('reads JSON bodies, also a JSON error sent with an event-stream content type', () => {
    const body = '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}'
    expect(buildMessageView('anthropic', body, 'application/json')?.error?.type).toBe('overloaded_error')
    expect(buildMessageView('anthropic', body, 'text/event-stream')?.error?.type).toBe('overloaded_error')
  })

  it('returns null for unknown protocols, empty and non-JSON bodies', () => {
    expect(buildMessageView('unknown', fixture('anthropic-tool-use.sse'), 'text/event-stream')).toBeNull()
    expect(buildMessageView('openai', '', null)).toBeNull()
    expect(buildMessageView('openai', '<html>502 Bad Gateway</html>', 'text/html')).toBeNull()
  })
})

describe('large bodies', () => {
  // Timed in bench/parsers.ts; here only the result on a 5 MB input.
  it('parses a 5 MB Anthropic stream', () => {
    const { body, deltas, piece, times } = bigAnthropicStream()
    const view = buildStreamView('anthropic', body, times)
    expect(view.problems).toEqual([])
    expect(view.events).toHaveLength(deltas + 4)
    expect(view.events.at(-1)?.atMs).toBe(times.length - 1)
    const block = view.message?.blocks[0]
    const expected = Array.from({ length: deltas }, (_, i) => piece + i).join('')
    expect(block?.type === 'text' && block.text === expected).toBe(true)
    expect(view.message?.incomplete).toBe(false)
  })

  it('parses a single 5 MB tool input', () => {
    const { body, input } = bigToolCallStream()
    const message = buildMessageView('openai', body, 'text/event-stream')
    expect(message?.blocks[0]).toMatchObject({ type: 'tool_call', name: 'write', input, inputError: null })
  })
})

describe('random input never throws', () => {
  const protocols: Protocol[] = ['anthropic', 'openai', 'unknown']
  const fixtures = [
    'anthropic-thinking-text.sse',
    'anthropic-tool-use.sse',
    'anthropic-overloaded-midstream.sse',
    'openai-deepseek-reasoning.sse',
    'openai-reasoning-tool-calls.sse',
    'openai-o4-mini-tool-partial.sse',
    'mimo-streamed-error.sse'
  ].map(fixture)
  const tokens = ['data:', 'data: ', 'event: ', 'error', '\n', '\r', '\r\n', '\n\n', ':', '{', '}', '[', ']', '"', ',', 'null', '[DONE]', '\uFEFF', '\uD800', '😀', 'é', '\0', 'type', 'index']

  function randomJson(rand: () => number, depth = 0): unknown {
    const r = rand()
    if (depth > 3 || r < 0.2) return [null, true, 0, -1.5, '', 'x', '{'][Math.floor(rand() * 7)]
    if (r < 0.5) return Array.from({ length: Math.floor(rand() * 3) }, () => randomJson(rand, depth + 1))
    const keys = ['type', 'index', 'delta', 'content_block', 'message', 'usage', 'error', 'choices', 'tool_calls', 'function', 'arguments', 'text', 'id']
    return Object.fromEntries(Array.from({ length: Math.floor(rand() * 4) }, () => [keys[Math.floor(rand() * keys.length)], randomJson(rand, depth + 1)]))
  }

  /** Replaces one random subtree of a parsed event with a random value (wrong types in fields). */
  function mutate(value: unknown, rand: () => number): unknown {
    if (rand() < 0.25 || value === null || typeof value !== 'object') return randomJson(rand)
    const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) }
    const keys = Object.keys(copy)
    if (keys.length === 0) return randomJson(rand)
    const key = keys[Math.floor(rand() * keys.length)]
    ;(copy as Record<string, unknown>)[key] = mutate((copy as Record<string, unknown>)[key], rand)
    return copy
  }

  function check(protocol: Protocol, body: string, contentType: string | null): void {
    const view = buildStreamView(protocol, body, [[Math.floor(body.length / 2), 1]])
    expect(Array.isArray(view.events) && Array.isArray(view.problems)).toBe(true)
    buildMessageView(protocol, body, contentType)
  }

  it('random token soup', () => {
    const rand = seeded(1234)
    for (let i = 0; i < 400; i++) {
      let body = ''
      const len = Math.floor(rand() * 60)
      for (let j = 0; j < len; j++) body += tokens[Math.floor(rand() * tokens.length)]
      for (const p of protocols) check(p, body, rand() < 0.5 ? 'text/event-stream' : null)
    }
  })

  it('random bytes', () => {
    const rand = seeded(99)
    for (let i = 0; i < 200; i++) {
      const bytes = Uint8Array.from({ length: Math.floor(rand() * 300) }, () => Math.floor(rand() * 256))
      const body = new TextDecoder().decode(bytes)
      for (const p of protocols) check(p, body, null)
    }
  })

  it('truncated and mangled recordings', () => {
    const rand = seeded(7)
    for (let i = 0; i < 300; i++) {
      const source = fixtures[Math.floor(rand() * fixtures.length)]
      let body = source.slice(0, Math.floor(rand() * source.length))
      if (rand() < 0.5) {
        const at = Math.floor(rand() * body.length)
        body = body.slice(0, at) + tokens[Math.floor(rand() * tokens.length)] + body.slice(at + 1)
      }
      for (const p of protocols) check(p, rand() < 0.5 ? body : toCrlf(body), 'text/event-stream')
    }
  })

  it('wrong types in JSON fields of recorded events and bodies', () => {
    const rand = seeded(2026)
    for (let i = 0; i < 300; i++) {
      const source = fixtures[Math.floor(rand() * fixtures.length)]
      const body = source.replace(/^(data: ?)(\{.*\})$/gm, (line, prefix: string, json: string) =>
        rand() < 0.4 ? prefix + JSON.stringify(mutate(JSON.parse(json), rand)) : line
      )
      for (const p of protocols) check(p, body, null)
      const json = JSON.stringify(randomJson(rand))
      for (const p of protocols) check(p, json, 'application/json')
    }
  })
})
