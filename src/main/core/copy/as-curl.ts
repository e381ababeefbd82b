// Copy as cURL (bash): the recorded request, byte for byte, to the upstream it went to. curl's own defaults
// are switched off where the client did not send them (User-Agent, Accept, Expect), so what arrives is what
// the client sent; an Accept-Encoding the client sent adds --compressed, so the answer prints decoded.
import { hasHeader, isPlainText, type CopySource } from './copy-source'
import { headerWord, printfFormat, sq } from './shell'

/** curl adds `Expect: 100-continue` above a body size: 1 MiB in curl 7.88 (seen on the wire), 1 KiB in older ones. */
const EXPECT_THRESHOLD = 1024

export function asCurl(src: CopySource): string {
  const args: string[] = [sq(src.url)]
  const body = src.body
  const impliedMethod = body ? 'POST' : 'GET'
  if (src.method !== impliedMethod) args.push(`-X ${sq(src.method)}`)
  for (const h of src.headers) args.push(`-H ${headerWord(h)}`)
  if (!hasHeader(src, 'user-agent')) args.push(`-H 'User-Agent:'`)
  if (!hasHeader(src, 'accept')) args.push(`-H 'Accept:'`)
  if (body && body.length > EXPECT_THRESHOLD && !hasHeader(src, 'expect')) args.push(`-H 'Expect:'`)
  if (body && hasHeader(src, 'content-type') === false) args.push(`-H 'Content-Type:'`)
  if (hasHeader(src, 'accept-encoding')) args.push('--compressed')
  let pipe = ''
  if (body) {
    if (isPlainText(body)) args.push(`--data-raw ${sq(body.toString('utf8'))}`)
    else {
      pipe = `printf ${printfFormat(body)} | `
      args.push('--data-binary @-')
    }
  }
  return `${pipe}curl ${args.join(' \\\n  ')}`
}
