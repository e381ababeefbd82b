// The emulator on real sockets, checked with the real Anthropic and OpenAI SDKs and with raw bytes.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { request as httpsRequest } from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Anthropic from '@anthropic-ai/sdk'
import OpenAI from 'openai'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { post, readTimed, sseData, sseEvents } from './raw-http'
import { startEmulator, type Emulator, type ScriptedTurn } from './server'

// Verbatim from the reports of R02 (docs/rules.md), written out here so the test does not trust the emulator's own constant.
const R02_BODY =
  '{"error":{"code":"400","message":"Param Incorrect",' +
  '"param":"The reasoning_content in the thinking mode must be passed back to the API.","type":""}}'

function toolTurn(id: string): ScriptedTurn {
  return {
    thinking: 'The user wants the weather. I should call get_weather for Beijing.',
    text: 'Let me check the forecast.',
    toolCalls: [{ id, name: 'get_weather', input: { city: 'Beijing', days: 3, units: { temp: 'C' }, tags: ['a', 'b'] } }],
    usage: { input: 42, output: 17, reasoning: 9 },
    signature: 'sig-emulator-1'
  }
}

const user = { role: 'user' as const, content: 'What is the weather in Beijing?' }

function anthropicHistory(thinkingInTurns: [boolean, boolean], extra: object = {}): object {
  const toolTurnMsg = (i: number, withThinking: boolean): object[] => [
    {
      role: 'assistant',
      content: [
        ...(withThinking ? [{ type: 'thinking', thinking: 'need a tool', signature: 'sig' }] : []),
        { type: 'tool_use', id: `toolu_${i}`, name: 'get_weather', input: { city: 'Beijing' } }
      ]
    },
    { role: 'user', content: [{ type: 'tool_result', tool_use_id: `toolu_${i}`, content: 'sunny' }] }
  ]
  return {
    model: 'mimo-v2.5-pro',
    max_tokens: 256,
    messages: [user, ...toolTurnMsg(1, thinkingInTurns[0]), ...toolTurnMsg(2, thinkingInTurns[1])],
    ...extra
  }
}

function openaiHistory(reasoning: [unknown, unknown], extra: object = {}): object {
  const toolTurnMsg = (i: number, r: unknown): object[] => [
    {
      role: 'assistant',
      content: '',
      ...(r === undefined ? {} : { reasoning_content: r }),
      tool_calls: [{ id: `call_${i}`, type: 'function', function: { name: 'get_weather', arguments: '{"city":"Beijing"}' } }]
    },
    { role: 'tool', tool_call_id: `call_${i}`, content: 'sunny' }
  ]
  return {
    model: 'mimo-v2.5-pro',
    messages: [
      { role: 'system', content: 'Be brief.' },
      user,
      ...toolTurnMsg(1, reasoning[0]),
      ...toolTurnMsg(2, reasoning[1])
    ],
    ...extra
  }
}

function headerValue(raw: string[], name: string): string | undefined {
  for (let i = 0; i < raw.length; i += 2) if (raw[i].toLowerCase() === name) return raw[i + 1]
  return undefined
}

let emu: Emulator
const oaiUrl = (): string => emu.url + '/v1/chat/completions'
const antUrl = (): string => emu.url + '/anthropic/v1/messages'
let anthropic: Anthropic
let openai: OpenAI
beforeAll(async () => {
  emu = await startEmulator()
  anthropic = new Anthropic({ baseURL: emu.url + '/anthropic', apiKey: 'sk-test', maxRetries: 0 })
  openai = new OpenAI({ baseURL: emu.url + '/v1', apiKey: 'sk-test', maxRetries: 0 })
})
afterAll(() => emu.close())
beforeEach(() => emu.reset())

describe('routes', () => {
  it('answers /health and 404s unknown paths with a MiMo-shaped body', async () => {
    expect(await (await fetch(emu.url + '/health')).text()).toBe('ok')
    const res = await post(emu.url + '/v1/embeddings', {})
    expect(res.status).toBe(404)
    expect(JSON.parse(res.text).error.code).toBe('404')
  })

  it('accepts any path prefix before the two routes and records the exact request', async () => {
    const raw = '{"model":"mimo-v2.5","messages":[{"role":"user","content":"hi"}]}'
    const headers = { 'api-key': 'sk-x', 'X-Custom': 'Kept' }
    const res = await post(emu.url + '/some/prefix/anthropic/v1/messages?beta=true', raw, headers)
    expect(res.status).toBe(200)
    const rec = emu.received[0]
    expect(rec.method).toBe('POST')
    expect(rec.path).toBe('/some/prefix/anthropic/v1/messages?beta=true')
    expect(rec.body.equals(Buffer.from(raw))).toBe(true)
    expect(headerValue(rec.headers, 'x-custom')).toBe('Kept')
    expect(rec.headers).toContain('X-Custom') // raw case kept
  })
})

describe('Anthropic path with the real SDK', () => {
  it('non-stream: thinking, text and tool_use blocks in a MiMo-shaped message', async () => {
    emu.script(toolTurn('toolu_emu_1'))
    const msg = await anthropic.messages.create({ model: 'mimo-v2.5-pro', max_tokens: 256, messages: [user] })
    expect(msg.id).toMatch(/^[0-9a-f]{32}$/)
    expect(msg.stop_reason).toBe('tool_use')
    expect(msg.content).toEqual([
      { type: 'thinking', thinking: toolTurn('').thinking, signature: 'sig-emulator-1' },
      { type: 'text', text: 'Let me check the forecast.' },
      { type: 'tool_use', id: 'toolu_emu_1', name: 'get_weather', input: toolTurn('').toolCalls![0].input }
    ])
    expect(msg.usage).toEqual({ input_tokens: 42, output_tokens: 17 })
    // SDK 1.14 sends `Authorization: Bearer`; older ones sent x-api-key. Either must reach the auth check.
    const h = emu.received[0].headers
    expect(headerValue(h, 'x-api-key') ?? headerValue(h, 'authorization')?.replace(/^Bearer /, '')).toBe('sk-test')
  })

  it('stream: the SDK reassembles thinking + signature + tool input', async () => {
    emu.script(toolTurn('toolu_emu_2'))
    const msg = await anthropic.messages.stream({ model: 'mimo-v2.5-pro', max_tokens: 256, messages: [user] }).finalMessage()
    expect(msg.content).toEqual([
      { type: 'thinking', thinking: toolTurn('').thinking, signature: 'sig-emulator-1' },
      { type: 'text', text: 'Let me check the forecast.' },
      { type: 'tool_use', id: 'toolu_emu_2', name: 'get_weather', input: toolTurn('').toolCalls![0].input }
    ])
    expect(msg.stop_reason).toBe('tool_use')
    expect(msg.usage.output_tokens).toBe(17)
  })

  it('stream: framing and event order follow docs/wire-formats.md §1', async () => {
    emu.script(toolTurn('toolu_emu_3'))
    const res = await post(antUrl(), { model: 'mimo-v2.5-pro', messages: [user], stream: true })
    expect(res.headers.get('content-type')).toBe('text/event-stream')
    for (const event of sseEvents(res.text)) expect(event).toMatch(/^event: [a-z_]+\ndata: \{.*\}$/)
    const events = sseData(res.text) as Array<{ type: string; delta?: { type: string; partial_json?: string } }>
    const kinds = events.map((e) => (e.type === 'content_block_delta' ? e.delta!.type : e.type))
    const collapsed = kinds.filter((k, i) => k !== kinds[i - 1])
    expect(collapsed).toEqual([
      'message_start',
      'content_block_start', 'ping', 'thinking_delta', 'signature_delta', 'content_block_stop',
      'content_block_start', 'text_delta', 'content_block_stop',
      'content_block_start', 'input_json_delta', 'content_block_stop',
      'message_delta', 'message_stop'
    ])
    const json = events.filter((e) => e.delta?.type === 'input_json_delta').map((e) => e.delta!.partial_json)
    expect(json[0]).toBe('')
    expect(json.length).toBeGreaterThan(2)
    expect(kinds.filter((k) => k === 'text_delta').length).toBeGreaterThan(1)
  })

  it('signature: null sends no signature_delta', async () => {
    emu.script({ ...toolTurn('toolu_4'), signature: null })
    const msg = await anthropic.messages.stream({ model: 'mimo-v2.5-pro', max_tokens: 256, messages: [user] }).finalMessage()
    expect(msg.content[0]).toEqual({ type: 'thinking', thinking: toolTurn('').thinking, signature: '' })
    expect(emu.received).toHaveLength(1)
  })

  it('thinking off (disabled, or mimo-v2-flash by default) drops the thinking block', async () => {
    emu.script([toolTurn('t1'), toolTurn('t2')])
    const disabled = await post(antUrl(), { model: 'mimo-v2.5', messages: [user], thinking: { type: 'disabled' } })
    const flash = await post(antUrl(), { model: 'mimo-v2-flash', messages: [user] })
    for (const res of [disabled, flash]) {
      expect(JSON.parse(res.text).content.map((b: { type: string }) => b.type)).toEqual(['text', 'tool_use'])
    }
  })
})

describe('OpenAI path with the real SDK', () => {
  it('non-stream: reasoning_content, tool_calls and reasoning_tokens', async () => {
    emu.script(toolTurn('call_emu_1'))
    const done = await openai.chat.completions.create({ model: 'mimo-v2.5-pro', messages: [user] })
    expect(done.id).toMatch(/^[0-9a-f]{32}$/)
    const choice = done.choices[0]
    expect(choice.finish_reason).toBe('tool_calls')
    expect((choice.message as unknown as { reasoning_content: string }).reasoning_content).toBe(toolTurn('').thinking)
    expect(choice.message.content).toBe('Let me check the forecast.')
    const call = choice.message.tool_calls![0]
    expect(call.id).toBe('call_emu_1')
    expect(call.type === 'function' && JSON.parse(call.function.arguments)).toEqual(toolTurn('').toolCalls![0].input)
    expect(done.usage).toMatchObject({
      prompt_tokens: 42,
      completion_tokens: 17,
      total_tokens: 59,
      completion_tokens_details: { reasoning_tokens: 9 }
    })
    expect(headerValue(emu.received[0].headers, 'authorization')).toBe('Bearer sk-test')
  })

  it('stream: chunks reassemble into reasoning, content and tool calls; usage chunk then [DONE]', async () => {
    emu.script(toolTurn('call_emu_2'))
    const stream = await openai.chat.completions.create({ model: 'mimo-v2.5-pro', messages: [user], stream: true })
    let reasoning = ''
    let content = ''
    const calls: Array<{ id?: string; name?: string; args: string }> = []
    let finish: string | null = null
    let usage: OpenAI.CompletionUsage | null | undefined
    for await (const chunk of stream) {
      if (chunk.usage) usage = chunk.usage
      const choice = chunk.choices[0]
      if (!choice) continue
      const delta = choice.delta as typeof choice.delta & { reasoning_content?: string | null }
      reasoning += delta.reasoning_content ?? ''
      content += delta.content ?? ''
      for (const tc of delta.tool_calls ?? []) {
        const slot = (calls[tc.index] ??= { args: '' })
        slot.id ??= tc.id
        slot.name ??= tc.function?.name
        slot.args += tc.function?.arguments ?? ''
      }
      finish = choice.finish_reason ?? finish
    }
    expect(reasoning).toBe(toolTurn('').thinking)
    expect(content).toBe('Let me check the forecast.')
    expect(calls).toHaveLength(1)
    expect(calls[0].id).toBe('call_emu_2')
    expect(calls[0].name).toBe('get_weather')
    expect(JSON.parse(calls[0].args)).toEqual(toolTurn('').toolCalls![0].input)
    expect(finish).toBe('tool_calls')
    expect(usage?.completion_tokens_details?.reasoning_tokens).toBe(9)
  })

  it("stream: the SDK's own accumulator gets the tool call", async () => {
    emu.script(toolTurn('call_emu_3'))
    const final = await openai.chat.completions.stream({ model: 'mimo-v2.5-pro', messages: [user] }).finalChatCompletion()
    const call = final.choices[0].message.tool_calls![0]
    expect(call.type === 'function' && [call.id, call.function.name, JSON.parse(call.function.arguments)]).toEqual([
      'call_emu_3',
      'get_weather',
      toolTurn('').toolCalls![0].input
    ])
  })

  it('stream: raw framing is `data: {json}` per chunk and ends with [DONE]', async () => {
    const res = await post(oaiUrl(), { model: 'mimo-v2.5', messages: [user], stream: true })
    expect(res.text.endsWith('data: [DONE]\n\n')).toBe(true)
    for (const event of sseEvents(res.text)) expect(event).toMatch(/^data: /)
    const chunks = sseData(res.text)
    const usageChunk = chunks[chunks.length - 2] as { choices: unknown[]; usage: object }
    expect(usageChunk.choices).toEqual([])
    expect(usageChunk.usage).toHaveProperty('completion_tokens_details.reasoning_tokens')
  })
})

describe('R02 reasoning pass-back', () => {
  it('OpenAI: any historical tool-call turn without reasoning_content is a 400, not only the last', async () => {
    for (const missing of [undefined, null, '']) {
      const res = await post(oaiUrl(), openaiHistory([missing, 'I called it']))
      expect(res.status).toBe(400)
      expect(res.text).toBe(R02_BODY)
    }
  })

  it('OpenAI: streamed, the 400 body is `data:{...}` with no space and no [DONE]', async () => {
    const res = await post(oaiUrl(), openaiHistory(['ok', undefined], { stream: true }))
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toBe('text/event-stream')
    expect(res.text).toBe('data:' + R02_BODY)
  })

  it('OpenAI: passes when reasoning is passed back, thinking is disabled, or the model is flash', async () => {
    const none: [undefined, undefined] = [undefined, undefined]
    expect((await post(oaiUrl(), openaiHistory(['a', 'b']))).status).toBe(200)
    expect((await post(oaiUrl(), openaiHistory(none, { thinking: { type: 'disabled' } }))).status).toBe(200)
    expect((await post(oaiUrl(), openaiHistory(none, { model: 'mimo-v2-flash' }))).status).toBe(200)
    const flashOn = await post(oaiUrl(), openaiHistory(none, { model: 'mimo-v2-flash', thinking: { type: 'enabled' } }))
    expect(flashOn.text).toBe(R02_BODY)
  })

  it('Anthropic: a tool_use turn without a thinking block is a 400 with the same text', async () => {
    const res = await post(antUrl(), anthropicHistory([false, true]))
    expect(res.status).toBe(400)
    expect(res.text).toBe(R02_BODY)
    expect((await post(antUrl(), anthropicHistory([true, true]))).status).toBe(200)
    const disabled = anthropicHistory([false, false], { thinking: { type: 'disabled' } })
    expect((await post(antUrl(), disabled)).status).toBe(200)
    // Claude Code's `adaptive` is thinking on, like `enabled`.
    expect((await post(antUrl(), anthropicHistory([false, false], { thinking: { type: 'adaptive' } }))).status).toBe(400)
  })

  it('Anthropic: streamed, `data:` prefixed by default; the SDK surfaces a 400', async () => {
    const res = await post(antUrl(), anthropicHistory([true, false], { stream: true }))
    expect(res.status).toBe(400)
    expect(res.text).toBe('data:' + R02_BODY)
    const body = anthropicHistory([true, false]) as Anthropic.MessageCreateParamsNonStreaming
    await expect(anthropic.messages.stream(body).finalMessage()).rejects.toMatchObject({ status: 400 })
  })

  it('Anthropic: anthropicStreamErrorPrefix false gives plain JSON', async () => {
    const plain = await startEmulator({ anthropicStreamErrorPrefix: false })
    try {
      const res = await post(plain.url + '/anthropic/v1/messages', anthropicHistory([true, false], { stream: true }))
      expect(res.headers.get('content-type')).toBe('application/json')
      expect(res.text).toBe(R02_BODY)
    } finally {
      await plain.close()
    }
  })
})

describe('validation order', () => {
  it('JSON, then model, then messages, each a MiMo Param Incorrect', async () => {
    const url = emu.url + '/v1/chat/completions'
    const cases: Array<[unknown, RegExp]> = [
      ['{not json', /JSON/],
      [{ messages: [user] }, /model/],
      [{ model: 'gpt-4o', messages: [user] }, /gpt-4o/],
      [{ model: 'mimo-v2.5', messages: [] }, /messages/]
    ]
    for (const [body, param] of cases) {
      const res = await post(url, body)
      expect(res.status).toBe(400)
      const err = JSON.parse(res.text).error
      expect(err).toMatchObject({ code: '400', message: 'Param Incorrect', type: '' })
      expect(err.param).toMatch(param)
    }
  })
})

describe('auth', () => {
  const body = { model: 'mimo-v2.5', messages: [user] }

  it('pay-as-you-go: accepts sk- keys in api-key, Bearer or x-api-key; 401s a missing or tp- key', async () => {
    const url = emu.url + '/v1/chat/completions'
    const good: Record<string, string>[] = [{ 'api-key': 'sk-1' }, { authorization: 'Bearer sk-1' }, { 'x-api-key': 'sk-1' }]
    for (const h of good) expect((await post(url, body, h)).status).toBe(200)
    const bad: Record<string, string>[] = [{}, { 'api-key': 'tp-1' }, { authorization: 'sk-1' }]
    for (const h of bad) {
      const res = await post(url, body, h)
      expect(res.status).toBe(401)
      expect(JSON.parse(res.text).error.code).toBe('401')
    }
    const streamed = await post(url, { ...body, stream: true }, { 'api-key': 'tp-1' })
    expect(streamed.text.startsWith('data:{"error":{"code":"401"')).toBe(true)
  })

  it('token-plan: accepts tp- keys and 401s sk- keys, also through the SDK', async () => {
    const tp = await startEmulator({ flavour: 'token-plan' })
    try {
      expect((await post(tp.url + '/anthropic/v1/messages', body, { 'x-api-key': 'tp-1' })).status).toBe(200)
      const client = new Anthropic({ baseURL: tp.url + '/anthropic', apiKey: 'sk-test', maxRetries: 0 })
      const call = client.messages.create({ model: 'mimo-v2.5', max_tokens: 10, messages: [user] })
      await expect(call).rejects.toBeInstanceOf(Anthropic.AuthenticationError)
    } finally {
      await tp.close()
    }
  })
})

describe('scripted turns and failures', () => {
  const body = { model: 'mimo-v2.5', messages: [user] }
  const url = (): string => emu.url + '/v1/chat/completions'
  const textOf = (res: { text: string }): string => JSON.parse(res.text).choices[0].message.content

  it('scripts are FIFO, errors do not consume them, then the default reply', async () => {
    emu.script([{ text: 'one' }, { text: 'two' }])
    expect(textOf(await post(url(), body))).toBe('one')
    expect((await post(url(), { model: 'nope', messages: [user] })).status).toBe(400)
    expect(textOf(await post(url(), body))).toBe('two')
    const dflt = JSON.parse((await post(url(), body)).text).choices[0].message
    expect(dflt).toMatchObject({ content: 'Hello from the MiMo emulator.', reasoning_content: 'Let me think.' })
  })

  it('status failure: 429 with Retry-After and the MiMo body, once', async () => {
    emu.fail({ status: 429, retryAfter: 7 })
    const res = await post(url(), body)
    expect(res.status).toBe(429)
    expect(res.headers.get('retry-after')).toBe('7')
    expect(JSON.parse(res.text)).toEqual({ error: { code: '429', message: 'Too many requests', type: 'limitation' } })
    expect((await post(url(), body)).status).toBe(200)
    emu.fail({ status: 503 })
    const call = openai.chat.completions.create({ model: 'mimo-v2.5', messages: [user] })
    await expect(call).rejects.toMatchObject({ status: 503 })
  })

  it('mid-stream cut: the client gets exactly N events and then a dropped connection', async () => {
    emu.fail({ cut: 'mid-stream', afterEvents: 3 })
    const { chunks, cut } = await readTimed(antUrl(), { ...body, stream: true })
    expect(cut).toBe(true)
    expect(sseEvents(chunks.map((c) => c.text).join(''))).toHaveLength(3)
    emu.fail({ cut: 'mid-stream', afterEvents: 2 })
    const stream = anthropic.messages.stream({ model: 'mimo-v2.5', max_tokens: 10, messages: [user] })
    await expect(stream.finalMessage()).rejects.toThrow()
  })

  it('hang: no answer until the client gives up; close() still returns', async () => {
    const hung = await startEmulator()
    hung.fail({ hang: true })
    const started = Date.now()
    const init = { method: 'POST', headers: { 'api-key': 'sk-1' }, body: JSON.stringify(body) }
    const send = (signal?: AbortSignal): Promise<Response> => fetch(hung.url + '/v1/chat/completions', { ...init, signal })
    await expect(send(AbortSignal.timeout(300))).rejects.toThrow()
    expect(Date.now() - started).toBeGreaterThanOrEqual(250)
    hung.fail({ hang: true })
    const pending = send()
    await new Promise((r) => setTimeout(r, 100))
    await hung.close()
    await expect(pending).rejects.toThrow()
  })
})

describe('chunk delay', () => {
  it('spaces SSE events by the delay, one write each', async () => {
    emu.setChunkDelay(40)
    const started = performance.now()
    const { chunks } = await readTimed(oaiUrl(), { model: 'mimo-v2.5', messages: [user], stream: true })
    const events = sseEvents(chunks.map((c) => c.text).join(''))
    // A hard lower bound: the server sleeps between every pair of events.
    expect(chunks[chunks.length - 1].at - started).toBeGreaterThanOrEqual(40 * (events.length - 1))
    // Events arrive one by one, spaced; tolerant of the odd read that a busy test machine coalesces.
    expect(chunks.length).toBeGreaterThanOrEqual(events.length - 2)
    const gaps = chunks
      .slice(1)
      .map((c, i) => c.at - chunks[i].at)
      .sort((x, y) => x - y)
    expect(gaps[Math.floor(gaps.length / 2)]).toBeGreaterThanOrEqual(30)
  })
})

describe('TLS', () => {
  it('serves HTTPS with the given key pair', async (ctx) => {
    const dir = mkdtempSync(join(tmpdir(), 'mimo-emu-tls-'))
    try {
      try {
        const args = ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1']
        args.push('-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'))
        execFileSync('openssl', args, { stdio: 'ignore' })
      } catch {
        ctx.skip('openssl is not available to make a test certificate')
      }
      const cert = readFileSync(join(dir, 'cert.pem'))
      const secure = await startEmulator({ tls: { key: readFileSync(join(dir, 'key.pem')), cert } })
      try {
        expect(secure.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
        const text = await new Promise<string>((resolve, reject) => {
          httpsRequest(secure.url + '/health', { ca: cert }, (res) => {
            let out = ''
            res.on('data', (d: Buffer) => (out += d.toString()))
            res.on('end', () => resolve(out))
          }).on('error', reject).end()
        })
        expect(text).toBe('ok')
      } finally {
        await secure.close()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
