// Hop-by-hop headers (RFC 9110 §7.6.1) belong to one connection and are not forwarded; everything else is,
// in the order and case received.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'proxy-authorization', 'te', 'trailer', 'upgrade'])

/** Filters Node's flat rawHeaders; `host` is replaced when given. */
export function forwardableHeaders(raw: string[], host?: string): string[] {
  const named = new Set<string>()
  for (let i = 0; i + 1 < raw.length; i += 2) {
    if (raw[i].toLowerCase() === 'connection') {
      for (const token of raw[i + 1].split(',')) named.add(token.trim().toLowerCase())
    }
  }
  const out: string[] = []
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i].toLowerCase()
    if (HOP_BY_HOP.has(name) || named.has(name)) continue
    if (name === 'host') {
      if (host !== undefined) out.push(raw[i], host)
      else out.push(raw[i], raw[i + 1])
      continue
    }
    out.push(raw[i], raw[i + 1])
  }
  return out
}
