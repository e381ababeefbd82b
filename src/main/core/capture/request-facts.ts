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
  /** The request turns thinking on, or its history carries thinking (blocks, reasoning_content). */
  thinking: boolean
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
    messages: messages.length,
    thinking: body !== null && thinkingIn(body, messages)
  }
}

/** Only what the request says outright: a thinking switch turned on, or thinking sent back in the history. */
function thinkingIn(body: Record<string, unknown>, messages: unknown[]): boolean {
  const thinking = body.thinking as { type?: unknown } | undefined
  if (thinking && typeof thinking === 'object' && (thinking.type === 'enabled' || thinking.type === 'adaptive')) return true
  const kwargs = body.chat_template_kwargs as { enable_thinking?: unknown } | undefined
  if (body.enable_thinking === true || kwargs?.enable_thinking === true) return true
  if (typeof body.reasoning_effort === 'string' && body.reasoning_effort !== 'none') return true
  return messages.some((m) => {
    const msg = m as { reasoning_content?: unknown; content?: unknown }
    if (typeof msg?.reasoning_content === 'string') return true
    return Array.isArray(msg?.content) && msg.content.some((b) => ['thinking', 'redacted_thinking'].includes((b as { type?: string })?.type ?? ''))
  })
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
