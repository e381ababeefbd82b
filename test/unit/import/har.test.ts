// HAR in and out: what the export writes, the import reads back unchanged; entries a HAR tool wrote badly are
// skipped with the field that is wrong, the rest imported.
import { describe, expect, it } from 'vitest'
import { parseImport } from '../../../src/main/core/import/parse-import'
import type { BundleExchange } from '../../../src/main/core/repro/export/bundle-input'
import { harOf } from '../../../src/main/core/repro/export/har'

const exchanges: BundleExchange[] = [
  {
    id: 'ex-1',
    startedAt: '2026-12-05T10:00:00.000Z',
    method: 'POST',
    url: 'https://api.xiaomimimo.com/anthropic/v1/messages?beta=true',
    requestHeaders: [['content-type', 'application/json'], ['x-claude-code-session-id', 's-1'], ['x-api-key', '[redacted]']],
    requestBody: JSON.stringify({ model: 'mimo-v2.5-pro', messages: [{ role: 'user', content: 'héllo ✓' }] }),
    response: { status: 400, statusMessage: 'Bad Request', headers: [['content-type', 'application/json'], ['content-encoding', 'gzip']], body: '{"type":"error"}' }
  },
  {
    id: 'ex-2',
    replayOf: 'ex-1',
    startedAt: '2026-12-05T10:00:05.000Z',
    method: 'POST',
    url: 'https://api.xiaomimimo.com/v1/chat/completions',
    requestHeaders: [['content-type', 'application/json']],
    requestBody: '{"messages":[]}',
    response: null
  }
]

describe('HAR', () => {
  it('reads back what it writes: ids, method, url, headers, bodies, status', () => {
    const { har } = harOf(exchanges, '9.9.9')
    const parsed = parseImport(JSON.stringify(har), 'out.har')
    expect(parsed.format).toBe('har')
    expect(parsed.skipped).toEqual([])
    expect(parsed.entries.map((e) => e.sourceId)).toEqual(['ex-1', 'ex-2'])
    const [first, second] = parsed.entries
    expect(first.method).toBe('POST')
    expect(first.path).toBe('/anthropic/v1/messages?beta=true')
    expect(first.requestHeaders).toEqual(exchanges[0].requestHeaders)
    expect(first.requestBody.toString('utf8')).toBe(exchanges[0].requestBody)
    expect(first.response?.status).toBe(400)
    expect(first.response?.statusMessage).toBe('Bad Request')
    // HAR content is decoded: the encoding header would describe bytes that are not there.
    expect(first.response?.headers).toEqual([['content-type', 'application/json']])
    expect(first.response?.body.toString('utf8')).toBe('{"type":"error"}')
    expect(second.startedAt).toBe('2026-12-05T10:00:05.000Z')
    expect(second.response).toBeNull() // status 0: no response
  })

  it('skips a badly written entry, naming the field, and imports the others', () => {
    const { har } = harOf(exchanges, '9.9.9')
    const entries = har.log.entries as unknown[]
    const bad = [
      { request: { url: 42 } },
      { request: { url: 'https://x.test/v1/chat/completions', headers: [{ name: 'a' }] } },
      { request: { url: 'https://x.test/v1/chat/completions' }, response: { status: '200' } },
      'not an entry'
    ]
    const parsed = parseImport(JSON.stringify({ log: { entries: [...bad, ...entries] } }))
    expect(parsed.entries.map((e) => e.sourceId)).toEqual(['ex-1', 'ex-2'])
    expect(parsed.skipped).toHaveLength(4)
    expect(parsed.skipped[0]).toMatch(/^entry 0: request\.url: /)
    expect(parsed.skipped[1]).toMatch(/^entry 1: request\.headers\.0\.value: /)
    expect(parsed.skipped[2]).toMatch(/^entry 2: response\.status: /)
    expect(parsed.skipped[3]).toMatch(/^entry 3: /)
  })

  it('takes a base64 response body and a HAR with no entries list is refused', () => {
    const har = { log: { version: '1.2', creator: { name: 'DevTools', version: '1' }, entries: [{ startedDateTime: 't', request: { method: 'post', url: '/v1/chat/completions', headers: [], postData: { mimeType: 'application/json', text: '{}' } }, response: { status: 200, statusText: 'OK', headers: [], content: { size: 2, mimeType: 'application/json', text: Buffer.from('{}').toString('base64'), encoding: 'base64' } } }] } }
    const [entry] = parseImport(JSON.stringify(har)).entries
    expect(entry.method).toBe('POST')
    expect(entry.response?.body.toString()).toBe('{}')
    expect(() => parseImport(JSON.stringify({ log: { entries: 'x' } }), 'f.har')).toThrow(/f\.har: HAR without log\.entries/)
  })
})
