// Who answers a request: from the upstream host, the path, the model and the error's own shape. The
// provider decides severity (a shape one provider rejects another accepts) and is shown in the list and the
// diagnosis. A relay (OpenRouter, LiteLLM, new-api…) is recorded as `via`; the rules then follow the model's
// family behind it.
import { PROVIDER_LABELS } from '../../../shared/provider-labels'
import type { ProviderId } from '../../../shared/types'

export type { ProviderId }
export { PROVIDER_LABELS }

export interface ProviderGuess {
  id: ProviderId
  /** Whose rules apply: the model's family behind a relay, else `id`. */
  family: ProviderId
  /** What decided it. */
  evidence: 'host' | 'path' | 'error' | 'model' | 'default' | 'none'
}

/** Hosts of each provider's own API (and of the clouds that serve Claude: Vertex, Bedrock). */
const HOSTS: ReadonlyArray<[RegExp, ProviderId]> = [
  [/(^|\.)xiaomimimo\.com$/, 'mimo'],
  [/(^|\.)deepseek\.com$/, 'deepseek'],
  [/(^|\.)(moonshot\.(cn|ai)|kimi\.com)$/, 'moonshot'],
  [/(^|\.)(bigmodel\.cn|z\.ai)$/, 'zhipu'],
  [/(^|\.)(dashscope[\w-]*\.aliyuncs\.com|aliyuncs\.com)$/, 'dashscope'],
  [/(^|\.)(openai\.com|openai\.azure\.com)$/, 'openai'],
  [/(^|\.)anthropic\.com$|aiplatform\.googleapis\.com$|bedrock/, 'anthropic'],
  [/(^|\.)openrouter\.ai$/, 'openrouter']
]

/** Paths only one provider uses (behind a custom domain or a tunnel). */
const PATHS: ReadonlyArray<[RegExp, ProviderId]> = [
  [/\/api\/(coding\/)?paas\/v4\//, 'zhipu'],
  [/\/compatible-mode\/v1\//, 'dashscope'],
  [/\/api\/v1\/(chat\/completions|messages)/, 'openrouter']
]

/** Model names, with or without a `vendor/` prefix (OpenRouter, LiteLLM, new-api channels). */
const MODELS: ReadonlyArray<[RegExp, ProviderId]> = [
  [/(^|\/|\b)mimo/, 'mimo'],
  [/deepseek/, 'deepseek'],
  [/kimi|moonshot/, 'moonshot'],
  [/(^|\/)(glm|chatglm|zhipu|codegeex)/, 'zhipu'],
  [/(^|\/)(qwen|qwq|qvq|dashscope|alibaba)/, 'dashscope'],
  [/(^|\/)(claude|anthropic)/, 'anthropic'],
  [/(^|\/)(gpt-|chatgpt|o[1345](-|$)|codex|openai)/, 'openai']
]

export interface ProviderInput {
  host?: string | null
  path?: string | null
  model?: string | null
  /** The provider the error's wording or shape identifies (unwrap-error), when there is one. */
  errorProvider?: ProviderId | null
}

export function detectProvider({ host, path, model, errorProvider }: ProviderInput): ProviderGuess {
  const byModel = providerOfModel(model)
  const h = (host ?? '').toLowerCase().replace(/:\d+$/, '')
  const byHost = h ? HOSTS.find(([re]) => re.test(h))?.[1] : undefined
  const inner = errorProvider && errorProvider !== 'unknown' ? errorProvider : null
  if (byHost === 'openrouter') return { id: 'openrouter', family: inner ?? byModel ?? 'unknown', evidence: 'host' }
  if (byHost) return { id: byHost, family: byHost, evidence: 'host' }
  const byPath = path ? PATHS.find(([re]) => re.test(path))?.[1] : undefined
  if (byPath === 'openrouter') return { id: 'openrouter', family: inner ?? byModel ?? 'unknown', evidence: 'path' }
  if (byPath) return { id: byPath, family: byPath, evidence: 'path' }
  // A local relay or tunnel: the error names who answered, else the model does.
  if (inner) return { id: inner, family: inner, evidence: 'error' }
  if (byModel) return { id: byModel, family: byModel, evidence: 'model' }
  // Nothing known and no model: the inspector's default upstream is MiMo.
  if (!h && !(model ?? '').trim()) return { id: 'mimo', family: 'mimo', evidence: 'default' }
  return { id: 'unknown', family: 'unknown', evidence: 'none' }
}

export function providerOfModel(model: string | null | undefined): ProviderId | null {
  const m = (model ?? '').toLowerCase().trim()
  if (!m) return null
  return MODELS.find(([re]) => re.test(m))?.[1] ?? null
}

/** A provider named in a relay's text (`provider_name`, `DeepseekException`, `Provider: Zhipu GLM`). */
export function providerOfName(name: string | null | undefined): ProviderId | null {
  const n = (name ?? '').toLowerCase()
  if (!n) return null
  if (/xiaomi|mimo/.test(n)) return 'mimo'
  if (/anthropic|bedrock|vertex|google|claude/.test(n)) return 'anthropic'
  if (/deepseek/.test(n)) return 'deepseek'
  if (/moonshot|kimi/.test(n)) return 'moonshot'
  if (/zhipu|glm|z\.ai|bigmodel/.test(n)) return 'zhipu'
  if (/dashscope|alibaba|aliyun|qwen|bailian/.test(n)) return 'dashscope'
  if (/openrouter/.test(n)) return 'openrouter'
  if (/openai|azure/.test(n)) return 'openai'
  return null
}

/**
 * Whether a request thinks when it does not say: MiMo thinks except on mimo-v2-flash (MiMo deep-thinking
 * doc); DeepSeek's V4 models and `deepseek-reasoner` think, `deepseek-chat` is its non-thinking mode
 * (api-docs.deepseek.com/quick_start/pricing, cc-switch#3222); Kimi K2.5 and later and the `-thinking` models
 * think by default (opencode#16318), the K2 instruct previews and moonshot-v1 do not; the rest only when asked.
 */
export function thinksByDefault(family: ProviderId, model: string | null | undefined): boolean {
  const m = (model ?? '').toLowerCase()
  if (family === 'mimo') return !m.includes('mimo-v2-flash')
  if (family === 'deepseek') return !/deepseek-chat\b/.test(m)
  if (family === 'moonshot') return !/moonshot-v1|kimi-k2-(0711|0905|turbo)|kimi-latest/.test(m)
  return false
}

/** What a provider does with a shape others reject, and the report or document that says so. */
export interface Acceptance {
  accepts: boolean
  source: string
}

/**
 * `reasoning_content: ""` on a passed-back tool-call turn. MiMo takes it as a placeholder (forgecode PR#3350,
 * FLIT#67), Kimi too (obsidian-yolo PR#243 injects it to pass Moonshot's check); DeepSeek answers it with
 * "Missing `reasoning_content` field" (nanobot#946). Others: unknown.
 */
export const EMPTY_REASONING: Partial<Record<ProviderId, Acceptance>> = {
  mimo: { accepts: true, source: 'tailcallhq/forgecode PR#3350' },
  moonshot: { accepts: true, source: 'Lapis0x0/obsidian-yolo PR#243' },
  deepseek: { accepts: false, source: 'HKUDS/nanobot#946' }
}

/**
 * Whether every earlier tool-call turn must carry its reasoning back (R02). Enforced by MiMo (its docs),
 * DeepSeek (api-docs.deepseek.com/guides/thinking_mode) and Kimi (deer-flow#3043). Not checked by Anthropic
 * (only the final tool turn, R01), OpenAI's Chat Completions (it has no such field), Zhipu (its standard API
 * clears earlier reasoning itself: docs.bigmodel.cn/cn/guide/capabilities/thinking-mode, `clear_thinking`)
 * or DashScope (Qwen3 drops earlier turns' thinking: QwenLM/Qwen3#1398). Unknown elsewhere.
 */
export const REASONING_PASSBACK: Partial<Record<ProviderId, Acceptance>> = {
  mimo: { accepts: false, source: 'platform.xiaomimimo.com: passing back reasoning_content' },
  deepseek: { accepts: false, source: 'api-docs.deepseek.com/guides/thinking_mode' },
  moonshot: { accepts: false, source: 'bytedance/deer-flow#3043' },
  anthropic: { accepts: true, source: 'docs.claude.com extended thinking (only the final tool turn)' },
  openai: { accepts: true, source: 'OpenAI Chat Completions has no reasoning_content field' },
  zhipu: { accepts: true, source: 'docs.bigmodel.cn thinking mode: clear_thinking' },
  dashscope: { accepts: true, source: 'QwenLM/Qwen3#1398' }
}

/** The provider of a recorded exchange, from its upstream URL, path and model (and its error, when read). */
export function providerOfExchange(summary: { upstreamUrl: string; path: string; model: string | null }, errorProvider?: ProviderId | null): ProviderId {
  let host: string | null = null
  try {
    host = new URL(summary.upstreamUrl).host
  } catch {
    // An imported exchange may have a bare path.
  }
  return detectProvider({ host, path: summary.path, model: summary.model, errorProvider }).id
}

/** A summary with its provider: older records (and in-flight exchanges) get it computed when listed. */
export function withProvider<T extends { upstreamUrl: string; path: string; model: string | null; provider?: ProviderId }>(summary: T): T {
  return summary.provider ? summary : { ...summary, provider: providerOfExchange(summary) }
}
