// The headers a replay sends: the recorded ones (or the edited ones) with each fingerprinted secret put back
// from memory, Host for the target, and the framing headers recomputed when the body was edited.
import type { HeaderList } from '../../../shared/types'
import { isSecretHeader } from '../capture/redact'
import type { KeyVault } from './key-vault'

export class MissingKeyError extends Error {}

const SCHEME = /^(Bearer|Basic|Token)\s+/i
const FRAMING = new Set(['host', 'content-length', 'transfer-encoding', 'connection', 'keep-alive'])

export function replayHeaders(recorded: HeaderList, opts: { host: string; edited: boolean; bodyLength: number; keys: KeyVault; typedKey: string | null }): string[] {
  const out: string[] = []
  let hasAuth = false
  for (const [name, value] of recorded) {
    const lower = name.toLowerCase()
    if (FRAMING.has(lower)) continue
    // An edited body is sent as plain text; a recorded content-encoding would lie about it.
    if (opts.edited && lower === 'content-encoding') continue
    if (isSecretHeader(lower) && lower !== 'cookie') {
      hasAuth = true
      const scheme = SCHEME.exec(value)?.[0] ?? ''
      const fp = value.slice(scheme.length)
      const real = fp.includes('…') ? (opts.typedKey ?? opts.keys.byFingerprint(fp) ?? opts.keys.typedFor(fp.slice(0, 3))) : fp
      if (!real) throw new MissingKeyError(`the key ${fp} was not seen in this run: type it in once to replay (it stays in memory)`)
      out.push(name, scheme + real)
      continue
    }
    if (lower === 'cookie') continue
    out.push(name, value)
  }
  if (!hasAuth) {
    const key = opts.typedKey ?? opts.keys.typedFor(null)
    if (key) out.push('authorization', `Bearer ${key}`)
  }
  out.unshift('host', opts.host)
  out.push('content-length', String(opts.bodyLength))
  return out
}
