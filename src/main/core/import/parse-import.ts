// Reads a HAR 1.2 file, an exchange file (README, "Headless commands") or a bare request body. Imported files are data only:
// nothing here sends a request.
import type { HeaderList } from '../../../shared/types'
import { firstIssue, harEntrySchema, harLogSchema, type HarEntryInput } from './har-schema'
import { bodyBytes, headerList, ImportError, pathForBody, type ImportEntry, type ParsedImport } from './import-entry'

export function parseImport(text: string, name = 'file'): ParsedImport {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (err) {
    throw new ImportError(`${name} is not valid JSON (${(err as Error).message})`)
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new ImportError(`${name} is not a HAR, an exchange file or a request body: expected a JSON object`)
  const obj = json as Record<string, unknown>
  if (obj.log && typeof obj.log === 'object') return parseHar(obj.log as Record<string, unknown>, name)
  if (obj.request && typeof obj.request === 'object') return { format: 'exchange', entries: [exchangeEntry(obj, name)], skipped: [] }
  if (Array.isArray(obj.messages)) return { format: 'request-body', entries: [bareBodyEntry(obj, text)], skipped: [] }
  throw new ImportError(`${name} is not a HAR (no "log"), an exchange file (no "request") or a request body (no "messages")`)
}

function splitUrl(raw: string): { url: string; path: string } {
  try {
    const u = new URL(raw)
    return { url: u.href, path: u.pathname + u.search }
  } catch {
    const path = raw.startsWith('/') ? raw : `/${raw}`
    return { url: path, path }
  }
}

function exchangeEntry(obj: Record<string, unknown>, name: string): ImportEntry {
  const req = obj.request as Record<string, unknown>
  const where = typeof req.url === 'string' ? req.url : typeof req.path === 'string' ? req.path : null
  const body = req.body
  const fallbackPath = body && typeof body === 'object' && !Array.isArray(body) ? pathForBody(body as Record<string, unknown>) : '/anthropic/v1/messages'
  const { url, path } = splitUrl(where ?? fallbackPath)
  const res = obj.response as Record<string, unknown> | undefined
  let response: ImportEntry['response'] = null
  if (res && typeof res === 'object') {
    const status = Number(res.status)
    if (!Number.isInteger(status) || status < 100 || status > 599) throw new ImportError(`${name}: response.status must be an HTTP status code`)
    response = { status, statusMessage: '', headers: headerList(res.headers), body: bodyBytes(res.body) }
  }
  return {
    ...(typeof obj.id === 'string' ? { sourceId: obj.id } : {}),
    startedAt: typeof obj.startedAt === 'string' ? obj.startedAt : new Date().toISOString(),
    method: httpMethod(req.method),
    path,
    url,
    requestHeaders: headerList(req.headers),
    requestBody: bodyBytes(body),
    response
  }
}

function bareBodyEntry(obj: Record<string, unknown>, text: string): ImportEntry {
  const path = pathForBody(obj)
  return {
    startedAt: new Date().toISOString(),
    method: 'POST',
    path,
    url: path,
    requestHeaders: [['content-type', 'application/json']],
    // The file's own bytes, exactly: a repro must send what the user had.
    requestBody: Buffer.from(text, 'utf8'),
    response: null
  }
}

export function parseHar(log: Record<string, unknown>, name: string): ParsedImport {
  const parsed = harLogSchema.safeParse(log)
  if (!parsed.success) throw new ImportError(`${name}: HAR without log.entries`)
  const entries: ImportEntry[] = []
  const skipped: string[] = []
  parsed.data.entries.forEach((raw, i) => {
    const entry = harEntrySchema.safeParse(raw)
    if (!entry.success) {
      skipped.push(`entry ${i}: ${firstIssue(entry.error)}`)
      return
    }
    try {
      entries.push(harEntry(entry.data))
    } catch (err) {
      skipped.push(`entry ${i}: ${(err as Error).message}`)
    }
  })
  return { format: 'har', entries, skipped }
}

function harEntry(e: HarEntryInput): ImportEntry {
  const { request: req, response: res } = e
  const { url, path } = splitUrl(req.url)
  let response: ImportEntry['response'] = null
  if (res && Number.isInteger(res.status) && res.status >= 100) {
    const text = res.content.text ?? ''
    response = {
      status: res.status,
      statusMessage: res.statusText,
      headers: withoutEncoding(res.headers),
      body: res.content.encoding === 'base64' ? Buffer.from(text, 'base64') : Buffer.from(text, 'utf8')
    }
  }
  return {
    ...(e._id ? { sourceId: e._id } : {}),
    startedAt: e.startedDateTime ?? new Date().toISOString(),
    method: httpMethod(req.method),
    path,
    url,
    requestHeaders: withoutEncoding(req.headers),
    requestBody: req.postData?.text !== undefined ? Buffer.from(req.postData.text, 'utf8') : Buffer.alloc(0),
    response
  }
}

/** HAR content is decoded, so a content-encoding header would describe bytes that are not there. */
function withoutEncoding(headers: Array<{ name: string; value: string }>): HeaderList {
  return headers.filter((h) => h.name.toLowerCase() !== 'content-encoding').map((h) => [h.name, h.value])
}

/** A file's method must be an HTTP token; anything else is refused rather than carried into scripts. */
function httpMethod(raw: unknown): string {
  if (raw === undefined || raw === null) return 'POST'
  if (typeof raw !== 'string' || !/^[A-Za-z]{1,20}$/.test(raw)) throw new ImportError(`request.method ${JSON.stringify(raw).slice(0, 40)} is not an HTTP method`)
  return raw.toUpperCase()
}
