// R02, the headline MiMo rule: with thinking on, EVERY earlier assistant tool-call turn must carry its
// reasoning back (`reasoning_content` on OpenAI, a `thinking` block on Anthropic). MiMo, DeepSeek and Kimi
// enforce it; Anthropic does not (R01 covers its last turn), other endpoints are a guess.
// Evidence first: where the response that produced the turn is recorded, the finding says what the client
// did with its thinking (dropped it, sent it as text) and offers to restore it; the shape of the turn is
// only read where no response is recorded, and the finding says so.
import type { Finding, TimelineMessage } from '../../../../shared/types'
import type { TurnEvidence } from '../../evidence/match'
import { SHAPE_ONLY, evidenceSentence, responseName } from '../../evidence/describe'
import { ignoresReasoningPassback, providerInUse, providerOf, rawMessage, requiresReasoningPassback, thinkingOn, type Provider, type RuleContext } from '../context'
import { evidenceOf, recordedReasoning, recordedThinkingCount, turnChanges } from '../evidence-findings'
import { blockPath, finding, providerName } from '../finding'
import { hasThinking, hasToolUse, thinkingTurnedToText } from '../history'
import { EMPTY_REASONING } from '../providers'

const RULE = 'compat.reasoning-passback-missing'

export function reasoningPassbackMissing(ctx: RuleContext): Finding[] {
  const provider = providerInUse(ctx)
  // Anthropic, OpenAI, Zhipu and DashScope do not check earlier turns (providers.ts, REASONING_PASSBACK).
  if (ignoresReasoningPassback(ctx) || !thinkingOn(ctx)) return []
  const enforced = requiresReasoningPassback(provider)
  const who = enforced ? providerName(provider) : 'MiMo-style endpoints'
  const out: Finding[] = []
  for (const message of ctx.view.messages) {
    if (message.role !== 'assistant' || !hasToolUse(message)) continue
    const turn = ctx.evidence?.turns.get(message.index) ?? null
    const f = ctx.protocol === 'anthropic' ? anthropicTurn(ctx, message, turn, enforced, who) : openaiTurn(ctx, message, turn, enforced, who, provider)
    if (f) out.push(f)
  }
  return out
}

const WANTS = (who: string, openai = false): string => `with thinking on ${who} wants the ${openai ? 'reasoning_content' : 'thinking'} of every tool-call turn passed back`

function anthropicTurn(ctx: RuleContext, message: TimelineMessage, turn: TurnEvidence | null, enforced: boolean, who: string): Finding | null {
  if (hasThinking(message)) return null
  const i = message.index
  const severity = enforced ? 'error' : 'warning'
  if (turn && recordedThinkingCount(turn) > 0) {
    const changes = turnChanges(turn, ['thinking-dropped', 'thinking-to-text'])
    const converted = changes.find((c) => c.kind === 'thinking-to-text')
    return finding(RULE, {
      severity,
      messageIndex: i,
      blockIndex: converted ? converted.sentBlock : null,
      path: converted ? blockPath(i, converted.sentBlock ?? 0) : `messages[${i}].content`,
      message: `${evidenceSentence(ctx.requestN, i, changes, turn.ref)}, and ${WANTS(who)}.`,
      fix: `Put back the thinking ${responseName(turn.ref)} returned, as it was returned (restore-thinking), or disable thinking.`,
      fixIds: converted ? ['restore-thinking', 'text-to-thinking', 'disable-thinking'] : ['restore-thinking', 'disable-thinking'],
      evidence: evidenceOf(turn, changes[0] ?? null)
    })
  }
  if (turn) return nothingRecorded(ctx, message, turn, 'thinking block', severity, who, `messages[${i}].content`)
  if (thinkingTurnedToText(message)) {
    return finding(RULE, {
      severity,
      messageIndex: i,
      blockIndex: 0,
      path: blockPath(i, 0),
      message: `Assistant message ${i} calls a tool with no thinking block, and its first block is text that reads like reasoning: probably the thinking replayed as text (Craft Agents/pi-ai do this with unsigned thinking), and ${who} wants every tool-call turn's thinking passed back. ${SHAPE_ONLY}`,
      fix: 'Send that text as `{"type":"thinking","thinking":…,"signature":""}` instead of a text block, a placeholder thinking block, or disable thinking.',
      fixIds: ['text-to-thinking', 'placeholder-reasoning', 'disable-thinking']
    })
  }
  return finding(RULE, {
    severity,
    messageIndex: i,
    path: `messages[${i}].content`,
    message: `Assistant message ${i} calls a tool but carries no thinking block, and ${WANTS(who)}. ${SHAPE_ONLY}`,
    fix: 'Replay the thinking block the endpoint returned for that turn (a placeholder thinking block if it is lost), or disable thinking.',
    fixIds: ['placeholder-reasoning', 'disable-thinking']
  })
}

function openaiTurn(ctx: RuleContext, message: TimelineMessage, turn: TurnEvidence | null, enforced: boolean, who: string, provider: Provider): Finding | null {
  const raw = rawMessage(ctx, message.index)
  if (!raw) return null
  const i = message.index
  const reasoning = raw.reasoning_content
  const path = `messages[${i}].reasoning_content`
  if (typeof reasoning === 'string' && reasoning.trim() !== '') return null
  const empty = EMPTY_REASONING[providerOf(ctx).family]
  // An empty placeholder: fine where reported to pass (MiMo, Kimi), missing where rejected (DeepSeek). Against a
  // recorded response N.1 still notes that the reasoning was emptied.
  if (typeof reasoning === 'string' && empty?.accepts === true) return null
  // Unknown elsewhere: MiMo and Kimi take it, DeepSeek does not (providers.ts, EMPTY_REASONING).
  const emptyUnknown = typeof reasoning === 'string' && empty === undefined
  const severity = emptyUnknown ? 'warning' : enforced ? 'error' : 'warning'
  if (turn && recordedReasoning(turn) !== '') {
    const changes = turnChanges(turn, ['reasoning-dropped', 'reasoning-emptied', 'reasoning-to-text'])
    return finding(RULE, {
      severity,
      messageIndex: i,
      path,
      message: `${evidenceSentence(ctx.requestN, i, changes, turn.ref)}, and ${WANTS(who, true)}.`,
      fix: `Put back the reasoning_content ${responseName(turn.ref)} returned (restore-reasoning-content), or disable thinking.`,
      fixIds: ['restore-reasoning-content', 'disable-thinking'],
      evidence: evidenceOf(turn, changes[0] ?? null)
    })
  }
  if (turn) return nothingRecorded(ctx, message, turn, 'reasoning_content', severity, who, path)
  const fix = 'Send the `reasoning_content` the endpoint streamed for that turn (a placeholder if it is lost), or disable thinking.'
  const fixIds = ['placeholder-reasoning', 'disable-thinking'] as const
  if (emptyUnknown) {
    return finding(RULE, {
      severity,
      messageIndex: i,
      path,
      message: `Assistant message ${i} calls a tool with an empty \`reasoning_content\`: MiMo and Kimi take that as a placeholder, DeepSeek rejects it, and ${providerName(provider)} is not known either way. ${SHAPE_ONLY}`,
      fix,
      fixIds
    })
  }
  const elsewhere = ['reasoning_details', 'reasoning', 'thinking'].find((key) => key in raw && raw[key] !== null && raw[key] !== undefined)
  const state = reasoning === null ? '`reasoning_content: null`' : typeof reasoning === 'string' ? 'an empty `reasoning_content`' : 'no `reasoning_content`'
  const note = elsewhere ? ` (it has \`${elsewhere}\`, which ${who} does not read)` : ''
  return finding(RULE, {
    severity,
    messageIndex: i,
    path,
    message: `Assistant message ${i} has \`tool_calls\` but ${state}${note}, and ${WANTS(who, true)}. ${SHAPE_ONLY}`,
    fix,
    fixIds
  })
}

/** The response that produced the turn is recorded, and it had no thinking either: nothing to restore. */
function nothingRecorded(ctx: RuleContext, message: TimelineMessage, turn: TurnEvidence, what: string, severity: 'error' | 'warning', who: string, path: string): Finding {
  const i = message.index
  const from = responseName(turn.ref)
  const changes = turn.changes.filter((c) => c.kind === 'tool-id-changed' || c.kind === 'tool-name-changed')
  const sent = changes.length > 0 ? ` ${evidenceSentence(ctx.requestN, i, changes, turn.ref)}.` : ''
  return finding(RULE, {
    severity,
    messageIndex: i,
    path,
    message: `Assistant message ${i} calls a tool with no ${what}, and ${from}, which produced it, returned none either (thinking was off for that request, or the model did not think), so there is nothing to restore; ${WANTS(who, ctx.protocol === 'openai')}.${sent}`,
    fix: `A placeholder ${what}, or disable thinking.`,
    fixIds: ['placeholder-reasoning', 'disable-thinking'],
    evidence: evidenceOf(turn, null)
  })
}
