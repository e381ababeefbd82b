// Upstream profiles and how a client path maps onto one. The profile's own path prefix is kept:
// base `http://127.0.0.1:9000/x` + `/anthropic/v1/messages` → `http://127.0.0.1:9000/x/anthropic/v1/messages`.
import type { UpstreamProfile, UpstreamProfileId } from '../../../shared/types'

export const PROFILES: UpstreamProfile[] = [
  { id: 'mimo', label: 'MiMo pay-as-you-go (sk- keys)', baseUrl: 'https://api.xiaomimimo.com' },
  { id: 'mimo-token-plan', label: 'MiMo Token Plan, China (tp- keys)', baseUrl: 'https://token-plan-cn.xiaomimimo.com' },
  { id: 'mimo-token-plan-sgp', label: 'MiMo Token Plan, Singapore (tp- keys)', baseUrl: 'https://token-plan-sgp.xiaomimimo.com' },
  { id: 'mimo-token-plan-ams', label: 'MiMo Token Plan, Amsterdam (tp- keys)', baseUrl: 'https://token-plan-ams.xiaomimimo.com' }
]

export class BadUpstreamError extends Error {}

export function customProfile(url: string): UpstreamProfile {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new BadUpstreamError(`"${url}" is not a URL; give a base URL such as https://api.example.com or one of: ${PROFILES.map((p) => p.id).join(', ')}`)
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new BadUpstreamError(`upstream ${url} must be http:// or https://`)
  }
  if (parsed.search || parsed.hash) throw new BadUpstreamError(`upstream ${url} must not have a query or fragment`)
  const baseUrl = parsed.origin + parsed.pathname.replace(/\/+$/, '')
  return { id: 'custom', label: `Custom: ${baseUrl}`, baseUrl }
}

/** A profile id, or a URL for a custom upstream. */
export function resolveUpstream(spec: string): UpstreamProfile {
  const known = PROFILES.find((p) => p.id === spec)
  if (known) return known
  if (/^[a-z-]+$/.test(spec)) {
    throw new BadUpstreamError(`unknown upstream "${spec}"; use one of ${PROFILES.map((p) => p.id).join(', ')} or a base URL`)
  }
  return customProfile(spec)
}

export function profileFor(id: UpstreamProfileId, url?: string): UpstreamProfile {
  if (id === 'custom') {
    if (!url) throw new BadUpstreamError('a custom upstream needs a URL')
    return customProfile(url)
  }
  const known = PROFILES.find((p) => p.id === id)
  if (!known) throw new BadUpstreamError(`unknown upstream profile ${id}`)
  return known
}

/** `clientPath` is the request target as received (path and query, starting with `/`). */
export function upstreamUrl(profile: UpstreamProfile, clientPath: string): URL {
  const base = new URL(profile.baseUrl)
  const prefix = base.pathname.replace(/\/+$/, '')
  return new URL(base.origin + prefix + clientPath)
}
