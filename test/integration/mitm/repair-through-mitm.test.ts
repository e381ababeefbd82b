// A repair rule works the same through the forward proxy (HTTPS_PROXY, TLS ended here) as through the
// reverse one: the forgetful agent's 6-turn session goes through with its reasoning restored, and the
// upstream, reached over TLS under its own name, gets exactly what it returned.
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { Inspector } from '../../../src/main/core/inspector'
import { startEmulator, type Emulator } from '../../emulator/server'
import { skipUnless } from '../../needs'
import { openaiForgetfulAgent } from '../../scenarios/forgetful-agent'
import { waitForEnded } from '../stack'
import { agentFetch, hasOpenssl, makeTestPki, mimoResolve, proxyAgent, tempDir } from './fixture'

let inspector: Inspector | undefined
let emulator: Emulator | undefined
afterEach(async () => {
  await inspector?.close()
  await emulator?.close()
  inspector = emulator = undefined
})

describe.skipIf(skipUnless(hasOpenssl(), 'openssl (it makes the test certificates)'))('repair rules through the forward proxy', () => {
  async function run(repair: string[]): Promise<{ statuses: number[]; reasoning: Array<string | undefined>; inspector: Inspector; emulator: Emulator }> {
    const pki = makeTestPki()
    emulator = await startEmulator({ tls: { key: pki.key, cert: pki.cert } })
    inspector = await Inspector.start({
      dataDir: tempDir(),
      version: 'test',
      shell: 'web',
      proxyPort: 0,
      mitmPort: 0,
      captureHosts: ['*.mimo.test'],
      upstreamTls: { ca: [pki.caPem] },
      mitmResolveUpstream: mimoResolve,
      repair
    })
    const mitm = inspector.proxyStatus().mitm!
    const viaProxy = agentFetch(proxyAgent(mitm.port, [readFileSync(mitm.caPath, 'utf8')]))
    const turns = repair.length > 0 ? 6 : 2
    const ended = waitForEnded(inspector, turns, 20_000)
    const results = await openaiForgetfulAgent(`https://api.mimo.test:${emulator.port}`, emulator, 6, viaProxy)
    await ended
    return { statuses: results.map((r) => r.status), reasoning: results.map((r) => r.thinking), inspector, emulator }
  }

  it('without a rule the agent fails at turn 2; with restore-reasoning-content all 6 turns pass, patched and marked', async () => {
    const without = await run([])
    expect(without.statuses).toEqual([200, 400])
    await inspector!.close()
    await emulator!.close()

    const { statuses, reasoning, inspector: ins, emulator: em } = await run(['restore-reasoning-content'])
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200])
    const summaries = ins.summaries()
    expect(summaries.map((s) => s.mode)).toEqual(Array(6).fill('mitm'))
    expect(summaries.map((s) => s.patched === true)).toEqual([false, true, true, true, true, true])
    // What the upstream received: each replayed turn with the reasoning_content it returned for it.
    em.received.forEach((r, k) => {
      const body = JSON.parse(r.body.toString('utf8')) as { messages: Array<{ role: string; reasoning_content?: string }> }
      expect(body.messages.filter((m) => m.role === 'assistant').map((m) => m.reasoning_content)).toEqual(reasoning.slice(0, k))
    })
  })
})
