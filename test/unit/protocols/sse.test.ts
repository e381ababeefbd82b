import { describe, expect, it } from 'vitest'
import { parseSse } from '../../../src/main/core/protocols/sse'
import { fixture, toCr, toCrlf } from './fixtures'

describe('parseSse', () => {
  it('reads event and data fields of the recorded Anthropic stream, ping included', () => {
    const { events, problems } = parseSse(fixture('anthropic-thinking-text.sse'))
    expect(problems).toEqual([])
    expect(events.map((e) => e.event)).toEqual([
      'message_start',
      'content_block_start',
      'ping',
      'content_block_delta',
      'content_block_delta',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'content_block_start',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop'
    ])
    expect(events[2]).toEqual({ event: 'ping', data: '{"type":"ping"}', atMs: null })
  })

  it.each([
    ['CRLF', toCrlf],
    ['CR', toCr]
  ])('gives the same events with %s line endings', (_name, convert) => {
    for (const name of ['anthropic-tool-use.sse', 'openai-deepseek-reasoning.sse']) {
      const lf = parseSse(fixture(name))
      const other = parseSse(convert(fixture(name)))
      expect(other.events).toEqual(lf.events)
      expect(other.problems).toEqual([])
    }
  })

  it('accepts mixed line endings in one body', () => {
    const { events } = parseSse('event: a\r\ndata: 1\r\rdata: 2\n\r\ndata:3\n\n')
    expect(events.map((e) => [e.event, e.data])).toEqual([
      ['a', '1'],
      [null, '2'],
      [null, '3']
    ])
  })

  it("flushes MiMo's streamed error: data: without space and no trailing blank line", () => {
    const body = fixture('mimo-streamed-error.sse')
    expect(body.endsWith('\n')).toBe(false)
    const { events, problems } = parseSse(body)
    expect(problems).toEqual([])
    expect(events).toHaveLength(1)
    expect(events[0].event).toBeNull()
    expect(JSON.parse(events[0].data).error.code).toBe('400')
  })

  it('flushes a last event that ends with a single newline', () => {
    expect(parseSse('data: {"a":1}\n').events.map((e) => e.data)).toEqual(['{"a":1}'])
  })

  it('joins multi-line data with LF and ignores comments', () => {
    const { events } = parseSse(': keep-alive\r\ndata: a\r\ndata: b\r\n\r\n')
    expect(events.map((e) => e.data)).toEqual(['a\nb'])
  })

  it('reports non-SSE text as a problem instead of throwing', () => {
    const { events, problems } = parseSse('{"error":{"message":"x"}}')
    expect(events).toEqual([])
    expect(problems.length).toBeGreaterThan(0)
    expect(parseSse('').problems).toEqual([])
  })

  describe('atMs from chunk times', () => {
    it('is the time of the first chunk whose end offset reaches the event end', () => {
      // Each event is 9 bytes; the first chunk ends mid-event.
      const { events } = parseSse('data: a\n\ndata: b\n\n', [
        [4, 1],
        [12, 2],
        [18, 3]
      ])
      expect(events.map((e) => e.atMs)).toEqual([2, 3])
    })

    it('counts UTF-8 bytes, not UTF-16 units', () => {
      // "data: é\n\n" is 10 bytes, "data: 😀\n\n" is 12.
      const text = 'data: é\n\ndata: 😀\n\n'
      const { events } = parseSse(text, [
        [9, 1],
        [10, 2],
        [21, 3],
        [22, 4]
      ])
      expect(events.map((e) => e.atMs)).toEqual([2, 4])
    })

    it('counts CRLF as two bytes and CR as one', () => {
      expect(parseSse('data: a\r\n\r\ndata: b\r\n\r\n', [[11, 1], [22, 2]]).events.map((e) => e.atMs)).toEqual([1, 2])
      expect(parseSse('data: a\r\rdata: b\r\r', [[8, 1], [9, 2], [18, 3]]).events.map((e) => e.atMs)).toEqual([2, 3])
    })

    it('gives the flushed last event the body end, and null past the last chunk', () => {
      expect(parseSse('data:{"x":1}', [[12, 7]]).events[0].atMs).toBe(7)
      expect(parseSse('data: a\n\ndata: b\n\n', [[9, 5]]).events.map((e) => e.atMs)).toEqual([5, null])
    })

    it('is null when no chunk times are given', () => {
      expect(parseSse('data: a\n\n').events[0].atMs).toBeNull()
      expect(parseSse('data: a\n\n', []).events[0].atMs).toBeNull()
    })
  })
})
