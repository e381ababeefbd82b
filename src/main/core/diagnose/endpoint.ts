// What the diagnosis needs to know about where a request went: the upstream host and path (they tell the
// provider) and the key's prefix (R30), from the recorded URL and request headers.
import type { HeaderList } from '../../../shared/types'
import { headerValue } from '../capture/decode'
import type { KeyPrefix } from './context'

export interface Endpoint {
  upstreamHost: string | null
  path: string | null
  keyPrefix: KeyPrefix
}

export function endpointOf(url: string | null | undefined, headers: HeaderList): Endpoint {
  let upstreamHost: string | null = null
  let path: string | null = null
  try {
    const parsed = new URL(url ?? '', 'http://relative.invalid')
    // An imported exchange may have a bare path: then only the path is known.
    if (parsed.host !== 'relative.invalid') upstreamHost = parsed.host
    path = parsed.pathname
  } catch {
    // Not a URL: nothing is known.
  }
  const key = headerValue(headers, 'x-api-key') ?? headerValue(headers, 'api-key') ?? headerValue(headers, 'authorization')
  const prefix = /\b(sk|tp)-/.exec(key ?? '')?.[0] as 'sk-' | 'tp-' | undefined
  return { upstreamHost, path, keyPrefix: prefix ?? null }
}
