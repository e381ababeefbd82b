// The base-URL proxy: agents point ANTHROPIC_BASE_URL / OPENAI_BASE_URL here; every request goes to the
// selected upstream with its path prefix and query kept.
import http, { type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { UpstreamProfile } from '../../../shared/types'
import type { Recorder } from '../capture/recorder'
import { forward, type ForwardOptions } from './forward'
import { upstreamUrl } from './upstreams'

export class PortInUseError extends Error {
  constructor(readonly host: string, readonly port: number, what: string, flag: string) {
    super(`${what} cannot listen on ${host}:${port}: the port is already in use (another MiMo Inspector?); pick another with ${flag}`)
  }
}

export interface ReverseProxyOptions extends ForwardOptions {
  host: string
  port: number
  recorder: Recorder
  upstream: () => UpstreamProfile
}

export class ReverseProxy {
  private server: Server | null = null

  constructor(private readonly options: ReverseProxyOptions) {}

  async listen(): Promise<number> {
    const server = http.createServer({ noDelay: true, requestTimeout: 0 }, (req, res) => this.handle(req, res))
    // Streams may stay open for many minutes while a model thinks.
    server.headersTimeout = 60_000
    server.keepAliveTimeout = 65_000
    await listenOn(server, this.options.host, this.options.port, 'The proxy', '--proxy-port')
    this.server = server
    return (server.address() as AddressInfo).port
  }

  get port(): number | null {
    return this.server ? (this.server.address() as AddressInfo).port : null
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const path = req.url ?? '/'
    let target: URL
    try {
      // Only origin-form targets (`/anthropic/v1/messages?…`); `*` or `http://host/…` means a misconfigured client.
      if (!path.startsWith('/')) throw new Error(`request target ${JSON.stringify(path.slice(0, 100))} is not a path`)
      target = upstreamUrl(this.options.upstream(), path)
    } catch (err) {
      const body = JSON.stringify({ type: 'error', error: { type: 'inspector_bad_request', message: `MiMo Inspector: ${(err as Error).message}; point the client's base URL (not HTTP_PROXY) at this address` } })
      res.writeHead(400, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
      res.end(body)
      return
    }
    const live = this.options.recorder.start({
      method: req.method ?? 'GET',
      path,
      upstreamUrl: target.href,
      mode: 'reverse',
      rawHeaders: req.rawHeaders
    })
    forward(req, res, target, live, this.options.recorder, this.options)
  }

  async close(): Promise<void> {
    const server = this.server
    this.server = null
    if (!server) return
    await new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections()
    })
  }
}

export function listenOn(server: Server, host: string, port: number, what: string, flag: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException): void => {
      if (err.code === 'EADDRINUSE') reject(new PortInUseError(host, port, what, flag))
      else if (err.code === 'EACCES') reject(new Error(`${what} may not listen on ${host}:${port} (EACCES); use a port above 1024 with ${flag}`))
      else reject(err)
    }
    server.once('error', onError)
    server.listen(port, host, () => {
      server.off('error', onError)
      resolve()
    })
  })
}
