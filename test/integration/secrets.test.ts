// Plants keys everywhere a key can travel in a request, then searches every byte the data folder holds,
// including every blob inflated, and what the API hands the UI: none may contain a key.
import { afterEach, expect, it } from 'vitest'
import { COPY_FORMATS } from '../../src/shared/list-query'
import { startStack, type Stack } from './stack'
import { everyStoredByte, type Haystack } from './data-folder'

let stack: Stack
afterEach(async () => stack?.close())

const KEYS = {
  header: 'sk-PlantedHeaderKey7f3a9c2e41b8d6',
  bearer: 'sk-PlantedBearerKey0b9e8d7c6a5f43',
  xApi: 'sk-PlantedXApiKey5e4d3c2b1a09f8e7',
  body: 'tp-PlantedBodyKey1a2b3c4d5e6f7a8b',
  cookie: 'PlantedCookieValue9z8y7x6w5v'
}

it('no planted key reaches the data folder or the API', async () => {
  stack = await startStack()
  const body = JSON.stringify({ model: 'mimo-v2.5', messages: [{ role: 'user', content: `my key is ${KEYS.body}, keep it safe` }] })
  const ended = stack.ended(3)
  const auths: Array<Record<string, string>> = [{ 'api-key': KEYS.header }, { authorization: `Bearer ${KEYS.bearer}` }, { 'x-api-key': KEYS.xApi }]
  for (const auth of auths) {
    const res = await fetch(`${stack.proxyUrl}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `session=${KEYS.cookie}`, ...auth },
      body
    })
    expect(res.status).toBe(200)
  }
  const summaries = await ended
  // The keys did reach the upstream (the proxy forwards them); they just must not be kept.
  expect(stack.emulator.received.map((r) => r.headers.join(' ')).join(' ')).toContain(KEYS.header)

  const haystacks: Haystack[] = everyStoredByte(stack.dataDir)
  for (const s of summaries) {
    haystacks.push([`api get ${s.id}`, Buffer.from(JSON.stringify(await stack.inspector.handlers['exchanges:get']({ id: s.id })))])
    haystacks.push([`api body ${s.id}`, Buffer.from(JSON.stringify(await stack.inspector.handlers['exchanges:body']({ id: s.id, part: 'request' })))])
    // Every "Copy as" the UI offers, without the key asked for.
    for (const format of COPY_FORMATS) {
      const copy = await stack.inspector.handlers['exchanges:copy']({ id: s.id, format, withKey: false, message: 0 })
      haystacks.push([`copy ${format} ${s.id}`, Buffer.from(JSON.stringify(copy))])
    }
  }
  expect(haystacks.length).toBeGreaterThan(5)
  for (const [where, bytes] of haystacks) {
    for (const key of Object.values(KEYS)) {
      // The distinctive middle of each key, so a partial leak is caught too.
      expect(bytes.includes(key.slice(3, -4)), `${key} found in ${where}`).toBe(false)
    }
  }
  // What is kept instead is a fingerprint a user can match against their own key.
  const detail = await stack.inspector.handlers['exchanges:get']({ id: summaries[0].id })
  expect(JSON.stringify(detail)).toMatch(/sk-…[0-9a-f]{4}/)
  // And the key stays in memory for a replay in this run, and for a copy the user asks to carry it.
  expect([...stack.inspector.recorder.keyring.values()]).toContain(KEYS.header)
  const keyed = await stack.inspector.handlers['exchanges:copy']({ id: summaries[0].id, format: 'curl', withKey: true })
  expect([KEYS.header, KEYS.bearer, KEYS.xApi].some((k) => keyed.text.includes(k))).toBe(true)
  // Only the key header: a key planted in the body or a cookie is never put back.
  expect(keyed.text).not.toContain(KEYS.body.slice(3, -4))
  expect(keyed.text).not.toContain(KEYS.cookie.slice(3, -4))
})
