// Every view of the app, each reached the way a user reaches it, from a fresh load of the real UI on a scene.
// The view checks (views.spec.ts) and `npm run screenshots` both walk this list: a new view gets the layout,
// contrast and screenshot coverage by adding one entry here.
import { createServer, type Server } from 'node:net'
import { connect as tlsConnect } from 'node:tls'
import { expect, type Page } from '@playwright/test'
import type { Scene, SceneKind } from './scene'
import { TITLES } from './traffic'

export interface View {
  name: string
  /** One line for the README's screenshot table. */
  caption: string
  scene: SceneKind
  open(page: Page, scene: Scene): Promise<void>
}

export async function load(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
}

async function openExchange(page: Page, scene: Scene, text: string | RegExp, status: string): Promise<void> {
  await load(page, scene.serve.uiUrl)
  const row = page.getByTestId('exchange-row').filter({ hasText: text }).and(page.locator(`[data-status="${status}"]`)).last()
  await row.click()
  await expect(page.getByTestId('detail-panel')).toBeVisible()
}

async function openConversation(page: Page, scene: Scene, title: string): Promise<void> {
  await load(page, scene.serve.uiUrl)
  await page.keyboard.press('2')
  await page.getByTestId('conversation-row').filter({ hasText: title.slice(0, 40) }).first().click()
  await expect(page.getByTestId('conversation-view')).toBeVisible()
}

async function openSetup(page: Page, scene: Scene): Promise<void> {
  await load(page, scene.serve.uiUrl)
  if (!(await page.getByTestId('setup-panel').isVisible())) await page.getByTestId('setup-button').click()
  await expect(page.getByTestId('setup-panel')).toBeVisible()
}

/** Holds a loopback port for as long as the view is looked at, as another program would. */
let heldPort: Server | null = null
async function holdPort(): Promise<number> {
  heldPort ??= await new Promise<Server>((ok) => {
    const s = createServer()
    s.listen(0, '127.0.0.1', () => ok(s))
  })
  return (heldPort.address() as { port: number }).port
}

async function turnOnProxyMode(page: Page, scene: Scene, port = '0'): Promise<void> {
  await openSetup(page, scene)
  const toggle = page.getByTestId('mitm-toggle')
  if (await toggle.isChecked()) {
    await toggle.uncheck()
    await expect(toggle).not.toBeChecked()
  }
  await page.getByTestId('mitm-port').fill(port)
  await page.getByTestId('mitm-capture').fill(new URL(scene.emulator.url).host)
  await toggle.check()
}

/** A client that does not trust the inspector's CA: CONNECT through the forward proxy, then a TLS handshake it refuses. */
async function untrustingClient(proxyPort: number, host: string): Promise<void> {
  const { request } = await import('node:http')
  await new Promise<void>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: proxyPort, method: 'CONNECT', path: host })
    req.on('connect', (_res, socket) => {
      const tls = tlsConnect({ socket, servername: 'localhost' })
      tls.on('error', () => resolve())
      tls.on('secureConnect', () => reject(new Error('the client trusted the CA')))
    })
    req.on('error', reject)
    req.end()
  })
}

export const VIEWS: View[] = [
  {
    name: 'setup-first-run',
    caption: 'First run: what to paste into the agent, per agent',
    scene: 'empty',
    open: async (page, scene) => {
      await load(page, scene.serve.uiUrl)
      await expect(page.getByTestId('setup-panel')).toBeVisible()
    }
  },
  {
    name: 'token-missing',
    caption: 'Web mode opened without its token',
    scene: 'empty',
    open: async (page, scene) => {
      await page.goto(new URL(scene.serve.uiUrl).origin + '/')
      await expect(page.getByTestId('token-error')).toContainText('no access token')
    }
  },
  {
    name: 'token-wrong',
    caption: 'Web mode opened with a wrong token',
    scene: 'empty',
    open: async (page, scene) => {
      await page.goto(new URL(scene.serve.uiUrl).origin + '/?token=not-the-token')
      await expect(page.getByTestId('token-error')).toContainText('refused')
    }
  },
  {
    name: 'exchanges',
    caption: 'The exchange list, live',
    scene: 'traffic',
    open: async (page, scene) => {
      await load(page, scene.serve.uiUrl)
      await expect(page.getByTestId('exchange-row').first()).toBeVisible()
    }
  },
  {
    name: 'exchange-stream',
    caption: 'A streamed exchange: the reassembled message beside the raw events',
    scene: 'traffic',
    open: async (page, scene) => {
      await openExchange(page, scene, 'mimo-v2.5-pro', '200')
      await page.getByTestId('tab-response').click()
      await expect(page.getByTestId('stream-message')).toBeVisible()
    }
  },
  {
    name: 'exchange-request',
    caption: 'A request: headers with the key fingerprinted, the body pretty-printed',
    scene: 'traffic',
    open: async (page, scene) => {
      await openExchange(page, scene, 'mimo-v2.5-pro', '200')
      await page.getByTestId('tab-request').click()
    }
  },
  {
    name: 'exchange-error',
    caption: "A 400: MiMo's error unwrapped",
    scene: 'traffic',
    open: async (page, scene) => {
      await openExchange(page, scene, 'mimo-v2.5', '400')
      await page.getByTestId('tab-response').click()
    }
  },
  {
    name: 'exchange-diagnosis',
    caption: "An exchange's Diagnosis tab: culprit, rule, fixes",
    scene: 'traffic',
    open: async (page, scene) => {
      await openExchange(page, scene, 'mimo-v2.5', '400')
      await page.getByTestId('tab-diagnosis').click()
      await expect(page.getByTestId('diagnosis-panel')).toBeVisible()
    }
  },
  {
    name: 'exchange-side-by-side',
    caption: 'The request and the response side by side, the headers open in full',
    scene: 'traffic',
    open: async (page, scene) => {
      await openExchange(page, scene, 'mimo-v2.5-pro', '200')
      await page.getByTestId('tab-both').click()
      await page.getByTestId('headers-request').locator('summary').click()
      await expect(page.getByTestId('headers-response')).toHaveAttribute('open', '')
      await expect(page.getByTestId('stream-message')).toBeVisible()
    }
  },
  {
    name: 'compare',
    caption: 'Two exchanges compared: the requests, the responses, the facts and the headers, structurally',
    scene: 'traffic',
    open: async (page, scene) => {
      await openExchange(page, scene, 'mimo-v2.5-pro', '200')
      await page.getByTestId('compare-mark').click()
      await page.getByTestId('exchange-row').filter({ hasText: 'mimo-v2.5-pro' }).and(page.locator('[data-status="400"]')).last().click()
      await page.getByTestId('compare-with').click()
      await expect(page.getByTestId('compare-request')).toBeVisible()
    }
  },
  {
    name: 'conversations',
    caption: 'Conversations: the traffic as agent sessions, failed ones red',
    scene: 'traffic',
    open: async (page, scene) => {
      await load(page, scene.serve.uiUrl)
      await page.keyboard.press('2')
      await expect(page.getByTestId('conversation-row').first()).toBeVisible()
    }
  },
  {
    name: 'conversation-culprit',
    caption: 'Why it failed: the culprit message highlighted, the rule and the fixes beside it',
    scene: 'traffic',
    open: async (page, scene) => {
      await openConversation(page, scene, TITLES.craft)
      await expect(page.locator('[data-testid="timeline-message"][data-culprit="true"]')).toBeInViewport()
    }
  },
  {
    name: 'conversation-long-tool-input',
    caption: 'A 41 KB tool_use input, collapsed like long text',
    scene: 'traffic',
    open: async (page, scene) => {
      await openConversation(page, scene, TITLES.longTool)
      await expect(page.getByTestId('timeline')).toBeVisible()
      await page.getByTestId('timeline').getByText('write_file').first().scrollIntoViewIfNeeded()
    }
  },
  {
    name: 'replay-editor',
    caption: 'Edit & replay: one click on a fix, the change marked in the editor',
    scene: 'traffic',
    open: async (page, scene) => {
      await openConversation(page, scene, TITLES.craft)
      await page.getByTestId('diagnosis-panel').getByTestId('fix-restore-thinking').click()
      await expect(page.getByTestId('replay-editor').getByTestId('replay-changes')).not.toBeEmpty()
    }
  },
  {
    name: 'replay-result',
    caption: 'The replay answered 200: response and request diff against the original',
    scene: 'traffic',
    open: async (page, scene) => {
      await openConversation(page, scene, TITLES.craft)
      await page.getByTestId('diagnosis-panel').getByTestId('fix-restore-thinking').click()
      await expect(page.getByTestId('replay-editor').getByTestId('replay-changes')).not.toBeEmpty()
      scene.emulator.script({ text: 'main.ts prints hi.' })
      await page.keyboard.press('Control+Enter')
      await expect(page.getByTestId('replay-result')).toHaveAttribute('data-status', '200', { timeout: 15_000 })
    }
  },
  {
    name: 'minimize',
    caption: 'Minimize: the smallest request that still fails the same way',
    scene: 'traffic',
    open: async (page, scene) => {
      await openExchange(page, scene, 'mimo-v2.5-pro', '400')
      await page.getByTestId('minimize-button').click()
      await page.getByTestId('minimize-mode').selectOption('predicted')
      await page.getByTestId('minimize-start').click()
      await expect(page.getByTestId('minimize-result')).toHaveAttribute('data-state', 'done', { timeout: 30_000 })
    }
  },
  {
    name: 'import',
    caption: 'A file dropped on the window (or Open file…): imported and diagnosed, nothing sent',
    scene: 'traffic',
    open: async (page, scene) => {
      await load(page, scene.serve.uiUrl)
      const file = {
        request: { method: 'POST', path: '/v1/chat/completions', body: { model: 'mimo-v2.5', messages: [{ role: 'user', content: 'ls' }, { role: 'assistant', content: '', tool_calls: [{ id: 'c1', type: 'function', function: { name: 'ls', arguments: '{}' } }] }, { role: 'tool', tool_call_id: 'c1', content: 'a.txt' }] } },
        response: { status: 400, headers: {}, body: 'data:{"error":{"code":"400","message":"Param Incorrect","param":"The reasoning_content in the thinking mode must be passed back to the API.","type":""}}' }
      }
      await page.getByTestId('import-input').setInputFiles({ name: 'failing.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) })
      await expect(page.getByTestId('import-result')).toBeVisible()
    }
  },
  {
    name: 'disk-full',
    caption: 'The disk is full: traffic keeps flowing, the app says recording stopped and why',
    scene: 'disk-full',
    open: async (page, scene) => {
      await load(page, scene.serve.uiUrl)
      await expect(page.getByTestId('recording-banner')).toBeVisible()
    }
  },
  {
    name: 'proxy-mode',
    caption: 'Proxy mode: the forward proxy on, the lines to paste, the CA',
    scene: 'traffic',
    open: async (page, scene) => {
      await turnOnProxyMode(page, scene)
      await expect(page.getByTestId('mitm-env-line').first()).toBeVisible()
    }
  },
  {
    name: 'proxy-untrusted-ca',
    caption: 'A client that does not trust the CA yet: the app says so',
    scene: 'traffic',
    open: async (page, scene) => {
      await turnOnProxyMode(page, scene)
      const line = (await page.getByTestId('mitm-env-line').filter({ hasText: 'HTTPS_PROXY=' }).textContent())!
      await untrustingClient(Number(new URL(/HTTPS_PROXY=(\S+)/.exec(line)![1]).port), new URL(scene.emulator.url).host)
      await expect(page.getByTestId('mitm-tls-hint')).toBeVisible()
    }
  },
  {
    name: 'proxy-port-taken',
    caption: 'The forward proxy port is taken by another program',
    scene: 'traffic',
    open: async (page, scene) => {
      await turnOnProxyMode(page, scene, String(await holdPort()))
      await expect(page.getByTestId('mitm-error')).toBeVisible()
    }
  }
]

/** Views only the screenshot script takes: they need a long setup or traffic while the picture is taken. */
export const SCREENSHOT_ONLY: View[] = [
  {
    name: 'many-rows',
    caption: '10,000 exchanges: the list stays smooth',
    scene: 'many-rows',
    open: async (page, scene) => {
      await load(page, scene.serve.uiUrl)
      await expect(page.getByTestId('exchange-count')).toContainText(/10,0\d\d/)
    }
  }
]

export async function releaseHeldPort(): Promise<void> {
  const s = heldPort
  heldPort = null
  if (s) await new Promise<void>((ok) => s.close(() => ok()))
}
