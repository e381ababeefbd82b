// What can be checked of `npm run dist` offline (it downloads Electron and the packaging tools, so it cannot
// run here): the electron-builder config and the files it names, the paths the main process loads in the built
// output, the persist worker as one self-contained file, and the app folder electron-builder assembles
// (`--dir`) around a stand-in Electron distribution: what is in app.asar, what is unpacked beside it, no dev
// dependencies, and the worker found and run from where the packaged app looks for it.
import { listPackage } from '@electron/asar'
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { builtinModules, createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, posix, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { beforeAll, describe, expect, it } from 'vitest'
import { persistWorkerFile } from '../../src/main/core/capture/worker-file'
import { Store } from '../../src/main/core/store/store'
import { APP_FILES } from '../../src/main/shell/app-files'
import { LINUX_SIZES } from '../../scripts/make-icons'
import { tempDataDir } from './stack'

const root = resolve(import.meta.dirname, '../..')
const require = createRequire(import.meta.url)
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  main: string
  productName: string
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
}
interface BuilderConfig {
  appId: string
  productName: string
  files: string[]
  asarUnpack: string[]
  linux: { target: string[]; icon: string; executableName: string }
  mac: { target: string; icon: string }
  win: { target: string; icon: string }
}
const config = require(join(root, 'electron-builder.cjs')) as BuilderConfig
const mainEntry = join(root, pkg.main)

/** The bare package names a bundle imports (static, dynamic or require), Node built-ins aside. */
function bareImports(code: string): string[] {
  // Import and export statements at the start of a line, import() and require() calls; a specifier is one token.
  const statements = /^\s*(?:import|export)\b[^;'"]*?\bfrom\s*["']([^"'\s]+)["']|^\s*import\s*["']([^"'\s]+)["']|\bimport\(\s*["']([^"'\s]+)["']\s*\)|\brequire\(\s*["']([^"'\s]+)["']\s*\)/gm
  const specs = [...code.matchAll(statements)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4])
  return specs.filter((s) => !s.startsWith('.') && !s.startsWith('/') && !s.startsWith('node:') && !builtinModules.includes(s))
}

/** Persists one exchange through a worker started from `file`, in a fresh data folder; the stored record. */
async function persistThrough(file: string): Promise<{ id: string; model: string | null }> {
  const dir = tempDataDir()
  const worker = new Worker(file, { workerData: { dir } })
  try {
    const body = Buffer.from(JSON.stringify({ model: 'mimo-v2-flash', messages: [{ role: 'user', content: 'hi' }] }))
    const summary = {
      id: 'ex-packaged',
      seq: 1,
      startedAt: new Date(0).toISOString(),
      method: 'POST',
      path: '/v1/chat/completions',
      upstreamUrl: 'https://api.xiaomimimo.com/v1/chat/completions',
      mode: 'reverse',
      protocol: 'openai',
      model: null,
      stream: false,
      state: 'done',
      status: 200,
      error: null,
      durationMs: 1,
      ttfbMs: 1,
      requestSize: body.length,
      responseSize: 0,
      usage: null,
      conversationId: null
    }
    const reply = await new Promise<{ record?: { summary: { id: string; model: string | null } }; error?: string }>((res, rej) => {
      worker.once('message', res)
      worker.once('error', rej)
      worker.postMessage({ seq: 1, input: { summary, requestHeaders: [['content-type', 'application/json']], request: { parts: [new Uint8Array(body)], cut: false }, response: null } })
    })
    expect(reply.error).toBeUndefined()
    const store = Store.open(dir, { readOnly: true })
    expect(store.get('ex-packaged')).toBeDefined()
    store.close()
    return reply.record!.summary
  } finally {
    await worker.terminate()
  }
}

describe('packaging config', () => {
  it('names the product, the app id, the targets of each platform and the icons, and they exist', () => {
    expect(config.productName).toBe(pkg.productName)
    expect(config.appId).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/)
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.mac.target).toBe('dmg')
    expect(config.win.target).toBe('nsis')
    expect(config.linux.executableName).not.toMatch(/\s/)
    const linuxIcons = readdirSync(join(root, config.linux.icon))
    for (const size of LINUX_SIZES) expect(linuxIcons).toContain(`${size}x${size}.png`)
    expect(readFileSync(join(root, config.mac.icon)).subarray(0, 4).toString('latin1')).toBe('icns')
    expect([...readFileSync(join(root, config.win.icon)).subarray(0, 4)]).toEqual([0, 0, 1, 0])
  })

  it('every icon PNG is the size its name says', () => {
    for (const size of LINUX_SIZES) {
      const png = readFileSync(join(root, config.linux.icon, `${size}x${size}.png`))
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size])
    }
  })

  it('each file or folder it packs exists in the built output (run `npm run build` first)', () => {
    for (const pattern of config.files.filter((p) => !p.startsWith('!'))) {
      const path = join(root, pattern.replace(/\/\*\*$/, ''))
      expect(existsSync(path), pattern).toBe(true)
      if (pattern.endsWith('/**')) expect(readdirSync(path).length, pattern).toBeGreaterThan(0)
    }
    for (const unpacked of config.asarUnpack) expect(existsSync(join(root, unpacked)), unpacked).toBe(true)
  })
})

describe('built output', () => {
  it('the main entry is package.json "main", and the preload, page and icon it loads are there', () => {
    expect(existsSync(mainEntry)).toBe(true)
    for (const [name, rel] of Object.entries(APP_FILES)) expect(existsSync(join(dirname(mainEntry), rel)), name).toBe(true)
  })

  it('the persist worker resolves to the built file beside each bundle, which imports no package', () => {
    for (const bundle of [mainEntry, join(root, 'out/cli/cli.js')]) {
      const file = persistWorkerFile(pathToFileURL(bundle).href)
      expect(file).toEqual({ kind: 'built', path: join(dirname(bundle), 'persist-worker.js') })
      expect(bareImports(readFileSync(join(dirname(bundle), 'persist-worker.js'), 'utf8'))).toEqual([])
    }
    // The persister's code is in the main bundle itself, not a chunk elsewhere (its import.meta.url decides).
    expect(readFileSync(mainEntry, 'utf8')).toContain('./persist-worker.js')
    expect(existsSync(join(root, 'out/main/chunks'))).toBe(false)
  })

  it('a bundle without its worker fails with what to do, never falling back to the source', () => {
    const dir = join(tempDataDir(), 'out', 'main')
    mkdirSync(dir, { recursive: true })
    expect(() => persistWorkerFile(pathToFileURL(join(dir, 'index.js')).href)).toThrow(/persist-worker\.js is missing: the build is incomplete \(run `npm run build`\)/)
  })

  it('the worker runs alone, copied where no node_modules can be found', async () => {
    const alone = join(tmpdir(), `mimo-worker-${process.pid}-${Date.now()}`)
    mkdirSync(alone)
    const copy = join(alone, 'persist-worker.js')
    writeFileSync(copy, readFileSync(join(root, 'out/main/persist-worker.js')))
    writeFileSync(join(alone, 'package.json'), '{"type":"module"}')
    expect(await persistThrough(copy)).toMatchObject({ id: 'ex-packaged', model: 'mimo-v2-flash' })
  })
})

describe('the packaged app folder (electron-builder --dir, offline, a stand-in Electron)', () => {
  let appDir = ''
  let asar: string[] = []
  beforeAll(() => {
    // electron-builder copies an Electron distribution given as a folder instead of downloading one.
    const fakeDist = join(tempDataDir(), 'electron-dist')
    mkdirSync(fakeDist)
    writeFileSync(join(fakeDist, 'electron'), '#!/bin/sh\nexit 0\n')
    chmodSync(join(fakeDist, 'electron'), 0o755)
    writeFileSync(join(fakeDist, 'LICENSE'), 'stand-in')
    const output = tempDataDir()
    const r = spawnSync(
      process.execPath,
      [require.resolve('electron-builder/cli.js'), '--dir', '--linux', '--x64', `--config.electronDist=${fakeDist}`, `--config.directories.output=${output}`, '--config.npmRebuild=false', '--publish', 'never'],
      { cwd: root, encoding: 'utf8', timeout: 170_000, env: { ...process.env, ELECTRON_BUILDER_OFFLINE: 'true' } }
    )
    if (r.status !== 0) throw new Error(`electron-builder --dir failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`)
    appDir = join(output, 'linux-unpacked')
    asar = listPackage(join(appDir, 'resources', 'app.asar'), { isPack: false })
  }, 180_000)

  it('holds the built app: main, preload, page, icon, package.json; no source maps, no sources', () => {
    const inAsar = (p: string): boolean => asar.includes(posix.join('/', p))
    expect(existsSync(join(appDir, config.linux.executableName))).toBe(true)
    for (const p of ['package.json', pkg.main.replace(/^\.\//, ''), 'out/preload/index.cjs', 'out/renderer/index.html', 'resources/icon.png']) expect(inAsar(p), p).toBe(true)
    for (const rel of Object.values(APP_FILES)) expect(inAsar(posix.join('out/main', rel))).toBe(true)
    expect(asar.filter((p) => p.endsWith('.map'))).toEqual([])
    expect(asar.filter((p) => p.startsWith('/src/') || p.startsWith('/test/') || p.startsWith('/out/cli'))).toEqual([])
  })

  it('the persist worker is unpacked beside the asar, found there from the packaged main entry, and runs', async () => {
    const unpacked = join(appDir, 'resources', 'app.asar.unpacked', 'out', 'main', 'persist-worker.js')
    expect(statSync(unpacked).isFile()).toBe(true)
    const packagedMain = join(appDir, 'resources', 'app.asar', pkg.main)
    expect(persistWorkerFile(pathToFileURL(packagedMain).href)).toEqual({ kind: 'built', path: unpacked })
    expect(await persistThrough(unpacked)).toMatchObject({ id: 'ex-packaged' })
  })

  it('carries the dependencies and no dev dependency', () => {
    const shipped = new Set(asar.map((p) => /^\/node_modules\/(@[^/]+\/[^/]+|[^@/][^/]*)/.exec(p)?.[1]).filter((m): m is string => !!m))
    for (const dep of Object.keys(pkg.dependencies)) expect(shipped.has(dep), dep).toBe(true)
    expect([...shipped].filter((m) => m in pkg.devDependencies)).toEqual([])
  })
})
