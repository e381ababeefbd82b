// Culprit choice (docs/architecture.md, "Choosing the culprit"): the finding the error names wins; without evidence only a 400 gets a
// guess; and nothing is highlighted when nothing supports it.
import { describe, expect, it } from 'vitest'
import {
  MIMO_REASONING,
  anthropicBody,
  anthropicError,
  anthropicToolSession,
  assistant,
  call,
  errorsOf,
  fail,
  mimoError,
  openaiBody,
  openaiToolSession,
  run,
  system,
  text,
  toolMsg,
  toolResult,
  toolUse,
  user
} from './helpers'

/** An Anthropic-format MiMo request with four faults: R26 (0), R23 (1), R02 (3), R17 (5). */
function severalFaults(): Record<string, unknown> {
  return anthropicBody([
    { role: 'system', content: 'You are terse.' },
    user([text('look at this'), text('')]),
    assistant([{ type: 'thinking', thinking: 'plan', signature: '' }, toolUse('toolu_1')]),
    assistant([toolUse('toolu_2')]),
    user([toolResult('toolu_2')]),
    assistant([{ type: 'thinking', thinking: 'plan', signature: '' }, toolUse('toolu_3')]),
    user('and now?')
  ])
}

describe('several faults: the one the error names wins', () => {
  it("MiMo's reasoning 400 → R02, although R26 and R23 come earlier", () => {
    const d = fail('anthropic', severalFaults(), mimoError(MIMO_REASONING))
    expect(d.culprit).toEqual({ messageIndex: 3, blockIndex: null, rule: 'compat.reasoning-passback-missing' })
    expect(d.findings[0]).toMatchObject({ rule: 'compat.reasoning-passback-missing', matchesError: true })
    expect(d.findings.filter((f) => f.matchesError).map((f) => f.ref)).toEqual(['R02'])
  })

  it("MiMo#54's text → R26 at message 0", () => {
    const d = fail('anthropic', severalFaults(), mimoError("messages[0].role must be either 'user' or 'assistant', but got 'system'"))
    expect(d.culprit).toEqual({ messageIndex: 0, blockIndex: null, rule: 'mimo.system-role-in-messages' })
  })

  it("Anthropic's tool_use text → R17 at the assistant message it names", () => {
    const d = fail(
      'anthropic',
      severalFaults(),
      anthropicError('messages.2: `tool_use` ids were found without `tool_result` blocks immediately after: toolu_1. Each `tool_use` block must have a corresponding `tool_result` block in the next message.')
    )
    expect(d.culprit).toEqual({ messageIndex: 2, blockIndex: 1, rule: 'anthropic.tool-use-without-result' })
  })

  it('an index alone: a finding at that index wins over the rest', () => {
    const d = fail('anthropic', severalFaults(), anthropicError('messages.1.content.1: something new went wrong'))
    expect(d.culprit).toEqual({ messageIndex: 1, blockIndex: 1, rule: 'anthropic.empty-text-block' })
    expect(d.findings[0].matchesError).toBe(true)
  })

  it('an index no rule explains becomes the culprit as `error.location`', () => {
    const d = fail('openai', openaiBody([system('s'), user('hi'), assistant('ok'), user('more')]), mimoError('messages[2].content: unsupported value'))
    expect(d.culprit).toEqual({ messageIndex: 2, blockIndex: null, rule: 'error.location' })
  })

  it('an index past the end of the request is ignored', () => {
    const d = fail('openai', openaiBody([user('hi')]), mimoError('messages[9].content: unsupported value'))
    expect(d.error?.location?.messageIndex).toBe(9)
    expect(d.culprit).toBeNull()
  })
})

describe('without evidence', () => {
  it("a MiMo 400 with an unknown reason falls back to R02, which MiMo's error-codes page gives for a 400", () => {
    const body = openaiBody([...openaiToolSession(2, (k) => (k === 1 ? undefined : 'p')), system('late system')])
    const d = fail('openai', body, mimoError('Something we have never seen'))
    expect(d.culprit).toEqual({ messageIndex: 4, blockIndex: null, rule: 'compat.reasoning-passback-missing' })
    expect(d.findings[0].rule).toBe('compat.reasoning-passback-missing')
    expect(d.findings.some((f) => f.matchesError)).toBe(false)
  })

  it('an opaque 400 elsewhere falls back to the earliest error-level finding (culprit step 6)', () => {
    const body = anthropicBody([user([text('x'), text('')]), assistant([text('ok')]), user('go')], { model: 'claude-sonnet-4-5' })
    const d = fail('anthropic', body, '{"message":"400 Invalid API parameter, please check the documentation.","code":"1210"}')
    expect(d.culprit).toEqual({ messageIndex: 0, blockIndex: 1, rule: 'anthropic.empty-text-block' })
  })

  it('no guess when the error names a cause the request does not show', () => {
    const d = fail('openai', openaiBody([system('a'), system('b'), user('hi')]), mimoError('tools contains duplicate names: read'))
    expect(d.culprit).toBeNull()
    expect(errorsOf(d.findings).length).toBeGreaterThan(0) // R26 is still listed
  })

  it.each([
    ['500', 500, '{"error":{"code":"500","message":"Internal Server Error","type":""}}'],
    ['503', 503, 'Service Unavailable'],
    ['429', 429, '{"error":{"code":"429","message":"Too many requests","type":"limitation"}}'],
    ['401', 401, '{"error":{"message":"Invalid API Key","param":"Please provide valid API Key","code":"401","type":"invalid_key"}}'],
    ['403', 403, '{"error":{"code":"403","message":"Illegal access","type":"illegal_access"}}']
  ])('no culprit for a %s, even with faults in the history', (_name, status, response) => {
    const body = openaiBody(openaiToolSession(3, () => undefined))
    const d = run('openai', body, { status, responseText: response })
    expect(d.error).not.toBeNull()
    expect(d.culprit).toBeNull()
  })

  it('no culprit for an overloaded error inside a 200 stream, but the failure is reported', () => {
    const stream =
      'event: message_start\ndata: {"type":"message_start","message":{"id":"msg_1","model":"mimo-v2.5-pro","role":"assistant","content":[]}}\n\n' +
      'event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n\n'
    const d = run('anthropic', anthropicBody(anthropicToolSession(2, () => false)), { status: 200, responseText: stream, responseContentType: 'text/event-stream' })
    expect(d.error).toMatchObject({ status: 200, type: 'overloaded_error', message: 'Overloaded', wrappers: ['sse-error-event'] })
    expect(d.culprit).toBeNull()
  })

  it("MiMo's error inside a 200 OpenAI stream still gets its culprit", () => {
    const body = openaiBody(openaiToolSession(2, (k) => (k === 0 ? undefined : 'p')))
    const stream = `data: {"choices":[{"index":0,"delta":{"role":"assistant","content":""}}]}\n\n${mimoError(MIMO_REASONING)}\n\n`
    const d = run('openai', body, { status: 200, responseText: stream, responseContentType: 'text/event-stream' })
    expect(d.error?.message).toBe(MIMO_REASONING)
    expect(d.culprit).toEqual({ messageIndex: 2, blockIndex: null, rule: 'compat.reasoning-passback-missing' })
  })

  it('a successful 200 is a lint: no error, no culprit, findings unmatched', () => {
    const body = openaiBody([...openaiToolSession(1, () => undefined), { role: 'assistant', content: 'done', reasoning_content: 'p' }, user('thanks')])
    const ok = 'data: {"choices":[{"index":0,"delta":{"content":"hi"},"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n'
    const d = run('openai', body, { status: 200, responseText: ok, responseContentType: 'text/event-stream' })
    expect(d).toMatchObject({ status: 200, error: null, culprit: null })
    expect(d.findings.map((f) => [f.ref, f.matchesError])).toEqual([['R02', false]])
  })

  it('never throws on bodies that are not requests', () => {
    for (const body of [null, 'x', 3, [], { messages: [1, null, { role: 'assistant', content: [null, { type: 'tool_use' }] }] }]) {
      expect(() => fail('anthropic', body, mimoError(MIMO_REASONING))).not.toThrow()
      expect(() => fail('openai', body, 'garbage')).not.toThrow()
    }
    expect(fail('openai', { messages: [{ role: 'assistant', tool_calls: [call('c')] }, toolMsg('c')] }, mimoError(MIMO_REASONING)).culprit?.messageIndex).toBe(0)
  })
})
