// Where a replay goes, and which key it needs: small pure helpers for the replay editor and the minimizer.
import type { HeaderList, KeyStatus, ReplayTarget, UpstreamProfile, UpstreamProfileId } from '@shared/types'

/** The target select's value: the exchange's own upstream, a profile, or a custom base URL. */
export type TargetChoice = { kind: 'original' } | { kind: 'profile'; profile: UpstreamProfileId } | { kind: 'custom'; url: string }

export const ORIGINAL: TargetChoice = { kind: 'original' }

/** What `replay:send` / `repro:minimize` take; throws a readable Error for a custom URL that is not one. */
export function toReplayTarget(choice: TargetChoice): ReplayTarget | null {
  if (choice.kind === 'original') return null
  if (choice.kind === 'profile') return { profile: choice.profile }
  const url = choice.url.trim()
  try {
    const parsed = new URL(url)
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error()
  } catch {
    throw new Error(`the custom target "${url || '(empty)'}" is not an http:// or https:// URL`)
  }
  return { profile: 'custom', url }
}

export function targetLabel(choice: TargetChoice, profiles: readonly UpstreamProfile[]): string {
  if (choice.kind === 'original') return 'the original upstream'
  if (choice.kind === 'custom') return choice.url || 'a custom URL'
  return profiles.find((p) => p.id === choice.profile)?.label ?? choice.profile
}

const SECRET = new Set(['authorization', 'api-key', 'x-api-key'])
const SCHEME = /^(Bearer|Basic|Token)\s+/i

/** Fingerprints (`sk-…9f2c`) of the keys a recorded request carried; the core put them in place of the keys. */
export function keyFingerprints(headers: HeaderList): string[] {
  const out: string[] = []
  for (const [name, value] of headers) {
    if (!SECRET.has(name.toLowerCase())) continue
    const fp = value.replace(SCHEME, '').trim()
    if (fp) out.push(fp)
  }
  return out
}

export function isSecretHeader(name: string): boolean {
  return SECRET.has(name.toLowerCase()) || name.toLowerCase() === 'cookie'
}

/**
 * Why a replay of this request needs a typed key, or null when the core holds one: the request's key was not
 * seen in this run (a restart, an import), or the request carried none and no key was typed.
 */
export function keyNeed(headers: HeaderList | null, keys: KeyStatus | null): string | null {
  if (!headers || !keys) return null
  const fps = keyFingerprints(headers).filter((fp) => fp.includes('…'))
  if (fps.length > 0) {
    const missing = fps.find((fp) => !keys.fingerprints.includes(fp))
    return missing ? `the key ${missing} was not seen in this run: type it in once to replay` : null
  }
  if (keyFingerprints(headers).length === 0 && keys.fingerprints.length === 0) return 'the request carried no key: type one if the target needs it'
  return null
}

/**
 * `use-matching-base-url`: a key sent to the wrong MiMo gateway is fixed by the target, not the body. tp- keys
 * belong to a Token Plan cluster (China unless the request already went to one), sk- keys to pay-as-you-go.
 */
export function matchingProfile(headers: HeaderList, upstreamUrl: string): UpstreamProfileId | null {
  const fp = keyFingerprints(headers)[0] ?? ''
  if (fp.startsWith('sk-')) return 'mimo'
  if (fp.startsWith('tp-')) {
    const host = (() => {
      try {
        return new URL(upstreamUrl).host
      } catch {
        return ''
      }
    })()
    if (host.startsWith('token-plan-sgp')) return 'mimo-token-plan-sgp'
    if (host.startsWith('token-plan-ams')) return 'mimo-token-plan-ams'
    return 'mimo-token-plan'
  }
  return null
}
