// Seeded fuzz over every parser that reads outside input: imported files, request bodies, error bodies and
// streams. No exception escapes (except the documented ImportError), nothing hangs. CI runs a small fixed
// seed; run longer by hand with FUZZ_ITERATIONS=20000 FUZZ_SEED=… npx vitest run test/unit/fuzz
import { readFileSync, readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseImport } from '../../../src/main/core/import/parse-import'
import { ImportError } from '../../../src/main/core/import/import-entry'
import { diagnose, ruleContext, runRule } from '../../../src/main/core/diagnose/diagnose'
import { RULES } from '../../../src/main/core/diagnose/rules'
import { unwrapError } from '../../../src/main/core/diagnose/unwrap-error'
import { requestView } from '../../../src/main/core/protocols/request-view'
import { buildMessageView, buildStreamView } from '../../../src/main/core/protocols/stream-view'
import { groupKey } from '../../../src/main/core/conversations/group-key'
import { turnDiff } from '../../../src/main/core/conversations/turn-diff'

const ITERATIONS = Number(process.env.FUZZ_ITERATIONS ?? 300)
const SEED = Number(process.env.FUZZ_SEED ?? 20261126)

function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s ^= s << 13
    s ^= s >>> 17
    s ^= s << 5
    return (s >>> 0) / 2 ** 32
  }
}

const fixtureDir = 'test/unit/diagnose/fixtures'
const fixtures = readdirSync(fixtureDir)
  .filter((f) => f.endsWith('.json') && f !== 'expected.json')
  .map((f) => JSON.parse(readFileSync(`${fixtureDir}/${f}`, 'utf8')))

const ODD: unknown[] = [null, true, 0, -1, 1e308, '', 'data:{', '\u0000', [], {}, [null], { type: 'thinking' }, { role: 'tool' }, 'x'.repeat(1000)]

/** Replace a random node of a JSON value with an odd value, or delete it. */
function mutate(value: unknown, r: () => number, depth = 0): unknown {
  if (r() < 0.15 || depth > 8) return ODD[Math.floor(r() * ODD.length)]
  if (Array.isArray(value)) {
    const copy = value.map((v) => (r() < 0.3 ? mutate(v, r, depth + 1) : v))
    if (r() < 0.2) copy.splice(Math.floor(r() * (copy.length + 1)), 0, ODD[Math.floor(r() * ODD.length)])
    if (r() < 0.2) copy.splice(Math.floor(r() * copy.length), 1)
    return copy
  }
  if (value && typeof value === 'object') {
    const copy: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) {
      if (r() < 0.08) continue
      copy[k] = r() < 0.3 ? mutate(v, r, depth + 1) : v
    }
    return copy
  }
  return r() < 0.5 ? value : ODD[Math.floor(r() * ODD.length)]
}

function randomText(r: () => number): string {
  const alphabet = ['{', '}', '[', ']', '"', ':', ',', 'data:', 'event: ', '\n', '\r\n', 'error', 'messages', '\\u00', '0', 'null', ' ']
  let s = ''
  const n = Math.floor(r() * 60)
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(r() * alphabet.length)]
  return s
}

describe(`parser fuzz (seed ${SEED}, ${ITERATIONS} iterations)`, () => {
  it('imports: only ImportError, never anything else', () => {
    const r = rng(SEED)
    for (let i = 0; i < ITERATIONS; i++) {
      const base = fixtures[i % fixtures.length]
      const har = { log: { version: '1.2', entries: [{ request: { method: 'POST', url: 'https://api.xiaomimimo.com/v1/chat/completions', headers: [], postData: { text: JSON.stringify(base.request.body) } }, response: { status: 400, headers: [], content: { text: 'data:{}' } } }] } }
      const input = [JSON.stringify(mutate(base, r)), JSON.stringify(mutate(har, r)), randomText(r), JSON.stringify(mutate(base.request.body, r))][i % 4]
      try {
        parseImport(input, 'fuzz')
      } catch (err) {
        expect(err, input.slice(0, 200)).toBeInstanceOf(ImportError)
      }
    }
  })

  it('requests, errors and streams: diagnose, request view, grouping, diff and stream views never throw', () => {
    const r = rng(SEED + 1)
    for (let i = 0; i < ITERATIONS; i++) {
      const base = fixtures[i % fixtures.length]
      const body = mutate(base.request.body, r)
      const protocol = base.request.path.includes('/v1/messages') ? 'anthropic' : 'openai'
      const responseText = r() < 0.5 ? (typeof base.response?.body === 'string' ? base.response.body : JSON.stringify(base.response?.body ?? null)) : randomText(r)
      const run = (): void => {
        diagnose({ protocol, body, status: r() < 0.5 ? 400 : 200, responseText, responseContentType: r() < 0.5 ? 'text/event-stream' : 'application/json' })
        requestView(protocol, body)
        unwrapError(400, responseText)
        buildStreamView(protocol, responseText)
        groupKey(base.request.path, body)
        turnDiff(protocol, base.request.body, body, 'base')
      }
      expect(run, JSON.stringify(body).slice(0, 300)).not.toThrow()
    }
  })

  // diagnose() catches a crashing rule so the others still speak; here each rule runs bare, so a crash fails.
  it('every rule, called directly on odd bodies, odd errors and odd earlier replies, never throws', () => {
    const r = rng(SEED + 2)
    const names = RULES.map((rule) => rule.name)
    expect(new Set(names).size).toBe(RULES.length)
    // Errors and earlier replies reach the rules only through the parsers, so they are made from odd response texts.
    const oddResponse = (base: (typeof fixtures)[number]): string => {
      const body = base.response?.body
      if (r() < 0.3) return randomText(r)
      return typeof body === 'string' ? body.replace(/[0-9]/g, () => String(Math.floor(r() * 10))) : JSON.stringify(mutate(body ?? null, r))
    }
    for (let i = 0; i < ITERATIONS; i++) {
      const base = fixtures[i % fixtures.length]
      const protocol = base.request.path.includes('/v1/messages') ? 'anthropic' : 'openai'
      const replies = [0, 1, 2].map(() => buildMessageView(protocol, oddResponse(fixtures[Math.floor(r() * fixtures.length)]), r() < 0.5 ? 'text/event-stream' : 'application/json')).filter((m) => m !== null)
      const ctx = ruleContext({ protocol, body: mutate(base.request.body, r), status: r() < 0.7 ? 400 : 200, responseText: oddResponse(base), previousReplies: replies })
      for (const rule of RULES) expect(() => rule(ctx), `${rule.name} on ${JSON.stringify(ctx.body).slice(0, 300)}`).not.toThrow()
    }
  })

  it('a rule that crashes is reported, not hidden', () => {
    const crashing = function brokenRule(): never {
      throw new TypeError('cannot read x of undefined')
    }
    const ctx = ruleContext({ protocol: 'openai', body: { model: 'm', messages: [] }, status: 400, responseText: null })
    const errors: unknown[] = []
    const original = console.error
    console.error = (...args: unknown[]) => void errors.push(args.join(' '))
    try {
      const findings = runRule(crashing, ctx)
      expect(findings).toHaveLength(1)
      expect(findings[0]).toMatchObject({ rule: 'internal.rule-crashed', severity: 'info' })
      expect(findings[0].message).toContain('brokenRule')
    } finally {
      console.error = original
    }
    expect(errors.join('\n')).toMatch(/brokenRule crashed .*cannot read x of undefined/)
  })
})
