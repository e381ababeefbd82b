// HAR 1.2 of the conversation, for any HAR viewer: every exchange of it, replays included and marked
// (`_replayOf`, and a comment), each with its exchange id (`_id`, so importing the HAR again recognises the
// copies). Bodies are kept up to a total cap: the failing exchange first, then the newest; a body that does not
// fit is cut, and its entry's comment says by how much. Headers and bodies arrive already scrubbed.
import type { Entry, Har, Response } from 'har-format'
import type { BundleExchange } from './bundle-input'

export const HAR_BODY_CAP = 20 * 1024 * 1024

export interface HarSummary {
  entries: number
  replays: number
  /** Entries with a body cut to stay under the cap. */
  cut: number
  capBytes: number
}

export function harOf(exchanges: BundleExchange[], toolVersion: string, opts: { focusId?: string | null; capBytes?: number } = {}): { har: Har; summary: HarSummary } {
  const cap = opts.capBytes ?? HAR_BODY_CAP
  const kept = budgetBodies(exchanges, cap, opts.focusId ?? null)
  let cut = 0
  const entries = exchanges.map((e, i): Entry => {
    const { request, response } = kept[i]
    const notes: string[] = []
    if (e.replayOf) notes.push(`replay of exchange ${e.replayOf} (sent from MiMo Inspector's editor)`)
    if (e.duplicateOf) notes.push(`imported copy of exchange ${e.duplicateOf}`)
    const cuts = [cutNote('request', e.requestBody, request), e.response ? cutNote('response', e.response.body, response) : null].filter((n): n is string => !!n)
    if (cuts.length) {
      cut++
      notes.push(...cuts, `bodies are cut to keep the HAR under ${capText(cap)}`)
    }
    const reqType = e.requestHeaders.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? 'application/json'
    const resType = e.response?.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? ''
    return {
      ...(e.id ? { _id: e.id } : {}),
      ...(e.replayOf ? { _replayOf: e.replayOf } : {}),
      ...(notes.length ? { comment: notes.join('; ') } : {}),
      startedDateTime: e.startedAt,
      time: 0,
      request: {
        method: e.method,
        url: e.url,
        httpVersion: 'HTTP/1.1',
        cookies: [],
        headers: e.requestHeaders.map(([name, value]) => ({ name, value })),
        queryString: [],
        postData: { mimeType: reqType, text: request },
        headersSize: -1,
        bodySize: Buffer.byteLength(e.requestBody)
      },
      response: e.response
        ? {
            status: e.response.status,
            statusText: e.response.statusMessage,
            httpVersion: 'HTTP/1.1',
            cookies: [],
            headers: e.response.headers.map(([name, value]) => ({ name, value })),
            content: { size: Buffer.byteLength(e.response.body), mimeType: resType, text: response },
            redirectURL: '',
            headersSize: -1,
            bodySize: Buffer.byteLength(e.response.body)
          }
        : NO_RESPONSE,
      cache: {},
      timings: { send: 0, wait: 0, receive: 0 }
    }
  })
  return {
    har: { log: { version: '1.2', creator: { name: 'MiMo Inspector', version: toolVersion }, entries } },
    summary: { entries: exchanges.length, replays: exchanges.filter((e) => e.replayOf).length, cut, capBytes: cap }
  }
}

/** HAR writes status 0 for a request that got no response. */
const NO_RESPONSE: Response = { status: 0, statusText: '', httpVersion: '', cookies: [], headers: [], content: { size: 0, mimeType: '' }, redirectURL: '', headersSize: -1, bodySize: -1 }

/** The body text each entry keeps: the focus exchange first, then newest to oldest, until the cap is spent. */
function budgetBodies(exchanges: BundleExchange[], cap: number, focusId: string | null): Array<{ request: string; response: string }> {
  const order = exchanges.map((_, i) => i).reverse()
  const focus = exchanges.findIndex((e) => e.id === focusId)
  if (focus >= 0) order.unshift(...order.splice(order.indexOf(focus), 1))
  let left = cap
  const take = (text: string): string => {
    const bytes = Buffer.byteLength(text)
    if (bytes <= left) {
      left -= bytes
      return text
    }
    const head = Buffer.from(text).subarray(0, Math.max(0, left)).toString('utf8').replace(/\uFFFD$/, '')
    left = 0
    return head
  }
  const out = exchanges.map(() => ({ request: '', response: '' }))
  for (const i of order) out[i] = { request: take(exchanges[i].requestBody), response: take(exchanges[i].response?.body ?? '') }
  return out
}

function cutNote(part: string, full: string, kept: string): string | null {
  const total = Buffer.byteLength(full)
  const have = Buffer.byteLength(kept)
  return have < total ? `${part} body cut: ${have.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} bytes kept` : null
}

/** The cap as a person reads it: "20 MB", or bytes below a megabyte. */
export function capText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${bytes.toLocaleString('en-US')} bytes`
}
