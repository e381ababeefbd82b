// Which agent (or library) sent a request, from its headers and body: a header that names the agent first
// (it carries the version), then the system prompt or a side request only that agent sends, then the HTTP
// library alone. Anything else is null: naming the wrong client would point the user at the wrong fix.
import { HEADER_SIGNATURES, PROMPT_SIGNATURES } from './signatures'
import { libraryLabel, libraryOf, type HeaderGet } from './libraries'
import type { ClientInfo } from '../../../shared/types'

export type { ClientInfo }

export interface ClientEvidence {
  headers: ReadonlyArray<readonly [string, string]>
  /** The parsed request body (null when it is not JSON). */
  body: unknown
  /** Request path, query included; tells an OpenAI call from another when only x-stainless headers are there. */
  path?: string
}

const PROMPT_WINDOW = 4000

export function identifyClient(evidence: ClientEvidence): ClientInfo | null {
  const get = headerGetter(evidence.headers)
  const lib = libraryOf(get, evidence.path ?? '')
  const library = lib ? libraryLabel(lib) : null
  for (const sig of HEADER_SIGNATURES) {
    const hit = sig.match(get)
    if (hit) return { name: sig.name, version: hit.version, library, via: hit.via }
  }
  const prompt = systemPrompt(evidence.body)
  if (prompt) {
    for (const sig of PROMPT_SIGNATURES) {
      const m = sig.pattern.exec(prompt)
      if (m) return { name: sig.name, version: m[1] ?? null, library, via: sig.via }
    }
  }
  // OpenCode's session header: `x-session-id: ses_…` with only the AI SDK in the user-agent (Kilo, its fork,
  // also sends it but always with X-Title: Kilo Code, matched above).
  if (/^ses_[A-Za-z0-9]+$/.test(get('x-session-id') ?? '') && lib?.name.startsWith('Vercel AI SDK')) {
    return { name: 'OpenCode', version: null, library, via: 'x-session-id header' }
  }
  if (lib) return { name: lib.name, version: lib.version, library: null, via: lib.via }
  return null
}

function headerGetter(headers: ReadonlyArray<readonly [string, string]>): HeaderGet {
  const map = new Map<string, string>()
  for (const [k, v] of headers) {
    const key = k.toLowerCase()
    if (!map.has(key)) map.set(key, v)
  }
  return (name) => map.get(name.toLowerCase()) ?? null
}

/**
 * The start of the system prompt, whatever the wire format: Anthropic `system` (string or text blocks,
 * joined), the first OpenAI system/developer message, Gemini `systemInstruction`, Responses `instructions`.
 * Claude Code puts its billing line in a block of its own, so blocks are joined with a newline.
 */
export function systemPrompt(body: unknown): string | null {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null
  const b = body as Record<string, unknown>
  const text =
    textOf(b.system) ??
    firstSystemMessage(b.messages) ??
    textOf((b.systemInstruction as { parts?: unknown } | undefined)?.parts) ??
    (typeof b.instructions === 'string' ? b.instructions : null)
  if (text === null) return null
  const trimmed = text.trimStart().slice(0, PROMPT_WINDOW)
  return trimmed === '' ? null : trimmed
}

function firstSystemMessage(messages: unknown): string | null {
  if (!Array.isArray(messages)) return null
  const first = messages.find((m) => m && typeof m === 'object' && ((m as { role?: unknown }).role === 'system' || (m as { role?: unknown }).role === 'developer'))
  return first ? textOf((first as { content?: unknown }).content) : null
}

function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value
  if (!Array.isArray(value)) return null
  const parts = value
    .map((p) => (typeof p === 'string' ? p : p && typeof p === 'object' && typeof (p as { text?: unknown }).text === 'string' ? (p as { text: string }).text : null))
    .filter((t): t is string => t !== null)
  return parts.length ? parts.join('\n') : null
}
