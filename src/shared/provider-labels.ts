// How each provider is named in the UI and the command's output.
import type { ProviderId } from './types'

export const PROVIDER_LABELS: Record<ProviderId, string> = {
  mimo: 'MiMo',
  deepseek: 'DeepSeek',
  moonshot: 'Moonshot',
  zhipu: 'Zhipu',
  dashscope: 'DashScope',
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  openrouter: 'OpenRouter',
  unknown: 'unknown'
}
