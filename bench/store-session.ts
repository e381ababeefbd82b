// The store against a long agent session: 500 requests, a 30 KB system prompt, 60 tools, growing history.
import { mkdtempSync, readdirSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Store } from '../src/main/core/store/store'
import { RECORD_VERSION } from '../src/main/core/store/record'

function sessionBodies(requests: number): Generator<Buffer> {
  const system = 'You are a coding agent. '.repeat(1250) // ~30 KB
  const tools = Array.from({ length: 60 }, (_, i) => ({
    name: `tool_${i}`,
    description: `Tool number ${i}. `.repeat(20),
    input_schema: { type: 'object', properties: { path: { type: 'string', description: 'a path '.repeat(10) } } }
  }))
  const messages: unknown[] = []
  return (function* () {
    for (let i = 0; i < requests; i++) {
      messages.push({ role: 'user', content: [{ type: 'tool_result', tool_use_id: `toolu_${i}`, content: `result ${i} `.repeat(150 + (i % 7) * 40) }] })
      yield Buffer.from(JSON.stringify({ model: 'mimo-v2.5-pro', max_tokens: 32000, stream: true, system, tools, messages }))
      messages.push({ role: 'assistant', content: [{ type: 'thinking', thinking: `thought ${i} `.repeat(60), signature: 'sig' + i }, { type: 'tool_use', id: `toolu_${i + 1}`, name: 'tool_1', input: { path: `src/f${i}.ts` } }] })
    }
  })()
}

export async function storeSession(requests = 500): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'mimo-bench-store-'))
  const store = Store.open(dir)
  let raw = 0
  let largest = 0
  const t0 = performance.now()
  let seq = 1
  for (const body of sessionBodies(requests)) {
    raw += body.length
    largest = Math.max(largest, body.length)
    store.append({
      v: RECORD_VERSION,
      summary: {
        id: `bench-${seq}`, seq, startedAt: new Date().toISOString(), method: 'POST', path: '/anthropic/v1/messages', upstreamUrl: 'https://api.xiaomimimo.com/anthropic/v1/messages',
        mode: 'reverse', protocol: 'anthropic', model: 'mimo-v2.5-pro', stream: true, state: 'completed', status: 200, error: null,
        durationMs: 1000, ttfbMs: 100, requestSize: body.length, responseSize: 0, usage: null, conversationId: null
      },
      request: { headers: [['content-type', 'application/json']], body: store.putBody(body), bodyCut: false },
      response: null
    })
    seq++
  }
  const recordMs = performance.now() - t0
  store.close()
  const onDisk = readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0)
  const rssBefore = process.memoryUsage().rss
  const t1 = performance.now()
  const reopened = Store.open(dir, { readOnly: true })
  const listed = reopened.records.map((r) => r.summary).length
  const openMs = performance.now() - t1
  const t2 = performance.now()
  const last = reopened.getBody(reopened.records[reopened.records.length - 1].request.body!)
  const readLastMs = performance.now() - t2
  reopened.close()
  const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`
  return [
    '| measure | value |',
    '| --- | --- |',
    `| requests | ${requests} (largest ${mb(largest)}) |`,
    `| raw request bodies | ${mb(raw)} |`,
    `| on disk (all files) | ${mb(onDisk)} = ${((onDisk / raw) * 100).toFixed(2)} % of raw |`,
    `| time to record all | ${(recordMs / 1000).toFixed(2)} s (${(recordMs / requests).toFixed(1)} ms a request) |`,
    `| open the store and list ${listed} | ${openMs.toFixed(1)} ms |`,
    `| read back the largest body (${mb(last.length)}) | ${readLastMs.toFixed(1)} ms |`,
    `| RSS growth while opening + listing | ${mb(process.memoryUsage().rss - rssBefore)} |`
  ].join('\n')
}
