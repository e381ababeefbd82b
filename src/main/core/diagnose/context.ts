// What every rule reads: the raw body (shapes matter: a key absent vs empty, `content: null` vs ""), the
// timeline, the unwrapped error, and what is known about the endpoint. Plus the two facts most rules need:
// which provider is in use and whether thinking is on.
import type { Finding, ProviderId, RequestView, UnwrappedError } from '../../../shared/types'
import type { RequestEvidence } from '../evidence/match'
import { isRecord, str, type JsonRecord } from '../protocols/json'
import { REASONING_PASSBACK, detectProvider, thinksByDefault, type ProviderGuess } from './providers'

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
  /** Path of the request (a provider's own path tells it behind a custom domain). */
  path?: string | null
  /** Who answers, when the caller already worked it out (diagnose does, once, with the error's shape). */
  provider?: ProviderGuess
  /**
   * The recorded response behind each assistant message and what the client changed in it (evidence/). The
   * thinking rules explain from it first and fall back on the message's shape only where it has no entry.
   */
  evidence?: RequestEvidence
  /** The request's number in its conversation (its request strip), for sentences; null when unknown. */
  requestN?: number | null
}

/** One rule of the catalogue: pure, never throws, [] when it has nothing to say. */
export type Rule = (ctx: RuleContext) => Finding[]

/**
 * Who answers the request, as the rules name providers: decides whether a rule is an error (that provider
 * rejects it) or a warning. Moonshot is `kimi` here, and a relay or an unknown endpoint is `other` unless the
 * model behind it is known (providers.ts).
 */
export type Provider = 'mimo' | 'anthropic' | 'deepseek' | 'kimi' | 'zhipu' | 'dashscope' | 'openai' | 'other'

const RULE_PROVIDER: Record<ProviderId, Provider> = {
  mimo: 'mimo',
  anthropic: 'anthropic',
  deepseek: 'deepseek',
  moonshot: 'kimi',
  zhipu: 'zhipu',
  dashscope: 'dashscope',
  openai: 'openai',
  openrouter: 'other',
  unknown: 'other'
}

/** The provider whose rules apply: host, path, then the model (with neither, MiMo, the default upstream). */
export function providerInUse(ctx: RuleContext): Provider {
  return RULE_PROVIDER[providerOf(ctx).family]
}

export function providerOf(ctx: RuleContext): ProviderGuess {
  return ctx.provider ?? detectProvider({ host: ctx.upstreamHost, path: ctx.path, model: ctx.view.model })
}

/** Providers that check every historical tool-call turn for its reasoning (R02). */
export function requiresReasoningPassback(provider: Provider): boolean {
  return provider === 'mimo' || provider === 'deepseek' || provider === 'kimi'
}

/** Providers known not to check it (R02 stays quiet there); see REASONING_PASSBACK for the sources. */
export function ignoresReasoningPassback(ctx: RuleContext): boolean {
  return REASONING_PASSBACK[providerOf(ctx).family]?.accepts === true
}

/**
 * `thinking.type` when sent: every type but `disabled` counts as on (`enabled`, `adaptive`, which Claude Code
 * sends for non-Claude model names, and types this code does not know, which N.2 reports); also Qwen's
 * `enable_thinking` and a chat template's `enable_thinking`. Absent, what the provider does by default for that
 * model (providers.ts).
 */
export function thinkingOn(ctx: RuleContext): boolean {
  // The provider's own error says it thought ("in the thinking mode", "thinking is enabled"), whatever the
  // request asked: Kimi behind OpenCode Go ignores `disabled` (opencode-go-copilot#1).
  if (ctx.error && /in the thinking mode|thinking is enabled/i.test(ctx.error.message)) return true
  if (ctx.view.thinking === 'disabled') return false
  if (ctx.view.thinking !== 'default') return true
  if (ctx.body.enable_thinking === false) return false
  if (ctx.body.enable_thinking === true) return true
  const template = isRecord(ctx.body.chat_template_kwargs) ? ctx.body.chat_template_kwargs.enable_thinking : undefined
  if (typeof template === 'boolean') return template
  if (ctx.body.reasoning_effort === 'none') return false
  return thinksByDefault(providerOf(ctx).family, ctx.view.model)
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
