// Content and parameter fixes (drop-empty-text, fold-system-messages, remove-cache-control,
// remove-sampling-params, use-matching-base-url) and applyFix's own contract.
import { describe, expect, it } from 'vitest'
import type { FixId } from '../../../src/main/core/diagnose/finding'
import { FIX_IDS, FixError, USE_MATCHING_BASE_URL, applyFix } from '../../../src/main/core/replay/fixes'
import { anthropicBody, assistant, fix, fixtureBody, lint, messagesOf, openaiBody, pretty, text, thinking, toolResult, toolUse, user } from './helpers'

const refs = (protocol: 'anthropic' | 'openai', body: unknown): string[] => lint(protocol, body).findings.map((f) => f.ref)
const cc = { type: 'ephemeral' }

function caught(run: () => unknown): unknown {
  try {
    run()
  } catch (err) {
    return err
  }
  throw new Error('expected a throw')
}

describe('drop-empty-text', () => {
  it('removes blank text blocks and messages left empty, keeps an empty final assistant message', () => {
    const body = anthropicBody(
      [user([text(''), text('Fix it.')]), assistant([text('  '), toolUse('toolu_1')]), user([toolResult('toolu_1')]), assistant([text('\n')]), user(''), assistant([])],
      { system: [{ type: 'text', text: 'Be brief.' }, { type: 'text', text: '', cache_control: cc }], thinking: { type: 'disabled' } }
    )
    expect(refs('anthropic', body).filter((r) => r === 'R23').length).toBeGreaterThan(0)
    const fixed = fix('drop-empty-text', 'anthropic', body)
    expect(fixed.body.system).toEqual([{ type: 'text', text: 'Be brief.' }])
    expect(messagesOf(fixed.body)).toEqual([user([text('Fix it.')]), assistant([toolUse('toolu_1')]), user([toolResult('toolu_1')]), assistant([])])
    expect(fixed.changes).toEqual([
      'system[1]: blank text block removed',
      'messages[0]: blank text block 0 removed',
      'messages[1]: blank text block 0 removed',
      'messages[3]: blank text block 0 removed',
      'messages[3]: message removed, it had no content left',
      'messages[4]: message removed, it had no content left'
    ])
    expect(refs('anthropic', fixed.body)).not.toContain('R23')
    expect(refs('anthropic', fixed.body)).not.toContain('R25')
  })

  it('OpenAI: blank text parts go, string content stays (MiMo wants "" beside tool_calls)', () => {
    const body = openaiBody([user([{ type: 'text', text: ' ' }, { type: 'text', text: 'go' }]), { role: 'assistant', content: '', reasoning_content: 'r', tool_calls: [] }])
    const fixed = fix('drop-empty-text', 'openai', body)
    expect(messagesOf(fixed.body)[0].content).toEqual([{ type: 'text', text: 'go' }])
    expect(messagesOf(fixed.body)[1].content).toBe('')
    expect(() => fix('drop-empty-text', 'openai', fixtureBody('healthy-openai.json'))).toThrow(FixError)
  })
})

describe('fold-system-messages', () => {
  it('Anthropic: system messages move into the top-level system array (Claude Code ≥ 2.1.154)', () => {
    const body = fixtureBody('healthy-anthropic.json')
    const messages = messagesOf(body)
    messages.splice(1, 0, { role: 'system', content: 'Reminder: stay in the repo.' })
    expect(refs('anthropic', body)).toContain('R26')
    const fixed = fix('fold-system-messages', 'anthropic', body)
    expect(fixed.body.system).toEqual([
      { type: 'text', text: "You are a coding agent working in the user's repository. Use the tools to read and edit files." },
      { type: 'text', text: 'Reminder: stay in the repo.' }
    ])
    expect(messagesOf(fixed.body)).toEqual(messagesOf(fixtureBody('healthy-anthropic.json')))
    expect(fixed.changes).toEqual(['messages[1]: system message moved into the top-level system'])
    expect(refs('anthropic', fixed.body)).not.toContain('R26')
  })

  it('Anthropic: a string system gets the text appended; no system gets one before messages', () => {
    const appended = fix('fold-system-messages', 'anthropic', anthropicBody([user('hi'), { role: 'system', content: 'Extra.' }], { system: 'Base.' }))
    expect(appended.body.system).toBe('Base.\n\nExtra.')
    const created = fix('fold-system-messages', 'anthropic', anthropicBody([{ role: 'system', content: [{ type: 'text', text: 'S', cache_control: cc }] }, user('hi')]))
    expect(created.body.system).toEqual([{ type: 'text', text: 'S', cache_control: cc }])
    expect(Object.keys(created.body)).toEqual(['model', 'max_tokens', 'stream', 'system', 'messages'])
  })

  it('OpenAI: every system message merged into one at index 0', () => {
    const body = openaiBody([user('hi'), { role: 'system', content: 'A.' }, { role: 'assistant', content: 'hello' }, { role: 'system', content: 'B.' }, user('go')])
    expect(refs('openai', body)).toContain('R26')
    const fixed = fix('fold-system-messages', 'openai', body)
    expect(messagesOf(fixed.body)).toEqual([{ role: 'system', content: 'A.\n\nB.' }, user('hi'), { role: 'assistant', content: 'hello' }, user('go')])
    expect(fixed.changes).toEqual(['messages[1]: system message moved to messages[0]', 'messages[3]: system message merged into the one at messages[0]'])
    expect(refs('openai', fixed.body)).not.toContain('R26')
    expect(() => fix('fold-system-messages', 'openai', fixed.body)).toThrow(FixError)
  })
})

describe('remove-cache-control', () => {
  it('removes it from thinking and empty text blocks, and beyond the 4th breakpoint', () => {
    const body = anthropicBody(
      [
        user([{ type: 'text', text: 'a', cache_control: cc }]),
        assistant([{ ...thinking('t', ''), cache_control: cc }, { ...toolUse('toolu_1'), cache_control: cc }]),
        user([{ ...toolResult('toolu_1'), cache_control: cc }, { type: 'text', text: '', cache_control: cc }, { type: 'text', text: 'more', cache_control: cc }])
      ],
      { tools: [{ name: 'read', input_schema: {}, cache_control: cc }], system: [{ type: 'text', text: 'S', cache_control: cc }] }
    )
    expect(refs('anthropic', body)).toEqual(expect.arrayContaining(['R11', 'R24', 'R25']))
    const fixed = fix('remove-cache-control', 'anthropic', body)
    expect(fixed.changes).toEqual([
      'messages[1].content[0]: cache_control removed (a thinking block)',
      'messages[2].content[0]: cache_control removed (beyond the 4th breakpoint)',
      'messages[2].content[1]: cache_control removed (an empty text block)',
      'messages[2].content[2]: cache_control removed (beyond the 4th breakpoint)'
    ])
    const after = refs('anthropic', fixed.body)
    for (const ref of ['R11', 'R24', 'R25']) expect(after).not.toContain(ref)
    expect(() => fix('remove-cache-control', 'anthropic', fixed.body)).toThrow(FixError)
  })
})

describe('remove-sampling-params', () => {
  it('removes temperature, top_p and top_k, and nothing else', () => {
    const body = anthropicBody([user('hi')], { temperature: 0.2, top_p: 0.9, top_k: 40, thinking: { type: 'enabled', budget_tokens: 2048 } })
    const fixed = fix('remove-sampling-params', 'anthropic', body)
    expect(fixed.changes).toEqual(['temperature (0.2) removed', 'top_p (0.9) removed', 'top_k (40) removed'])
    expect(fixed.body).toEqual(anthropicBody([user('hi')], { thinking: { type: 'enabled', budget_tokens: 2048 } }))
    expect(refs('anthropic', fixed.body)).not.toContain('R14')
    expect(() => fix('remove-sampling-params', 'openai', openaiBody([user('hi')]))).toThrow(FixError)
  })
})

describe('use-matching-base-url', () => {
  it('is not a body change: FixError naming the upstream, with the fix id', () => {
    const error = caught(() => fix('use-matching-base-url', 'openai', openaiBody([user('hi')])))
    expect(error).toBeInstanceOf(FixError)
    expect((error as FixError).message).toMatch(/^change the target upstream: /)
    expect((error as FixError).fixId).toBe(USE_MATCHING_BASE_URL)
  })
})

describe('applyFix', () => {
  const all: FixId[] = [
    'restore-thinking', 'text-to-thinking', 'add-empty-signature', 'restore-reasoning-content', 'placeholder-reasoning', 'disable-thinking',
    'drop-thinking', 'add-tool-result', 'drop-orphan-tool-result', 'drop-empty-text', 'fold-system-messages', 'dedupe-tool-names',
    'null-content-to-empty', 'flatten-tool-content', 'drop-trailing-thinking', 'remove-cache-control', 'remove-sampling-params',
    'tool-choice-auto', 'use-matching-base-url'
  ]

  it('has every fix id', () => {
    expect([...FIX_IDS].sort()).toEqual([...all].sort())
  })

  it('throws FixError for a body that is not JSON, not an object, or an unknown fix', () => {
    const input = (bodyText: string) => ({ protocol: 'anthropic' as const, bodyText, replies: [] })
    expect(() => applyFix('drop-empty-text', input('{"model": '))).toThrow(/^the body is not valid JSON: /)
    expect(() => applyFix('drop-empty-text', input('[1, 2]'))).toThrow('the body is not a JSON object')
    expect(() => applyFix('make-it-work', input('{}'))).toThrow('unknown fix "make-it-work"')
    expect(() => applyFix('drop-empty-text', input('{}'))).toThrow('drop-empty-text: nothing to change in this request')
    expect(caught(() => applyFix('drop-empty-text', input('{}')))).toMatchObject({ name: 'FixError', fixId: 'drop-empty-text' })
  })

  it('every fix either applies or throws FixError on the healthy fixtures, never anything else', () => {
    for (const [name, protocol] of [['healthy-anthropic.json', 'anthropic'], ['healthy-openai.json', 'openai']] as const) {
      for (const id of all) {
        try {
          const result = applyFix(id, { protocol, bodyText: pretty(fixtureBody(name)), replies: [] })
          expect(result.changes.length).toBeGreaterThan(0)
        } catch (err) {
          expect(err, `${id} on ${name}`).toBeInstanceOf(FixError)
        }
      }
    }
  })

  it('only reprints what it does not change: the rest of the body is the same JSON', () => {
    const body = fixtureBody('healthy-anthropic.json')
    const fixed = fix('remove-sampling-params', 'anthropic', { ...body, temperature: 0.5 })
    expect(fixed.text).toBe(pretty(body))
  })
})
