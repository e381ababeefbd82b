// Multi-MB inputs for the parsers: the unit tests check the results on them, bench/parsers.ts times them.
export function bigAnthropicStream(minBytes = 5_000_000): { body: string; deltas: number; piece: string; times: Array<[number, number]> } {
  const piece = 'x'.repeat(60) + 'é😀'
  const delta = (i: number): string =>
    `event: content_block_delta\r\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"${piece}${i}"}}\r\n\r\n`
  const parts = [
    'event: message_start\r\ndata: {"type":"message_start","message":{"id":"m","usage":{"input_tokens":1}}}\r\n\r\n',
    'event: content_block_start\r\ndata: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}\r\n\r\n'
  ]
  let deltas = 0
  let size = 0
  while (size < minBytes) {
    const d = delta(deltas++)
    parts.push(d)
    size += d.length
  }
  parts.push('event: content_block_stop\r\ndata: {"type":"content_block_stop","index":0}\r\n\r\nevent: message_stop\r\ndata: {"type":"message_stop"}\r\n\r\n')
  const body = parts.join('')
  // One chunk time per 16 KiB, as a socket would deliver it.
  const bytes = Buffer.byteLength(body)
  const times: Array<[number, number]> = []
  for (let end = 16384; ; end += 16384) {
    times.push([Math.min(end, bytes), times.length])
    if (end >= bytes) break
  }
  return { body, deltas, piece, times }
}

export function bigToolCallStream(): { body: string; input: { content: string } } {
  const input = { content: 'y'.repeat(5_000_000) }
  const body =
    `data: {"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_1","function":{"name":"write","arguments":${JSON.stringify(JSON.stringify(input))}}}]}}]}\n\n` +
    'data: [DONE]\n\n'
  return { body, input }
}

export function bigRequestBody(): string {
  const messages = Array.from({ length: 2000 }, (_, i) => ({ role: i % 2 ? 'assistant' : 'user', content: 'x'.repeat(2500) }))
  return JSON.stringify({ messages, model: 'mimo-v2.5', stream: true })
}

export function bigJsonText(): string {
  return JSON.stringify({ messages: Array.from({ length: 20000 }, (_, i) => ({ role: 'user', content: 'x'.repeat(240) + i })) })
}
