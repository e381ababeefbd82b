// "The same way": status + unwrapped type + useful text, with what changes as a request shrinks normalized.
import { describe, expect, it } from 'vitest'
import { errorFingerprint, normalizeErrorText } from '../../../src/main/core/repro/minimize/fingerprint'

const mimo = (param: string): string => JSON.stringify({ error: { code: '400', message: 'Param Incorrect', param, type: '' } })
const anthropic = (message: string): string => JSON.stringify({ type: 'error', error: { type: 'invalid_request_error', message }, request_id: 'req_011CUdL49e3Fu9bCKbWF6cXD' })
const R02 = 'The reasoning_content in the thinking mode must be passed back to the API.'

describe('errorFingerprint', () => {
  it("reads MiMo's reason from error.param, not the generic message", () => {
    expect(errorFingerprint(400, mimo(R02))).toBe(`400 | - | ${R02}`)
  })

  it("MiMo streamed (`data:` prefix) and not streamed give the same fingerprint", () => {
    expect(errorFingerprint(400, `data:${mimo(R02)}`, 'text/event-stream')).toBe(errorFingerprint(400, mimo(R02), 'application/json'))
  })

  it('different MiMo reasons and different statuses differ', () => {
    expect(errorFingerprint(400, mimo('`text` is not present'))).not.toBe(errorFingerprint(400, mimo('`content` is not present')))
    expect(errorFingerprint(400, mimo(R02))).not.toBe(errorFingerprint(422, mimo(R02)))
  })

  it('Anthropic index paths and ids are normalized, the type kept', () => {
    const a = errorFingerprint(400, anthropic('messages.12.content.3: `tool_use` ids were found without `tool_result` blocks immediately after: toolu_01JjfQsdhSJkT7qLCL7Pj9jc'))
    const b = errorFingerprint(400, anthropic('messages.1.content.0: `tool_use` ids were found without `tool_result` blocks immediately after: toolu_02Abc'))
    expect(a).toBe(b)
    expect(a).toBe('400 | invalid_request_error | messages.N.content.N: `tool_use` ids were found without `tool_result` blocks immediately after: <id>')
  })

  it('a 2xx without an error is ok; an error event inside a 200 stream is not', () => {
    expect(errorFingerprint(200, '{"id":"msg_1","type":"message","content":[]}')).toBe('ok')
    expect(errorFingerprint(200, 'event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n\n', 'text/event-stream')).toBe('200 | overloaded_error | Overloaded')
    expect(errorFingerprint(null, null)).toBe('none')
  })

  it('an empty error body still has a fingerprint', () => {
    expect(errorFingerprint(400, '')).toBe('400 | - | HTTP N')
  })
})

describe('normalizeErrorText', () => {
  it.each([
    ['messages[12].role must be user', 'messages[N].role must be user'],
    ['thinking is enabled but reasoning_content is missing in assistant tool call message at index 2', 'thinking is enabled but reasoning_content is missing in assistant tool call message at index N'],
    ['`max_tokens` must be greater than `thinking.budget_tokens` (32000 > 8192)', '`max_tokens` must be greater than `thinking.budget_tokens` (N > N)'],
    ["Tool names must be unique: 'read_file'", "Tool names must be unique: '<q>'"],
    ['tool "Bash" not found', "tool '<q>' not found"],
    ['the model\'s output can\'t be empty', "the model's output can't be empty"],
    ['The `content[].thinking` in the thinking mode must be passed back to the API. [trace_id=783a70b2b0552dbaecfaa223d1155df8]', 'The `content[].thinking` in the thinking mode must be passed back to the API. [trace_id=<hex>]'],
    ['request 3f2b8c1e-9a4d-4e2f-8b1a-0c9d8e7f6a5b failed', 'request <uuid> failed'],
    ['call_abc123 and chatcmpl-9xYz have no result', '<id> and <id> have no result'],
    ['model mimo-v2.5-pro', 'model mimo-v2.N-pro'],
    ['  two\n lines  ', 'two lines']
  ])('%s', (input, expected) => {
    expect(normalizeErrorText(input)).toBe(expected)
  })
})
