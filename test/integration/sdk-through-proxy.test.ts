// Real SDK clients through the real proxy to the emulator: what the client gets is byte-identical to a
// direct call, and the store holds exactly what went over the wire.
import Anthropic from '@anthropic-ai/sdk'
import OpenAI from 'openai'
import { afterEach, describe, expect, it } from 'vitest'
import { startStack, PAYG_KEY, type Stack } from './stack'
import { anthropicWeatherRequest, openaiWeatherRequest, WEATHER_TURN } from '../scenarios/weather-turn'


let stack: Stack
afterEach(async () => stack?.close())

async function bytesVia<T>(base: string, call: (base: string) => Promise<Response>): Promise<Buffer> {
  const res = await call(base)
  return Buffer.from(await res.arrayBuffer())
}

describe.each([false, true])('stream=%s', (stream) => {
  it('Anthropic SDK: proxied bytes equal direct bytes, and the store holds them', async () => {
    stack = await startStack({ deterministic: true })
    const client = (base: string): Anthropic => new Anthropic({ baseURL: `${base}/anthropic`, apiKey: PAYG_KEY, maxRetries: 0 })
    const call = (base: string): Promise<Response> => client(base).messages.create({ ...anthropicWeatherRequest, stream } as never).asResponse()

    stack.emulator.script(WEATHER_TURN)
    const direct = await bytesVia(stack.emulator.url, call)
    stack.emulator.reset()
    stack.emulator.script(WEATHER_TURN)
    const ended = stack.ended()
    const proxied = await bytesVia(stack.proxyUrl, call)
    expect(proxied.toString()).toBe(direct.toString())
    expect(proxied.equals(direct)).toBe(true)

    const [summary] = await ended
    expect(summary).toMatchObject({ state: 'completed', status: 200, model: 'mimo-v2.5-pro', stream, protocol: 'anthropic' })
    expect(summary.usage).toMatchObject({ inputTokens: 42, outputTokens: 17 })
    const record = stack.inspector.store.get(summary.id)!
    expect(stack.inspector.store.getBody(record.response!.body!).equals(proxied)).toBe(true)
    // The upstream got exactly the client's body; the store has the same bytes.
    const upstreamBody = stack.emulator.received[0].body
    expect(stack.inspector.store.getBody(record.request.body!).equals(upstreamBody)).toBe(true)
  })

  it('Anthropic SDK reassembles thinking + tool_use through the proxy', async () => {
    stack = await startStack()
    stack.emulator.script(WEATHER_TURN)
    const anthropic = new Anthropic({ baseURL: `${stack.proxyUrl}/anthropic`, apiKey: PAYG_KEY, maxRetries: 0 })
    const message = stream
      ? await anthropic.messages.stream(anthropicWeatherRequest).finalMessage()
      : await anthropic.messages.create(anthropicWeatherRequest)
    expect(message.content.map((b) => b.type)).toEqual(['thinking', 'text', 'tool_use'])
    const tool = message.content.find((b) => b.type === 'tool_use')
    expect(tool && 'input' in tool ? tool.input : null).toEqual({ city: 'Beijing', unit: 'c' })
  })

  it('OpenAI SDK: proxied bytes equal direct bytes, reasoning and tool calls intact', async () => {
    stack = await startStack({ deterministic: true })
    const client = (base: string): OpenAI => new OpenAI({ baseURL: `${base}/v1`, apiKey: PAYG_KEY, maxRetries: 0 })
    const call = (base: string): Promise<Response> => client(base).chat.completions.create({ ...openaiWeatherRequest, stream } as never).asResponse()

    stack.emulator.script(WEATHER_TURN)
    const direct = await bytesVia(stack.emulator.url, call)
    stack.emulator.reset()
    stack.emulator.script(WEATHER_TURN)
    const ended = stack.ended()
    const proxied = await bytesVia(stack.proxyUrl, call)
    expect(proxied.equals(direct)).toBe(true)
    const [summary] = await ended
    expect(summary).toMatchObject({ state: 'completed', status: 200, model: 'mimo-v2.5', stream, protocol: 'openai' })
    expect(summary.usage).toMatchObject({ inputTokens: 42, outputTokens: 17, reasoningTokens: 9 })

    if (stream) {
      const view = await stack.inspector.handlers['exchanges:stream']({ id: summary.id })
      expect(view?.message?.blocks.map((b) => b.type)).toEqual(['reasoning', 'text', 'tool_call'])
      expect(view?.events.at(-1)?.data).toBe('[DONE]')
    }
  })
})

describe('stream timing', () => {
  it('keeps the spacing between chunks (no buffering in the proxy)', async () => {
    stack = await startStack()
    const delay = 60
    stack.emulator.setChunkDelay(delay)
    stack.emulator.script({ text: 'one two three four five six seven eight' })
    const res = await fetch(`${stack.proxyUrl}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${PAYG_KEY}` },
      body: JSON.stringify({ model: 'mimo-v2-flash', stream: true, messages: [{ role: 'user', content: 'hi' }] })
    })
    const arrivals: number[] = []
    const reader = res.body!.getReader()
    for (;;) {
      const { done } = await reader.read()
      if (done) break
      arrivals.push(performance.now())
    }
    const gaps = arrivals.slice(1).map((t, i) => t - arrivals[i])
    // Each event is written `delay` ms after the previous one; a buffering proxy would deliver them in one go.
    expect(arrivals.length).toBeGreaterThanOrEqual(6)
    const spaced = gaps.filter((g) => g > delay * 0.6)
    expect(spaced.length).toBeGreaterThanOrEqual(gaps.length - 2)
    const total = arrivals.at(-1)! - arrivals[0]
    expect(total).toBeGreaterThan(delay * (arrivals.length - 3))
  })
})
