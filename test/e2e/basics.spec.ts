// The inspector basics of issue 16 in Chromium against the real `serve` and the emulator, one test per item:
// 1 filter and body search, 2 copy and context menus, 4 columns and newest-first, 5 clear / delete / pin /
// errors-only, 6 the shortcuts overlay and the proxy address copied, 8 a repro bundle opened by Open file… and
// by a drop.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import type { Page } from '@playwright/test'
import { anthropicCraftSession, SESSION_KEY } from '../scenarios/agent-sessions'
import { expect, test, type Stack } from './fixtures'
import { startServe } from './serve'
import { everyStoredByte, leakedIn } from '../integration/data-folder'

const KEY = 'sk-basicsE2E0123456789abcdefghij'

async function chat(stack: Stack, content: string, model = 'mimo-v2.5', system?: string): Promise<number> {
  const res = await fetch(`${stack.serve.proxyUrl}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
    body: JSON.stringify({ model, messages: [...(system ? [{ role: 'system', content: system }] : []), { role: 'user', content }] })
  })
  await res.text()
  return res.status
}

/** MiMo's reasoning 400 (an assistant tool call replayed without its reasoning_content). */
async function failing(stack: Stack): Promise<number> {
  const res = await fetch(`${stack.serve.proxyUrl}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
    body: JSON.stringify({
      model: 'mimo-v2.5',
      messages: [
        { role: 'user', content: 'read it' },
        { role: 'assistant', content: '', tool_calls: [{ id: 'c1', type: 'function', function: { name: 'read_file', arguments: '{}' } }] },
        { role: 'tool', tool_call_id: 'c1', content: 'hello' }
      ]
    })
  })
  await res.text()
  return res.status
}

/** Ten exchanges: eight 200s (one with a zebra in its system message, two on another model) and two 400s. */
async function traffic(stack: Stack): Promise<void> {
  // The zebra is in a system message: in the body, not in the conversation's title (its first user message).
  for (let i = 0; i < 8; i++) expect(await chat(stack, `question ${i}`, i >= 6 ? 'mimo-v2.5-pro' : 'mimo-v2.5', i === 3 ? 'You know the zebra crossing.' : undefined)).toBe(200)
  expect(await failing(stack)).toBe(400)
  expect(await failing(stack)).toBe(400)
}

async function open(page: Page, stack: Stack, rows: number): Promise<void> {
  await page.goto(stack.serve.uiUrl)
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  await expect(page.getByTestId('exchange-row')).toHaveCount(rows)
}

const rowStatuses = (page: Page) => page.getByTestId('exchange-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')))

test('1: the filter: / and Ctrl+F focus it, field terms and negation, the count, Esc clears, bodies, the same filter on Conversations', async ({ page, stack }) => {
  await traffic(stack)
  await open(page, stack, 10)
  const input = page.getByTestId('filter-input')
  const count = page.getByTestId('filter-count')
  await expect(count).toHaveText('10 exchanges')

  await page.getByTestId('exchange-list').focus()
  await page.keyboard.press('/')
  await expect(input).toBeFocused()
  await page.keyboard.type('status:4xx')
  await expect(count).toHaveText('2 of 10')
  expect(await rowStatuses(page)).toEqual(['400', '400'])
  await input.fill('-status:4xx model:mimo-v2.5-pro')
  await expect(count).toHaveText('2 of 10')
  await expect(page.getByTestId('exchange-row').first()).toContainText('mimo-v2.5-pro')
  await input.press('Escape')
  await expect(input).toHaveValue('')
  await expect(count).toHaveText('10 exchanges')

  // Ctrl+F from the list, then a body term answered by the store's search.
  await page.getByTestId('exchange-list').focus()
  await page.keyboard.press('Control+f')
  await expect(input).toBeFocused()
  await page.keyboard.type('body:zebra')
  await expect(count).toHaveText('1 of 10')
  await expect(page.getByTestId('body-search')).toHaveAttribute('data-state', 'done')
  // Free text searches path and model only, until Bodies is on.
  await input.fill('zebra')
  await expect(count).toHaveText('0 of 10')
  await expect(page.getByTestId('exchanges-empty')).toBeVisible()
  await page.getByTestId('search-bodies').click()
  await expect(count).toHaveText('1 of 10')
  await page.getByTestId('search-bodies').click()
  await input.fill('has:error')
  await expect(count).toHaveText('2 of 10')

  // The same filter on Conversations: the conversations with a failure.
  await page.getByTestId('exchange-list').focus()
  await page.keyboard.press('2')
  await expect(count).toHaveText(/^\d+ of \d+$/)
  const [shown, all] = (await count.textContent())!.split(' of ').map(Number)
  expect(shown).toBeGreaterThan(0)
  expect(shown).toBeLessThan(all)
  const conversationRows = page.getByTestId('conversation-row')
  await expect(conversationRows).toHaveCount(shown)
  for (const row of await conversationRows.all()) await expect(row).toHaveAttribute('data-error', 'true')
  await input.fill('')
  await expect(count).toHaveText(`${all} conversations`)
})

test('2: Copy as cURL from a row menu sends the recorded bytes; the key only when asked; a timeline message copies as JSON', async ({ page, stack, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await traffic(stack)
  await open(page, stack, 10)
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText())

  const row = page.locator('[data-testid="exchange-row"][data-status="400"]').first()
  await row.click({ button: 'right' })
  const menu = page.getByTestId('context-menu')
  await expect(menu).toBeVisible()
  await expect(menu.getByRole('menuitem')).toContainText(['Open', 'Copy as cURL', 'Copy as fetch (Node.js)', 'Copy as HTTPie', 'Copy as raw HTTP', 'Copy as HAR entry', 'Copy URL', 'Copy response'])
  await menu.getByTestId('copy-curl').click()
  await expect(menu).toBeHidden()
  await expect(page.getByTestId('notice')).toContainText('Copied cURL')
  const curl = await clipboard()
  expect(curl).toContain('$MIMO_API_KEY')
  expect(curl).not.toContain(KEY)

  // Run the copied command as a user would: the emulator receives the request's recorded bytes.
  const before = stack.emulator.received.length
  const original = stack.emulator.received.find((r) => r.body.toString('utf8').includes('tool_call_id'))!.body
  // Async: the emulator answering it runs in this process.
  await promisify(execFile)('bash', ['-c', curl], { env: { ...process.env, MIMO_API_KEY: KEY }, timeout: 20_000 })
  expect(stack.emulator.received.length).toBe(before + 1)
  const sent = stack.emulator.received[before]
  expect(sent.body.equals(original)).toBe(true)
  expect(sent.headers.join('\n')).toContain(`Bearer ${KEY}`)

  // With the key, once: the menu's check box, then the format.
  await row.click({ button: 'right' })
  await menu.getByTestId('copy-with-key').click()
  await expect(menu.getByTestId('copy-with-key')).toHaveAttribute('aria-checked', 'true')
  await menu.getByTestId('copy-httpie').click()
  expect(await clipboard()).toContain(KEY)
  // The next copy is without it again.
  await row.click({ button: 'right' })
  await menu.getByTestId('copy-fetch').click()
  await expect.poll(clipboard).toContain('process.env.MIMO_API_KEY')
  expect(await clipboard()).not.toContain(KEY)

  // The keyboard: Shift+F10 opens the selected row's menu; Esc closes it and the list keeps the focus.
  await page.getByTestId('exchange-list').focus()
  await page.keyboard.press('Shift+F10')
  await expect(menu).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(menu).toBeHidden()
  await expect(page.getByTestId('exchange-list')).toBeFocused()

  // The detail panel's Copy button, and a timeline message's own menu.
  await row.click()
  await page.getByTestId('copy-menu-button').click()
  await menu.getByTestId('copy-url').click()
  await expect.poll(clipboard).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions$/)
  await page.getByTestId('tab-diagnosis').click()
  const message = page.locator('[data-testid="timeline-message"][data-index="1"]')
  await message.click({ button: 'right' })
  await menu.getByTestId('copy-message-json').click()
  await expect.poll(async () => JSON.parse(await clipboard())).toMatchObject({ role: 'assistant', tool_calls: [{ id: 'c1' }] })
})

test('4: columns sort by a click, resize by a drag, are chosen from the header menu; newest first; all of it after a reload', async ({ page, stack }) => {
  await traffic(stack)
  await open(page, stack, 10)
  const head = page.getByTestId('list-head').first()
  const status = head.locator('[data-column="status"]')
  await status.click()
  await expect(status).toHaveAttribute('aria-sort', 'ascending')
  await expect.poll(() => rowStatuses(page)).toEqual([...Array(8).fill('200'), '400', '400'])
  await status.click()
  await expect(status).toHaveAttribute('aria-sort', 'descending')
  await expect.poll(() => rowStatuses(page)).toEqual(['400', '400', ...Array(8).fill('200')])
  await status.click()
  await expect(status).toHaveAttribute('aria-sort', 'none')

  // Newest first: the last request (a 400) on top.
  const ids = await page.getByTestId('exchange-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')))
  await page.getByTestId('newest-first').click()
  await expect(page.getByTestId('newest-first')).toHaveAttribute('aria-pressed', 'true')
  await expect.poll(() => page.getByTestId('exchange-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')))).toEqual([...ids].reverse())

  // Hide Model from the header's menu; widen Method by dragging its edge.
  await head.click({ button: 'right' })
  await page.getByTestId('column-model').click()
  await page.keyboard.press('Escape')
  await expect(head.locator('[data-column="model"]')).toHaveCount(0)
  const method = head.locator('[data-column="method"]')
  const before = (await method.boundingBox())!
  const handle = (await page.getByTestId('resize-method').boundingBox())!
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2)
  await page.mouse.down()
  await page.mouse.move(handle.x + 60, handle.y + handle.height / 2, { steps: 5 })
  await page.mouse.up()
  await expect.poll(async () => (await method.boundingBox())!.width).toBeGreaterThan(before.width + 40)

  await page.reload()
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  await expect(page.getByTestId('newest-first')).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByTestId('exchange-row').first()).toHaveAttribute('data-id', ids[ids.length - 1]!)
  await expect(head.locator('[data-column="model"]')).toHaveCount(0)
  expect((await head.locator('[data-column="method"]').boundingBox())!.width).toBeGreaterThan(before.width + 40)
})

test('5: Clear hides and Show all brings back, errors only, pin survives Clear, Delete asks and removes from the store', async ({ page, stack }) => {
  await traffic(stack)
  await open(page, stack, 10)
  const count = page.getByTestId('filter-count')
  const rows = page.getByTestId('exchange-row')

  await page.getByTestId('errors-only').click()
  await expect(count).toHaveText('2 of 10')
  expect(await rowStatuses(page)).toEqual(['400', '400'])
  await page.getByTestId('errors-only').click()
  await expect(count).toHaveText('10 exchanges')

  // Pin the first row with p, then Clear: only the pinned row stays; new traffic shows up.
  await rows.first().click()
  await page.getByTestId('exchange-list').focus()
  await page.keyboard.press('p')
  await expect(rows.first().getByTestId('pin-mark')).toBeVisible()
  const pinnedId = await rows.first().getAttribute('data-id')
  await page.getByTestId('clear-list').click()
  await expect(count).toHaveText('1 of 10')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toHaveAttribute('data-id', pinnedId!)
  expect(await chat(stack, 'after the clear')).toBe(200)
  await expect(count).toHaveText('2 of 11')
  await page.getByTestId('show-all').click()
  await expect(count).toHaveText('11 exchanges')
  await page.getByTestId('filter-input').fill('is:pinned')
  await expect(count).toHaveText('1 of 11')
  await page.getByTestId('filter-input').fill('')

  // Delete: asked first (Cancel keeps it), then gone from the list and from the store.
  const victim = rows.nth(4)
  const victimId = (await victim.getAttribute('data-id'))!
  await victim.click({ button: 'right' })
  await page.getByTestId('menu-delete').click()
  const dialog = page.getByTestId('confirm-dialog')
  await expect(dialog).toBeVisible()
  await expect(page.getByTestId('confirm-cancel')).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(rows).toHaveCount(11)
  await victim.click()
  await page.getByTestId('exchange-list').focus()
  await page.keyboard.press('Delete')
  await page.getByTestId('confirm-ok').click()
  await expect(count).toHaveText('10 exchanges')
  await expect(page.locator(`[data-testid="exchange-row"][data-id="${victimId}"]`)).toHaveCount(0)
  await expect(page.getByTestId('notice')).toContainText(/smaller/)

  await stack.restart()
  await page.goto(stack.serve.uiUrl)
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  await expect(rows).toHaveCount(10)
  await expect(page.locator(`[data-testid="exchange-row"][data-id="${victimId}"]`)).toHaveCount(0)
  await expect(page.locator(`[data-testid="exchange-row"][data-id="${pinnedId}"]`).getByTestId('pin-mark')).toBeVisible()
})

test('6: ? shows the shortcuts and Esc closes them; a click copies the proxy address', async ({ page, stack, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await traffic(stack)
  await open(page, stack, 10)
  await page.getByTestId('exchange-list').focus()
  await page.keyboard.press('?')
  const overlay = page.getByTestId('shortcuts-overlay')
  await expect(overlay).toBeVisible()
  await expect(overlay).toContainText('Focus the filter')
  await expect(overlay).toContainText('Delete the selected exchange')
  await page.keyboard.press('Escape')
  await expect(overlay).toBeHidden()
  // Not while typing in the filter.
  await page.getByTestId('filter-input').focus()
  await page.keyboard.press('?')
  await expect(overlay).toBeHidden()
  await expect(page.getByTestId('filter-input')).toHaveValue('?')

  await page.getByTestId('proxy-address').click()
  await expect(page.getByTestId('proxy-copied')).toHaveText('copied')
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(stack.serve.proxyUrl)
})

test('8: a repro bundle opens by Open file… and by a drop on the culprit, rule and diff; nothing is sent, no key', async ({ page, stack }) => {
  const { emulator } = stack
  expect((await anthropicCraftSession(stack.serve.proxyUrl, emulator)).status).toBe(400)
  // The author exports the bundle as the app does (the same call as the Export button).
  const token = new URL(stack.serve.uiUrl).searchParams.get('token')!
  const call = async (name: string, arg: unknown): Promise<unknown> => {
    const res = await fetch(new URL(`/api/call/${name}`, stack.serve.uiUrl), { method: 'POST', headers: { 'content-type': 'application/json', 'x-inspector-token': token }, body: JSON.stringify(arg) })
    if (res.status !== 200) throw new Error(`${name}: ${res.status} ${await res.text()}`)
    return res.json()
  }
  let list: { items: Array<{ id: string; status: number | null }> } = { items: [] }
  await expect.poll(async () => (list = (await call('exchanges:list', { offset: 0, limit: 50 })) as typeof list).items.some((e) => e.status === 400)).toBe(true)
  const failingId = list.items.find((e) => e.status === 400)!.id
  // The 400 shows in the list as soon as its head arrives; the export needs it stored.
  let bundle = { fileName: '', zipBase64: '' }
  await expect
    .poll(async () => {
      bundle = (await call('repro:export', { id: failingId, minimalBody: null, removed: [], minimizedBy: null }).catch(() => bundle)) as typeof bundle
      return bundle.zipBase64.length > 0
    })
    .toBe(true)
  const zip = Buffer.from(bundle.zipBase64, 'base64')

  // The receiver: a fresh data folder, never a request to the endpoint.
  const receiver = await startServe({ upstream: emulator.url })
  try {
    const sentBefore = emulator.received.length
    await page.goto(receiver.uiUrl)
    await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
    await page.getByTestId('import-input').setInputFiles({ name: bundle.fileName, mimeType: 'application/zip', buffer: zip })
    await expect(page.getByTestId('import-bundle')).toBeVisible()
    await expect(page.getByTestId('conversation-view')).toBeVisible()
    const culprit = page.locator('[data-testid="timeline-message"][data-culprit="true"]')
    await expect(culprit).toHaveCount(1)
    await expect(culprit).toHaveAttribute('data-index', '1')
    await expect(page.getByTestId('diagnosis-panel')).toContainText('R02')
    await expect(page.getByTestId('turn-diff')).toContainText(/message 1.*thinking/i)
    expect(emulator.received.length).toBe(sentBefore)

    // The same zip dropped on the window (a second copy comes in beside the first).
    await page.keyboard.press('1')
    const rowsBefore = await page.getByTestId('exchange-row').count()
    const drop = await page.evaluateHandle(
      ({ bytes, name }) => {
        const dt = new DataTransfer()
        dt.items.add(new File([new Uint8Array(bytes)], name, { type: 'application/zip' }))
        return dt
      },
      { bytes: [...zip], name: bundle.fileName }
    )
    await page.dispatchEvent('body', 'dragenter', { dataTransfer: drop })
    await page.dispatchEvent('body', 'drop', { dataTransfer: drop })
    await expect(page.getByTestId('conversation-view')).toBeVisible()
    await expect(page.locator('[data-testid="timeline-message"][data-culprit="true"]')).toHaveCount(1)
    await page.keyboard.press('1')
    await expect.poll(() => page.getByTestId('exchange-row').count()).toBeGreaterThan(rowsBefore)
    expect(emulator.received.length).toBe(sentBefore)
    // No key reached the receiver's data folder.
    expect(leakedIn(everyStoredByte(receiver.dataDir), SESSION_KEY)).toEqual([])
  } finally {
    await receiver.stop()
  }
})
