// Facts about a request body, read with one JSON.parse in the persist worker: model, stream flag, a title
// for its conversation (the first words the user typed), whether it is a title side request, and how many
// messages it carries.
import { isRecord, isSystemRole, plainText, systemParamText } from '../conversations/message-shapes'
import { firstUserWords, isTitleRequest } from '../conversations/title-text'

export interface RequestFacts {
  body: Record<string, unknown> | null
  model: string | null
  stream: boolean
  title: string | null
  /** 'title': a title generation side request. */
  kind: 'title' | null
  messages: number
}

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
    title: firstUserWords(messages),
    kind: body && isTitleRequest(body, systemText(body, messages), messages) ? 'title' : null,
    messages: messages.length
  }
}

/** Anthropic's `system` and the leading system messages of OpenAI, joined. */
function systemText(body: Record<string, unknown>, messages: readonly unknown[]): string {
  const parts = body.system !== undefined ? [systemParamText(body.system)] : []
  for (const m of messages) {
    if (!isRecord(m) || !isSystemRole(m.role)) break
    parts.push(plainText(m.content))
  }
  return parts.join('\n')
}
