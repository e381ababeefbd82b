// Which thread a request belongs to: a seed (endpoint kind + system prompt) and one rolling hash per message.
import { hash } from 'node:crypto'
import { isRecord, isSystemRole, plainText, systemParamText } from './message-shapes'
import { messageSkeleton } from './skeleton'

export interface GroupKey {
  /** Hash of the endpoint kind and the system prompt. Tools and model are left out: agents change them mid-session. */
  seed: string
  /** chain[i] = H(chain[i-1] or seed, skeleton of the i-th message in the chain); 16 base64url characters. */
  chain: string[]
  /**
   * Indices in the request's `messages` that are not in the chain (leading system/developer messages, which
   * are in the seed, and later system messages), ascending. Maps chain positions back to message indices.
   */
  skipped: number[]
}

export type EndpointKind = 'messages' | 'count_tokens' | 'chat.completions' | 'other'

const HASH_CHARS = 16

/** Endpoint kind from the request path (query ignored, any prefix allowed). */
export function endpointKind(path: string): EndpointKind {
  const bare = path.split(/[?#]/, 1)[0] ?? ''
  if (bare.includes('/messages/count_tokens')) return 'count_tokens'
  if (bare.includes('/chat/completions')) return 'chat.completions'
  if (bare.includes('/v1/messages') || bare.endsWith('/messages')) return 'messages'
  return 'other'
}

/**
 * The grouping key of a request, or null when the body is not a request with a `messages` array.
 * At most linear in the body: each message is read once and its skeleton hashed once (node:crypto one-shot
 * sha256, under 1 µs for a small message); tool result text, thinking and images are not even read.
 * bench/grouping.ts: about 1.5 ms for a 5 MB request of 1,000 messages.
 */
export function groupKey(path: string, body: unknown): GroupKey | null {
  if (!isRecord(body) || !Array.isArray(body.messages)) return null
  const messages: unknown[] = body.messages
  const skipped: number[] = []
  const systemTexts: string[] = []
  if (body.system !== undefined) systemTexts.push(withoutBillingHeader(systemParamText(body.system)))
  let first = 0
  while (first < messages.length) {
    const message = messages[first]
    if (!isRecord(message) || !isSystemRole(message.role)) break
    systemTexts.push(plainText(message.content))
    skipped.push(first++)
  }
  const seed = shortHash(endpointKind(path) + '\u0000' + systemHash(systemTexts.join('\n')))
  const chain: string[] = []
  let previous = seed
  for (let i = first; i < messages.length; i++) {
    const skeleton = messageSkeleton(messages[i])
    if (skeleton === null) {
      skipped.push(i)
      continue
    }
    previous = shortHash(previous + skeleton)
    chain.push(previous)
  }
  return { seed, chain, skipped }
}

/** Index in the request's `messages` of the message at chain position `position` (or where it would go). */
export function messageIndexOf(key: GroupKey, position: number): number {
  let index = position
  for (const skippedIndex of key.skipped) {
    if (skippedIndex <= index) index++
    else break
  }
  return index
}

// Agents send the same system prompt (often 30 KB and more) with every request. Looking a string up in a Map
// costs a fraction of hashing it with sha256, so the last few prompts' hashes are remembered.
const SYSTEM_MEMO_SIZE = 64
const systemHashes = new Map<string, string>()

function systemHash(system: string): string {
  if (system.length < 256) return 't' + system
  let known = systemHashes.get(system)
  if (known === undefined) {
    if (systemHashes.size >= SYSTEM_MEMO_SIZE) systemHashes.clear()
    known = 'h' + hash('sha256', system, 'base64url')
    systemHashes.set(system, known)
  }
  return known
}

/** 16 base64url characters of sha256 (96 bits). */
export function shortHash(text: string): string {
  return hash('sha256', text, 'base64url').slice(0, HASH_CHARS)
}

// Claude Code puts a per-request attribution line (`x-anthropic-billing-header: cc_version=…; cch=…`) in
// system[0]; it is not part of the prompt and must not split a session.
const BILLING_LINE = /^x-anthropic-billing-header:.*$\n?/gm

export function withoutBillingHeader(system: string): string {
  return system.includes('x-anthropic-billing-header:') ? system.replace(BILLING_LINE, '') : system
}
