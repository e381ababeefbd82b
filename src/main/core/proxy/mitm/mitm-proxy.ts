// The forward proxy (`HTTPS_PROXY=http://127.0.0.1:8789`). A CONNECT to a host on the capture list is answered
// by us: TLS ends here with a leaf from our CA, and each request inside goes through `forward()`, the same
// path the reverse proxy uses, so it is recorded byte for byte. Every other CONNECT is a blind TCP tunnel.
import http, { type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { RequestOptions } from 'node:https'
import type { AddressInfo, Socket } from 'node:net'
import { isIP } from 'node:net'
import type { Duplex } from 'node:stream'
import tls from 'node:tls'
import type { Recorder } from '../../capture/recorder'
import { forward, type ForwardOptions, type Timeouts } from '../forward'
import type { Interceptor } from '../intercept'
import { listenOn } from '../reverse-proxy'
import { caPaths, createCa, loadOrCreateCa, type CaMaterial } from './ca-store'
import { captureMatcher, exactHosts, parseAuthority, parseCaptureList, type Authority } from './capture-list'
import { LeafCache } from './leaf-cache'
import { passThrough } from './plain-http'
import { openTunnel } from './tunnel'

export const DEFAULT_MITM_PORT = 8789

export interface MitmProxyOptions {
  host: string
  port: number
  dataDir: string
  recorder: Recorder
  /** `*.example.com`, exact hosts, `host:port`; see capture-list.ts. */
  captureHosts: string[]
  timeouts: Timeouts
  /** Extra TLS options for upstream connections (tests trust a private CA). */
  upstreamTls?: RequestOptions
  /** Where to really connect for a CONNECT target (tests map made-up names to loopback). Default: itself. */
  resolveUpstream?: (host: string, port: number) => { host: string; port: number }
  /** A client refused our certificate or broke the handshake (usually: it does not trust the CA yet). */
  onClientTlsError?: (host: string, error: Error) => void
  /** Repair rules and breakpoints, as on the base-URL proxy. */
  intercept?: Interceptor | null
}

export class MitmProxy {
  private server: Server | null = null
  /** Parses the decrypted HTTP/1.1 inside intercepted tunnels; it never listens on a port itself. */
  private readonly inner: Server
  private readonly targets = new WeakMap<object, Authority>()
  /** Intercepted connections that carried at least one request. */
  private readonly served = new WeakSet<object>()
  private readonly sockets = new Set<Duplex>()
  private ca: CaMaterial | null = null
  private leaves: LeafCache | null = null
  private captures: (host: string, port: number) => boolean
  private patterns: string[]

  constructor(private readonly options: MitmProxyOptions) {
    this.patterns = parseCaptureList(options.captureHosts)
    this.captures = captureMatcher(this.patterns)
    this.inner = http.createServer({ noDelay: true, requestTimeout: 0 }, (req, res) => this.onInterceptedRequest(req, res))
    this.inner.keepAliveTimeout = 65_000
    this.inner.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
      if (err.code?.startsWith('HPE_') && socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n')
      else socket.destroy()
    })
  }

  /** Loads (or makes) the CA, prepares leaves for the exact hosts on the list, then listens. */
  async listen(): Promise<number> {
    await this.loadCa()
    const server = http.createServer({ noDelay: true, requestTimeout: 0 }, (req, res) => this.onPlainRequest(req, res))
    server.headersTimeout = 60_000
    server.keepAliveTimeout = 65_000
    server.on('connect', (req: IncomingMessage, socket: Duplex, head: Buffer) => this.onConnect(req, socket, head))
    await listenOn(server, this.options.host, this.options.port, 'The forward (MITM) proxy', '--mitm-port')
    this.server = server
    return (server.address() as AddressInfo).port
  }

  get port(): number | null {
    return this.server ? (this.server.address() as AddressInfo).port : null
  }

  get caCertPath(): string {
    return caPaths(this.options.dataDir).cert
  }

  /** System roots + our CA, for tools that read a single CA file. */
  get bundlePath(): string {
    return caPaths(this.options.dataDir).bundle
  }

  get captureHosts(): string[] {
    return [...this.patterns]
  }

  /** Changes the list for new CONNECTs (tunnels already open stay as they are). Throws CaptureListError. */
  setCaptureHosts(patterns: string[]): void {
    this.patterns = parseCaptureList(patterns)
    this.captures = captureMatcher(this.patterns)
    this.prepareLeaves()
  }

  /** A new CA and leaf key; the old CA file is gone and leaves it signed no longer verify against the new one. */
  async regenerateCa(): Promise<void> {
    this.installCa(await createCa(this.options.dataDir))
  }

  async close(): Promise<void> {
    const server = this.server
    this.server = null
    for (const socket of this.sockets) socket.destroy()
    this.sockets.clear()
    if (!server) return
    await new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections()
    })
  }

  private async loadCa(): Promise<void> {
    if (!this.ca) this.installCa(await loadOrCreateCa(this.options.dataDir))
  }

  private installCa(ca: CaMaterial): void {
    this.ca = ca
    if (this.leaves) this.leaves.reset(ca)
    else this.leaves = new LeafCache(ca)
    this.prepareLeaves()
  }

  private prepareLeaves(): void {
    // Failures here show up again, and are handled, on the first real connection.
    for (const host of exactHosts(this.patterns)) this.leaves?.get(host).catch(() => undefined)
  }

  private upstreamOf(target: Authority): Authority {
    return this.options.resolveUpstream?.(target.host, target.port) ?? target
  }

  private track(socket: Duplex): void {
    this.sockets.add(socket)
    socket.once('close', () => this.sockets.delete(socket))
  }

  private onConnect(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy())
    const target = parseAuthority(req.url ?? '')
    if (!target) {
      socket.end('HTTP/1.1 400 Bad Request\r\ncontent-type: text/plain\r\nconnection: close\r\n\r\nCONNECT needs host:port\n')
      return
    }
    this.track(socket)
    ;(socket as Socket).setNoDelay?.(true)
    if (!this.captures(target.host, target.port)) return openTunnel(socket, head, this.upstreamOf(target), this.options.timeouts.connectMs)
    const ready = this.leaves!.peek(target.host)
    if (ready) return this.intercept(socket, head, target, ready)
    // The client waits for our 200 before its ClientHello, so nothing is lost while the leaf is made.
    this.leaves!.get(target.host).then(
      (context) => {
        if (!socket.destroyed) this.intercept(socket, head, target, context)
      },
      () => socket.destroy()
    )
  }

  private intercept(socket: Duplex, head: Buffer, target: Authority, secureContext: tls.SecureContext): void {
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
    if (head.length) socket.unshift(head) // a client that sent its ClientHello without waiting
    const tlsSocket = new tls.TLSSocket(socket as Socket, { isServer: true, secureContext, ALPNProtocols: ['http/1.1'] })
    // A client that rejects our certificate either sends an alert (OpenSSL, curl: an error here) or, like Node,
    // just hangs up after the handshake. Either way no request ever arrives on the connection.
    let reported = false
    const report = (message: string): void => {
      if (reported || this.served.has(tlsSocket) || !this.server) return
      reported = true
      this.options.onClientTlsError?.(target.host, new Error(message))
    }
    tlsSocket.on('error', (err) => {
      report(`TLS with the client for ${target.host} failed: ${err.message}; does it trust the inspector's CA?`)
      tlsSocket.destroy()
    })
    tlsSocket.once('close', () => report(`the client closed its connection to ${target.host} without sending a request; it probably does not trust the inspector's CA (NODE_EXTRA_CA_CERTS, SSL_CERT_FILE)`))
    this.targets.set(tlsSocket, target)
    this.track(tlsSocket)
    this.inner.emit('connection', tlsSocket)
  }

  private onInterceptedRequest(req: IncomingMessage, res: ServerResponse): void {
    const target = this.targets.get(req.socket)
    if (!target) return void res.destroy()
    this.served.add(req.socket)
    const raw = req.url ?? '/'
    this.record(req, res, 'https:', target, raw.startsWith('/') ? raw : pathOf(raw))
  }

  /** Absolute-form requests (`HTTP_PROXY`): recorded if captured, passed through if not; anything else is a misdirected client. */
  private onPlainRequest(req: IncomingMessage, res: ServerResponse): void {
    const raw = req.url ?? '/'
    if (raw.startsWith('/')) return this.selfRequest(raw, res)
    let url: URL
    try {
      url = new URL(raw)
    } catch {
      return void sendText(res, 400, 'MiMo Inspector: not a proxy request\n')
    }
    if (url.protocol !== 'http:') return void sendText(res, 400, `MiMo Inspector: ${url.protocol} requests go through CONNECT\n`)
    const target = { host: url.hostname.replace(/^\[|\]$/g, '').toLowerCase(), port: Number(url.port || 80) }
    if (this.captures(target.host, target.port)) return this.record(req, res, 'http:', target, url.pathname + url.search)
    passThrough(req, res, url, target.port, this.options.timeouts, this.upstreamOf(target))
  }

  private selfRequest(path: string, res: ServerResponse): void {
    if (path === '/ca.pem' && this.ca) {
      res.writeHead(200, { 'content-type': 'application/x-pem-file', 'content-disposition': 'attachment; filename="mimo-inspector-ca.pem"' })
      return void res.end(this.ca.certPem)
    }
    sendText(res, 400, 'This is MiMo Inspector\'s forward proxy: set HTTPS_PROXY to this address instead of calling it directly (the CA is at /ca.pem).\n')
  }

  private record(req: IncomingMessage, res: ServerResponse, protocol: 'https:' | 'http:', target: Authority, path: string): void {
    const hostPart = isIP(target.host) === 6 ? `[${target.host}]` : target.host
    const url = new URL(`${protocol}//${hostPart}:${target.port}${path}`)
    const live = this.options.recorder.start({ method: req.method ?? 'GET', path, upstreamUrl: url.href, mode: 'mitm', rawHeaders: req.rawHeaders })
    forward(req, res, url, live, this.options.recorder, this.forwardOptions(protocol, target, path, url))
  }

  private forwardOptions(protocol: string, target: Authority, path: string, url: URL): ForwardOptions {
    const tlsOptions: RequestOptions = { ...(protocol === 'https:' ? this.options.upstreamTls : {}) }
    const to = this.upstreamOf(target)
    if (to.host !== target.host || to.port !== target.port) {
      // Connect elsewhere but speak to the original name: SNI and certificate checks use it, not the address.
      Object.assign(tlsOptions, { hostname: to.host, port: to.port })
      if (protocol === 'https:' && !isIP(target.host)) tlsOptions.servername = target.host
    }
    // URL parsing normalises paths (dot segments, escapes); the upstream gets the client's request line as sent.
    if (url.pathname + url.search !== path) tlsOptions.path = path
    return { timeouts: this.options.timeouts, tls: tlsOptions, intercept: this.options.intercept }
  }
}

function pathOf(absolute: string): string {
  try {
    const u = new URL(absolute)
    return u.pathname + u.search
  } catch {
    return `/${absolute}`
  }
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text) })
  res.end(text)
}
