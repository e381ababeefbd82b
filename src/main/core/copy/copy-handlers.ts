// "Copy as …" for one exchange, generated here from the recorded bytes so every shell gets the same, tested
// output: cURL, fetch (Node.js), HTTPie, raw HTTP, a HAR entry, the URL, the response, or one message.
import { ApiArgError } from '../../../shared/api'
import type { CopyFormat } from '../../../shared/list-query'
import type { CopyResult } from '../../../shared/types'
import { bodyView } from '../body-views'
import type { ExchangeReader } from '../capture/exchange-reader'
import type { Handlers } from '../handler-kit'
import type { KeyVault } from '../replay/key-vault'
import { harOf } from '../repro/export/har'
import { asCurl } from './as-curl'
import { asFetch } from './as-fetch'
import { asHttpie } from './as-httpie'
import { asRawHttp } from './as-raw'
import { copySource, type CopySource } from './copy-source'
import { messageText, requestMessage } from './message-copy'

export interface CopyDeps {
  reader: ExchangeReader
  keys: KeyVault
  version: string
}

export function copyHandlers(deps: CopyDeps): Handlers<'exchanges:copy'> {
  return {
    'exchanges:copy': async ({ id, format, withKey, message }) => copyExchange(deps, id, format, withKey ?? false, message)
  }
}

export function copyExchange(deps: CopyDeps, id: string, format: CopyFormat, withKey: boolean, message?: number): CopyResult {
  const detail = deps.reader.detail(id)
  const raw = deps.reader.rawBody(id, 'request')
  if (!detail || !raw) throw new ApiArgError(`no recorded exchange ${id}`)
  const s = detail.summary
  const src = copySource({ method: s.method, upstreamUrl: s.upstreamUrl, path: s.path }, raw, { withKey, keys: deps.keys })
  const text = (t: string, notes: string[] = src.notes): CopyResult => ({ text: t, note: notes.length ? notes.join(' ') : null, withKey: src.withKey })
  switch (format) {
    case 'curl':
      return text(asCurl(src))
    case 'fetch':
      return text(asFetch(src))
    case 'httpie':
      return text(asHttpie(src))
    case 'raw':
      return text(asRawHttp(src), rawNotes(src))
    case 'url':
      return { text: src.url, note: null, withKey: false }
    case 'har':
      return text(JSON.stringify(harEntry(deps, src, id, s.startedAt), null, 2), rawNotes(src))
    case 'response': {
      const view = responseView(deps, id)
      if (view.text === null) throw new ApiArgError(view.note ?? 'this exchange has no response body')
      return { text: view.text, note: view.truncated ? 'The response body is cut (capture limit or display cap).' : null, withKey: false }
    }
    case 'message-json':
    case 'message-text': {
      if (message === undefined) throw new ApiArgError(`${format} needs the message index`)
      const view = bodyView(id, 'request', raw, s.requestSize)
      const m = requestMessage(view.text, message)
      return { text: format === 'message-json' ? JSON.stringify(m, null, 2) : messageText(m), note: null, withKey: false }
    }
  }
}

/** Raw HTTP and HAR show keys as their fingerprints (no variable to read them from). */
function rawNotes(src: CopySource): string[] {
  return src.notes.map((n) => n.replace(/the copy reads \$\w+( instead)?/, 'the copy shows its fingerprint'))
}

function responseView(deps: CopyDeps, id: string) {
  const raw = deps.reader.rawBody(id, 'response')
  const detail = deps.reader.detail(id)
  if (!raw || !detail) throw new ApiArgError(`no recorded exchange ${id}`)
  return bodyView(id, 'response', raw, detail.summary.responseSize)
}

function harEntry(deps: CopyDeps, src: CopySource, id: string, startedAt: string): unknown {
  const detail = deps.reader.detail(id)!
  const response = detail.response ? responseView(deps, id) : null
  const { har } = harOf(
    [
      {
        startedAt,
        method: src.method,
        url: src.url,
        requestHeaders: src.headers.map((h) => [h.name, h.value]),
        requestBody: src.body ? src.body.toString('utf8') : '',
        response:
          detail.response && detail.summary.status !== null
            ? { status: detail.summary.status, statusMessage: detail.response.statusMessage, headers: detail.response.headers, body: response?.text ?? '' }
            : null
      }
    ],
    deps.version
  )
  return har.log.entries[0]
}
