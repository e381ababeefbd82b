// Facts about a request body, read with one JSON.parse in the persist worker: model, stream flag, a title
// for its conversation (the first user text) and how many messages it carries.
export interface RequestFacts {
  body: Record<string, unknown> | null
  model: string | null
  stream: boolean
  title: string | null
  messages: number
}

const TITLE_LENGTH = 120

export function requestFacts(bodyText: string): RequestFacts {
  let body: Record<string, unknown> | null = null
  try {
    const parsed: unknown = JSON.parse(bodyText)
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) body = parsed as Record<string, unknown>
  } catch {
    /* not JSON: no facts */
  }
  const messages = Array.isArray(body?.messages) ? (body.messages as unknown[]) : []
  return {
    body,
    model: typeof body?.model === 'string' ? body.model : null,
    stream: body?.stream === true,
    title: firstUserText(messages),
    messages: messages.length
  }
}

function firstUserText(messages: unknown[]): string | null {
  for (const m of messages) {
    const msg = m as { role?: unknown; content?: unknown }
    if (msg?.role !== 'user') continue
    const text = typeof msg.content === 'string' ? msg.content : Array.isArray(msg.content) ? textOfBlocks(msg.content) : ''
    const clean = text.replace(/\s+/g, ' ').trim()
    if (clean) return clean.length > TITLE_LENGTH ? `${clean.slice(0, TITLE_LENGTH - 1)}…` : clean
  }
  return null
}

function textOfBlocks(blocks: unknown[]): string {
  for (const b of blocks) {
    const block = b as { type?: unknown; text?: unknown }
    if (block?.type === 'text' && typeof block.text === 'string' && block.text.trim()) return block.text
  }
  return ''
}
