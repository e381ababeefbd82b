// The forward (MITM) proxy on loopback: what the first connection to a new intercepted host costs (its leaf
// certificate is made then), against a host whose leaf is cached, and the added latency of a 2 KB request on a
// warm connection, against calling the HTTPS upstream directly. Run: `npx tsx bench/mitm.ts`.
import { generateKeyPairSync, X509Certificate } from 'node:crypto'
import { mkdtempSync, readFileSync } from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import type { Duplex } from 'node:stream'
import tls from 'node:tls'
import { Persister } from '../src/main/core/capture/persister'
import { Recorder } from '../src/main/core/capture/recorder'
import { DEFAULT_TIMEOUTS } from '../src/main/core/proxy/forward'
import { createCaCert, createLeafCert, keyId, publicKeyInfo, subjectOf } from '../src/main/core/proxy/mitm/certs'
import { MitmProxy } from '../src/main/core/proxy/mitm'
import { loadOrCreateCa } from '../src/main/core/proxy/mitm/ca-store'
import { Store } from '../src/main/core/store/store'

export const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]
}
export const ms = (v: number): string => `${v.toFixed(2)} ms`

/** A private CA and a server certificate for the bench upstream (made with the same code as the proxy's). */
async function upstreamPki(): Promise<{ ca: string; key: string; cert: string }> {
  const ca = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
  const caPem = await createCaCert(ca.publicKey, ca.privateKey)
  const caCert = new X509Certificate(caPem)
  const leaf = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
  const cert = await createLeafCert('api.bench.test', publicKeyInfo(leaf.publicKey), { subject: subjectOf(caCert), keyId: keyId(caCert.publicKey), key: ca.privateKey })
  return { ca: caPem, key: leaf.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), cert }
}

export function connectTunnel(proxyPort: number, authority: string): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: proxyPort, method: 'CONNECT', path: authority, agent: false })
    req.once('connect', (res, socket) => (res.statusCode === 200 ? resolve(socket) : reject(new Error(`CONNECT ${res.statusCode}`))))
    req.once('error', reject)
    req.end()
  })
}

/** CONNECT + TLS handshake to `host`, trusting our CA: the time a client waits before it can send a request. */
async function handshake(proxyPort: number, host: string, ca: string): Promise<number> {
  const t0 = performance.now()
  const socket = await connectTunnel(proxyPort, `${host}:443`)
  const secure = await new Promise<tls.TLSSocket>((resolve, reject) => {
    const s = tls.connect({ socket, ca, servername: host }, () => resolve(s))
    s.once('error', reject)
  })
  const took = performance.now() - t0
  secure.destroy()
  return took
}

function tunnelAgent(proxyPort: number, ca: string[]): https.Agent {
  const agent = new https.Agent({ keepAlive: true, ca, maxSockets: 1 })
  Object.assign(agent, {
    createConnection: (o: tls.ConnectionOptions & { host: string; port: number }, cb: (e: Error | null, s?: Duplex) => void) => {
      connectTunnel(proxyPort, `${o.host}:${o.port}`).then((socket) => cb(null, tls.connect({ ...o, socket })), cb)
    }
  })
  return agent
}

/** The upstream's certificate is for api.bench.test; direct calls reach it at 127.0.0.1 under that name. */
function post(url: string, agent: https.Agent, body: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now()
    const headers = { 'content-type': 'application/json', 'content-length': body.length, host: 'api.bench.test' }
    const req = https.request(url, { method: 'POST', agent, headers, servername: 'api.bench.test' }, (res) => {
      if (res.statusCode !== 200) reject(new Error(`bench request answered ${res.statusCode}`))
      res.resume()
      res.on('end', () => resolve(performance.now() - t0))
    })
    req.on('error', reject)
    req.end(body)
  })
}

export async function mitmBench(): Promise<string> {
  const pki = await upstreamPki()
  const upstream = https.createServer({ key: pki.key, cert: pki.cert }, (req, res) => {
    let size = 0
    req.on('data', (c: Buffer) => (size += c.length))
    req.on('end', () => {
      const body = JSON.stringify({ received: size })
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
      res.end(body)
    })
  })
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r))
  const upPort = (upstream.address() as AddressInfo).port

  const dir = mkdtempSync(join(tmpdir(), 'mimo-bench-mitm-'))
  const store = Store.open(dir)
  const persister = new Persister(dir)
  const recorder = new Recorder(store, persister, { upserted: () => undefined, recorded: () => undefined, storeFailed: () => undefined })
  const tStart = performance.now()
  const proxy = new MitmProxy({
    host: '127.0.0.1',
    port: 0,
    dataDir: dir,
    recorder,
    captureHosts: ['*.bench.test', 'api.bench.test'],
    timeouts: DEFAULT_TIMEOUTS,
    upstreamTls: { ca: [pki.ca] },
    resolveUpstream: (host, port) => (host.endsWith('.bench.test') ? { host: '127.0.0.1', port: upPort } : { host, port })
  })
  const proxyPort = await proxy.listen()
  const firstStart = performance.now() - tStart
  const ourCa = readFileSync(proxy.caCertPath, 'utf8')

  const lines = ['| case | p50 | p99 | max |', '| --- | --- | --- | --- |']
  const row = (label: string, xs: number[]): void => void lines.push(`| ${label} | ${ms(pct(xs, 50))} | ${ms(pct(xs, 99))} | ${ms(Math.max(...xs))} |`)

  // Warm the process (TLS, JIT) on a cached host first.
  for (let i = 0; i < 20; i++) await handshake(proxyPort, 'api.bench.test', ourCa)
  const fresh: number[] = []
  const cached: number[] = []
  const loop = monitorEventLoopDelay({ resolution: 1 })
  loop.enable()
  for (let i = 0; i < 200; i++) {
    fresh.push(await handshake(proxyPort, `h${i}.bench.test`, ourCa)) // leaf made on this connection
    cached.push(await handshake(proxyPort, 'api.bench.test', ourCa))
  }
  loop.disable()
  row('CONNECT + TLS handshake, new intercepted host (leaf made)', fresh)
  row('CONNECT + TLS handshake, cached host', cached)

  const body = Buffer.alloc(2048, 'a')
  const direct = new https.Agent({ keepAlive: true, ca: [pki.ca], maxSockets: 1 })
  const viaProxy = tunnelAgent(proxyPort, [ourCa])
  const directUrl = `https://127.0.0.1:${upPort}/v1/chat/completions`
  const proxiedUrl = 'https://api.bench.test/v1/chat/completions'
  for (let i = 0; i < 50; i++) {
    await post(directUrl, direct, body)
    await post(proxiedUrl, viaProxy, body)
  }
  const d: number[] = []
  const p: number[] = []
  for (let i = 0; i < 500; i++) {
    d.push(await post(directUrl, direct, body))
    p.push(await post(proxiedUrl, viaProxy, body))
  }
  row('2 KB POST, direct HTTPS (warm connection)', d)
  row('2 KB POST through the MITM proxy, recorded (warm tunnel)', p)
  lines.push(`| added by the MITM proxy, 2 KB | ${ms(pct(p, 50) - pct(d, 50))} | ${ms(pct(p, 99) - pct(d, 99))} | |`)

  // Main-thread work of one new leaf: building the DER (the ECDSA signature itself runs in the thread pool)
  // and turning it into a TLS context. Measured on the proxy's own CA material.
  const ca = await loadOrCreateCa(dir)
  const busy: number[] = []
  const wall: number[] = []
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now()
    const pending = createLeafCert(`m${i}.bench.test`, ca.leafPublic, ca)
    const built = performance.now() - t0
    const cert = await pending
    const t1 = performance.now()
    tls.createSecureContext({ key: ca.leafKeyPem, cert })
    const t2 = performance.now()
    busy.push(built + (t2 - t1))
    wall.push(t2 - t0)
  }
  row('making one leaf: main-thread time', busy)
  row('making one leaf: wall time', wall)

  const notes = [
    '',
    `- Event-loop delay while 200 new hosts were connected (bench client and proxy share the process): max ${ms(loop.max / 1e6)}, p99 ${ms(loop.percentile(99) / 1e6)}.`,
    `- First start (CA + leaf key generated, bundle written): ${ms(firstStart)}.`
  ]
  // What http-mitm-proxy does for every new host: a synchronous 2048-bit RSA key generation in node-forge.
  try {
    const forge = createRequire(import.meta.url)('node-forge') as { pki: { rsa: { generateKeyPair: (bits: number) => unknown } } }
    const t: number[] = []
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now()
      forge.pki.rsa.generateKeyPair(2048)
      t.push(performance.now() - t0)
    }
    notes.push(`- For comparison, node-forge RSA-2048 keygen (http-mitm-proxy, per new host, blocking): p50 ${ms(pct(t, 50))}, max ${ms(Math.max(...t))} over 5.`)
  } catch {
    // node-forge not installed: nothing to compare with.
  }

  direct.destroy()
  viaProxy.destroy()
  await proxy.close()
  await persister.close()
  store.close()
  upstream.closeAllConnections()
  upstream.close()
  return lines.concat(notes).join('\n')
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await mitmBench())
