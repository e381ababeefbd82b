// Copy as fetch (Node.js 18+): the recorded request with fetch. The body is the recorded text exactly (or its
// bytes from base64 when it is not text); a key left out is read from process.env.MIMO_API_KEY. fetch adds
// headers of its own the client may not have sent (accept-language, sec-fetch-mode) and lower-cases names.
import { isPlainText, KEY_ENV, type CopyHeader, type CopySource } from './copy-source'

const js = (s: string): string => JSON.stringify(s)

function valueExpr(h: CopyHeader): string {
  if (!h.key) return js(h.value)
  return h.key.scheme ? `${js(h.key.scheme)} + process.env.${KEY_ENV}` : `process.env.${KEY_ENV}`
}

export function asFetch(src: CopySource): string {
  const names = src.headers.map((h) => h.name.toLowerCase())
  const duplicates = names.some((n, i) => names.indexOf(n) !== i)
  // A name sent twice needs the list form; otherwise the object reads better.
  const headers = duplicates
    ? `[\n${src.headers.map((h) => `    [${js(h.name)}, ${valueExpr(h)}]`).join(',\n')}\n  ]`
    : `{\n${src.headers.map((h) => `    ${js(h.name)}: ${valueExpr(h)}`).join(',\n')}\n  }`
  const lines = [`  method: ${js(src.method)}`, `  headers: ${headers}`]
  if (src.body) lines.push(`  body: ${isPlainText(src.body) ? js(src.body.toString('utf8')) : `Buffer.from(${js(src.body.toString('base64'))}, 'base64')`}`)
  return `const res = await fetch(${js(src.url)}, {\n${lines.join(',\n')}\n});\nconsole.log(res.status, await res.text());\n`
}
