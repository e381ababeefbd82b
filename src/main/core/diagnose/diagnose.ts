// The diagnosis of one exchange: unwrap the error (if it failed), run every rule over the request, rank the
// findings against the error and name the culprit. Without a failure the same rules make a lint.
import type { ClientInfo, Diagnosis, Finding, ReassembledMessage, UnwrappedError } from '../../../shared/types'
import { attachKnownIssues } from '../clients/known-issue-notes'
import type { ListedReply } from '../evidence/candidates'
import { listEvidence } from '../evidence/list-evidence'
import type { RequestEvidence } from '../evidence/match'
import { isRecord } from '../protocols/json'
import { requestView } from '../protocols/request-view'
import { buildMessageView } from '../protocols/stream-view'
import { providerInUse, rawMessages, type KeyPrefix, type Rule, type RuleContext } from './context'
import { parseLocation } from './error-location'
import { detectProvider, type ProviderGuess } from './providers'
import { rank } from './rank'
import { RULES } from './rules'
import { unwrapError } from './unwrap-error'

export interface DiagnoseInput {
  protocol: 'anthropic' | 'openai'
  body: unknown
  status: number | null
  responseText: string | null
  responseContentType?: string | null
  keyPrefix?: KeyPrefix
  upstreamHost?: string | null
  /** Path the request was sent to (some providers are known by it behind a custom domain). */
  path?: string | null
  /** The recorded responses behind the request's assistant messages (evidence/findEvidence). */
  evidence?: RequestEvidence
  /** Or just earlier responses of the conversation, oldest first: matched here the same way. */
  previousReplies?: readonly (ReassembledMessage | ListedReply)[]
  /** The request's number in its conversation, for sentences. */
  requestN?: number | null
  /**
   * The client that sent the request (clients/identify), null when not recognised: findings whose rule a
   * known bug of that client produces carry the catalogue entry. Absent: the diagnosis names no client.
   */
  client?: ClientInfo | null
}

export function diagnose(input: DiagnoseInput): Diagnosis {
  const ctx = ruleContext(input)
  const { error } = ctx
  const { provider } = ctx
  const findings: Finding[] = []
  for (const rule of RULES) findings.push(...runRule(rule, ctx))
  dropCoveredNotes(findings)
  const request = { protocol: input.protocol, messages: rawMessages(ctx), hasSystem: ctx.body.system !== undefined && ctx.body.system !== null }
  const ranked = rank({ findings, error, request, family: provider.family })
  if (input.client === undefined) return { protocol: input.protocol, status: input.status, error, ...ranked, provider }
  attachKnownIssues(ranked.findings, input.client, providerInUse(ctx))
  return { protocol: input.protocol, status: input.status, error, ...ranked, provider, client: input.client }
}

/** What every rule reads, built once per diagnosis (exported so the rules can be fuzzed one by one). */
export function ruleContext(input: DiagnoseInput): RuleContext & { provider: ProviderGuess } {
  const view = requestView(input.protocol, input.body)
  const error = failureOf(input)
  const provider = detectProvider({ host: input.upstreamHost, path: input.path, model: view.model, errorProvider: error?.provider })
  return {
    protocol: input.protocol,
    body: isRecord(input.body) ? input.body : {},
    view,
    error,
    // A lint sees no status: rules that explain a failure stay quiet.
    status: error ? input.status : null,
    keyPrefix: input.keyPrefix ?? null,
    upstreamHost: input.upstreamHost ?? null,
    path: input.path ?? null,
    provider,
    evidence: input.evidence ?? (input.previousReplies ? listEvidence(input.body, input.previousReplies) : undefined),
    requestN: input.requestN ?? null
  }
}

/** N.1 repeats what a thinking rule already said about the same message from the same evidence. */
function dropCoveredNotes(findings: Finding[]): void {
  const covered = new Set(findings.filter((f) => f.evidence && f.rule !== NOTE).map((f) => f.messageIndex))
  for (let k = findings.length - 1; k >= 0; k--) if (findings[k].rule === NOTE && covered.has(findings[k].messageIndex)) findings.splice(k, 1)
}

const NOTE = 'compat.turn-differs-from-response'

const DEVELOPMENT = process.env.NODE_ENV === 'development' || process.env.NODE_ENV === 'test'

/**
 * The rules are written not to throw; if one does anyway on some odd body, the others still speak, and the
 * crash is not hidden: a log line always, and in development a finding that names the rule.
 */
export function runRule(rule: Rule, ctx: RuleContext): Finding[] {
  try {
    return rule(ctx)
  } catch (err) {
    const name = rule.name || 'a rule'
    const reason = err instanceof Error ? err.message : String(err)
    console.error(`mimo-inspector: diagnosis rule ${name} crashed on this request and was skipped: ${reason}`)
    if (!DEVELOPMENT) return []
    return [
      {
        rule: 'internal.rule-crashed',
        ref: 'BUG',
        severity: 'info',
        messageIndex: null,
        blockIndex: null,
        path: null,
        message: `The diagnosis rule ${name} crashed on this request (${reason}); its check was skipped. This is a bug in the inspector.`,
        fix: 'Report it with this request (export the bundle).',
        fixIds: [],
        sources: [],
        matchesError: false,
        evidence: null
      }
    ]
  }
}

/** Failed: an error status, or an error inside a 2xx body (an `error` event in a stream). */
function failureOf(input: DiagnoseInput): UnwrappedError | null {
  const { status, responseText, responseContentType } = input
  if (status !== null && status >= 400) return unwrapError(status, responseText, responseContentType)
  if (!responseText) return null
  const reply = buildMessageView(input.protocol, responseText, responseContentType)
  if (!reply?.error) return null
  const unwrapped = unwrapError(status, responseText, responseContentType)
  if (unwrapped) return unwrapped
  // The reassembler saw an error the unwrapper did not (an event it reads differently): keep its text.
  const message = reply.error.message
  return { status, wrappers: [], provider: 'unknown', chain: [], dialect: null, type: reply.error.type, code: null, message, genericMessage: null, location: parseLocation(message) }
}
