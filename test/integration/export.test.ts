// The repro bundle: scripts that really reproduce the failure against the emulator, and no key anywhere in it.
import { execFile, execFileSync } from 'node:child_process'
import { promisify } from 'node:util'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { afterEach, expect, it } from 'vitest'
import { buildBundle, writeBundle } from '../../src/main/core/repro/export/bundle'
import { startEmulator, type Emulator } from '../emulator/server'
import { tempDataDir } from './stack'

let emulator: Emulator | null = null
afterEach(async () => {
  await emulator?.close()
  emulator = null
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
  expect(Object.keys(unzipped).sort()).toEqual(['repro/README.md', 'repro/conversation.har', 'repro/curl.sh', 'repro/repro.mjs', 'repro/request.json', 'repro/request.original.json', 'repro/response.json'])
  for (const [name, bytes] of Object.entries(unzipped)) {
    const text = Buffer.from(bytes).toString('utf8')
    for (const key of [...KEYS, 'PlantedCookie123']) expect(text.includes(key.slice(3, -3)), `${key} in ${name}`).toBe(false)
  }
  expect(readdirSync(dir)).toEqual(['repro.zip'])
})
