// Key checks as MiMo documents them (docs/rules.md R30, docs/wire-formats.md §5).
import type { IncomingMessage } from 'node:http'
import type { Flavour } from './types'

/** `api-key` and `Authorization: Bearer` are documented; `x-api-key` is what the Anthropic SDK sends. */
export function extractKey(req: IncomingMessage): string | undefined {
  const apiKey = single(req.headers['api-key'])
  if (apiKey) return apiKey.trim()
  const auth = single(req.headers.authorization)
  const bearer = auth?.match(/^Bearer\s+(.+)$/i)
  if (bearer) return bearer[1].trim()
  const xApiKey = single(req.headers['x-api-key'])
  if (xApiKey) return xApiKey.trim()
  return undefined
}

/** Pay-as-you-go keys are `sk-…`, Token Plan keys `tp-…`; mixing them is a 401. */
export function keyAccepted(key: string | undefined, flavour: Flavour): boolean {
  if (!key) return false
  return key.startsWith(flavour === 'token-plan' ? 'tp-' : 'sk-')
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}
