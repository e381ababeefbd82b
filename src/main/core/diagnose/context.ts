// What every rule reads: the raw body (shapes matter: a key absent vs empty, `content: null` vs ""), the
// timeline, the unwrapped error, and what is known about the endpoint. Plus the two facts most rules need:
// which provider is in use and whether thinking is on.
import type { Finding, ReassembledMessage, RequestView, UnwrappedError } from '../../../shared/types'
import { isRecord, str, type JsonRecord } from '../protocols/json'

export type KeyPrefix = 'sk-' | 'tp-' | null

export interface RuleContext {
  protocol: 'anthropic' | 'openai'
  /** The request body as parsed; `{}` when it was not an object. */
  body: JsonRecord
  view: RequestView
  /** null when the exchange did not fail (a lint). */
  error: UnwrappedError | null
  status: number | null
  keyPrefix?: KeyPrefix
  /** Host of the upstream the request went to, e.g. `token-plan-cn.xiaomimimo.com`. */
  upstreamHost?: string | null
  /** Earlier responses of the same conversation (R07 compares the replayed thinking with them). */
  previousReplies?: readonly ReassembledMessage[]
}

/** One rule of the catalogue: pure, never throws, [] when it has nothing to say. */
export type Rule = (ctx: RuleContext) => Finding[]

/** Who answers the request: decides whether a rule is an error (that provider rejects it) or a warning. */
export type Provider = 'mimo' | 'anthropic' | 'deepseek' | 'kimi' | 'other'

/**
 * A known host wins; behind a relay or a local proxy the model tells. With neither, MiMo: the inspector's
 * default upstream.
 */
export function providerInUse(ctx: RuleContext): Provider {
  const host = (ctx.upstreamHost ?? '').toLowerCase().replace(/:\d+$/, '')
  if (host.endsWith('xiaomimimo.com')) return 'mimo'
  if (host.endsWith('anthropic.com') || host.includes('aiplatform.googleapis.com') || host.includes('bedrock')) return 'anthropic'
  if (host.endsWith('deepseek.com')) return 'deepseek'
  if (host.includes('moonshot') || host.includes('kimi')) return 'kimi'
  const model = (ctx.view.model ?? '').toLowerCase()
  if (model === '') return 'mimo'
  if (/(^|\/)mimo/.test(model)) return 'mimo'
  if (/(^|\/|\.)claude|^anthropic\//.test(model)) return 'anthropic'
  if (/deepseek/.test(model)) return 'deepseek'
  if (/kimi|moonshot/.test(model)) return 'kimi'
  return 'other'
}

/** Providers that check every historical tool-call turn for its reasoning (R02). */
export function requiresReasoningPassback(provider: Provider): boolean {
  return provider === 'mimo' || provider === 'deepseek' || provider === 'kimi'
}

/**
 * `thinking.type` when sent. Absent: MiMo thinks by default except on mimo-v2-flash (MiMo deep-thinking
 * doc), DeepSeek and Kimi by default too (cc-switch#3222); Anthropic only when asked.
 */
export function thinkingOn(ctx: RuleContext): boolean {
  if (ctx.view.thinking === 'enabled') return true
  if (ctx.view.thinking === 'disabled') return false
  if (ctx.body.enable_thinking === false) return false
  const provider = providerInUse(ctx)
  if (provider === 'mimo') return !(ctx.view.model ?? '').toLowerCase().includes('mimo-v2-flash')
  return provider === 'deepseek' || provider === 'kimi'
}

/** The raw `messages` array; [] when absent or not an array. */
export function rawMessages(ctx: RuleContext): readonly unknown[] {
  return Array.isArray(ctx.body.messages) ? ctx.body.messages : []
}

/** The raw message at `index` as an object, or null. */
export function rawMessage(ctx: RuleContext, index: number): JsonRecord | null {
  const m = rawMessages(ctx)[index]
  return isRecord(m) ? m : null
}

/** The raw content blocks of an Anthropic message; [] when content is a string or not an array. */
export function rawBlocks(message: JsonRecord | null): readonly unknown[] {
  return message && Array.isArray(message.content) ? message.content : []
}

/** OpenAI `tool_calls` of a raw message, [] when absent. */
export function rawToolCalls(message: JsonRecord | null): readonly unknown[] {
  return message && Array.isArray(message.tool_calls) ? message.tool_calls : []
}

export function roleOf(message: JsonRecord | null): string | null {
  return message ? str(message.role) : null
}

/** Index of the last message with this role, or -1. */
export function lastIndexOfRole(ctx: RuleContext, role: string): number {
  const messages = ctx.view.messages
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i].role === role) return i
  return -1
}
