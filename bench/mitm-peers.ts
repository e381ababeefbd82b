// Forward (HTTPS_PROXY) proxies side by side, each in its own process, driven by the same client over
// loopback: ours (`mimo-inspector serve --mitm-port`), http-mitm-proxy (default options), mockttp as an
// HTTPS proxy (a pass-through rule) and mitmproxy in regular mode. Measured, not typed in: CONNECT + TLS
// handshake to a host the proxy has not seen (a certificate is made then) and to one it has, how long a
// request on a warm tunnel waits while new hosts connect, the latency a proxy adds to a 2 KB request, and the
// fidelity rows: request and response header order, case and duplicates, upstream keep-alive, an upstream that
// cuts its stream, a client that leaves. `npm run bench -- mitm-peers`.
//
// The upstream is one HTTPS server on 127.0.0.1 with a certificate for `*.bench.test` from a bench CA the
// proxies are told to trust. The client connects to `hN.bench.test`: a new host to a proxy each time. The
// proxies resolve `*.bench.test` to 127.0.0.1 (a dns.lookup shim for the Node ones, a server_connect addon for
// mitmproxy), so nothing leaves loopback and no system file is touched.
import { generateKeyPairSync, X509Certificate } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import https from 'node:https'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Duplex } from 'node:stream'
import tls from 'node:tls'
import { createCaCert, createLeafCert, keyId, publicKeyInfo, subjectOf } from '../src/main/core/proxy/mitm/certs'
import { connectTunnel, ms, pct } from './mitm'
import { ensureMitmdump, freePort, packageVersion, startChild } from './peer-proxies'

const KNOWN_HOST = 'api.bench.test'
const NEW_HOSTS = Number(process.env.MITM_PEERS_HOSTS ?? 24)
const ROUNDS = Number(process.env.MITM_PEERS_ROUNDS ?? 300)

interface Peer {
  name: string
  port: number
  /** The proxy's CA certificate (PEM): the client trusts it, as a user's agent would. */
  ca: string
  note: string
  stop(): Promise<void>
}

// ---------------------------------------------------------------- the upstream

interface Upstream {
  port: number
  ca: string
  caFile: string
  /** NODE_OPTIONS shim and mitmproxy addon that resolve *.bench.test to 127.0.0.1. */
  dnsShim: string
  mitmAddon: string
  /** Upstream socket ids seen, per request. */
  socketOf(req: IncomingMessage): number
  /** Resolves with the time the upstream saw /drip?id=… closed before it finished, or null after `waitMs`. */
  dripClosed(id: string, waitMs: number): Promise<number | null>
  close(): Promise<void>
}

const RESPONSE_HEADERS = ['X-Resp-Zeta', '1', 'x-resp-alpha', '2', 'X-Resp-Dup', 'a', 'X-Resp-MiXeD', 'v', 'X-Resp-Dup', 'b']

const DNS_SHIM = `
import dns from 'node:dns'
const lookup = dns.lookup
dns.lookup = function (host, options, callback) {
  if (typeof host === 'string' && host.endsWith('.bench.test')) {
    if (typeof options === 'function') (callback = options), (options = {})
    const all = typeof options === 'object' && options !== null && options.all
    return process.nextTick(() => (all ? callback(null, [{ address: '127.0.0.1', family: 4 }]) : callback(null, '127.0.0.1', 4)))
  }
  return lookup.apply(this, arguments)
}
`

const MITM_ADDON = `
def server_connect(data):
    host, port = data.server.address
    if host.endswith('.bench.test'):
        data.server.address = ('127.0.0.1', port)
`

async function startUpstream(): Promise<Upstream> {
  const ca = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
  const caPem = await createCaCert(ca.publicKey, ca.privateKey)
  const caCert = new X509Certificate(caPem)
  const issuer = { subject: subjectOf(caCert), keyId: keyId(caCert.publicKey), key: ca.privateKey }
  const leaf = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
  const leafKey = leaf.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
  const dir = mkdtempSync(join(tmpdir(), 'mimo-bench-upca-'))
  const caFile = join(dir, 'ca.pem')
  writeFileSync(caFile, caPem)
  writeFileSync(join(dir, 'dns-shim.mjs'), DNS_SHIM)
  writeFileSync(join(dir, 'bench_addon.py'), MITM_ADDON)

  const ids = new WeakMap<Socket, number>()
  let nextId = 0
  const socketOf = (req: IncomingMessage): number => {
    const s = req.socket
    if (!ids.has(s)) ids.set(s, ++nextId)
    return ids.get(s)!
  }
  const drips = new Map<string, (t: number) => void>()
  const dripClosedAt = new Map<string, number>()

  /** Sends `count` SSE events `every` ms apart, then calls `after`; the timer, to stop it early. */
  const events = (res: ServerResponse, count: number, every: number, after: () => void): NodeJS.Timeout => {
    res.writeHead(200, { 'content-type': 'text/event-stream' })
    let n = 0
    const t = setInterval(() => {
      res.write(`data: {"n":${n}}\n\n`)
      if (++n === count) {
        clearInterval(t)
        after()
      }
    }, every)
    return t
  }

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'https://upstream')
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      if (url.pathname === '/echo') {
        const body = JSON.stringify({ rawHeaders: req.rawHeaders, socket: socketOf(req), size: Buffer.concat(chunks).length })
        res.writeHead(200, ['Content-Type', 'application/json', ...RESPONSE_HEADERS, 'Content-Length', String(Buffer.byteLength(body))])
        res.end(body)
      } else if (url.pathname === '/cut') {
        // A stream that breaks off: three events, then the connection is reset mid-body.
        events(res, 3, 20, () => setTimeout(() => req.socket.destroy(), 30))
      } else if (url.pathname === '/drip') {
        // Drips for 10 s unless the connection closes first (the client left and the proxy passed that on).
        const id = url.searchParams.get('id') ?? ''
        const t = events(res, 200, 50, () => res.end())
        res.on('close', () => {
          clearInterval(t)
          if (!res.writableFinished) {
            dripClosedAt.set(id, performance.now())
            drips.get(id)?.(performance.now())
          }
        })
      } else {
        res.writeHead(404)
        res.end()
      }
    })
  }

  const cert = await createLeafCert('*.bench.test', publicKeyInfo(leaf.publicKey), issuer)
  const server = https.createServer({ key: leafKey, cert, keepAlive: true }, handler)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  return {
    port: (server.address() as AddressInfo).port,
    ca: caPem,
    caFile,
    dnsShim: join(dir, 'dns-shim.mjs'),
    mitmAddon: join(dir, 'bench_addon.py'),
    socketOf,
    dripClosed: (id, waitMs) =>
      new Promise((resolve) => {
        if (dripClosedAt.has(id)) return resolve(dripClosedAt.get(id)!)
        const timer = setTimeout(() => resolve(null), waitMs)
        drips.set(id, (t) => {
          clearTimeout(timer)
          resolve(t)
        })
      }),
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((r) => server.close(() => r()))
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

// ---------------------------------------------------------------- the client

/** CONNECT through the proxy, then TLS trusting its CA. */
async function tlsThrough(proxyPort: number, host: string, port: number, ca: string): Promise<tls.TLSSocket> {
  const socket = await connectTunnel(proxyPort, `${host}:${port}`)
  return new Promise((resolve, reject) => {
    const s = tls.connect({ socket, ca, host, servername: host }, () => resolve(s))
    s.once('error', reject)
  })
}

/** A keep-alive agent whose connections are tunnels through the proxy; counts the tunnels it opens. */
function agentThrough(proxyPort: number | null, ca: string): { agent: https.Agent; tunnels: () => number } {
  let tunnels = 0
  // Direct calls resolve the bench names themselves; through a proxy, the proxy resolves them.
  const lookup = (_h: string, o: { all?: boolean }, cb: (...a: unknown[]) => void): void => (o?.all ? cb(null, [{ address: '127.0.0.1', family: 4 }]) : cb(null, '127.0.0.1', 4))
  const agent = new https.Agent({ keepAlive: true, maxSockets: 1, ca, ...(proxyPort === null ? { lookup } : {}) } as https.AgentOptions)
  if (proxyPort !== null) {
    Object.assign(agent, {
      createConnection: (o: tls.ConnectionOptions & { host: string; port: number }, cb: (e: Error | null, s?: Duplex) => void) => {
        tunnels++
        connectTunnel(proxyPort, `${o.host}:${o.port}`).then((socket) => cb(null, tls.connect({ ...o, socket })), cb)
      }
    })
  }
  return { agent, tunnels: () => tunnels }
}

interface Answer {
  status: number
  body: string
  complete: boolean
  error: string | null
}

function request(agent: https.Agent, url: string, method = 'GET', body?: Buffer): Promise<Answer> {
  return new Promise((resolve) => {
    const req = https.request(url, { method, agent, headers: body ? { 'content-type': 'application/json', 'content-length': body.length } : {} }, (res) => {
      const chunks: Buffer[] = []
      let error: string | null = null
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('error', (e) => (error = e.message))
      res.on('aborted', () => (error = error ?? 'aborted'))
      res.on('close', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), complete: res.complete && !error, error }))
    })
    req.on('error', (e) => resolve({ status: 0, body: '', complete: false, error: e.message }))
    req.end(body)
  })
}

async function timed(agent: https.Agent, url: string, body: Buffer): Promise<number> {
  const t0 = performance.now()
  const a = await request(agent, url, 'POST', body)
  if (a.status !== 200) throw new Error(`${url} answered ${a.status} ${a.error ?? ''}`)
  return performance.now() - t0
}

/** One request written byte for byte on a fresh tunnel; the response head as received. */
async function rawExchange(peer: Peer, up: Upstream, head: string, body: string): Promise<{ upstreamRaw: string[]; responseHead: string[] }> {
  const s = await tlsThrough(peer.port, KNOWN_HOST, up.port, peer.ca)
  const received = await new Promise<string>((resolve, reject) => {
    let text = ''
    s.on('data', (d: Buffer) => {
      text += d.toString('latin1')
      const end = text.indexOf('\r\n\r\n')
      if (end < 0) return
      const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(text.slice(0, end))?.[1] ?? NaN)
      const chunked = /\r\ntransfer-encoding:\s*chunked/i.test(text.slice(0, end))
      if ((Number.isFinite(length) && text.length >= end + 4 + length) || (chunked && text.endsWith('\r\n0\r\n\r\n'))) resolve(text)
    })
    s.on('error', reject)
    s.on('close', () => resolve(text))
    s.write(head + `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n` + body)
  })
  s.destroy()
  const end = received.indexOf('\r\n\r\n')
  const responseHead = received.slice(0, end).split('\r\n').slice(1)
  const bodyText = received.slice(end + 4)
  const json = bodyText.slice(bodyText.indexOf('{'), bodyText.lastIndexOf('}') + 1)
  return { upstreamRaw: (JSON.parse(json) as { rawHeaders: string[] }).rawHeaders, responseHead }
}

/** Compares the header lines of interest as sent and as received: order, case, duplicates. */
function headerVerdict(sent: Array<[string, string]>, received: Array<[string, string]>): string {
  const names = new Set(sent.map(([n]) => n.toLowerCase()))
  const got = received.filter(([n]) => names.has(n.toLowerCase()))
  if (JSON.stringify(got) === JSON.stringify(sent)) return 'kept'
  const issues: string[] = []
  if (got.some(([n]) => !sent.some(([m]) => m === n))) issues.push('case changed')
  const dupName = sent.find(([n], i) => sent.findIndex(([m]) => m.toLowerCase() === n.toLowerCase()) !== i)?.[0]
  if (dupName && got.filter(([n]) => n.toLowerCase() === dupName.toLowerCase()).length < 2) issues.push('duplicates merged')
  const order = (xs: Array<[string, string]>): string => xs.map(([n, v]) => `${n.toLowerCase()}=${v}`).join(',')
  if (issues.length === 0 || order(got) !== order(sent)) {
    const sameSet = [...got.map(([n]) => n.toLowerCase())].sort().join() === [...sent.map(([n]) => n.toLowerCase())].sort().join()
    if (sameSet && order(got) !== order(sent)) issues.push('order changed')
  }
  return issues.length ? issues.join(', ') : `changed: ${got.map(([n, v]) => `${n}: ${v}`).join('; ')}`
}

const pairs = (flat: string[]): Array<[string, string]> => flat.flatMap((x, i) => (i % 2 ? [] : [[x, flat[i + 1]] as [string, string]]))

// ---------------------------------------------------------------- the proxies

function benchEnv(up: Upstream): NodeJS.ProcessEnv {
  return { ...process.env, NODE_EXTRA_CA_CERTS: up.caFile, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${up.dnsShim}`.trim() }
}

async function ready(port: number, up: Upstream): Promise<void> {
  const s = await connectTunnel(port, `${KNOWN_HOST}:${up.port}`)
  s.destroy()
}

async function inspectorPeer(up: Upstream, notes: string[]): Promise<Peer | null> {
  if (!existsSync('out/cli/cli.js')) {
    notes.push('mimo-inspector skipped: out/cli is not built (`npm run build`).')
    return null
  }
  const dir = mkdtempSync(join(tmpdir(), 'mimo-bench-mp-ours-'))
  const port = await freePort()
  const args = ['bin/mimo-inspector.js', 'serve', '--port', '0', '--proxy-port', '0', '--mitm-port', String(port), '--capture', '*.bench.test', '--data-dir', dir]
  const r = await startChild(process.execPath, args, (out) => (out.includes('Ctrl+C') ? String(port) : null), () => ready(port, up), benchEnv(up))
  if (typeof r === 'string') {
    notes.push(`mimo-inspector skipped: serve did not start (${r}).`)
    return null
  }
  return {
    name: 'mimo-inspector',
    port,
    ca: readFileSync(join(dir, 'ca', 'ca.pem'), 'utf8'),
    note: "mimo-inspector: `mimo-inspector serve --mitm-port P --capture '*.bench.test'` (the built command), recording every exchange to its data folder.",
    stop: async () => {
      await r.stop()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

const HTTP_MITM_PROXY_CHILD = `
import { Proxy } from 'http-mitm-proxy'
const proxy = new Proxy()
proxy.onError(() => {})
proxy.listen({ host: '127.0.0.1', port: Number(process.argv[1]), sslCaDir: process.argv[2] }, (err) => {
  if (err) throw err
  console.log('READY')
})
`

/** A proxy library run by a short ESM script in its own Node process: `code` gets the port and its folder. */
async function nodeChildPeer(
  pkg: string,
  code: string,
  up: Upstream,
  notes: string[],
  opts: { missing: string; caFile: (dir: string) => string; extraArgs?: string[]; note: (version: string) => string }
): Promise<Peer | null> {
  let version: string
  try {
    version = packageVersion(pkg)
  } catch {
    notes.push(`${pkg} skipped: ${opts.missing}.`)
    return null
  }
  const dir = mkdtempSync(join(tmpdir(), `mimo-bench-mp-${pkg}-`))
  const port = await freePort()
  const args = ['--input-type=module', '-e', code, String(port), dir, ...(opts.extraArgs ?? [])]
  const r = await startChild(process.execPath, args, (out) => (out.includes('READY') ? String(port) : null), () => ready(port, up), benchEnv(up))
  if (typeof r === 'string') {
    notes.push(`${pkg} skipped: it did not start (${r}).`)
    return null
  }
  return {
    name: `${pkg} ${version}`,
    port,
    ca: readFileSync(opts.caFile(dir), 'utf8'),
    note: opts.note(version),
    stop: async () => {
      await r.stop()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

function httpMitmProxyPeer(up: Upstream, notes: string[]): Promise<Peer | null> {
  return nodeChildPeer('http-mitm-proxy', HTTP_MITM_PROXY_CHILD, up, notes, {
    missing: 'not installed (it is a devDependency: `npm install`)',
    caFile: (dir) => join(dir, 'certs', 'ca.pem'),
    note: (v) => `http-mitm-proxy ${v}: \`new Proxy().listen({ host, port, sslCaDir })\` with default options (no keepAlive), in its own Node process; it records nothing.`
  })
}

const MOCKTTP_CHILD = `
import * as mockttp from 'mockttp'
import { readFileSync, writeFileSync } from 'node:fs'
const ca = await mockttp.generateCACertificate()
writeFileSync(process.argv[2] + '/ca.pem', ca.cert)
const server = mockttp.getLocal({ https: { key: ca.key, cert: ca.cert } })
await server.start(Number(process.argv[1]))
await server.forAnyRequest().thenPassThrough({ additionalTrustedCAs: [{ cert: readFileSync(process.argv[3], 'utf8') }] })
console.log('READY')
`

function mockttpPeer(up: Upstream, notes: string[]): Promise<Peer | null> {
  return nodeChildPeer('mockttp', MOCKTTP_CHILD, up, notes, {
    missing: 'not installed; `npm install --no-save mockttp` adds it for a run',
    caFile: (dir) => join(dir, 'ca.pem'),
    extraArgs: [up.caFile],
    note: (v) =>
      `mockttp ${v}: \`getLocal({ https: CA })\` with one \`forAnyRequest().thenPassThrough()\` rule (an HTTPS proxy), in its own Node process, recording in memory as it does by default.`
  })
}

async function mitmproxyPeer(up: Upstream, notes: string[]): Promise<Peer | null> {
  const why = ensureMitmdump()
  if (why) {
    notes.push(`mitmproxy skipped: ${why}.`)
    return null
  }
  const version = /Mitmproxy:\s*(\S+)/.exec(execFileSync('mitmdump', ['--version'], { encoding: 'utf8' }))?.[1] ?? '?'
  const dir = mkdtempSync(join(tmpdir(), 'mimo-bench-mp-mitmproxy-'))
  const port = await freePort()
  const args = ['--mode', 'regular', '--listen-host', '127.0.0.1', '-p', String(port), '-q', '-s', up.mitmAddon, '--set', `confdir=${dir}`, '--set', `ssl_verify_upstream_trusted_ca=${up.caFile}`]
  const r = await startChild('mitmdump', args, () => String(port), () => ready(port, up))
  if (typeof r === 'string') {
    notes.push(`mitmproxy skipped: mitmdump did not start (${r}).`)
    return null
  }
  return {
    name: `mitmproxy ${version}`,
    port,
    ca: readFileSync(join(dir, 'mitmproxy-ca-cert.pem'), 'utf8'),
    note: `mitmproxy ${version}: \`mitmdump --mode regular -q\` with the bench CA as its upstream trust, default options (bodies are read whole before they are passed on), its own process (Python).`,
    stop: async () => {
      await r.stop()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

// ---------------------------------------------------------------- the measures

interface Timings {
  newHost: number[]
  cachedHost: number[]
  /** A request on a warm tunnel sent as each new host connected. */
  duringNewHosts: number[]
}

async function handshake(peer: Peer, host: string, up: Upstream): Promise<number> {
  const t0 = performance.now()
  const s = await tlsThrough(peer.port, host, up.port, peer.ca)
  const took = performance.now() - t0
  s.destroy()
  return took
}

/** Interleaved across the proxies, round by round: a new host (with a request on a warm tunnel sent at the
 * same moment, which waits if making the certificate blocks the proxy), then a known host. */
async function handshakes(peers: Peer[], up: Upstream): Promise<Record<string, Timings>> {
  const small = Buffer.alloc(2048, 'a')
  const url = `https://${KNOWN_HOST}:${up.port}/echo`
  const warm = new Map(peers.map((p) => [p.name, agentThrough(p.port, p.ca).agent]))
  const out: Record<string, Timings> = Object.fromEntries(peers.map((p) => [p.name, { newHost: [], cachedHost: [], duringNewHosts: [] }]))
  for (const p of peers) {
    for (let i = 0; i < 5; i++) await handshake(p, KNOWN_HOST, up)
    for (let i = 0; i < 10; i++) await timed(warm.get(p.name)!, url, small)
  }
  for (let i = 0; i < NEW_HOSTS; i++) {
    for (const p of peers) {
      const t = out[p.name]
      const [fresh, waited] = await Promise.all([handshake(p, `h${i}-${p.port}.bench.test`, up), timed(warm.get(p.name)!, url, small)])
      t.newHost.push(fresh)
      t.duringNewHosts.push(waited)
      t.cachedHost.push(await handshake(p, KNOWN_HOST, up))
    }
  }
  for (const a of warm.values()) a.destroy()
  return out
}

async function latencies(peers: Peer[], up: Upstream): Promise<Record<string, number[]>> {
  const body = Buffer.alloc(2048, 'a')
  const url = `https://${KNOWN_HOST}:${up.port}/echo`
  const targets: Array<[string, https.Agent]> = [['direct', agentThrough(null, up.ca).agent], ...peers.map((p): [string, https.Agent] => [p.name, agentThrough(p.port, p.ca).agent])]
  const out: Record<string, number[]> = Object.fromEntries(targets.map(([n]) => [n, [] as number[]]))
  for (let i = 0; i < 30; i++) for (const [, a] of targets) await timed(a, url, body)
  for (let i = 0; i < ROUNDS; i++) for (const [n, a] of targets) out[n].push(await timed(a, url, body))
  for (const [, a] of targets) a.destroy()
  return out
}

interface Fidelity {
  requestHeaders: string
  responseHeaders: string
  keepAlive: string
  cut: string
  clientLeaves: string
}

async function fidelity(peer: Peer, up: Upstream): Promise<Fidelity> {
  const sent: Array<[string, string]> = [
    ['X-Zeta', '1'],
    ['x-alpha', '2'],
    ['X-Dup', 'one'],
    ['X-MiXeD-CaSe', 'v'],
    ['X-Dup', 'two']
  ]
  const head = `POST /echo HTTP/1.1\r\nHost: ${KNOWN_HOST}:${up.port}\r\n${sent.map(([n, v]) => `${n}: ${v}\r\n`).join('')}Content-Type: application/json\r\n`
  let requestHeaders: string
  let responseHeaders: string
  try {
    const raw = await rawExchange(peer, up, head, '{}')
    requestHeaders = headerVerdict(sent, pairs(raw.upstreamRaw))
    const got = raw.responseHead.map((l): [string, string] => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()])
    responseHeaders = headerVerdict(pairs(RESPONSE_HEADERS), got)
  } catch (err) {
    requestHeaders = responseHeaders = `failed: ${(err as Error).message}`
  }

  // Five requests in a row on one client connection (a keep-alive agent with one socket).
  const ka = agentThrough(peer.port, peer.ca)
  const upstreamSockets = new Set<number>()
  for (let i = 0; i < 5; i++) {
    const a = await request(ka.agent, `https://${KNOWN_HOST}:${up.port}/echo`, 'POST', Buffer.from('{}'))
    if (a.status === 200) upstreamSockets.add((JSON.parse(a.body) as { socket: number }).socket)
  }
  ka.agent.destroy()
  const keepAlive = `${upstreamSockets.size} upstream connection${upstreamSockets.size === 1 ? '' : 's'} for 5 requests (${ka.tunnels()} client connection${ka.tunnels() === 1 ? '' : 's'})`

  const c = agentThrough(peer.port, peer.ca)
  const cutAnswer = await request(c.agent, `https://${KNOWN_HOST}:${up.port}/cut`)
  c.agent.destroy()
  const events = (cutAnswer.body.match(/data:/g) ?? []).length
  const cut =
    cutAnswer.status === 200 && !cutAnswer.complete
      ? `passed on as a cut (${events} events, then ${cutAnswer.error ?? 'an incomplete body'})`
      : cutAnswer.status === 200
        ? `turned into a clean end (${events} events, then a normal end of the body)`
        : `answered ${cutAnswer.status || cutAnswer.error}${events ? ` after ${events} events` : ''}`

  const id = `${peer.name}-${Date.now()}`
  const d = agentThrough(peer.port, peer.ca)
  const left = await new Promise<number | null>((resolve) => {
    const req = https.request(`https://${KNOWN_HOST}:${up.port}/drip?id=${encodeURIComponent(id)}`, { agent: d.agent }, (res) => {
      res.once('data', () => {
        const t0 = performance.now()
        req.destroy()
        void up.dripClosed(id, 3000).then((t) => resolve(t === null ? null : t - t0))
      })
    })
    req.on('error', () => {})
    req.end()
    setTimeout(() => resolve(-1), 8000)
  })
  d.agent.destroy()
  const clientLeaves = left === null ? 'upstream not aborted (still sending 3 s later)' : left < 0 ? 'no first event within 8 s (the body is buffered)' : `upstream aborted after ${ms(Math.max(left, 0))}`
  return { requestHeaders, responseHeaders, keepAlive, cut, clientLeaves }
}

export async function mitmPeersBench(): Promise<string> {
  const up = await startUpstream()
  const notes: string[] = []
  const peers: Peer[] = []
  try {
    for (const start of [inspectorPeer, httpMitmProxyPeer, mockttpPeer, mitmproxyPeer]) {
      const p = await start(up, notes)
      if (p) peers.push(p)
    }
    const timings = await handshakes(peers, up)
    const lat = await latencies(peers, up)
    const fid: Record<string, Fidelity> = {}
    for (const p of peers) fid[p.name] = await fidelity(p, up)

    const names = peers.map((p) => p.name)
    const t = [`| measure | ${names.join(' | ')} |`, `| --- | ${names.map(() => '---').join(' | ')} |`]
    const row = (label: string, f: (name: string) => string): void => void t.push(`| ${label} | ${names.map(f).join(' | ')} |`)
    row(`CONNECT + TLS, new host (${NEW_HOSTS} hosts), p50`, (n) => ms(pct(timings[n].newHost, 50)))
    row('CONNECT + TLS, new host, max', (n) => ms(Math.max(...timings[n].newHost)))
    row('CONNECT + TLS, known host, p50', (n) => ms(pct(timings[n].cachedHost, 50)))
    row('2 KB request on a warm tunnel, sent as a new host connects, p50 / max', (n) => `${ms(pct(timings[n].duringNewHosts, 50))} / ${ms(Math.max(...timings[n].duringNewHosts))}`)
    row(`2 KB request, warm tunnel, p50 (direct ${ms(pct(lat.direct, 50))})`, (n) => ms(pct(lat[n], 50)))
    row(`2 KB request, warm tunnel, p99 (direct ${ms(pct(lat.direct, 99))})`, (n) => ms(pct(lat[n], 99)))
    row('added to a 2 KB request vs direct, p50', (n) => ms(pct(lat[n], 50) - pct(lat.direct, 50)))
    const f = [`| fidelity | ${names.join(' | ')} |`, `| --- | ${names.map(() => '---').join(' | ')} |`]
    const frow = (label: string, key: keyof Fidelity): void => void f.push(`| ${label} | ${names.map((n) => fid[n][key]).join(' | ')} |`)
    frow('request headers: order, case, duplicates', 'requestHeaders')
    frow('response headers: order, case, duplicates', 'responseHeaders')
    frow('keep-alive to the upstream', 'keepAlive')
    frow('upstream cuts a stream mid-body', 'cut')
    frow('client leaves mid-stream', 'clientLeaves')
    return [
      t.join('\n'),
      '',
      f.join('\n'),
      '',
      `- The client and the upstream (one HTTPS server, \`*.bench.test\` → 127.0.0.1) share the bench process; each proxy runs in its own. Handshakes: ${NEW_HOSTS} rounds interleaved across the proxies, each a new host (with a request on an open tunnel sent at the same moment) then a known one. Latency: ${ROUNDS} rounds, interleaved across the proxies and a direct call.`,
      '- Headers: a request written byte for byte with `X-Zeta`, `x-alpha`, `X-Dup: one`, `X-MiXeD-CaSe`, `X-Dup: two`, compared with what the upstream read (`rawHeaders`); the response likewise, upstream to client.',
      ...peers.map((p) => `- ${p.note}`),
      ...notes.map((n) => `- ${n}`)
    ].join('\n')
  } finally {
    for (const p of peers) await p.stop().catch(() => {})
    await up.close()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await mitmPeersBench())
