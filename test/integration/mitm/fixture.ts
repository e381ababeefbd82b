// Test fixture for the forward proxy: a private PKI for the upstreams (openssl), a recorder on a temporary store,
// and clients that reach HTTPS through an HTTP CONNECT proxy (undici's ProxyAgent is not installed here, so a
// small fetch over node:https stands in; SDKs take it through their `fetch` option).
import { execFileSync } from 'node:child_process'
import dns from 'node:dns'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import type { LookupFunction } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable, type Duplex } from 'node:stream'
import tls from 'node:tls'
import { Persister } from '../../../src/main/core/capture/persister'
import { DEFAULT_TIMEOUTS } from '../../../src/main/core/proxy/forward'
import { MitmProxy, type MitmProxyOptions } from '../../../src/main/core/proxy/mitm'
import { Recorder } from '../../../src/main/core/capture/recorder'
import { Store } from '../../../src/main/core/store/store'
import type { ExchangeSummary } from '../../../src/shared/types'

export const PAYG_KEY = 'sk-integration0123456789abcdefXYZ'

export function tempDir(prefix = 'mimo-mitm-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

export interface TestPki {
  caPem: string
  key: string
  cert: string
}

export function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

/** A CA and a server certificate it signed, for names under mimo.test, localhost and 127.0.0.1. */
export function makeTestPki(commonName = 'Test Upstream CA'): TestPki {
  const dir = tempDir('mimo-pki-')
  const run = (args: string[]): void => void execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' })
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes']
  run(['req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '3', '-subj', `/CN=${commonName}`, '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'])
  run(['req', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=api.mimo.test'])
  writeFileSync(join(dir, 'ext.cnf'), 'subjectAltName=DNS:api.mimo.test,DNS:other.mimo.test,DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n')
  run(['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-set_serial', '0x' + Date.now().toString(16), '-days', '3', '-extfile', 'ext.cnf', '-out', 'server.pem'])
  const read = (f: string): string => readFileSync(join(dir, f), 'utf8')
  return { caPem: read('ca.pem'), key: read('server.key'), cert: read('server.pem') }
}

/** Maps every *.mimo.test name to loopback, as a hosts file would. */
export const mimoLookup: LookupFunction = (hostname, options, callback) => {
  if (hostname.endsWith('.mimo.test')) {
    if ((options as { all?: boolean }).all) (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: '127.0.0.1', family: 4 }])
    else callback(null, '127.0.0.1', 4)
    return
  }
  dns.lookup(hostname, options, callback)
}

export function mimoResolve(host: string, port: number): { host: string; port: number } {
  return host.endsWith('.mimo.test') ? { host: '127.0.0.1', port } : { host, port }
}

export interface TestRecorder {
  recorder: Recorder
  store: Store
  summaries: ExchangeSummary[]
  ended(count?: number, timeoutMs?: number): Promise<ExchangeSummary[]>
  close(): Promise<void>
}

/** The recorder the app builds (store + persist worker), with a way to wait for finished exchanges. */
export function startRecorder(dir = tempDir()): TestRecorder {
  const store = Store.open(dir)
  const persister = new Persister(dir)
  const waiters: (() => void)[] = []
  const done: ExchangeSummary[] = []
  const summaries: ExchangeSummary[] = []
  const recorder: Recorder = new Recorder(store, persister, {
    upserted: (s) => {
      summaries.push(s)
      const finished = s.state === 'completed' || s.state === 'failed' || s.state === 'aborted'
      if (finished && !recorder.getLive(s.id)) {
        done.push(s)
        for (const w of waiters.splice(0)) w()
      }
    },
    recorded: () => undefined,
    storeFailed: () => undefined
  })
  let taken = 0
  return {
    recorder,
    store,
    summaries,
    ended(count = 1, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${done.length - taken} of ${count} exchanges ended in ${timeoutMs} ms`)), timeoutMs)
        const check = (): void => {
          if (done.length - taken >= count) {
            clearTimeout(timer)
            const out = done.slice(taken, taken + count)
            taken += count
            resolve(out)
          } else waiters.push(check)
        }
        check()
      })
    },
    async close() {
      await persister.close()
      store.close()
    }
  }
}

/** Opens a CONNECT tunnel through the proxy and returns the raw socket once the proxy said 200. */
export function connectTunnel(proxyPort: number, authority: string): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: proxyPort, method: 'CONNECT', path: authority, agent: false })
    req.once('connect', (res, socket) => {
      if (res.statusCode === 200) return resolve(socket)
      socket.destroy()
      reject(new Error(`proxy answered ${res.statusCode} to CONNECT ${authority}`))
    })
    req.once('error', reject)
    req.end()
  })
}

/** An https.Agent whose connections are CONNECT tunnels through the proxy (what ProxyAgent does). */
export function proxyAgent(proxyPort: number, ca: string[]): https.Agent {
  const agent = new https.Agent({ keepAlive: true, ca })
  const create = (options: tls.ConnectionOptions & { host: string; port: number }, cb: (err: Error | null, socket?: Duplex) => void): undefined => {
    connectTunnel(proxyPort, `${options.host}:${options.port}`).then(
      (socket) => cb(null, tls.connect({ ...options, socket, ALPNProtocols: ['http/1.1'] })),
      (err: Error) => cb(err)
    )
    return undefined
  }
  Object.assign(agent, { createConnection: create })
  return agent
}

/** A direct agent to the emulator, with *.mimo.test resolved to loopback. */
export function directAgent(ca: string[]): https.Agent {
  return new https.Agent({ keepAlive: true, ca, lookup: mimoLookup })
}

/** A WHATWG fetch over node:https with the given agent: enough for the SDKs and for timing tests. */
export function agentFetch(agent: https.Agent): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init)
    const body = request.body ? Buffer.from(await request.arrayBuffer()) : null
    const headers: Record<string, string> = {}
    request.headers.forEach((v, k) => (headers[k] = v))
    if (body) headers['content-length'] = String(body.length)
    return new Promise<Response>((resolve, reject) => {
      const req = https.request(request.url, { method: request.method, headers, agent }, (res) => {
        const h = new Headers()
        for (let i = 0; i < res.rawHeaders.length; i += 2) h.append(res.rawHeaders[i], res.rawHeaders[i + 1])
        const empty = res.statusCode === 204 || res.statusCode === 304 || request.method === 'HEAD'
        resolve(new Response(empty ? null : (Readable.toWeb(res) as ReadableStream), { status: res.statusCode, statusText: res.statusMessage, headers: h }))
      })
      req.on('error', reject)
      init?.signal?.addEventListener('abort', () => req.destroy(new Error('aborted')))
      req.end(body ?? undefined)
    })
  }
}

export interface MitmSetup {
  proxy: MitmProxy
  port: number
  ourCa: string
  rec: TestRecorder
  dataDir: string
  close(): Promise<void>
}

/** A forward proxy on a fresh data folder that captures *.mimo.test (mapped to loopback) plus `extra`. */
export async function startMitm(upstreamCa: string[], extra: Partial<MitmProxyOptions> = {}): Promise<MitmSetup> {
  const dataDir = tempDir()
  const rec = startRecorder(dataDir)
  const proxy = new MitmProxy({
    host: '127.0.0.1',
    port: 0,
    dataDir,
    recorder: rec.recorder,
    captureHosts: ['*.mimo.test'],
    timeouts: DEFAULT_TIMEOUTS,
    upstreamTls: { ca: upstreamCa },
    resolveUpstream: mimoResolve,
    ...extra
  })
  const port = await proxy.listen().catch(async (err: unknown) => {
    await rec.close()
    throw err
  })
  return {
    proxy,
    port,
    ourCa: readFileSync(proxy.caCertPath, 'utf8'),
    rec,
    dataDir,
    async close() {
      await proxy.close()
      await rec.close()
    }
  }
}
