// The shape of a dialect row. Error rows say what a provider's wording names (a message, a block, a tool
// id, a content part type, a role, a request parameter) and which rule it is; wrapper rows say how a relay
// or client wraps another provider's error. Every row carries a real sample and where it was reported.
import type { ProviderId } from '../../../../shared/types'
import type { JsonRecord } from '../../protocols/json'
import type { RuleId } from '../catalogue'

/** What an error text points at in the request. */
export type Locates = 'message' | 'block' | 'tool-id' | 'part-type' | 'role' | 'parameter'

/**
 * What the message at the error's index looks like, so an index counted in another format (an OpenAI
 * index behind an Anthropic relay, a system message folded in or out) can be checked against the request.
 */
export type Expect = 'assistant-tool-call' | 'assistant' | 'tool-result' | 'empty' | 'user'

export interface ErrorDialect {
  /** Stable id, referred to by docs/errors.md and docs/rules.md. */
  id: string
  kind: 'error'
  /** Whose wording this is. */
  provider: ProviderId
  /** The wording as a person reads it, with N/M/ID for the variable parts. */
  wording: string
  /** Recognizes the wording in the unwrapped text. */
  pattern: RegExp
  locates: readonly Locates[]
  /** The rule the wording names, when it names one. */
  rule?: RuleId
  /** `next`: the index names the message after the culprit (Bedrock's toolResult user message). */
  index?: 'self' | 'next'
  /** The text names several indices: take the last (a duplicate is the later one). */
  pick?: 'first' | 'last'
  expect?: Expect
  /** Which occurrence of a named tool id is the culprit: its call, its result, or the repeated one. */
  ids?: 'call' | 'result' | 'repeat'
  /** Capture group holding the tool ids the text lists (comma or space separated). */
  idGroup?: number
  /**
   * The content part type named: a capture group, a fixed type (`not:text` for any part but text), or a group
   * listing the types allowed; `missingGroup`: a field the part lacks (the first part of that type without it).
   */
  part?: { group?: number; type?: string; allowedGroup?: number; missingGroup?: number }
  /** Capture group holding a role name (the first message with that role is the culprit). */
  roleGroup?: number
  /** Capture group holding a request parameter outside `messages` (then no message is the culprit). */
  parameterGroup?: number
  /** The culprit is the last message (DeepSeek reasoner's "the last message must be…"). */
  where?: 'last-message'
  sample: string
  /** `owner/repo#N` or a URL. */
  source: string
  note?: string
}

export interface Unwrapped {
  /** The wrapped error: a text or a parsed JSON value. */
  inner: unknown
  /** A provider the wrapper names (`provider_name`, `DeepseekException`, `Provider: Zhipu GLM`). */
  provider?: string | null
  /** The wrapper's own generic text, kept as the secondary message. */
  generic?: string | null
}

export interface WrapperDialect {
  id: string
  kind: 'wrapper'
  /** Name recorded in `UnwrappedError.wrappers`. */
  relay: string
  /** Shown in the chain ("LiteLLM → Zhipu"); null for a transport detail that is not a relay. */
  label: string | null
  wording: string
  /** A text wrapper: the named group `inner` is the wrapped text, `provider` names who answered. */
  text?: RegExp
  /** A JSON wrapper: the wrapped value, or null when the object is not this wrapper's. */
  json?: (o: JsonRecord) => Unwrapped | null
  /** Removed from the end of an inner text (LiteLLM's fallback notes, new-api's request ids). */
  strip?: RegExp
  sample: string
  source: string
}

export type Dialect = ErrorDialect | WrapperDialect
