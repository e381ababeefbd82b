// Timelines and diagnoses for the UI harness: a request body → RequestView (the shape the core's
// protocols/request-view.ts produces), MiMo error bodies unwrapped, and a deliberately small rule check (R02 only)
// for exchanges that have no scripted diagnosis. Good enough to look at the UI, not a second diagnoser.
import type { Diagnosis, Finding, RequestView, RuleSource, TimelineBlock, TimelineMessage, UnwrappedError } from '../../src/shared/types'

type Json = Record<string, unknown>
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null)

export function requestViewOf(protocol: 'anthropic' | 'openai', body: unknown): RequestView {
  const req = isRecord(body) ? body : {}
  const raw = Array.isArray(req.messages) ? req.messages : []
  const thinking = isRecord(req.thinking) ? (req.thinking.type === 'enabled' ? 'enabled' : req.thinking.type === 'disabled' ? 'disabled' : 'default') : 'default'
  let system: string | null = null
  if (protocol === 'anthropic') {
    if (typeof req.system === 'string') system = req.system
    else if (Array.isArray(req.system)) system = req.system.map((b) => (isRecord(b) ? (str(b.text) ?? '') : '')).join('\n')
  }
  const tools = Array.isArray(req.tools)
    ? req.tools.map((t) => (isRecord(t) ? (str(isRecord(t.function) ? t.function.name : t.name) ?? '') : '')).filter(Boolean)
    : []
  return {
    protocol,
    model: str(req.model),
    stream: req.stream === true,
    thinking,
    system,
    messages: raw.map((m, i) => (protocol === 'anthropic' ? anthropicMessage(m, i) : openaiMessage(m, i))),
    tools
  }
}

function flatten(content: unknown): string {
  if (typeof content === 'string') return content
  if (!Array.isArray(content)) return ''
  return content.map((p) => (typeof p === 'string' ? p : isRecord(p) ? (str(p.text) ?? '') : '')).join('\n')
}

function anthropicMessage(raw: unknown, index: number): TimelineMessage {
  if (!isRecord(raw)) return { index, role: '', blocks: [{ type: 'unknown', raw }], contentIsString: false }
  const role = str(raw.role) ?? ''
  if (typeof raw.content === 'string') return { index, role, blocks: [{ type: 'text', text: raw.content }], contentIsString: true }
  const blocks: TimelineBlock[] = (Array.isArray(raw.content) ? raw.content : []).map((b): TimelineBlock => {
    if (!isRecord(b)) return { type: 'unknown', raw: b }
    switch (b.type) {
      case 'text':
        return { type: 'text', text: str(b.text) ?? '' }
      case 'thinking':
        return { type: 'thinking', thinking: str(b.thinking) ?? '', signature: 'signature' in b && b.signature !== null ? (str(b.signature) ?? '') : null }
      case 'redacted_thinking':
        return { type: 'redacted_thinking', data: str(b.data) ?? '' }
      case 'tool_use':
        return { type: 'tool_use', id: str(b.id) ?? '', name: str(b.name) ?? '', input: b.input ?? {}, inputJson: JSON.stringify(b.input ?? {}), inputError: null }
      case 'tool_result':
        return { type: 'tool_result', toolUseId: str(b.tool_use_id) ?? '', isError: b.is_error === true, text: flatten(b.content) }
      case 'image':
        return { type: 'image', mediaType: isRecord(b.source) ? str(b.source.media_type) : null }
      default:
        return { type: 'unknown', raw: b }
    }
  })
  return { index, role, blocks, contentIsString: false }
}

function openaiMessage(raw: unknown, index: number): TimelineMessage {
  if (!isRecord(raw)) return { index, role: '', blocks: [{ type: 'unknown', raw }], contentIsString: false }
  const role = str(raw.role) ?? ''
  const contentIsString = typeof raw.content === 'string'
  if (role === 'tool') {
    return { index, role, blocks: [{ type: 'tool_result', toolUseId: str(raw.tool_call_id) ?? '', isError: false, text: flatten(raw.content) }], contentIsString }
  }
  const blocks: TimelineBlock[] = []
  if (typeof raw.reasoning_content === 'string') blocks.push({ type: 'reasoning', text: raw.reasoning_content })
  if (typeof raw.content === 'string') blocks.push({ type: 'text', text: raw.content })
  if (Array.isArray(raw.tool_calls)) {
    for (const c of raw.tool_calls) {
      const fn = isRecord(c) && isRecord(c.function) ? c.function : {}
      const args = str(fn.arguments) ?? ''
      let input: unknown = {}
      let inputError: string | null = null
      try {
        input = args ? JSON.parse(args) : {}
      } catch (err) {
        input = null
        inputError = (err as Error).message
      }
      blocks.push({ type: 'tool_call', id: isRecord(c) ? (str(c.id) ?? '') : '', name: str(fn.name) ?? '', arguments: args, input, inputError })
    }
  }
  return { index, role, blocks, contentIsString }
}

// ---------- errors ----------

/** MiMo's `{"error":{"code":"400","message":"Param Incorrect","param":…}}`, plain or after `data:`. */
export function unwrapError(status: number | null, text: string | null): UnwrappedError | null {
  if (!text) return null
  const wrappers: string[] = []
  let body = text.trim()
  if (body.startsWith('data:')) {
    wrappers.push('sse-data-prefix')
    body = body.slice(5).trim()
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return { status, wrappers, provider: 'unknown', type: null, code: null, message: text.slice(0, 500), genericMessage: null, location: null }
  }
  const err = isRecord(parsed) && isRecord(parsed.error) ? parsed.error : null
  if (!err) return null
  const param = str(err.param)
  const message = str(err.message) ?? ''
  return {
    status,
    wrappers,
    provider: param !== null ? 'mimo' : 'anthropic',
    type: str(err.type) || null,
    code: str(err.code) ?? (typeof err.code === 'number' ? String(err.code) : null),
    message: param ?? message,
    genericMessage: param !== null && message && message !== param ? message : null,
    location: null
  }
}

// ---------- rules (the few the harness needs) ----------

export const SOURCES: Record<string, RuleSource[]> = {
  R02: [
    { label: 'MiMo: passing back reasoning_content', url: 'https://platform.xiaomimimo.com/static/docs/usage-guide/passing-back-reasoning_content.md' },
    { label: 'MiMo: error codes', url: 'https://platform.xiaomimimo.com/docs/en-US/quick-start/error-codes' },
    { label: 'forgecode#3347', url: 'https://github.com/tailcallhq/forgecode/issues/3347' },
    { label: 'craft-agents-oss#746', url: 'https://github.com/craft-ai-agents/craft-agents-oss/issues/746' },
    { label: 'hermes-studio#679', url: null }
  ],
  R04: [
    { label: 'AIClient2API#437', url: null },
    { label: 'Antigravity-Manager#1650', url: 'https://github.com/lbjlaq/Antigravity-Manager/issues/1650' }
  ],
  R20: [{ label: 'MiMo#54', url: 'https://github.com/XiaomiMiMo/MiMo/issues/54' }]
}

export function r02(protocol: 'anthropic' | 'openai', messageIndex: number, blockIndex: number | null, matchesError: boolean, role = 'assistant'): Finding {
  const anthropic = protocol === 'anthropic'
  return {
    rule: 'compat.reasoning-passback-missing',
    ref: 'R02',
    severity: 'error',
    messageIndex,
    blockIndex,
    path: anthropic ? `messages[${messageIndex}].content` : `messages[${messageIndex}].reasoning_content`,
    message: anthropic
      ? `The ${role} message ${messageIndex} calls a tool but carries no thinking block; with thinking on, MiMo needs every earlier tool turn's thinking passed back.`
      : `The ${role} message ${messageIndex} has tool_calls but no reasoning_content; with thinking on, MiMo needs every earlier tool turn's reasoning passed back.`,
    fix: anthropic
      ? 'Replay the original thinking block (with its signature) as the first block of that message, or send thinking: {"type": "disabled"}.'
      : 'Send the assistant turn back with the reasoning_content it was answered with, or turn thinking off for the request.',
    fixIds: anthropic ? ['restore-thinking', 'placeholder-reasoning', 'disable-thinking'] : ['restore-reasoning-content', 'placeholder-reasoning', 'disable-thinking'],
    sources: SOURCES.R02,
    matchesError,
    evidence: null
  }
}

export function r04(messageIndex: number, blockIndex: number): Finding {
  return {
    rule: 'anthropic.thinking-signature-missing',
    ref: 'R04',
    severity: 'warning',
    messageIndex,
    blockIndex,
    path: `messages[${messageIndex}].content[${blockIndex}].signature`,
    message: `The thinking block in message ${messageIndex} has an empty signature; MiMo accepts it, Anthropic and Bedrock reject it.`,
    fix: 'Keep the signature the model sent, or drop the block when switching to a provider that checks signatures.',
    fixIds: ['restore-thinking', 'add-empty-signature'],
    sources: SOURCES.R04,
    matchesError: false,
    evidence: null
  }
}

const hasTool = (m: TimelineMessage): boolean => m.blocks.some((b) => b.type === 'tool_use' || b.type === 'tool_call')
const hasReasoning = (m: TimelineMessage): boolean => m.blocks.some((b) => (b.type === 'thinking' && b.thinking !== '') || (b.type === 'reasoning' && b.text !== ''))

/** R02 on every assistant tool turn without thinking; the culprit is the first when the error says so. */
export function diagnoseGeneric(view: RequestView, status: number | null, responseText: string | null): Diagnosis {
  const error = (status ?? 0) >= 400 ? unwrapError(status, responseText) : null
  const mentionsReasoning = !!error && /reasoning_content|thinking/i.test(error.message)
  const findings: Finding[] = []
  if (view.thinking !== 'disabled') {
    for (const m of view.messages) {
      if (m.role !== 'assistant' || !hasTool(m) || hasReasoning(m)) continue
      const blockIndex = view.protocol === 'anthropic' ? m.blocks.findIndex((b) => b.type === 'tool_use') : null
      findings.push(r02(view.protocol, m.index, blockIndex === -1 ? null : blockIndex, mentionsReasoning))
    }
  }
  const first = mentionsReasoning ? findings[0] : undefined
  return {
    protocol: view.protocol,
    status,
    error,
    findings,
    culprit: first && first.messageIndex !== null ? { messageIndex: first.messageIndex, blockIndex: first.blockIndex, rule: first.rule } : null
  }
}
