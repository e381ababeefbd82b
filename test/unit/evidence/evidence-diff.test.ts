// The turn diff against the recorded responses: a client that turns unsigned thinking into text on its very
// first replay has no earlier request to be compared with, and the response that produced the turn still
// shows what happened, with values as values.
import { describe, expect, it } from 'vitest'
import { evidenceChanges } from '../../../src/main/core/conversations/evidence-diff'
import { listEvidence } from '../../../src/main/core/evidence/list-evidence'
import { anthropicBody, anthropicReply, assistant, call, openaiBody, openaiReply, text, thinking, toolMsg, toolResult, toolUse, user } from '../replay/helpers'

const PLAN = 'I should list the src folder first.'

describe('evidenceChanges', () => {
  it('Anthropic, first replay: thinking block 0 became a text block, against response #1', () => {
    const body = anthropicBody([user('What is in src?'), assistant([text(PLAN), toolUse('toolu_1', 'list_dir', { path: 'src' })]), user([toolResult('toolu_1')])])
    const replies = [anthropicReply({ thinking: PLAN, tools: [{ id: 'toolu_1', name: 'list_dir', input: { path: 'src' } }] })]
    expect(evidenceChanges(listEvidence(body, replies))).toEqual([
      {
        messageIndex: 1,
        kind: 'changed',
        role: 'assistant',
        description: 'assistant message 1 vs response #1: thinking block 0 became a text block',
        evidence: { exchangeId: 'response-1', seq: 1, n: 1, sameConversation: true, matchedBy: 'tool-ids' }
      }
    ])
  })

  it('Anthropic: an emptied signature is `""`, and a changed one is a change', () => {
    const reply = anthropicReply({ thinking: PLAN, signature: 'sig-recorded', tools: [{ id: 'toolu_1', name: 'list_dir', input: {} }] })
    const sent = (sig: string) => anthropicBody([user('go'), assistant([thinking(PLAN, sig), toolUse('toolu_1', 'list_dir', {})]), user([toolResult('toolu_1')])])
    expect(evidenceChanges(listEvidence(sent(''), [reply]))[0].description).toBe('assistant message 1 vs response #1: signature of thinking block 0: "sig-recorded" → ""')
    expect(evidenceChanges(listEvidence(sent('sig-other'), [reply]))[0].description).toBe('assistant message 1 vs response #1: signature of thinking block 0: "sig-recorded" → "sig-other"')
    expect(evidenceChanges(listEvidence(sent('sig-recorded'), [reply]))).toEqual([])
  })

  it('OpenAI: reasoning_content dropped, with its size', () => {
    const body = openaiBody([user('go'), { role: 'assistant', content: '', tool_calls: [call('call_1', 'list_dir', '{}')] }, toolMsg('call_1')])
    const replies = [openaiReply({ reasoning: PLAN, calls: [{ id: 'call_1', name: 'list_dir', args: '{}' }] })]
    expect(evidenceChanges(listEvidence(body, replies))[0].description).toBe(`assistant message 1 vs response #1: reasoning_content dropped (${PLAN.length} characters)`)
  })
})
