// Real SDK clients and curl, configured with HTTPS_PROXY-style tunnelling, against the HTTPS emulator: the
// client gets exactly the bytes of a direct call, and the store holds exactly what went over the wire.
import Anthropic from '@anthropic-ai/sdk'
import OpenAI from 'openai'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../emulator/server'
import { agentFetch, directAgent, hasOpenssl, makeTestPki, PAYG_KEY, proxyAgent, startMitm, type MitmSetup } from './fixture'
import { anthropicWeatherRequest, openaiWeatherRequest, WEATHER_TURN } from '../../scenarios/weather-turn'
import { skipUnless } from '../../needs'


const openssl = hasOpenssl()

describe.skipIf(skipUnless(openssl, 'openssl (it makes the test certificates)'))('SDKs through the forward proxy', () => {
  let emulator: Emulator
  let mitm: MitmSetup
  let base: string
  let viaProxy: typeof fetch
  let direct: typeof fetch

  beforeAll(async () => {
    const pki = makeTestPki()
    emulator = await startEmulator({ tls: { key: pki.key, cert: pki.cert }, deterministic: true })
    mitm = await startMitm([pki.caPem])
    // The port is kept so direct and proxied calls send the same Host; the proxy maps the name to loopback.
    base = `https://api.mimo.test:${emulator.port}`
    viaProxy = agentFetch(proxyAgent(mitm.port, [mitm.ourCa]))
    direct = agentFetch(directAgent([pki.caPem]))
  })
  afterAll(async () => {
    await mitm?.close()
    await emulator?.close()
  })
  beforeEach(() => emulator.reset())

  async function compare(call: (f: typeof fetch) => Promise<Response>): Promise<{ proxied: Buffer; summaryId: string }> {
    emulator.script(WEATHER_TURN)
    const directBytes = Buffer.from(await (await call(direct)).arrayBuffer())
    emulator.reset()
    emulator.script(WEATHER_TURN)
    const ended = mitm.rec.ended()
    const proxied = Buffer.from(await (await call(viaProxy)).arrayBuffer())
    expect(proxied.toString()).toBe(directBytes.toString())
    expect(proxied.equals(directBytes)).toBe(true)
    const [summary] = await ended
    const record = mitm.rec.store.get(summary.id)!
    expect(mitm.rec.store.getBody(record.response!.body!).equals(proxied)).toBe(true)
    expect(mitm.rec.store.getBody(record.request.body!).equals(emulator.received[0].body)).toBe(true)
    return { proxied, summaryId: summary.id }
  }

  describe.each([false, true])('stream=%s', (stream) => {
    it('Anthropic SDK: bytes equal a direct call, recorded as a mitm exchange', async () => {
      const call = (f: typeof fetch): Promise<Response> =>
        new Anthropic({ baseURL: `${base}/anthropic`, apiKey: PAYG_KEY, maxRetries: 0, fetch: f }).messages.create({ ...anthropicWeatherRequest, stream } as never).asResponse()
      const { summaryId } = await compare(call)
      const summary = mitm.rec.store.get(summaryId)!.summary
      expect(summary).toMatchObject({ mode: 'mitm', state: 'completed', status: 200, model: 'mimo-v2.5-pro', stream, protocol: 'anthropic', path: '/anthropic/v1/messages' })
      expect(summary.upstreamUrl).toBe(`${base}/anthropic/v1/messages`)
      expect(summary.usage).toMatchObject({ inputTokens: 42, outputTokens: 17 })
      // The upstream saw the name the client used, not the loopback address it was routed to.
      const host = emulator.received[0].headers.findIndex((h, i) => i % 2 === 0 && h.toLowerCase() === 'host')
      expect(emulator.received[0].headers[host + 1]).toBe(`api.mimo.test:${emulator.port}`)
    })

    it('OpenAI SDK: bytes equal a direct call, reasoning and tool calls intact', async () => {
      const call = (f: typeof fetch): Promise<Response> =>
        new OpenAI({ baseURL: `${base}/v1`, apiKey: PAYG_KEY, maxRetries: 0, fetch: f }).chat.completions.create({ ...openaiWeatherRequest, stream } as never).asResponse()
      const { summaryId } = await compare(call)
      const summary = mitm.rec.store.get(summaryId)!.summary
      expect(summary).toMatchObject({ mode: 'mitm', state: 'completed', status: 200, model: 'mimo-v2.5', stream, protocol: 'openai' })
      expect(summary.usage).toMatchObject({ inputTokens: 42, outputTokens: 17, reasoningTokens: 9 })
    })
  })

  it('the SDKs still parse what comes through (thinking + tool_use)', async () => {
    emulator.script(WEATHER_TURN)
    const anthropic = new Anthropic({ baseURL: `${base}/anthropic`, apiKey: PAYG_KEY, maxRetries: 0, fetch: viaProxy })
    const message = await anthropic.messages.stream(anthropicWeatherRequest).finalMessage()
    expect(message.content.map((b) => b.type)).toEqual(['thinking', 'text', 'tool_use'])
    await mitm.rec.ended()
  })

  it('keeps the spacing between stream chunks (no buffering)', async () => {
    const delay = 60
    emulator.setChunkDelay(delay)
    emulator.script({ text: 'one two three four five six seven eight' })
    const ended = mitm.rec.ended()
    const res = await viaProxy(`${base}/v1/chat/completions`, {
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
    expect(arrivals.length).toBeGreaterThanOrEqual(6)
    expect(gaps.filter((g) => g > delay * 0.6).length).toBeGreaterThanOrEqual(gaps.length - 2)
    expect(arrivals.at(-1)! - arrivals[0]).toBeGreaterThan(delay * (arrivals.length - 3))
    // The recorder saw the same spacing.
    const [summary] = await ended
    const times = JSON.parse(mitm.rec.store.getBody(mitm.rec.store.get(summary.id)!.response!.chunkTimes!).toString()) as number[]
    const at = times.filter((_, i) => i % 2 === 1)
    expect(at.at(-1)! - at[0]).toBeGreaterThan(delay * (at.length - 3))
  })

  it('curl --proxy … --cacert ca.pem works and is recorded', async (ctx) => {
    const curl = await promisify(execFile)('curl', ['--version']).then(() => true, () => false)
    if (!curl) {
      console.warn('skipping: curl is not installed')
      return ctx.skip()
    }
    emulator.script({ text: 'hello from curl' })
    const ended = mitm.rec.ended()
    const body = JSON.stringify({ model: 'mimo-v2-flash', messages: [{ role: 'user', content: 'hi' }] })
    const { stdout } = await promisify(execFile)('curl', [
      '-sS', '--fail-with-body', '--proxy', `http://127.0.0.1:${mitm.port}`, '--cacert', mitm.proxy.caCertPath,
      '-H', 'content-type: application/json', '-H', `authorization: Bearer ${PAYG_KEY}`, '--data-binary', body, `${base}/v1/chat/completions`
    ])
    expect(JSON.parse(stdout).choices[0].message.content).toBe('hello from curl')
    const [summary] = await ended
    expect(summary).toMatchObject({ mode: 'mitm', state: 'completed', status: 200, protocol: 'openai' })
    expect(mitm.rec.store.getBody(mitm.rec.store.get(summary.id)!.response!.body!).toString()).toBe(stdout)
  })
})
