// Thinking and reasoning replay rules: R01, R02, R04–R09, R11–R15.
import { describe, expect, it } from 'vitest'
import type { ReassembledMessage } from '../../../src/shared/types'
import { thinkingFirstInToolTurn } from '../../../src/main/core/diagnose/rules/r01-thinking-first-in-tool-turn'
import { reasoningPassbackMissing } from '../../../src/main/core/diagnose/rules/r02-reasoning-passback-missing'
import { thinkingSignatureMissing } from '../../../src/main/core/diagnose/rules/r04-thinking-signature-missing'
import { thinkingTextMissing } from '../../../src/main/core/diagnose/rules/r05-thinking-text-missing'
import { signatureKind, thinkingSignatureInvalid } from '../../../src/main/core/diagnose/rules/r06-thinking-signature-invalid'
import { thinkingBlockModified } from '../../../src/main/core/diagnose/rules/r07-thinking-block-modified'
import { trailingThinkingBlock } from '../../../src/main/core/diagnose/rules/r08-trailing-thinking-block'
import { thinkingWhenDisabled } from '../../../src/main/core/diagnose/rules/r09-thinking-when-disabled'
import { cacheControlOnThinking } from '../../../src/main/core/diagnose/rules/r11-cache-control-on-thinking'
import { budgetBelowMaxTokens } from '../../../src/main/core/diagnose/rules/r12-budget-lt-max-tokens'
import { budgetMin1024 } from '../../../src/main/core/diagnose/rules/r13-budget-min-1024'
import { samplingWithThinking } from '../../../src/main/core/diagnose/rules/r14-sampling-with-thinking'
import { forcedToolChoiceWithThinking } from '../../../src/main/core/diagnose/rules/r15-forced-tool-choice-with-thinking'
import {
  MIMO_REASONING,
  anthropicBody,
  anthropicError,
  anthropicToolSession,
  assistant,
  ctx,
  fail,
  withReplies,
  mimoError,
  ofRule,
  openaiBody,
  openaiToolSession,
  run,
  text,
  thinking,
  toolResult,
  toolUse,
  user
} from './helpers'

const CLAUDE = { model: 'claude-sonnet-4-5', thinking: { type: 'enabled', budget_tokens: 4096 } }
const CLAUDE_SIG = 'Eq4CCpIBCBIYAipAM+SGYGx7'.padEnd(160, 'Q') + '=='
const R01 = 'anthropic.thinking-first-in-tool-turn'
const R02 = 'compat.reasoning-passback-missing'

describe('R01 thinking first in the final tool turn', () => {
  const lastTurnWithout = [user('go'), assistant([toolUse('toolu_1')]), user([toolResult('toolu_1')])]

  it('is an error on Anthropic when the final tool-use turn does not open with thinking', () => {
    const [f] = thinkingFirstInToolTurn(ctx('anthropic', anthropicBody(lastTurnWithout, CLAUDE)))
    expect(f).toMatchObject({ rule: R01, ref: 'R01', severity: 'error', messageIndex: 1, blockIndex: 0, path: 'messages[1].content[0]', fixIds: ['disable-thinking'] })
    // No recorded response: restore-thinking has nothing to put back, and the sentence says what it was judged from.
    expect(f.message).toContain('No recorded response for this turn; judged from its shape.')
    expect(f.evidence).toBeNull()
  })

  it('names the thinking→text conversion when block 0 reads like reasoning', () => {
    const body = anthropicBody([user('go'), assistant([text('I need to read a.ts first.'), toolUse('toolu_1')]), user([toolResult('toolu_1')])], CLAUDE)
    const [f] = thinkingFirstInToolTurn(ctx('anthropic', body))
    expect(f.message).toContain('Craft Agents/pi-ai')
    expect(f.fixIds).toEqual(['text-to-thinking', 'disable-thinking'])
  })

  it('only looks at the final turn while its tool loop is open, and not when thinking is off', () => {
    const closed = [...lastTurnWithout, assistant([text('Done.')]), user('thanks, next question')]
    expect(thinkingFirstInToolTurn(ctx('anthropic', anthropicBody(closed, CLAUDE)))).toEqual([])
    expect(thinkingFirstInToolTurn(ctx('anthropic', anthropicBody(lastTurnWithout, { model: 'claude-sonnet-4-5' })))).toEqual([])
    const ordered = [user('go'), assistant([thinking('plan', CLAUDE_SIG), toolUse('toolu_1')]), user([toolResult('toolu_1')])]
    expect(thinkingFirstInToolTurn(ctx('anthropic', anthropicBody(ordered, CLAUDE)))).toEqual([])
  })

  it('leaves a turn without any thinking to R02 on MiMo, but warns when thinking is there but not first', () => {
    expect(thinkingFirstInToolTurn(ctx('anthropic', anthropicBody(lastTurnWithout)))).toEqual([])
    const misplaced = [user('go'), assistant([text('Reading.'), thinking('plan'), toolUse('toolu_1')]), user([toolResult('toolu_1')])]
    expect(thinkingFirstInToolTurn(ctx('anthropic', anthropicBody(misplaced)))).toMatchObject([{ severity: 'warning', messageIndex: 1 }])
  })

  it("matches Anthropic's text and index through diagnose (Vertex, kilocode#5219)", () => {
    const inner = anthropicError(
      'messages.1.content.0.type: Expected `thinking` or `redacted_thinking`, but found `tool_use`. When `thinking` is enabled, a final `assistant` message must start with a thinking block (preceeding the lastmost set of `tool_use` and `tool_result` blocks). We recommend you include thinking blocks from previous turns. To avoid this requirement, disable `thinking`. Please consult our documentation at https://docs.claude.com/en/docs/build-with-claude/extended-thinking'
    )
    const d = fail('anthropic', anthropicBody(lastTurnWithout, CLAUDE), JSON.stringify({ error: { code: 400, message: inner, status: 'INVALID_ARGUMENT' } }))
    expect(d.culprit).toEqual({ messageIndex: 1, blockIndex: 0, rule: R01 })
    expect(d.findings[0]).toMatchObject({ rule: R01, matchesError: true })
  })
})

describe('R02 reasoning pass-back (Anthropic path)', () => {
  it('flags EVERY historical tool turn without thinking, not just the last', () => {
    const body = anthropicBody(anthropicToolSession(5, (k) => k !== 1 && k !== 3))
    const found = reasoningPassbackMissing(ctx('anthropic', body))
    expect(found.map((f) => f.messageIndex)).toEqual([3, 7])
    expect(found.every((f) => f.severity === 'error' && f.ref === 'R02')).toBe(true)
    expect(found[0].fixIds).toEqual(['placeholder-reasoning', 'disable-thinking'])
  })

  it('without a recorded response, judges thinking converted to text (Craft Agents / pi-ai) from its wording, and says so', () => {
    const body = anthropicBody([user('go'), assistant([text('The user wants the test fixed. Let me read it.'), toolUse('toolu_1')]), user([toolResult('toolu_1')])])
    const [f] = reasoningPassbackMissing(ctx('anthropic', body))
    expect(f).toMatchObject({ messageIndex: 1, blockIndex: 0, path: 'messages[1].content[0]', fixIds: ['text-to-thinking', 'placeholder-reasoning', 'disable-thinking'], evidence: null })
    expect(f.message).toMatch(/reads like reasoning.*Craft Agents\/pi-ai.*No recorded response for this turn; judged from its shape\.$/)
  })

  it('follows the thinking switch: enabled, disabled, and the default per model', () => {
    const messages = anthropicToolSession(2, () => false)
    expect(reasoningPassbackMissing(ctx('anthropic', anthropicBody(messages, { thinking: { type: 'disabled' } })))).toEqual([])
    expect(reasoningPassbackMissing(ctx('anthropic', anthropicBody(messages, { model: 'mimo-v2-flash' })))).toEqual([])
    expect(reasoningPassbackMissing(ctx('anthropic', anthropicBody(messages, { model: 'mimo-v2-flash', thinking: { type: 'enabled' } })))).toHaveLength(2)
    expect(reasoningPassbackMissing(ctx('anthropic', anthropicBody(messages, { model: 'mimo-v2.5' })))).toHaveLength(2)
    // Anthropic strips old thinking itself; R01 covers its last turn.
    expect(reasoningPassbackMissing(ctx('anthropic', anthropicBody(messages, CLAUDE)))).toEqual([])
    // DeepSeek's /anthropic thinks by default (cc-switch#3222); unknown endpoints get a warning.
    expect(reasoningPassbackMissing(ctx('anthropic', anthropicBody(messages, { model: 'deepseek-v4-pro' })))[0].severity).toBe('error')
    expect(reasoningPassbackMissing(ctx('anthropic', anthropicBody(messages, { model: 'llama-3.3-70b', thinking: { type: 'enabled' } })))[0].severity).toBe('warning')
    // Zhipu's standard API clears earlier reasoning itself (`clear_thinking`), so GLM does not check it.
    expect(reasoningPassbackMissing(ctx('anthropic', anthropicBody(messages, { model: 'glm-4.6', thinking: { type: 'enabled' } })))).toEqual([])
  })

  it('diagnose: MiMo\'s streamed 400 on the Anthropic path → the FIRST offending assistant message (culprit step 3)', () => {
    const body = anthropicBody(anthropicToolSession(4, (k) => k === 0 || k === 3))
    const d = fail('anthropic', body, mimoError(MIMO_REASONING), { responseContentType: 'text/event-stream' })
    expect(d.error).toMatchObject({ provider: 'mimo', wrappers: ['sse-data-prefix'], message: MIMO_REASONING })
    expect(d.culprit).toEqual({ messageIndex: 3, blockIndex: null, rule: R02 })
    expect(ofRule(d.findings, R02).map((f) => [f.messageIndex, f.matchesError])).toEqual([
      [3, true],
      [5, true]
    ])
  })

  it("diagnose: DeepSeek's `content[].thinking` text names the same rule", () => {
    const body = anthropicBody(anthropicToolSession(2, (k) => k === 1), { model: 'deepseek-v4-pro' })
    const d = fail('anthropic', body, '{"error":{"message":"The `content[].thinking` in the thinking mode must be passed back to the API.","type":"invalid_request_error","param":null,"code":"invalid_request_error"}}')
    expect(d.culprit).toEqual({ messageIndex: 1, blockIndex: null, rule: R02 })
  })
})

describe('R02 reasoning pass-back (OpenAI path)', () => {
  it('flags every assistant tool-call turn with reasoning_content absent or null', () => {
    const body = openaiBody(openaiToolSession(4, (k) => (k === 1 ? undefined : k === 2 ? null : 'plan')))
    const found = reasoningPassbackMissing(ctx('openai', body))
    expect(found.map((f) => [f.messageIndex, f.severity, f.path])).toEqual([
      [4, 'error', 'messages[4].reasoning_content'],
      [6, 'error', 'messages[6].reasoning_content']
    ])
    expect(found[0].message).toContain('no `reasoning_content`')
    expect(found[1].message).toContain('`reasoning_content: null`')
    expect(found[0].fixIds).toEqual(['placeholder-reasoning', 'disable-thinking'])
  })

  it('an empty reasoning_content: fine on MiMo and Kimi, missing on DeepSeek, a warning elsewhere', () => {
    const session = (model: string): Record<string, unknown> => openaiBody(openaiToolSession(2, (k) => (k === 0 ? '' : 'plan')), { model, thinking: { type: 'enabled' } })
    // forgecode PR#3350 (MiMo) and obsidian-yolo PR#243 (Kimi) pass with it; nanobot#946 (DeepSeek) does not.
    expect(reasoningPassbackMissing(ctx('openai', session('mimo-v2.5-pro')))).toEqual([])
    expect(reasoningPassbackMissing(ctx('openai', session('kimi-k2.5')))).toEqual([])
    expect(reasoningPassbackMissing(ctx('openai', session('deepseek-v4-pro')))[0]).toMatchObject({ messageIndex: 2, severity: 'error' })
    expect(reasoningPassbackMissing(ctx('openai', session('llama-3.3-70b')))[0]).toMatchObject({ messageIndex: 2, severity: 'warning' })
  })

  it('says when the reasoning went into a field MiMo does not read (forgecode#3347)', () => {
    const messages = openaiToolSession(1, () => undefined)
    ;(messages[2] as Record<string, unknown>).reasoning_details = [{ type: 'reasoning.text', text: 'plan' }]
    expect(reasoningPassbackMissing(ctx('openai', openaiBody(messages)))[0].message).toContain('`reasoning_details`')
  })

  it('is silent on plain chats and when thinking is off', () => {
    const chat = openaiBody([{ role: 'user', content: 'hi' }, { role: 'assistant', content: 'hello' }, { role: 'user', content: 'bye' }])
    expect(reasoningPassbackMissing(ctx('openai', chat))).toEqual([])
    const noThinking = openaiBody(openaiToolSession(2, () => undefined), { thinking: { type: 'disabled' } })
    expect(reasoningPassbackMissing(ctx('openai', noThinking))).toEqual([])
  })

  it.each([
    ['streamed', mimoError(MIMO_REASONING), 'text/event-stream'],
    ['non-streamed', mimoError(MIMO_REASONING, { stream: false }), 'application/json']
  ])('diagnose: MiMo %s 400 → first offending message', (_name, response, type) => {
    const body = openaiBody(openaiToolSession(5, (k) => (k === 2 || k === 4 ? undefined : 'plan')))
    const d = fail('openai', body, response, { responseContentType: type })
    expect(d.culprit).toEqual({ messageIndex: 6, blockIndex: null, rule: R02 })
  })

  it("diagnose: Kimi's `at index N` picks that message among several", () => {
    const body = openaiBody(openaiToolSession(4, (k) => (k === 0 || k === 2 ? undefined : 'plan')), { model: 'kimi-k2.5' })
    const d = fail('openai', body, JSON.stringify({ error: { message: 'thinking is enabled but reasoning_content is missing in assistant tool call message at index 6', type: 'invalid_request_error' } }))
    expect(d.culprit).toEqual({ messageIndex: 6, blockIndex: null, rule: R02 })
    expect(d.findings[0].messageIndex).toBe(6)
  })
})

describe('R04–R06 signatures', () => {
  const session = (block: Record<string, unknown>) => [user('go'), assistant([block, toolUse('toolu_1')]), user([toolResult('toolu_1')])]

  it('R04: a missing signature key is an error on Anthropic and a warning on MiMo; "" is fine on MiMo', () => {
    const [onClaude] = thinkingSignatureMissing(ctx('anthropic', anthropicBody(session(thinking('plan', null)), CLAUDE)))
    expect(onClaude).toMatchObject({ ref: 'R04', severity: 'error', messageIndex: 1, blockIndex: 0, path: 'messages[1].content[0].signature', fixIds: ['restore-thinking'] })
    const [onMimo] = thinkingSignatureMissing(ctx('anthropic', anthropicBody(session(thinking('plan', null)))))
    expect(onMimo).toMatchObject({ severity: 'warning', fixIds: ['add-empty-signature'] })
    expect(thinkingSignatureMissing(ctx('anthropic', anthropicBody(session(thinking('plan', '')))))).toEqual([])
  })

  it("R04: Vertex-wrapped `signature: Field required` makes it the culprit", () => {
    const body = anthropicBody(session(thinking('plan', null)), CLAUDE)
    const inner = anthropicError('messages.1.content.0.thinking.signature: Field required')
    const d = fail('anthropic', body, JSON.stringify({ error: { code: 400, message: inner, status: 'INVALID_ARGUMENT' } }))
    expect(d.culprit).toEqual({ messageIndex: 1, blockIndex: 0, rule: 'anthropic.thinking-signature-missing' })
  })

  it('R05: a signed thinking block without its `thinking` key', () => {
    const block = { type: 'thinking', signature: CLAUDE_SIG }
    const [f] = thinkingTextMissing(ctx('anthropic', anthropicBody(session(block), CLAUDE)))
    expect(f).toMatchObject({ ref: 'R05', severity: 'error', messageIndex: 1, blockIndex: 0, path: 'messages[1].content[0].thinking' })
    expect(thinkingTextMissing(ctx('anthropic', anthropicBody(session(thinking('', CLAUDE_SIG)), CLAUDE)))).toEqual([])
  })

  it('R06: classifies signatures and warns about foreign ones', () => {
    expect(signatureKind('')).toBe('empty')
    expect(signatureKind('91cfbb94-554b-4136-8e21-fa02280d56ed')).toBe('uuid')
    expect(signatureKind(CLAUDE_SIG)).toBe('anthropic')
    expect(signatureKind('sig1')).toBe('other')
    const uuidOnClaude = thinkingSignatureInvalid(ctx('anthropic', anthropicBody(session(thinking('plan', '91cfbb94-554b-4136-8e21-fa02280d56ed')), CLAUDE)))
    expect(uuidOnClaude).toMatchObject([{ ref: 'R06', severity: 'warning', messageIndex: 1, blockIndex: 0 }])
    expect(thinkingSignatureInvalid(ctx('anthropic', anthropicBody(session(thinking('plan', CLAUDE_SIG)), CLAUDE)))).toEqual([])
    expect(thinkingSignatureInvalid(ctx('anthropic', anthropicBody(session(thinking('plan', CLAUDE_SIG)))))).toMatchObject([{ severity: 'warning' }])
    expect(thinkingSignatureInvalid(ctx('anthropic', anthropicBody(session(thinking('plan', '')))))).toEqual([])
  })

  it("R06: Anthropic's `Invalid signature` error through zenmux picks the block", () => {
    const body = anthropicBody(session(thinking('plan', 'sig-from-mimo')), CLAUDE)
    const d = fail('anthropic', body, '{"error":{"code":"400","type":"invalid_params","message":"messages.1.content.0: Invalid `signature` in `thinking` block"}}')
    expect(d.culprit).toEqual({ messageIndex: 1, blockIndex: 0, rule: 'anthropic.thinking-signature-invalid' })
  })
})

describe('R07 thinking modified', () => {
  const reply = (blocks: ReassembledMessage['blocks']): ReassembledMessage => ({
    protocol: 'anthropic',
    id: 'msg_1',
    model: 'claude-sonnet-4-5',
    role: 'assistant',
    blocks,
    stopReason: 'tool_use',
    usage: null,
    error: null,
    incomplete: false
  })
  const original = reply([
    { type: 'thinking', thinking: 'I will read a.ts', signature: CLAUDE_SIG },
    { type: 'tool_use', id: 'toolu_1', name: 'read_file', input: {}, inputJson: '{}', inputError: null }
  ])
  const body = (t: string) => anthropicBody([user('go'), assistant([thinking(t, CLAUDE_SIG), toolUse('toolu_1')]), user([toolResult('toolu_1')])], CLAUDE)

  it('is skipped without previous replies', () => {
    expect(thinkingBlockModified(ctx('anthropic', body('edited')))).toEqual([])
  })

  it('compares the latest assistant message with the reply it replays', () => {
    expect(thinkingBlockModified(withReplies('anthropic', body('I will read a.ts'), [original]))).toEqual([])
    const [f] = thinkingBlockModified(withReplies('anthropic', body('I will read a.ts, trimmed'), [original]))
    expect(f).toMatchObject({ ref: 'R07', severity: 'error', messageIndex: 1, blockIndex: 0, evidence: { exchangeId: 'response-1', change: 'thinking-edited', blockIndex: 0 } })
    expect(f.message).toBe(
      'This request sends assistant message 1 with thinking block 0 edited: it differs from the 16-character thinking response #1 returned; the thinking blocks of the latest assistant message must stay exactly as the model returned them.'
    )
    // Left out entirely, the thinking is R01's concern (the final tool turn must open with it), not R07's.
    const dropped = anthropicBody([user('go'), assistant([toolUse('toolu_1')]), user([toolResult('toolu_1')])], CLAUDE)
    expect(thinkingBlockModified(withReplies('anthropic', dropped, [original]))).toEqual([])
    expect(thinkingFirstInToolTurn(withReplies('anthropic', dropped, [original]))[0]).toMatchObject({ ref: 'R01', fixIds: ['restore-thinking', 'disable-thinking'], evidence: { change: 'thinking-dropped' } })
  })

  it('diagnose passes previousReplies through and the error text names R07', () => {
    const d = fail(
      'anthropic',
      body('changed'),
      anthropicError('messages.1.content.0: `thinking` or `redacted_thinking` blocks in the latest assistant message cannot be modified. These blocks must remain as they were in the original response.'),
      { previousReplies: [original] }
    )
    expect(d.culprit).toEqual({ messageIndex: 1, blockIndex: 0, rule: 'anthropic.thinking-block-modified' })
  })
})

describe('R08, R09, R11 thinking placement', () => {
  it('R08: an assistant message ending in thinking', () => {
    const body = anthropicBody([user('go'), assistant([text('Hmm.'), thinking('still thinking')]), user('?')], CLAUDE)
    expect(trailingThinkingBlock(ctx('anthropic', body))).toMatchObject([{ ref: 'R08', severity: 'error', messageIndex: 1, blockIndex: 1, fixIds: ['drop-trailing-thinking'] }])
    const d = fail('anthropic', body, anthropicError('messages.1: The final block in an assistant message cannot be `thinking`.'))
    expect(d.culprit).toEqual({ messageIndex: 1, blockIndex: 1, rule: 'anthropic.trailing-thinking-block' })
  })

  it('R09: thinking in the final assistant message while thinking is disabled', () => {
    const messages = [user('go'), assistant([thinking('plan', CLAUDE_SIG), toolUse('toolu_1')]), user([toolResult('toolu_1')])]
    const found = thinkingWhenDisabled(ctx('anthropic', anthropicBody(messages, { model: 'claude-sonnet-4-5', thinking: { type: 'disabled' } })))
    expect(found).toMatchObject([{ ref: 'R09', severity: 'error', messageIndex: 1, blockIndex: 0 }])
    expect(thinkingWhenDisabled(ctx('anthropic', anthropicBody(messages, CLAUDE)))).toEqual([])
    const d = fail(
      'anthropic',
      anthropicBody(messages, { model: 'claude-sonnet-4-5', thinking: { type: 'disabled' } }),
      anthropicError('messages.1.content.0: When thinking is disabled, an `assistant` message in the final position cannot contain `thinking`. To use thinking blocks, enable `thinking` in your request.')
    )
    expect(d.culprit).toEqual({ messageIndex: 1, blockIndex: 0, rule: 'anthropic.thinking-when-disabled' })
  })

  it('R11: cache_control on a thinking block', () => {
    const block = { ...thinking('plan', CLAUDE_SIG), cache_control: { type: 'ephemeral' } }
    const body = anthropicBody([user('go'), assistant([block, toolUse('toolu_1')]), user([toolResult('toolu_1')])], CLAUDE)
    expect(cacheControlOnThinking(ctx('anthropic', body))).toMatchObject([{ ref: 'R11', severity: 'error', path: 'messages[1].content[0].cache_control', fixIds: ['remove-cache-control'] }])
    const d = fail('anthropic', body, anthropicError('messages.1.content.0.thinking.cache_control: Extra inputs are not permitted'))
    expect(d.culprit).toEqual({ messageIndex: 1, blockIndex: 0, rule: 'anthropic.cache-control-on-thinking' })
  })
})

describe('R12–R15 parameters with thinking', () => {
  it('R12/R13: budget_tokens against max_tokens and the 1024 floor', () => {
    const over = anthropicBody([user('hi')], { model: 'claude-sonnet-4-5', max_tokens: 4000, thinking: { type: 'enabled', budget_tokens: 8000 } })
    expect(budgetBelowMaxTokens(ctx('anthropic', over))).toMatchObject([{ ref: 'R12', severity: 'warning', path: 'thinking.budget_tokens' }])
    const low = anthropicBody([user('hi')], { model: 'claude-sonnet-4-5', max_tokens: 4000, thinking: { type: 'enabled', budget_tokens: 512 } })
    expect(budgetMin1024(ctx('anthropic', low))).toMatchObject([{ ref: 'R13', severity: 'error' }])
    const d = fail('anthropic', low, '{"message":"The model returned the following errors: thinking.enabled.budget_tokens: Input should be greater than or equal to 1024"}')
    expect(d.findings[0]).toMatchObject({ ref: 'R13', matchesError: true })
    expect(d.culprit).toBeNull() // a parameter, not a message
  })

  it('R14: sampling parameters are an error on Anthropic and info on MiMo, which forces its defaults', () => {
    const body = (extra: Record<string, unknown>) => anthropicBody([user('hi')], { temperature: 0.2, top_k: 40, ...extra })
    const [claude] = samplingWithThinking(ctx('anthropic', body(CLAUDE)))
    expect(claude).toMatchObject({ ref: 'R14', severity: 'error', path: 'temperature', fixIds: ['remove-sampling-params'] })
    expect(claude.message).toContain('temperature 0.2, top_k')
    expect(samplingWithThinking(ctx('anthropic', body({})))).toMatchObject([{ severity: 'info' }])
    expect(samplingWithThinking(ctx('openai', openaiBody([user('hi')], { temperature: 0.3 })))).toMatchObject([{ severity: 'info' }])
    expect(samplingWithThinking(ctx('anthropic', body({ model: 'claude-sonnet-4-5' })))).toEqual([])
    expect(samplingWithThinking(ctx('anthropic', anthropicBody([user('hi')], { ...CLAUDE, temperature: 1, top_p: 0.95 })))).toEqual([])
    const d = fail('anthropic', body(CLAUDE), anthropicError('`temperature` may only be set to 1 when thinking is enabled. Please consult our documentation at https://docs.anthropic.com/en/docs/build-with-claude/extended-thinking#important-considerations-when-using-extended-thinking'))
    expect(d.findings[0]).toMatchObject({ ref: 'R14', matchesError: true })
  })

  it('R15: forced tool_choice with thinking, both formats', () => {
    expect(forcedToolChoiceWithThinking(ctx('anthropic', anthropicBody([user('hi')], { ...CLAUDE, tool_choice: { type: 'any' } })))).toMatchObject([
      { ref: 'R15', severity: 'error', path: 'tool_choice', fixIds: ['tool-choice-auto', 'disable-thinking'] }
    ])
    expect(forcedToolChoiceWithThinking(ctx('anthropic', anthropicBody([user('hi')], { ...CLAUDE, tool_choice: { type: 'auto' } })))).toEqual([])
    expect(forcedToolChoiceWithThinking(ctx('openai', openaiBody([user('hi')], { tool_choice: 'required' })))).toMatchObject([{ severity: 'warning' }])
    expect(forcedToolChoiceWithThinking(ctx('openai', openaiBody([user('hi')], { model: 'deepseek-v4', tool_choice: { type: 'function', function: { name: 'x' } } })))).toMatchObject([
      { severity: 'error' }
    ])
    expect(forcedToolChoiceWithThinking(ctx('openai', openaiBody([user('hi')], { tool_choice: 'required', thinking: { type: 'disabled' } })))).toEqual([])
    const d = fail('openai', openaiBody([user('hi')], { model: 'deepseek-v4', tool_choice: 'required' }), '{"error":{"message":"Thinking mode does not support this tool_choice","type":"invalid_request_error","param":null,"code":"invalid_request_error"}}')
    expect(d.findings[0]).toMatchObject({ ref: 'R15', matchesError: true })
  })

  it('lints without an error: same rules, no culprit', () => {
    const d = run('anthropic', anthropicBody([user('hi')], { ...CLAUDE, temperature: 0.5 }))
    expect(d.error).toBeNull()
    expect(d.culprit).toBeNull()
    expect(d.findings).toMatchObject([{ ref: 'R14', matchesError: false }])
  })
})
