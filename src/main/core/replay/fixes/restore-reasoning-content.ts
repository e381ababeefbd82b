// restore-reasoning-content (OpenAI): every assistant tool-call turn gets back the reasoning_content the
// endpoint streamed for it (R02; MiMo checks all of them), and a turn whose reasoning differs from the
// recording gets the recorded one, from the recorded response behind it (evidence/: by tool_call ids in the
// conversation first, then anywhere in the store). Content that is a copy of the reasoning goes back to
// what the response returned.
import { responseName } from '../../evidence/describe'
import { at, isAssistant, isBlank, lacksReasoning, messagesOf, setKey, toolCallIds } from './body'
import { FixError } from './fix-error'
import type { Fix } from './types'

export const restoreReasoningContent: Fix = {
  protocols: ['openai'],
  apply(body, ctx) {
    const evidence = ctx.evidence()
    const changes: string[] = []
    const unrecorded: string[] = []
    messagesOf(body).forEach((message, i) => {
      if (!isAssistant(message)) return
      const sent = message.reasoning_content
      const missing = lacksReasoning(message)
      // Only reasoning that was sent can have been altered: other turns need no lookup.
      if (!missing && isBlank(sent)) return
      const turn = evidence.turns.get(i)
      const altered = turn?.changes.some((c) => c.kind === 'reasoning-altered') ?? false
      if (!missing && !altered) return
      const reasoning = turn?.recorded.reasoning ?? ''
      if (!turn || reasoning.trim() === '') {
        unrecorded.push(`${at(i)} (tool_calls ${toolCallIds(message).join(', ')})`)
        if (!turn) ctx.unrecorded?.(i)
        return
      }
      const from = responseName(turn.ref)
      setKey(message, 'reasoning_content', reasoning, 'tool_calls')
      changes.push(
        missing
          ? `${at(i)}: reasoning_content restored from ${from} (${reasoning.length} characters)`
          : `${at(i)}: reasoning_content replaced by the ${reasoning.length} characters of ${from}`
      )
      if (turn.changes.some((c) => c.kind === 'reasoning-to-text')) {
        message.content = turn.recorded.texts.map((t) => t.text).join('')
        changes.push(`${at(i)}: content set back to what ${from} returned (it was a copy of the reasoning)`)
      }
    })
    if (changes.length === 0) {
      throw new FixError(
        unrecorded.length > 0
          ? `no recorded response holds the reasoning of ${unrecorded.join(', ')}`
          : 'every assistant tool-call turn already carries its reasoning_content'
      )
    }
    for (const where of unrecorded) changes.push(`${where}: left as is, no recorded response holds its reasoning`)
    return changes
  }
}
