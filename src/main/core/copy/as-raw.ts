// Copy as raw HTTP: the request as it went upstream, HTTP/1.1 framing with CRLF line ends, the body as text
// (bytes that are not text are described, not pasted as mojibake). Keys stay fingerprints unless asked for.
import { isPlainText, type CopySource } from './copy-source'

export function asRawHttp(src: CopySource): string {
  const url = new URL(src.url)
  const lines = [`${src.method} ${url.pathname}${url.search} HTTP/1.1`, `Host: ${url.host}`]
  for (const h of src.headers) lines.push(`${h.name}: ${h.value}`)
  const body = src.body
  if (body) lines.push(`Content-Length: ${body.length}`)
  const head = lines.join('\r\n') + '\r\n\r\n'
  if (!body) return head
  return head + (isPlainText(body) ? body.toString('utf8') : `[${body.length} bytes that are not text (content-encoded or binary); Copy as cURL sends them exactly]`)
}
