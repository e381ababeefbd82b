// What any imported file becomes before it is stored: one request (and maybe its response) per entry.
import type { HeaderList } from '../../../shared/types'

export interface ImportEntry {
  /** The exchange id the file names (an exchange file's `id`, a HAR entry's `_id`), when it names one. */
  sourceId?: string
  startedAt: string
  method: string
  /** Path and query, as a proxy would have seen them. */
  path: string
  url: string
  requestHeaders: HeaderList
  requestBody: Buffer
  response: { status: number; statusMessage: string; headers: HeaderList; body: Buffer } | null
}

export interface ParsedImport {
  format: 'har' | 'exchange' | 'request-body'
  entries: ImportEntry[]
  skipped: string[]
}

export class ImportError extends Error {}

/** Header objects or lists, as files write them, to the list the store keeps. */
export function headerList(raw: unknown): HeaderList {
  if (Array.isArray(raw)) {
    return raw.flatMap((h): HeaderList => {
      if (Array.isArray(h) && h.length === 2) return [[String(h[0]), String(h[1])]]
      if (h && typeof h === 'object' && 'name' in h && 'value' in h) return [[String((h as { name: unknown }).name), String((h as { value: unknown }).value)]]
      return []
    })
  }
  if (raw && typeof raw === 'object') return Object.entries(raw as Record<string, unknown>).map(([k, v]) => [k, String(v)])
  return []
}

/** A body field: a JSON value is serialized, a string is taken as the raw text. */
export function bodyBytes(value: unknown): Buffer {
  if (value === undefined || value === null) return Buffer.alloc(0)
  if (typeof value === 'string') return Buffer.from(value, 'utf8')
  return Buffer.from(JSON.stringify(value), 'utf8')
}

/** Protocol of a bare request body, by its shape (both formats accept a plain user/assistant chat). */
export function pathForBody(body: Record<string, unknown>): string {
  const messages = Array.isArray(body.messages) ? body.messages : []
  const anthropicShape =
    'system' in body ||
    messages.some((m) => Array.isArray((m as { content?: unknown })?.content) && ((m as { content: unknown[] }).content).some((b) => ['tool_use', 'tool_result', 'thinking', 'redacted_thinking'].includes((b as { type?: string })?.type ?? '')))
  const openaiShape = messages.some((m) => {
    const msg = m as { role?: string; tool_calls?: unknown; reasoning_content?: unknown }
    return msg?.role === 'system' || msg?.role === 'tool' || msg?.role === 'developer' || msg?.tool_calls !== undefined || msg?.reasoning_content !== undefined
  })
  return openaiShape && !anthropicShape ? '/v1/chat/completions' : '/anthropic/v1/messages'
}
