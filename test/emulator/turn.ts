// Turns a ScriptedTurn into one protocol-neutral reply: ids, signature and usage filled in.
import { createHash, randomBytes } from 'node:crypto'
import type { Protocol, ScriptedTurn } from './types'
import type { ValidRequest } from './validate'

export const DEFAULT_TURN: ScriptedTurn = { thinking: 'Let me think.', text: 'Hello from the MiMo emulator.' }

export interface ResolvedToolCall {
  id: string
  name: string
  input: object
}

export interface ResolvedTurn {
  /** MiMo ids are 32 hex characters with no `msg_`/`chatcmpl-` prefix (docs/wire-formats.md §1.6, §2.5). */
  id: string
  model: string
  /** Present only when thinking is on for the request and the turn has some. */
  thinking?: string
  /** null means unsigned: no signature_delta, `signature: ""`. */
  signature: string | null
  text?: string
  toolCalls: ResolvedToolCall[]
  usage: { input: number; output: number; reasoning: number }
  created: number
}

export function resolveTurn(
  turn: ScriptedTurn,
  request: ValidRequest,
  protocol: Protocol,
  rawBodyLength: number,
  /** When given, ids and `created` derive from it, so the same request gets the same bytes back. */
  seed: Buffer | null = null
): ResolvedTurn {
  const hex = (bytes: number, salt: string): string =>
    seed ? createHash('sha256').update(salt).update(seed).digest('hex').slice(0, bytes * 2) : randomBytes(bytes).toString('hex')
  const thinking = request.thinking && turn.thinking !== undefined ? turn.thinking : undefined
  const toolCalls = (turn.toolCalls ?? []).map((call) => ({
    id: call.id ?? (protocol === 'anthropic' ? 'toolu_' : 'call_') + hex(12, `tool${call.name}`),
    name: call.name,
    input: call.input
  }))
  return {
    id: hex(16, 'id'),
    model: turn.model ?? request.model,
    thinking,
    signature: turn.signature === undefined ? fakeSignature(thinking ?? '') : turn.signature,
    text: turn.text,
    toolCalls,
    usage: turn.usage
      ? { input: turn.usage.input, output: turn.usage.output, reasoning: turn.usage.reasoning ?? 0 }
      : deriveUsage(thinking, turn.text, toolCalls, rawBodyLength),
    created: seed ? 1766041014 : Math.floor(Date.now() / 1000)
  }
}

/** Whether MiMo signs thinking is unknown (docs/wire-formats.md §1.6); a stable opaque string lets tests check the round trip. */
function fakeSignature(thinking: string): string {
  return createHash('sha256').update(`mimo-emulator:${thinking}`).digest('base64')
}

/** Roughly four characters a token; only needs to be plausible and deterministic. */
function deriveUsage(thinking: string | undefined, text: string | undefined, calls: ResolvedToolCall[], bodyLength: number) {
  const tokens = (s: string): number => Math.ceil(s.length / 4)
  const reasoning = tokens(thinking ?? '')
  const rest = tokens(text ?? '') + calls.reduce((n, c) => n + tokens(c.name + JSON.stringify(c.input)), 0)
  return { input: Math.max(1, Math.ceil(bodyLength / 4)), output: reasoning + rest, reasoning }
}

/** Splits a string into up to `n` pieces by code point, so streamed deltas are really split. */
export function pieces(s: string, n = 3): string[] {
  const chars = Array.from(s)
  if (chars.length === 0) return []
  const size = Math.ceil(chars.length / n)
  const out: string[] = []
  for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(''))
  return out
}
