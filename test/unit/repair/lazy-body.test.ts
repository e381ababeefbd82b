// The partly read body a live repair rule works on must behave exactly like JSON.parse's: every fix of the
// catalogue, run on both, gives the same body and the same change lines, on real agents' requests; the bytes
// of messages nobody read go out as they came; and anything the scan does not take falls back to a full parse.
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { NO_EVIDENCE } from '../../../src/main/core/evidence/match'
import type { JsonRecord } from '../../../src/main/core/protocols/json'
import { lazyBody } from '../../../src/main/core/repair/lazy-body'
import { LIVE_FIXES } from '../../../src/main/core/repair/repair-rules'
import { FIXES, isFixId } from '../../../src/main/core/replay/fixes/registry'
import type { FixProtocol } from '../../../src/main/core/replay/fixes/types'

const clients = new URL('../../fixtures/clients/', import.meta.url)
const diagnoses = new URL('../diagnose/fixtures/', import.meta.url)

/** Request bodies of every captured client and every diagnosis fixture, with their format. */
function realBodies(): Array<{ name: string; protocol: FixProtocol; text: string }> {
  const out: Array<{ name: string; protocol: FixProtocol; text: string }> = []
  const add = (name: string, file: URL): void => {
    const x = JSON.parse(readFileSync(file, 'utf8')) as { request?: { path?: string; body?: unknown } }
    const body = x.request?.body
    if (typeof body !== 'object' || body === null || !Array.isArray((body as JsonRecord).messages)) return
    const protocol: FixProtocol = (x.request?.path ?? '').includes('chat/completions') ? 'openai' : 'anthropic'
    // Pretty-printed, as some clients send it: the scan must take whitespace anywhere.
    out.push({ name, protocol, text: JSON.stringify(body, null, out.length % 2 === 0 ? 2 : undefined) })
  }
  for (const dir of readdirSync(clients, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue
    for (const f of readdirSync(new URL(`${dir.name}/`, clients))) if (f.endsWith('.json')) add(`${dir.name}/${f}`, new URL(`${dir.name}/${f}`, clients))
  }
  for (const f of readdirSync(diagnoses)) if (f !== 'expected.json') add(`diagnose/${f}`, new URL(f, diagnoses))
  return out
}

type Outcome = { changes: string[] } | { error: string }

function run(fixId: string, body: JsonRecord, protocol: FixProtocol): Outcome {
  if (!isFixId(fixId)) throw new Error(fixId)
  try {
    return { changes: FIXES[fixId].apply(body, { protocol, finding: null, evidence: () => NO_EVIDENCE }) }
  } catch (err) {
    return { error: (err as Error).message }
  }
}

describe('lazy request body', () => {
  const bodies = realBodies()

  it('reads real agents’ requests of both formats', () => {
    expect(bodies.length).toBeGreaterThan(30)
    expect(new Set(bodies.map((b) => b.protocol))).toEqual(new Set(['anthropic', 'openai']))
    for (const b of bodies) expect(lazyBody(Buffer.from(b.text)), b.name).not.toBeNull()
  })

  it('every live fix gives the same body and the same change lines as on a full parse', () => {
    let changed = 0
    for (const b of bodies) {
      for (const fixId of LIVE_FIXES) {
        if (!isFixId(fixId) || !FIXES[fixId].protocols.includes(b.protocol)) continue
        const eager = JSON.parse(b.text) as JsonRecord
        const lazy = lazyBody(Buffer.from(b.text))!
        const expected = run(fixId, eager, b.protocol)
        expect(run(fixId, lazy.body, b.protocol), `${fixId} on ${b.name}`).toEqual(expected)
        expect(JSON.parse(Buffer.concat(lazy.serialize()).toString('utf8')), `${fixId} on ${b.name}`).toEqual(eager)
        if ('changes' in expected && expected.changes.length > 0) changed++
      }
    }
    // The comparison means something only if fixes did change bodies.
    expect(changed).toBeGreaterThan(20)
  })

  it('sends the bytes of messages no fix read as they came, and re-writes the ones it changed', () => {
    const text = '{ "model" : "m",\n  "messages": [ {"role":"user","content":"caf\\u00e9 \\"q\\" \\\\"} ,\n {"role":"assistant","content":null,"tool_calls":[{"id":"c1"}]} ],"stream":true, "tools": [ {"name": "a"} ]}'
    const lazy = lazyBody(Buffer.from(text))!
    const messages = lazy.body.messages as JsonRecord[]
    expect(messages.map((m) => m.role)).toEqual(['user', 'assistant'])
    // Keys a message does not have read as on any object, without parsing it: its bytes still go out as they came.
    expect([messages[0].tool_calls, 'reasoning_content' in messages[0], 'toString' in messages[0], typeof messages[0].hasOwnProperty]).toEqual([undefined, false, true, 'function'])
    messages[1].content = ''
    const out = Buffer.concat(lazy.serialize()).toString('utf8')
    expect(out).toContain('{"role":"user","content":"caf\\u00e9 \\"q\\" \\\\"}')
    // So are top-level fields no fix read.
    expect(out).toContain('"tools":[ {"name": "a"} ]')
    expect(JSON.parse(out)).toEqual({ model: 'm', messages: [{ role: 'user', content: 'café "q" \\' }, { role: 'assistant', content: '', tool_calls: [{ id: 'c1' }] }], stream: true, tools: [{ name: 'a' }] })
  })

  it('sends a long history of untouched messages as a few views of the original bytes', () => {
    const messages = Array.from({ length: 200 }, (_, k) => ({ role: k % 2 ? 'assistant' : 'user', content: `turn ${k}` }))
    const text = JSON.stringify({ model: 'm', messages })
    const lazy = lazyBody(Buffer.from(text))!
    const sent = lazy.body.messages as JsonRecord[]
    sent[100].content = 'changed'
    const parts = lazy.serialize()
    expect(parts.length).toBeLessThanOrEqual(7)
    messages[100].content = 'changed'
    expect(Buffer.concat(parts).toString('utf8')).toBe(JSON.stringify({ model: 'm', messages }))
  })

  it('follows every kind of change: a key deleted, a message inserted, replaced or removed, a nested push', () => {
    const text = JSON.stringify({ messages: [{ role: 'system', content: 's' }, { role: 'user', content: [{ type: 'text', text: 'a' }] }, 'odd', { role: 'assistant', content: 'x', extra: 1 }], max_tokens: 5 })
    const lazy = lazyBody(Buffer.from(text))!
    const eager = JSON.parse(text) as JsonRecord
    for (const body of [lazy.body, eager]) {
      const m = body.messages as Array<JsonRecord | string>
      delete (m[3] as JsonRecord).extra
      ;(m[3] as JsonRecord).role = 'model'
      expect((m[3] as JsonRecord).role).toBe('model')
      ;((m[1] as JsonRecord).content as unknown[]).push({ type: 'text', text: 'b' })
      m.splice(0, 1)
      m.unshift({ role: 'developer', content: 'd' })
      m[2] = 'replaced'
      body.max_tokens = undefined
      body.top = { k: [1, 2] }
    }
    expect(Buffer.concat(lazy.serialize()).toString('utf8')).toBe(JSON.stringify(eager))
  })

  it('matches JSON.parse on random bodies (escapes, unicode, nesting, whitespace)', () => {
    let seed = 7
    const rnd = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32)
    const pieces = ['a', '"', '\\', '\n', 'é', '😀', '{', ']', ',', ':', '\\"', '\u2028', ' ']
    const str = (): string => Array.from({ length: Math.floor(rnd() * 8) }, () => pieces[Math.floor(rnd() * pieces.length)]).join('')
    const value = (depth: number): unknown => {
      const r = rnd()
      if (depth > 3 || r < 0.3) return [str(), 1.5e-3, -0, true, null, 42][Math.floor(rnd() * 6)]
      if (r < 0.6) return Array.from({ length: Math.floor(rnd() * 4) }, () => value(depth + 1))
      return Object.fromEntries(Array.from({ length: Math.floor(rnd() * 4) }, () => [str(), value(depth + 1)]))
    }
    for (let n = 0; n < 300; n++) {
      const body = { [str()]: value(0), messages: Array.from({ length: Math.floor(rnd() * 5) }, () => (rnd() < 0.8 ? { role: str(), content: value(1) } : value(1))), [str()]: value(0) }
      const text = JSON.stringify(body, null, n % 3 === 0 ? ' \t' : undefined)
      const lazy = lazyBody(Buffer.from(text))
      expect(lazy, text).not.toBeNull()
      const messages = lazy!.body.messages as unknown[]
      expect(JSON.parse(JSON.stringify(lazy!.body))).toEqual(JSON.parse(text))
      // Touch every third message (read ones are re-written, the rest copied, neighbours in one run), and now and
      // then take one out: the neighbours it separated are no longer one run.
      messages.forEach((m, k) => k % 3 === 0 && typeof m === 'object' && m !== null && Object.keys(m))
      const expected = JSON.parse(text) as { messages: unknown[] }
      if (n % 4 === 1 && messages.length > 2) {
        messages.splice(1, 1)
        expected.messages.splice(1, 1)
      }
      expect(JSON.parse(Buffer.concat(lazy!.serialize()).toString('utf8'))).toEqual(expected)
    }
  })

  it('leaves what it cannot take to a full parse', () => {
    for (const text of ['[1]', '{"model":"m"}', '{"messages":{}}', '{"messages":[1,]', '{"messages":[]} x', '\ufeff{"messages":[]}', '{"messages":["a]}', '']) {
      expect(lazyBody(Buffer.from(text)), text).toBeNull()
    }
  })
})
