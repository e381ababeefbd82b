// Response body → what the UI and the summary show: SSE events plus the reassembled message, or a JSON message.
import type { Protocol, ReassembledMessage, StreamView } from '../../../shared/types'
import { anthropicMessageFromJson, reassembleAnthropicStream } from './anthropic'
import { Problems, describeException, safeParse } from './json'
import { openaiMessageFromJson, reassembleOpenAIStream } from './openai'
import { parseSse, type ChunkTimes } from './sse'

export function buildStreamView(protocol: Protocol, bodyText: string, chunkTimes?: ChunkTimes): StreamView {
  const format: StreamView['format'] =
    protocol === 'anthropic' ? 'anthropic-sse' : protocol === 'openai' ? 'openai-sse' : 'sse'
  const problems = new Problems()
  try {
    const sse = parseSse(bodyText, chunkTimes)
    problems.addAll(sse.problems)
    let message: ReassembledMessage | null = null
    if (protocol !== 'unknown') {
      const reassembled =
        protocol === 'anthropic' ? reassembleAnthropicStream(sse.events) : reassembleOpenAIStream(sse.events)
      message = reassembled.message
      problems.addAll(reassembled.problems)
    }
    return { format, events: sse.events, message, problems: problems.done() }
  } catch (err) {
    // Last resort: the parsers are written not to throw, but a view must always come back.
    problems.add(`stream view failed: ${describeException(err)}`)
    return { format, events: [], message: null, problems: problems.done() }
  }
}

/** SSE by content type, or by the body's first field (MiMo's streamed error may not say event-stream). */
function looksLikeSse(bodyText: string, contentType: string | null | undefined): boolean {
  const head = bodyText.slice(0, 64).replace(/^\uFEFF/, '').trimStart()
  if (head.startsWith('{') || head.startsWith('[')) return false // JSON error bodies sent as event-stream
  if (typeof contentType === 'string' && contentType.toLowerCase().includes('text/event-stream')) return true
  return head.startsWith('event:') || head.startsWith('data:')
}

/** The response as a message (for usage and the in-body error), from a stream or a JSON body; null if neither. */
export function buildMessageView(
  protocol: Protocol,
  bodyText: string,
  contentType?: string | null
): ReassembledMessage | null {
  if (protocol === 'unknown') return null
  try {
    if (looksLikeSse(bodyText, contentType)) return buildStreamView(protocol, bodyText).message
    const parsed = safeParse(bodyText)
    if (!parsed.ok) return null
    return protocol === 'anthropic' ? anthropicMessageFromJson(parsed.value) : openaiMessageFromJson(parsed.value)
  } catch {
    return null
  }
}
