// The filter language's vocabulary, shared by the core's parser and the filter bar's suggestions (one list, so
// a key the parser knows is a key the bar offers). Free of imports so the renderer bundles it alone.

export const FILTER_KEYS = ['status', 'method', 'path', 'model', 'provider', 'conversation', 'has', 'is', 'stream', 'mode', 'larger-than', 'client', 'id', 'body'] as const
export type FilterKey = (typeof FILTER_KEYS)[number]

export const HAS_VALUES = ['error', 'response', 'usage', 'body-error', 'thinking'] as const
export const IS_VALUES = ['pending', 'streaming', 'running', 'completed', 'failed', 'aborted', 'replay', 'import', 'captured', 'fork', 'pinned'] as const

/** Other spellings users bring from DevTools and elsewhere. */
export const FILTER_ALIASES: Record<string, FilterKey> = { 'status-code': 'status', code: 'status', domain: 'path', conv: 'conversation', size: 'larger-than' }

/** One line per key for the suggestions, and example values. */
export const FILTER_KEY_HELP: Record<FilterKey, { help: string; values: readonly string[] }> = {
  status: { help: 'HTTP status: 400, 4xx, >=500, 400-499, 429,503', values: ['4xx', '5xx', '400', '429', '2xx'] },
  method: { help: 'HTTP method', values: ['POST', 'GET'] },
  path: { help: 'path or upstream URL; * is a wildcard', values: ['/v1/chat/*', '/anthropic/*'] },
  model: { help: 'model name; * is a wildcard', values: ['mimo-v2.5-pro', 'mimo-*'] },
  provider: { help: 'who answered', values: ['mimo', 'deepseek', 'moonshot', 'zhipu', 'dashscope', 'openai', 'anthropic', 'openrouter'] },
  conversation: { help: 'conversation id prefix or title', values: [] },
  has: { help: 'has an error, a response, usage, an error in the body, thinking', values: HAS_VALUES },
  is: { help: 'state or origin', values: IS_VALUES },
  stream: { help: 'streamed (SSE) or not', values: ['yes', 'no'] },
  mode: { help: 'how it was captured', values: ['reverse', 'mitm', 'replay', 'import'] },
  'larger-than': { help: 'request + response bytes, k/M suffixes', values: ['100k', '1M'] },
  client: { help: 'the agent or SDK that sent it', values: [] },
  id: { help: 'exchange id prefix', values: [] },
  body: { help: 'text in the request or response body (searched in the store)', values: [] }
}
