// Copy as HTTPie (3.x): the recorded body sent raw (--raw, or piped for bytes that are not text), the headers
// as name:value items. HTTPie's own defaults the client did not send are unset with an empty `Name:` item
// (an unset Accept-Encoding still goes out as `identity`, urllib3's doing: the same meaning as none).
import { hasHeader, isPlainText, type CopySource } from './copy-source'
import { headerWord, printfFormat, sq } from './shell'

export function asHttpie(src: CopySource): string {
  const args: string[] = []
  const body = src.body
  let pipe = ''
  // Not reading stdin unless the body comes through it (a pasted command must not wait on the terminal).
  if (body && isPlainText(body)) args.push('--ignore-stdin', `--raw ${sq(body.toString('utf8'))}`)
  else if (body) pipe = `printf ${printfFormat(body)} | `
  else args.push('--ignore-stdin')
  args.push(src.method, sq(src.url))
  for (const h of src.headers) args.push(headerWord(h, ':'))
  const defaults = body ? ['User-Agent', 'Accept', 'Accept-Encoding', 'Content-Type'] : ['User-Agent', 'Accept', 'Accept-Encoding']
  for (const name of defaults) if (!hasHeader(src, name.toLowerCase())) args.push(sq(`${name}:`))
  return `${pipe}http ${args.join(' \\\n  ')}`
}
