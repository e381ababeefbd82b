// One side of a comparison: everything of one exchange the diff reads, fetched when the view opens and
// dropped when it closes (never kept in the app store).
import type { BodyView, ExchangeDetail, HeaderList, StreamView } from '@shared/types'
import { getApi } from '../../api/get-api'
import { responseShape, type ResponseShape } from '../../lib/response-shape'

export interface Side {
  detail: ExchangeDetail
  /** The request body parsed when it is JSON, else its text (null when there is none). */
  request: unknown
  response: ResponseShape | null
  responseHeaders: Record<string, string>
}

/** Headers as one object (names lower-cased, repeated ones joined) so a diff names the header that differs. */
export function headerObject(headers: HeaderList): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of headers) {
    const k = name.toLowerCase()
    out[k] = k in out ? `${out[k]}, ${value}` : value
  }
  return out
}

const parsed = (body: BodyView | null): unknown => {
  if (!body || body.text === null) return null
  if (!body.isJson) return body.text
  try {
    return JSON.parse(body.text)
  } catch {
    return body.text
  }
}

export async function loadSide(id: string): Promise<Side> {
  const api = getApi()
  const detail = await api['exchanges:get']({ id })
  if (!detail) throw new Error(`exchange ${id} is no longer in the store`)
  const requestBody = await api['exchanges:body']({ id, part: 'request' })
  let stream: StreamView | null = null
  let responseBody: BodyView | null = null
  if (detail.response) {
    if (/event-stream/i.test(detail.response.contentType ?? '')) stream = await api['exchanges:stream']({ id })
    if (!stream) responseBody = await api['exchanges:body']({ id, part: 'response' })
  }
  return {
    detail,
    request: parsed(requestBody),
    response: detail.response ? responseShape(detail.summary, stream, responseBody?.text ?? null) : null,
    responseHeaders: detail.response ? headerObject(detail.response.headers) : {}
  }
}
