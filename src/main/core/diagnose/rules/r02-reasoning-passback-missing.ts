// R02, the headline MiMo rule: with thinking on, EVERY earlier assistant tool-call turn must carry its
// reasoning back (`reasoning_content` on OpenAI, a `thinking` block on Anthropic). MiMo, DeepSeek and Kimi
// enforce it; Anthropic does not (R01 covers its last turn), other endpoints are a guess.
import type { Finding, TimelineMessage } from '../../../../shared/types'
import { ignoresReasoningPassback, providerInUse, providerOf, rawMessage, requiresReasoningPassback, thinkingOn, type Provider, type RuleContext } from '../context'
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
    const f = ctx.protocol === 'anthropic' ? anthropicTurn(message, enforced, who) : openaiTurn(ctx, message, enforced, who, provider)
    if (f) out.push(f)
  }
  return out
}

function anthropicTurn(message: TimelineMessage, enforced: boolean, who: string): Finding | null {
  if (hasThinking(message)) return null
  const i = message.index
  if (thinkingTurnedToText(message)) {
    return finding(RULE, {
      severity: enforced ? 'error' : 'warning',
      messageIndex: i,
      blockIndex: 0,
      path: blockPath(i, 0),
      message: `Assistant message ${i} calls a tool with no thinking block, and its first block is text that reads like reasoning: the thinking was replayed as text (Craft Agents/pi-ai do this with unsigned thinking), and ${who} wants every tool-call turn's thinking passed back.`,
      fix: 'Send that text as `{"type":"thinking","thinking":…,"signature":""}` instead of a text block, or disable thinking.',
      fixIds: ['text-to-thinking', 'disable-thinking']
    })
  }
  return finding(RULE, {
    severity: enforced ? 'error' : 'warning',
    messageIndex: i,
    path: `messages[${i}].content`,
    message: `Assistant message ${i} calls a tool but carries no thinking block, and with thinking on ${who} wants the thinking of every tool-call turn passed back.`,
    fix: 'Replay the thinking block the endpoint returned for that turn (a placeholder thinking block if it is lost), or disable thinking.',
    fixIds: ['restore-thinking', 'placeholder-reasoning', 'disable-thinking']
  })
}

function openaiTurn(ctx: RuleContext, message: TimelineMessage, enforced: boolean, who: string, provider: Provider): Finding | null {
  const raw = rawMessage(ctx, message.index)
  if (!raw) return null
  const i = message.index
  const reasoning = raw.reasoning_content
  if (typeof reasoning === 'string' && reasoning.trim() !== '') return null
  const fixIds = ['restore-reasoning-content', 'placeholder-reasoning', 'disable-thinking'] as const
  const fix = 'Send the `reasoning_content` the endpoint streamed for that turn (a placeholder if it is lost), or disable thinking.'
  const empty = EMPTY_REASONING[providerOf(ctx).family]
  // An empty placeholder: fine where reported to pass (MiMo, Kimi), missing where rejected (DeepSeek).
  if (typeof reasoning === 'string' && empty?.accepts === true) return null
  if (typeof reasoning === 'string' && empty === undefined) {
    // Unknown elsewhere: MiMo and Kimi take it, DeepSeek does not (providers.ts, EMPTY_REASONING).
    return finding(RULE, {
      severity: 'warning',
      messageIndex: i,
      path: `messages[${i}].reasoning_content`,
      message: `Assistant message ${i} calls a tool with an empty \`reasoning_content\`: MiMo and Kimi take that as a placeholder, DeepSeek rejects it, and ${providerName(provider)} is not known either way.`,
      fix,
      fixIds
    })
  }
  const elsewhere = ['reasoning_details', 'reasoning', 'thinking'].find((key) => key in raw && raw[key] !== null && raw[key] !== undefined)
  const state = reasoning === null ? '`reasoning_content: null`' : typeof reasoning === 'string' ? 'an empty `reasoning_content`' : 'no `reasoning_content`'
  const note = elsewhere ? ` (it has \`${elsewhere}\`, which ${who} does not read)` : ''
  return finding(RULE, {
    severity: enforced ? 'error' : 'warning',
    messageIndex: i,
    path: `messages[${i}].reasoning_content`,
    message: `Assistant message ${i} has \`tool_calls\` but ${state}${note}, and with thinking on ${who} wants the reasoning of every tool-call turn passed back.`,
    fix,
    fixIds
  })
}
