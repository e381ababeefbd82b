// Message-level difference between the last successful request of a conversation and a later one (usually the
// one that failed): what the agent removed, added or rewrote in the history it replayed.
import type { MessageChange, TurnDiff } from '../../../shared/types'
import { shortHash, withoutBillingHeader } from './group-key'
import { messageDifferences } from './message-diff'
import { isRecord, isSystemRole, plainText, systemParamText } from './message-shapes'
import { messageSkeleton } from './skeleton'
import { alignMessages } from './turn-align'

/** messageIndex of a change to the Anthropic top-level `system` parameter, which is not in `messages`. */
export const SYSTEM_PARAM_INDEX = -1

/**
 * Messages are lined up by their identity (the grouping skeleton, which survives thinking/signature/reasoning
 * mangling), so a rewritten message shows up as "changed" with what changed, and a message inserted in the
 * middle as "added" rather than shifting everything after it. Indices are those of the request that
 * holds the message: the newer one for added and changed, the base for removed.
 */
export function turnDiff(protocol: 'anthropic' | 'openai', baseBody: unknown, body: unknown, baseId: string): TurnDiff {
  const baseMessages = messagesOf(baseBody)
  const messages = messagesOf(body)
  const steps = alignMessages(baseMessages.map(alignmentKey), messages.map(alignmentKey))
  const changes: MessageChange[] = []
  const removedSystems: Array<{ change: MessageChange; json: string }> = []
  for (const step of steps) {
    if (step.kind === 'pair') {
      const phrases = messageDifferences(protocol, baseMessages[step.base], messages[step.next])
      if (phrases.length === 0) continue
      const role = roleOf(messages[step.next])
      const subject = `${role} message ${step.next}` + (step.base !== step.next ? ` (was ${step.base})` : '')
      changes.push({ messageIndex: step.next, kind: 'changed', role, description: sentence(subject, phrases) })
    } else if (step.kind === 'removed') {
      const role = roleOf(baseMessages[step.base])
      const change: MessageChange = { messageIndex: step.base, kind: 'removed', role, description: `message ${step.base} removed (${role})` }
      changes.push(change)
      if (isSystemRole(role)) removedSystems.push({ change, json: JSON.stringify(baseMessages[step.base]) })
    } else {
      const role = roleOf(messages[step.next])
      changes.push({ messageIndex: step.next, kind: 'added', role, description: `message ${step.next} added (${role})` })
    }
  }
  const systemChange = describeMovedSystem(protocol, baseBody, body, messages, changes, removedSystems)
  return { baseId, changes: systemChange ? [systemChange, ...changes] : changes }
}

function messagesOf(body: unknown): unknown[] {
  return isRecord(body) && Array.isArray(body.messages) ? body.messages : []
}

function roleOf(message: unknown): string {
  return isRecord(message) && typeof message.role === 'string' ? message.role : 'unknown'
}

function alignmentKey(message: unknown): string {
  const skeleton = messageSkeleton(message)
  return shortHash(skeleton ?? 'system\u0000' + (isRecord(message) ? plainText(message.content) : ''))
}

/** "assistant message 5 lost its thinking block; …" or "assistant message 5: thinking block 0 became a text block; …". */
function sentence(subject: string, phrases: string[]): string {
  const lost = phrases.findIndex((p) => p.startsWith('lost '))
  if (lost > 0) phrases = [phrases[lost], ...phrases.slice(0, lost), ...phrases.slice(lost + 1)]
  return phrases[0].startsWith('lost ') ? `${subject} ${phrases.join('; ')}` : `${subject}: ${phrases.join('; ')}`
}

/**
 * A system message that moved (OpenAI: removed at one index, the same added at another; Anthropic: the
 * top-level `system` gone and a system-role message with its text added to `messages`, which the Anthropic
 * API rejects) becomes one "system message moved to index N" change. Other changes to the top-level
 * `system` are reported at SYSTEM_PARAM_INDEX. Returns a change to put first, or null.
 */
function describeMovedSystem(
  protocol: 'anthropic' | 'openai',
  baseBody: unknown,
  body: unknown,
  messages: unknown[],
  changes: MessageChange[],
  removedSystems: Array<{ change: MessageChange; json: string }>
): MessageChange | null {
  for (const removed of removedSystems) {
    const added = changes.find((c) => c.kind === 'added' && isSystemRole(c.role) && JSON.stringify(messages[c.messageIndex]) === removed.json)
    if (!added) continue
    changes.splice(changes.indexOf(removed.change), 1)
    added.kind = 'changed'
    added.description = `${added.role} message moved to index ${added.messageIndex} (was ${removed.change.messageIndex})`
  }
  if (protocol !== 'anthropic') return null
  const before = systemOf(baseBody)
  const after = systemOf(body)
  if (before === after) return null
  if (before !== null && after === null) {
    const added = changes.find((c) => c.kind === 'added' && isSystemRole(c.role) && sameText(plainText(contentOf(messages[c.messageIndex])), before))
    if (added) {
      added.kind = 'changed'
      added.description = `system message moved to index ${added.messageIndex} (was the top-level system parameter)`
      return null
    }
    return systemParamChange('system prompt removed')
  }
  if (before === null) return systemParamChange('system prompt added')
  return systemParamChange('system prompt changed')
}

function systemOf(body: unknown): string | null {
  if (!isRecord(body) || body.system === undefined) return null
  return withoutBillingHeader(systemParamText(body.system))
}

function contentOf(message: unknown): unknown {
  return isRecord(message) ? message.content : undefined
}

function sameText(a: string, b: string): boolean {
  return a.trim() === b.trim()
}

function systemParamChange(description: string): MessageChange {
  return { messageIndex: SYSTEM_PARAM_INDEX, kind: 'changed', role: 'system', description }
}
