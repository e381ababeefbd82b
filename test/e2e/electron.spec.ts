// The desktop shell: runs wherever an Electron binary is installed (a normal `npm install` with internet).
// On machines where Electron's download is impossible (ELECTRON_SKIP_BINARY_DOWNLOAD, no internet) it is
// skipped, and says so.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { _electron as electron, expect, test } from '@playwright/test'
import { tempDir } from './serve'

function electronBinary(): { path: string | null; why: string } {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown as string
    return existsSync(path) ? { path, why: '' } : { path: null, why: `the Electron binary ${path} is missing` }
  } catch (err) {
    return { path: null, why: `the electron package has no binary (${(err as Error).message.split('\n')[0]})` }
  }
}

const binary = electronBinary()
if (!binary.path) console.log(`electron.spec.ts skipped: ${binary.why}. Install with internet access and without ELECTRON_SKIP_BINARY_DOWNLOAD to run it.`)

test('the app window opens on the UI with a locked-down bridge', async () => {
  test.skip(!binary.path, `no Electron binary: ${binary.why}`)
  const dataDir = tempDir()
  const app = await electron.launch({
    executablePath: binary.path!,
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), 'out/main/index.js'],
    env: { ...process.env, MIMO_INSPECTOR_DATA_DIR: dataDir }
  })
  try {
    const window = await app.firstWindow()
    await expect(window.locator('[data-app-state="ready"]')).toBeVisible()
    await expect(window.getByTestId('proxy-address')).toContainText('127.0.0.1')
    const exposed = await window.evaluate(() => ({
      methods: Object.keys((window as unknown as { inspector: object }).inspector).sort(),
      hasRequire: typeof (window as unknown as { require?: unknown }).require !== 'undefined',
      hasProcess: typeof (window as unknown as { process?: unknown }).process !== 'undefined'
    }))
    expect(exposed.hasRequire).toBe(false)
    expect(exposed.hasProcess).toBe(false)
    expect(exposed.methods).toContain('exchanges:list')
    expect(exposed.methods).not.toContain('invoke')
    const info = await window.evaluate(() => (window as unknown as { inspector: { 'app:info': (a: null) => Promise<{ shell: string; dataDir: string }> } }).inspector['app:info'](null))
    expect(info).toMatchObject({ shell: 'electron', dataDir })
  } finally {
    await app.close()
  }
})
