// The shared exchange fixtures (also used by the CLI tests) give the culprits written in expected.json, and
// healthy histories give no error-level finding at all.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  anthropicBody,
  assistant,
  diagnoseExchange,
  errorsOf,
  exchangeFixture,
  openaiBody,
  run,
  system,
  text,
  thinking,
  toolResult,
  toolUse,
  user
} from './helpers'

const expected = JSON.parse(readFileSync(new URL('./fixtures/expected.json', import.meta.url), 'utf8')) as Record<string, { culprit: unknown }>

describe('shared fixtures', () => {
  it.each(Object.entries(expected))('%s', (name, { culprit }) => {
    const d = diagnoseExchange(exchangeFixture(name))
    expect(d.culprit).toEqual(culprit)
    if (culprit === null) expect(errorsOf(d.findings)).toEqual([])
  })

  it('anthropic-thinking-dropped explains the pi-ai conversion and matches MiMo\'s error', () => {
    const d = diagnoseExchange(exchangeFixture('anthropic-thinking-dropped.json'))
    expect(d.error).toMatchObject({ provider: 'mimo', wrappers: ['sse-data-prefix'], genericMessage: 'Param Incorrect' })
    expect(d.findings[0]).toMatchObject({ ref: 'R02', matchesError: true, fixIds: ['text-to-thinking', 'placeholder-reasoning', 'disable-thinking'] })
    expect(d.findings[0].message).toContain('Craft Agents/pi-ai')
    expect(d.findings[0].sources.map((s) => s.label)).toContain('craft-agents-oss#746')
  })
})

describe('healthy histories: no error-level finding, no culprit', () => {
  const cases: Array<[string, 'anthropic' | 'openai', unknown]> = [
    ['Anthropic plain chat', 'anthropic', anthropicBody([user('hi'), assistant('hello'), user('how are you?')])],
    ['Anthropic plain chat, string system', 'anthropic', anthropicBody([user('hi')], { system: 'Be brief.', thinking: { type: 'disabled' } })],
    [
      'Anthropic thinking + tool_use replayed on Claude, signatures kept',
      'anthropic',
      anthropicBody(
        [
          user('go'),
          assistant([thinking('plan', 'Eq4CCpIBCBIYAipAM+SGYGx7'.padEnd(160, 'Q')), toolUse('toolu_1')]),
          user([toolResult('toolu_1')]),
          assistant([thinking('next', 'EvQBCkYICxgCKkAxhD4N'.padEnd(160, 'A')), text('Reading more.'), toolUse('toolu_2')]),
          user([toolResult('toolu_2')])
        ],
        { model: 'claude-sonnet-4-5', thinking: { type: 'enabled', budget_tokens: 4096 }, max_tokens: 16000 }
      )
    ],
    [
      'mimo-v2-flash without thinking: tool turns need no reasoning',
      'openai',
      openaiBody(
        [
          system('s'),
          user('go'),
          { role: 'assistant', content: '', tool_calls: [{ id: 'c1', type: 'function', function: { name: 'read', arguments: '{}' } }] },
          { role: 'tool', tool_call_id: 'c1', content: 'ok' }
        ],
        { model: 'mimo-v2-flash' }
      )
    ],
    [
      'Anthropic mimo-v2-flash tool session without thinking',
      'anthropic',
      anthropicBody([user('go'), assistant([toolUse('toolu_1')]), user([toolResult('toolu_1')])], { model: 'mimo-v2-flash' })
    ],
    ['OpenAI plain chat with system first', 'openai', openaiBody([system('s'), user('hi'), { role: 'assistant', content: 'hello' }, user('bye')])]
  ]

  it.each(cases)('%s', (_name, protocol, body) => {
    const d = run(protocol, body)
    expect(errorsOf(d.findings)).toEqual([])
    expect(d.culprit).toBeNull()
  })

  it.each(['healthy-anthropic.json', 'healthy-openai.json'])('%s has no findings at all', (name) => {
    expect(diagnoseExchange(exchangeFixture(name)).findings).toEqual([])
  })

  it('a healthy history that still failed (a 500) gets no culprit', () => {
    const x = exchangeFixture('healthy-openai.json')
    x.response = { status: 500, headers: {}, body: '{"error":{"code":"500","message":"Internal Server Error","type":""}}' }
    expect(diagnoseExchange(x).culprit).toBeNull()
    // …nor a MiMo 400 with an unknown reason: nothing in the history supports one.
    x.response = { status: 400, headers: {}, body: 'data:{"error":{"code":"400","message":"Param Incorrect","param":"something new","type":""}}' }
    expect(diagnoseExchange(x).culprit).toBeNull()
  })
})
