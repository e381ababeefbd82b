// Minimize and export in Chromium: the progress bar moves, cancel once, run again to the end, export the
// bundle and check its files.
import { readFileSync } from 'node:fs'
import { unzipSync } from 'fflate'
import { expect, test } from './fixtures'
import { bigFailingRequest } from '../scenarios/big-session'

const KEY = 'sk-minimizeE2E0123456789abcdefgh'

test('minimize with progress, cancel, run to the end, export the bundle', async ({ page, stack }) => {
  const { emulator } = stack
  const res = await fetch(`${stack.serve.proxyUrl}/anthropic/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': KEY }, body: JSON.stringify(bigFailingRequest()) })
  expect(res.status).toBe(400)
  await page.goto(stack.serve.uiUrl)
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  await page.getByTestId('exchange-row').first().click()

  // Slow the endpoint down so the run can be watched and cancelled.
  emulator.setChunkDelay(0)
  await page.getByTestId('minimize-button').click()
  await page.getByTestId('minimize-mode').selectOption('upstream')
  await page.getByTestId('minimize-start').click()
  const progress = page.getByTestId('minimize-progress')
  await expect(progress).toBeVisible()
  await page.getByTestId('minimize-cancel').click()
  await expect(page.getByTestId('minimize-result')).toHaveAttribute('data-state', /cancelled|done/)

  await page.getByTestId('minimize-start').click()
  await expect.poll(async () => Number(await progress.getAttribute('data-used')), { timeout: 30_000 }).toBeGreaterThan(3)
  await expect(page.getByTestId('minimize-result')).toHaveAttribute('data-state', 'done', { timeout: 60_000 })
  await page.screenshot({ path: 'test-results/e2e-minimize.png', fullPage: true })

  const download = page.waitForEvent('download')
  await page.getByTestId('export-button').click()
  const file = await (await download).path()
  const files = unzipSync(new Uint8Array(readFileSync(file!)))
  const names = Object.keys(files).map((n) => n.replace(/^[^/]+\//, '')).sort()
  expect(names).toEqual(['README.md', 'conversation.har', 'curl.sh', 'repro.mjs', 'request.json', 'request.original.json', 'request.pretty.json', 'response.json'])
  const requestJson = Buffer.from(Object.entries(files).find(([n]) => n.endsWith('/request.json'))![1])
  const minimal = JSON.parse(requestJson.toString('utf8'))
  expect(minimal.messages.length).toBeLessThanOrEqual(4)
  // Byte for byte the request the run sent and saw fail, not the pretty copy the panel shows.
  expect(emulator.received.some((r) => r.body.equals(requestJson))).toBe(true)
  expect(JSON.parse(Buffer.from(Object.entries(files).find(([n]) => n.endsWith('/request.pretty.json'))![1]).toString('utf8'))).toEqual(minimal)
  for (const bytes of Object.values(files)) expect(Buffer.from(bytes).includes(KEY.slice(3, -3))).toBe(false)
})
