// Opening a repro bundle (the zip "Export" writes): the conversation from its HAR, so the failing request is
// diagnosed in its conversation with the same culprit, rule and turn diff its author saw, and the minimized
// request beside it when there is one. Only files the bundle is known to hold are read; nothing is sent.
import { unzipSync } from 'fflate'
import { bodyBytes, ImportError, type ImportEntry } from './import-entry'
import { parseHar } from './parse-import'

/** What the export writes (src/main/core/repro/export/bundle.ts); anything else in a zip is not read. */
const BUNDLE_FILES = ['request.json', 'request.original.json', 'response.json', 'README.md', 'conversation.har', 'curl.sh', 'repro.mjs'] as const
/** A bundle holds one conversation; far more than that is not one of ours (or a zip bomb). */
const MAX_UNZIPPED = 512 * 1024 * 1024

export interface ParsedBundle {
  entries: ImportEntry[]
  skipped: string[]
  readme: string
  /** Index in `entries` of the failing request as recorded, and of the minimized one (null when not minimized). */
  failing: number | null
  minimal: number | null
  files: string[]
}

export const isZip = (bytes: Uint8Array): boolean => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04

export function parseBundle(zip: Uint8Array, name: string): ParsedBundle {
  let total = 0
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(zip, {
      filter: (f) => {
        if (!(BUNDLE_FILES as readonly string[]).includes(baseName(f.name))) return false
        total += f.originalSize
        if (total > MAX_UNZIPPED) throw new ImportError(`${name}: the zip unpacks to more than ${MAX_UNZIPPED >> 20} MB; not a repro bundle`)
        return true
      }
    })
  } catch (err) {
    if (err instanceof ImportError) throw err
    throw new ImportError(`${name} is not a readable zip (${(err as Error).message})`)
  }
  const byName = new Map(Object.entries(files).map(([path, bytes]) => [baseName(path), Buffer.from(bytes)]))
  const text = (file: string): string | null => byName.get(file)?.toString('utf8') ?? null
  const har = text('conversation.har')
  const original = text('request.original.json')
  if (har === null && original === null) throw new ImportError(`${name} is a zip but not a repro bundle: it has neither conversation.har nor request.original.json`)

  const entries: ImportEntry[] = []
  const skipped: string[] = []
  if (har !== null) {
    let log: unknown
    try {
      log = (JSON.parse(har) as { log?: unknown }).log
    } catch (err) {
      throw new ImportError(`${name}: conversation.har is not valid JSON (${(err as Error).message})`)
    }
    if (!log || typeof log !== 'object') throw new ImportError(`${name}: conversation.har has no "log"`)
    const parsed = parseHar(log as Record<string, unknown>, `${name}: conversation.har`)
    entries.push(...parsed.entries)
    skipped.push(...parsed.skipped)
  }

  // The failing request is the HAR entry whose body is request.original.json; the HAR of an older bundle may
  // lack it, then it is built from request.original.json and response.json.
  let failing: number | null = null
  if (original !== null) {
    const at = entries.findIndex((e) => sameJson(e.requestBody.toString('utf8'), original))
    if (at >= 0) failing = at
    else {
      const template = entries[entries.length - 1]
      entries.push({
        startedAt: template?.startedAt ?? new Date().toISOString(),
        method: template?.method ?? 'POST',
        path: template?.path ?? '/anthropic/v1/messages',
        url: template?.url ?? '/anthropic/v1/messages',
        requestHeaders: template?.requestHeaders ?? [['content-type', 'application/json']],
        requestBody: Buffer.from(original, 'utf8'),
        response: responseOf(text('response.json'), name)
      })
      failing = entries.length - 1
    }
  } else if (entries.length > 0) failing = lastFailure(entries)

  // The minimized request: the author's repro. Its own answer was not recorded in the bundle, so it comes in
  // without one (its diagnosis is then a lint, which says what would be rejected). It goes in first, so the
  // conversation still ends in the failure its author saw rather than in an unanswered request.
  const request = text('request.json')
  if (request !== null && original !== null && !sameJson(request, original) && failing !== null) {
    const base = entries[failing]
    entries.unshift({ ...base, startedAt: entries[0]?.startedAt ?? base.startedAt, requestBody: Buffer.from(request, 'utf8'), response: null })
    return { entries, skipped, readme: text('README.md') ?? '', failing: failing + 1, minimal: 0, files: [...byName.keys()] }
  }
  return { entries, skipped, readme: text('README.md') ?? '', failing, minimal: null, files: [...byName.keys()] }
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

function sameJson(a: string, b: string): boolean {
  if (a === b) return true
  try {
    return JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b))
  } catch {
    return false
  }
}

function lastFailure(entries: ImportEntry[]): number {
  for (let i = entries.length - 1; i >= 0; i--) if ((entries[i].response?.status ?? 0) >= 400) return i
  return entries.length - 1
}

/** response.json: `{status, headers, body}` or null. */
function responseOf(text: string | null, name: string): ImportEntry['response'] {
  if (text === null) return null
  let json: { status?: unknown; headers?: unknown; body?: unknown } | null
  try {
    json = JSON.parse(text) as typeof json
  } catch (err) {
    throw new ImportError(`${name}: response.json is not valid JSON (${(err as Error).message})`)
  }
  if (!json) return null
  const status = Number(json.status)
  if (!Number.isInteger(status) || status < 100 || status > 599) throw new ImportError(`${name}: response.json has no HTTP status`)
  const headers = json.headers && typeof json.headers === 'object' ? Object.entries(json.headers as Record<string, unknown>).map(([k, v]): [string, string] => [k, String(v)]) : []
  // The body is written back from its JSON value: the original framing and encoding no longer describe it.
  const framing = new Set(['content-encoding', 'content-length', 'transfer-encoding'])
  return { status, statusMessage: '', headers: headers.filter(([k]) => !framing.has(k.toLowerCase())), body: bodyBytes(json.body) }
}
