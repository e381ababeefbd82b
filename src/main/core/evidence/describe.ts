// Evidence in words a user checks at a glance: "request #5 sends assistant message 2 without the
// 312-character thinking block that response #4 returned". Responses are numbered as the conversation's
// request strip numbers them; one from elsewhere in the store is named by its exchange id.
import type { EvidenceRef } from '../../../shared/types'
import type { EvidenceChange } from './classify'

export const SHAPE_ONLY = 'No recorded response for this turn; judged from its shape.'

export function responseName(ref: EvidenceRef): string {
  if (ref.sameConversation && ref.n !== null) return `response #${ref.n}`
  const id = `exchange ${ref.exchangeId.slice(0, 8)}`
  return ref.sameConversation ? `the response of ${id}` : `the response of ${id} (another conversation)`
}

/** "Request #5" when the request's place in its conversation is known, else "This request". */
export function requestName(n: number | null | undefined): string {
  return n ? `Request #${n}` : 'This request'
}

const chars = (n: number | null): string => (n === null ? '' : `${n.toLocaleString('en-US')}-character `)
/** A value as JSON, `absent` for none; long ones (signatures) cut after 20 characters, ids never. */
export function quoted(v: string | null | undefined, max = Infinity): string {
  return v === null || v === undefined ? 'absent' : JSON.stringify(v.length > max ? `${v.slice(0, 20)}…` : v)
}
export const SIG = 24

/** Signatures a person can tell apart: their start, and where they part when they start the same. */
export function signatureChange(before: string | null | undefined, after: string | null | undefined): string {
  const change = `${quoted(before, SIG)} → ${quoted(after, SIG)}`
  if (typeof before !== 'string' || typeof after !== 'string' || before === '' || after === '') return change
  const k = firstDifference(before, after)
  return k >= 20 ? `${change} (they differ from character ${k + 1} on)` : change
}

export function firstDifference(a: string, b: string): number {
  let k = 0
  while (k < a.length && k < b.length && a[k] === b[k]) k++
  return k
}

/** One change as a phrase that follows "sends assistant message 2". */
export function changePhrase(c: EvidenceChange, ref: EvidenceRef): string {
  const from = responseName(ref)
  switch (c.kind) {
    case 'thinking-dropped':
      return `without the ${chars(c.chars)}thinking block that ${from} returned`
    case 'thinking-to-text':
      return `with the ${chars(c.chars)}thinking block that ${from} returned turned into text block ${c.sentBlock} (the text equals the recorded thinking)`
    case 'thinking-edited':
      return `with thinking block ${c.sentBlock} edited: it differs from the ${chars(c.chars)}thinking ${from} returned`
    case 'thinking-added':
      return `with thinking block ${c.sentBlock}, which ${from} did not return`
    case 'signature-emptied':
      return `with the signature of thinking block ${c.sentBlock} emptied ("" where ${from} returned ${quoted(c.from, SIG)})`
    case 'signature-removed':
      return `with thinking block ${c.sentBlock} missing the signature ${from} returned (${quoted(c.from, SIG)})`
    case 'signature-altered':
      return `with the signature of thinking block ${c.sentBlock} altered: it differs from the ${chars(c.from?.length ?? 0)}signature ${from} returned from character ${firstDifference(c.from ?? '', c.to ?? '') + 1} on`
    case 'reasoning-dropped':
      return `without the ${chars(c.chars)}reasoning_content that ${from} returned`
    case 'reasoning-emptied':
      return `with an empty reasoning_content where ${from} returned ${c.chars ?? 0} characters`
    case 'reasoning-altered':
      return `with a reasoning_content that differs from the ${chars(c.chars)}reasoning ${from} returned`
    case 'reasoning-to-text':
      return `with the ${chars(c.chars)}reasoning_content that ${from} returned sent as its content`
    case 'tool-id-changed':
      return `with tool call id ${quoted(c.from)} that ${from} returned changed to ${quoted(c.to)}`
    case 'tool-name-changed':
      return `with tool ${quoted(c.from)} that ${from} returned renamed to ${quoted(c.to)}`
  }
}

/** "Request #5 sends assistant message 2 without …; with …" */
export function evidenceSentence(requestN: number | null | undefined, messageIndex: number, changes: readonly EvidenceChange[], ref: EvidenceRef): string {
  return `${requestName(requestN)} sends assistant message ${messageIndex} ${changes.map((c) => changePhrase(c, ref)).join('; ')}`
}
