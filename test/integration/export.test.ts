// The repro bundle: scripts that really reproduce the failure against the emulator, and no key anywhere in it.
import { execFile, execFileSync } from 'node:child_process'
import { promisify } from 'node:util'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { afterEach, expect, it } from 'vitest'
import { buildBundle, writeBundle } from '../../src/main/core/repro/export/bundle'
import { startEmulator, type Emulator } from '../emulator/server'
import type { BundleExchange } from '../../src/main/core/repro/export/bundle-input'
import { anthropicCraftSession } from '../scenarios/agent-sessions'
import { startStack, tempDataDir, waitForEnded, type Stack } from './stack'

let emulator: Emulator | null = null
let stack: Stack | null = null
afterEach(async () => {
  await emulator?.close()
  emulator = null
  await stack?.close()
  stack = null
})

const fixture = JSON.parse(readFileSync('test/unit/diagnose/fixtures/anthropic-thinking-dropped.json', 'utf8'))
const KEYS = ['sk-BundleHeaderKey0011223344556677', 'tp-BundleBodyKey99887766554433221', 'sk-BundleUrlKey0a1b2c3d4e5f6a7b8c9d']

it('curl.sh and repro.mjs reproduce the 400 against the emulator', async () => {
  emulator = await startEmulator()
  const dir = tempDataDir()
  const file = join(dir, 'failing.json')
  writeFileSync(file, JSON.stringify({ ...fixture, request: { ...fixture.request, url: 'https://api.xiaomimimo.com/anthropic/v1/messages' } }))
  const out = join(dir, 'bundle')
  execFileSync(process.execPath, ['bin/mimo-inspector.js', 'export', file, '--out', out])
  const env = { ...process.env, MIMO_API_KEY: 'sk-emulatorKey0123456789abcdef', MIMO_BASE_URL: emulator.url }
  // Async: the emulator answers from this very process.
  const run = promisify(execFile)
  const node = await run(process.execPath, [join(out, 'repro.mjs')], { env, timeout: 10_000 })
  expect(node.stdout).toContain('HTTP 400')
  expect(node.stdout).toContain('The reasoning_content in the thinking mode must be passed back to the API.')
  const hasCurl = await run('sh', ['-c', 'command -v curl']).then(() => true, () => false)
  if (!hasCurl) return console.log('curl.sh not run: curl is not installed')
  const curl = await run('sh', [join(out, 'curl.sh')], { env, timeout: 10_000 })
  expect(curl.stdout).toContain('HTTP 400')
  // Byte for byte: the emulator got exactly request.json.
  expect(emulator.received.at(-1)!.body.equals(readFileSync(join(out, 'request.json')))).toBe(true)
})

it('no key planted in headers, body or URL survives into any file of the zip', () => {
  const body = JSON.stringify({ model: 'mimo-v2.5-pro', messages: [{ role: 'user', content: `use ${KEYS[1]} please` }] })
  const exchange = {
    startedAt: new Date().toISOString(),
    method: 'POST',
    url: `https://api.xiaomimimo.com/anthropic/v1/messages?api_key=${KEYS[2]}`,
    requestHeaders: [['x-api-key', KEYS[0]], ['authorization', `Bearer ${KEYS[0]}`], ['cookie', 'sid=PlantedCookie123'], ['content-type', 'application/json']] as Array<[string, string]>,
    requestBody: body,
    response: { status: 400, statusMessage: 'Bad Request', headers: [['set-cookie', 'sid=PlantedCookie123']] as Array<[string, string]>, body: `{"error":{"message":"bad key ${KEYS[0]}"}}` }
  }
  const files = buildBundle({ exchange, minimalBody: body, removed: [], minimizedBy: null, diagnosis: null, conversation: [exchange], toolVersion: 't' })
  const dir = join(tempDataDir(), 'x')
  mkdirSync(dir)
  writeBundle(files, dir, true)
  const unzipped = unzipSync(new Uint8Array(readFileSync(join(dir, 'repro.zip'))))
  expect(Object.keys(unzipped).sort()).toEqual(['repro/README.md', 'repro/conversation.har', 'repro/curl.sh', 'repro/repro.mjs', 'repro/request.json', 'repro/request.original.json', 'repro/request.pretty.json', 'repro/response.json'])
  for (const [name, bytes] of Object.entries(unzipped)) {
    const text = Buffer.from(bytes).toString('utf8')
    for (const key of [...KEYS, 'PlantedCookie123']) expect(text.includes(key.slice(3, -3)), `${key} in ${name}`).toBe(false)
  }
  expect(readdirSync(dir)).toEqual(['repro.zip'])
})

interface HarEntry {
  _id?: string
  _replayOf?: string
  comment?: string
  request: { postData: { text: string }; bodySize: number }
  response: { status: number; content: { text: string; size: number } }
}

it('the HAR holds every exchange of the conversation, the replay marked; the README says so; `export ID` too', async () => {
  stack = await startStack()
  const ended = stack.ended(3)
  expect((await anthropicCraftSession(stack.proxyUrl, stack.emulator)).status).toBe(400)
  const [first, second, failing] = await ended
  const replayed = waitForEnded(stack.inspector, 1)
  stack.emulator.script({ text: 'again' })
  await stack.inspector.handlers['replay:send']({ id: second.id, body: null, headers: null, target: null, key: null })
  const [replay] = await replayed

  const bundle = await stack.inspector.handlers['repro:export']({ id: failing.id, minimalBody: null, removed: [], minimizedBy: null })
  const files = unzipSync(new Uint8Array(Buffer.from(bundle.zipBase64, 'base64')))
  const har = JSON.parse(Buffer.from(files['repro/conversation.har']).toString('utf8')) as { log: { entries: HarEntry[] } }
  expect(har.log.entries.map((e) => e._id)).toEqual([first.id, second.id, failing.id, replay.id])
  expect(har.log.entries.map((e) => e.response.status)).toEqual([200, 200, 400, 200])
  expect(har.log.entries[3]).toMatchObject({ _replayOf: second.id, comment: expect.stringContaining(`replay of exchange ${second.id}`) })
  expect(har.log.entries.slice(0, 3).every((e) => e._replayOf === undefined && e.comment === undefined)).toBe(true)
  const readme = Buffer.from(files['repro/README.md']).toString('utf8')
  expect(readme).toContain('every exchange of the conversation (4 exchanges, of which 1 replay sent from the editor, marked `_replayOf`); all bodies whole (under 20 MB)')

  // The command line: `export ID` gives the same conversation, read from the data folder beside the running app.
  const out = join(tempDataDir(), 'cli')
  execFileSync(process.execPath, ['bin/mimo-inspector.js', 'export', failing.id.slice(0, 8), '--out', out, '--data-dir', stack.dataDir])
  const cliHar = JSON.parse(readFileSync(join(out, 'conversation.har'), 'utf8')) as { log: { entries: HarEntry[] } }
  expect(cliHar.log.entries.map((e) => e._id)).toEqual([first.id, second.id, failing.id, replay.id])

  // Importing the HAR again recognises every entry as a copy: no new failure.
  const { imported } = await stack.inspector.handlers['import:file']({ name: 'conversation.har', text: JSON.stringify(har) })
  expect(imported.map((e) => e.duplicateOf)).toEqual([first.id, second.id, failing.id, replay.id])
  expect((await stack.inspector.handlers['conversations:get']({ id: failing.conversationId! }))!.summary).toMatchObject({ errors: 1, endedInError: true })
})

it('bodies over the HAR cap are cut, the failing exchange kept first, each cut entry saying how much', () => {
  const entry = (id: string, size: number, status = 200): BundleExchange => ({
    id,
    startedAt: '2026-12-05T10:00:00.000Z',
    method: 'POST',
    url: 'https://api.xiaomimimo.com/anthropic/v1/messages',
    requestHeaders: [['content-type', 'application/json']],
    requestBody: JSON.stringify({ pad: 'x'.repeat(size) }),
    response: { status, statusMessage: '', headers: [], body: '{"ok":true}' }
  })
  const conversation = [entry('a', 600), entry('b', 600), entry('c', 600, 400)]
  const files = buildBundle({ exchange: conversation[2], minimalBody: null, removed: [], minimizedBy: null, diagnosis: null, conversation, toolVersion: 't', harCapBytes: 1000 })
  const entries = (JSON.parse(files['conversation.har']) as { log: { entries: HarEntry[] } }).log.entries
  // c (the failing one) whole, then the newest: b cut, a empty.
  expect(entries[2].request.postData.text).toBe(conversation[2].requestBody)
  expect(entries[2].comment).toBeUndefined()
  expect(entries[1].request.postData.text.length).toBeLessThan(conversation[1].requestBody.length)
  expect(entries[1].comment).toMatch(/request body cut: \d+ of 610 bytes kept/)
  expect(entries[0].request.postData.text).toBe('')
  expect(entries[0].comment).toMatch(/request body cut: 0 of 610 bytes kept; response body cut: 0 of 11 bytes kept; bodies are cut to keep the HAR under 1,000 bytes/)
  expect(entries.every((e) => e.request.bodySize === 610)).toBe(true)
  expect(files['README.md']).toContain('bodies cut in 2 entries')
})
