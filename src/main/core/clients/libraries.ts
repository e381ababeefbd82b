// The HTTP library under an agent, from the headers it always adds: the Stainless-generated SDKs
// (Anthropic, OpenAI) send x-stainless-*, the Vercel AI SDK names itself in the user-agent, LiteLLM's own
// HTTP client sends `litellm/<version>`, Google's Gen AI SDK sends x-goog-api-client.
// Each pattern is taken from traffic captured from the real library (test/fixtures/clients) or its source.

export interface Library {
  /** e.g. "Anthropic SDK (JS)", "Vercel AI SDK (openai-compatible)". */
  name: string
  version: string | null
  /** Which header told it. */
  via: string
}

export type HeaderGet = (name: string) => string | null

const LANGS: Record<string, string> = { js: 'JS', python: 'Python', go: 'Go', java: 'Java', kotlin: 'Kotlin', ruby: 'Ruby', php: 'PHP', csharp: 'C#' }

export function libraryOf(get: HeaderGet, path: string): Library | null {
  return stainless(get, path) ?? aiSdk(get) ?? liteLlm(get) ?? googleGenAi(get)
}

export function libraryLabel(lib: Library): string {
  return lib.version ? `${lib.name} ${lib.version}` : lib.name
}

/**
 * Anthropic and OpenAI SDKs (all languages): `User-Agent: Anthropic/JS 0.94.0`, `OpenAI/Python 3.22.1`,
 * `AsyncOpenAI/Python …`; a bundler can rename the class (Continue's CLI sends `ls/JS 5.23.2`), so the vendor
 * falls back to `anthropic-version` (only the Anthropic SDK sends it with x-stainless-*) or an OpenAI path.
 */
function stainless(get: HeaderGet, path: string): Library | null {
  const lang = get('x-stainless-lang')
  const version = get('x-stainless-package-version')
  if (!lang || !version) return null
  const ua = get('user-agent') ?? ''
  const named = /^(?:Async)?(Anthropic|OpenAI|AzureOpenAI)\/(?:JS|Python|Go|Java|Kotlin|Ruby)\b/.exec(ua)
  let vendor: string | null = named ? (named[1] === 'AzureOpenAI' ? 'OpenAI' : named[1]) : null
  let via = 'user-agent and x-stainless headers'
  if (!vendor) {
    via = 'x-stainless headers'
    if (get('anthropic-version')) vendor = 'Anthropic'
    else if (/\/(chat\/completions|responses|completions|embeddings)(\?|$)/.test(path)) vendor = 'OpenAI'
  }
  if (!vendor) return null
  const language = LANGS[lang.toLowerCase()] ?? lang
  return { name: `${vendor} SDK (${language})`, version, via }
}

/** `ai-sdk/openai-compatible/1.0.27 ai-sdk/provider-utils/3.0.17 runtime/bun/1.3.5` (Vercel AI SDK 5/6). */
function aiSdk(get: HeaderGet): Library | null {
  const ua = get('user-agent') ?? ''
  const provider = /(?:^|\s)ai-sdk\/((?!provider-utils)[a-z][\w-]*)\/(\d[\w.-]*)/.exec(ua)
  if (provider) return { name: `Vercel AI SDK (${provider[1]})`, version: provider[2], via: 'user-agent' }
  const utils = /(?:^|\s)ai-sdk\/provider-utils\/(\d[\w.-]*)/.exec(ua)
  if (utils) return { name: 'Vercel AI SDK (provider-utils)', version: utils[1], via: 'user-agent' }
  return null
}

/** LiteLLM's own httpx client: `User-Agent: litellm/{version}` (BerriAI/litellm, custom_httpx/http_handler.py). */
function liteLlm(get: HeaderGet): Library | null {
  const m = /^litellm\/(\d[\w.-]*)/.exec(get('user-agent') ?? '')
  return m ? { name: 'LiteLLM', version: m[1], via: 'user-agent' } : null
}

/** `x-goog-api-client: google-genai-sdk/1.30.0 gl-node/v20.20.2` (Gemini CLI capture). */
function googleGenAi(get: HeaderGet): Library | null {
  const m = /google-genai-sdk\/(\d[\w.-]*)(?:\s+gl-(node|python|go)\/)?/.exec(get('x-goog-api-client') ?? '')
  if (!m) return null
  const lang = m[2] === 'python' ? 'Python' : m[2] === 'go' ? 'Go' : 'JS'
  return { name: `Google Gen AI SDK (${lang})`, version: m[1], via: 'x-goog-api-client header' }
}
