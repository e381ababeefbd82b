// Proxy mode in Chromium: turn the forward proxy on in the setup panel, see the lines to paste, and see
// traffic sent through it in the list.
import http from 'node:http'
import { expect, test } from './fixtures'


test('turn on proxy mode, copy the lines, and see intercepted traffic', async ({ page, stack }) => {
  const { emulator } = stack
  await page.goto(stack.serve.uiUrl)
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  await expect(page.getByTestId('setup-panel')).toBeVisible()
  await page.getByTestId('mitm-port').fill('0')
  // The emulator is plain HTTP on loopback; capture it by host:port (the UI takes any capture list).
  await page.getByTestId('mitm-capture').fill(new URL(emulator.url).host)
  await page.getByTestId('mitm-toggle').check()
  const lines = page.getByTestId('mitm-env-line')
  await expect(lines.filter({ hasText: 'HTTPS_PROXY=' })).toHaveCount(1)
  await expect(lines.filter({ hasText: 'NODE_EXTRA_CA_CERTS=' })).toHaveCount(1)
  await expect(lines.filter({ hasText: 'NODE_USE_ENV_PROXY=1' })).toHaveCount(1)
  const proxyLine = (await lines.filter({ hasText: 'HTTPS_PROXY=' }).textContent())!
  const proxyUrl = new URL(/HTTPS_PROXY=(\S+)/.exec(proxyLine)![1])
  await page.screenshot({ path: 'test-results/e2e-proxy-mode.png', fullPage: true })

  // A plain-HTTP request through the forward proxy to a captured host (absolute-form request target).
  const body = JSON.stringify({ model: 'mimo-v2.5', messages: [{ role: 'user', content: 'through the forward proxy' }] })
  const status = await new Promise<number>((resolve, reject) => {
    const req = http.request({ host: proxyUrl.hostname, port: proxyUrl.port, method: 'POST', path: `${emulator.url}/v1/chat/completions`, headers: { 'content-type': 'application/json', authorization: 'Bearer sk-proxyModeE2E0123456789abcdef', host: new URL(emulator.url).host } }, (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode!))
      })
    req.on('error', reject)
    req.end(body)
  })
  expect(status).toBe(200)
  await page.getByTestId('setup-button').click()
  const row = page.getByTestId('exchange-row').first()
  await expect(row).toHaveAttribute('data-status', '200')
})
