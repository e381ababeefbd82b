// Minimize against the emulator: a ~1 MB, 200-message failing request shrinks to a few messages that still
// get the same 400, within the default budget; the exported bundle reproduces it.
import { execFile } from 'node:child_process'
import { writeFileSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { unzipSync } from 'fflate'
import { afterEach, expect, it } from 'vitest'
import type { MinimizeStatus } from '../../src/shared/types'
import { bigFailingRequest } from '../scenarios/big-session'
import { startStack, tempDataDir, PAYG_KEY, type Stack } from './stack'

let stack: Stack
afterEach(async () => stack?.close())

const run = promisify(execFile)

async function recordBig(): Promise<{ id: string; bytes: number }> {
  const body = JSON.stringify(bigFailingRequest())
  const ended = stack.ended(1)
  const res = await fetch(`${stack.proxyUrl}/anthropic/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': PAYG_KEY }, body })
  expect(res.status).toBe(400)
  await res.text()
  return { id: (await ended)[0].id, bytes: Buffer.byteLength(body) }
}

function waitJob(jobId: string, seen: MinimizeStatus[]): Promise<MinimizeStatus> {
  return new Promise((resolve) => {
    const off = stack.inspector.events.on('repro:progress', (s) => {
      if (s.jobId !== jobId) return
      seen.push(s)
      if (s.state !== 'running') {
        off()
        resolve(s)
      }
    })
  })
}

it('shrinks a 1 MB, 200-message request against the endpoint, keeps the same 400, and the bundle reproduces it', { timeout: 120_000 }, async () => {
  stack = await startStack()
  const { id, bytes } = await recordBig()
  expect(bytes).toBeGreaterThan(800_000)
  const seen: MinimizeStatus[] = []
  const requestsBefore = stack.emulator.received.length
  const { jobId } = await stack.inspector.handlers['repro:minimize']({ id, mode: 'upstream', budget: 60, target: null, key: null })
  const final = await waitJob(jobId, seen)
  expect(final.state).toBe('done')
  const result = final.result!
  expect(result.requestsUsed).toBeLessThanOrEqual(60)
  expect(stack.emulator.received.length - requestsBefore).toBe(result.requestsUsed)
  const minimal = JSON.parse(result.body)
  expect(minimal.messages.length).toBeLessThanOrEqual(4)
  expect(result.bytes).toBeLessThan(bytes / 20)
  expect(seen.filter((s) => s.progress).length).toBeGreaterThan(5) // progress moved
  // Still the same 400 from the emulator.
  const check = await fetch(`${stack.emulator.url}/anthropic/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': PAYG_KEY }, body: result.body })
  expect(check.status).toBe(400)
  expect(await check.text()).toContain('The reasoning_content in the thinking mode must be passed back to the API.')

  // Export the minimal repro from the run itself: request.json is byte for byte the request the emulator got
  // and answered 400 (the run's last accepted candidate), not a re-serialized copy; a pretty copy sits beside it.
  const bundle = await stack.inspector.handlers['repro:export']({ id, jobId, minimalBody: null, removed: [], minimizedBy: null })
  const dir = tempDataDir()
  const files = unzipSync(new Uint8Array(Buffer.from(bundle.zipBase64, 'base64')))
  for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name.replace('repro/', '')), data)
  const requestJson = readFileSync(join(dir, 'request.json'))
  expect(requestJson.toString('utf8')).toBe(result.requestText)
  expect(stack.emulator.received.some((r) => r.body.equals(requestJson))).toBe(true)
  expect(JSON.parse(readFileSync(join(dir, 'request.pretty.json'), 'utf8'))).toEqual(minimal)
  expect(readFileSync(join(dir, 'request.pretty.json'), 'utf8')).not.toBe(requestJson.toString('utf8'))
  // A job id that is not this exchange's run is refused, and the old arguments still work.
  await expect(stack.inspector.handlers['repro:export']({ id, jobId: '00000000-0000-4000-8000-000000000000', minimalBody: null, removed: [], minimizedBy: null })).rejects.toThrow(/no finished minimize run/)
  const old = await stack.inspector.handlers['repro:export']({ id, minimalBody: result.requestText, removed: result.removed, minimizedBy: 'upstream' })
  expect(old.files).toContain('request.json')
  expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain('What the minimizer removed')
  const env = { ...process.env, MIMO_API_KEY: PAYG_KEY, MIMO_BASE_URL: stack.emulator.url }
  const node = await run(process.execPath, [join(dir, 'repro.mjs')], { env, timeout: 10_000 })
  expect(node.stdout).toContain('HTTP 400')
  const hasCurl = await run('sh', ['-c', 'command -v curl']).then(() => true, () => false)
  if (hasCurl) expect((await run('sh', [join(dir, 'curl.sh')], { env, timeout: 10_000 })).stdout).toContain('HTTP 400')
})

it('predicted mode shrinks offline, sending nothing', async () => {
  stack = await startStack()
  const { id } = await recordBig()
  const before = stack.emulator.received.length
  const seen: MinimizeStatus[] = []
  const { jobId } = await stack.inspector.handlers['repro:minimize']({ id, mode: 'predicted', budget: 200, target: null, key: null })
  const final = await waitJob(jobId, seen)
  expect(final.state).toBe('done')
  expect(JSON.parse(final.result!.body).messages.length).toBeLessThanOrEqual(4)
  expect(stack.emulator.received.length).toBe(before)
})

it('cancel keeps the best so far; a wrong key stops the run with a clear message', async () => {
  stack = await startStack()
  const { id } = await recordBig()
  const seen: MinimizeStatus[] = []
  // Once the run is under way the emulator stops answering, so the cancel lands on a request in flight.
  const off = stack.inspector.events.on('repro:progress', (s) => {
    if (s.progress && s.progress.requestsUsed === 3) stack.emulator.fail({ hang: true })
  })
  const { jobId } = await stack.inspector.handlers['repro:minimize']({ id, mode: 'upstream', budget: 60, target: null, key: null })
  const cancelled = waitJob(jobId, seen)
  await expect.poll(() => stack.emulator.received.length, { timeout: 10_000 }).toBeGreaterThan(4)
  await stack.inspector.handlers['repro:cancel']({ jobId })
  const final = await cancelled
  off()
  expect(final.state).toBe('cancelled')
  expect(final.result!.bytes).toBeLessThan(final.result!.originalBytes)

  stack.emulator.reset()
  const stopped: MinimizeStatus[] = []
  const { jobId: second } = await stack.inspector.handlers['repro:minimize']({ id, mode: 'upstream', budget: 60, target: { profile: 'custom', url: stack.emulator.url }, key: 'tp-wrongFlavourKey0123456789abcd' })
  const end = await waitJob(second, stopped)
  expect(end.state).toBe('stopped')
  expect(end.message).toMatch(/401/)
})
