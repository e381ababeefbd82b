// Web mode: the core's InspectorApi over HTTP (one POST per call) and a WebSocket (events), plus the built
// UI. An adapter of src/shared/api.ts and nothing more.
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'
import { ApiArgError, MAX_IMPORT_CHARS, WEB, isCallName, parseCallArg, type InspectorHandlers } from '../../../shared/api'
import type { EventHub } from '../events'
import { listenOn } from '../proxy/reverse-proxy'
import { allowedHost, newToken, requestToken, sameOrigin, tokenMatches } from './guard'
import { serveStatic } from './static-files'

export interface WebServerOptions {
  host: string
  port: number
  handlers: InspectorHandlers
  events: EventHub
  staticDir: string
  token?: string
}

export interface WebServer {
  url: string
  /** The URL to open, with the token. */
  openUrl: string
  port: number
  token: string
  close(): Promise<void>
}

const MAX_ARG_BYTES = 1024 * 1024
/** An import carries a whole file as JSON text (escaping can double it). */
const MAX_IMPORT_BYTES = 2 * MAX_IMPORT_CHARS
const CALL_PREFIX = '/api/call/'

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  // The token travels in the first URL; never send it on as a Referer.
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' ws: wss:; frame-ancestors 'none'"
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? newToken()
  let port = options.port
  const server = http.createServer((req, res) => {
    if (!allowedHost(req.headers.host, port)) return reply(res, 403, { error: 'Host not allowed: open the inspector through 127.0.0.1 or localhost' })
    const path = (req.url ?? '/').split('?')[0]
    if (path.startsWith(CALL_PREFIX)) return void handleCall(req, res, path.slice(CALL_PREFIX.length), token, options.handlers)
    if (path.startsWith('/api/')) return reply(res, 404, { error: `no such API path ${path}` })
    if (req.method !== 'GET' && req.method !== 'HEAD') return reply(res, 405, { error: 'method not allowed' })
    serveStatic(options.staticDir, path, res, SECURITY_HEADERS)
  })

  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 })
  const sockets = new Set<WebSocket>()
  server.on('upgrade', (req, socket, head) => {
    // Node hands the socket over without an error listener; a peer that resets it must not crash serve.
    socket.on('error', () => socket.destroy())
    const path = (req.url ?? '/').split('?')[0]
    if (path !== WEB.eventsPath || !allowedHost(req.headers.host, port) || !sameOrigin(req) || !tokenMatches(requestToken(req), token)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nconnection: close\r\ncontent-length: 0\r\n\r\n')
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws)
      ws.on('close', () => sockets.delete(ws))
      ws.on('error', () => sockets.delete(ws))
    })
  })
  const unsubscribe = options.events.onAny((event, payload) => {
    if (sockets.size === 0) return
    const message = JSON.stringify({ event, payload })
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(message)
  })

  await listenOn(server, options.host, options.port, 'The web UI', '--port')
  port = (server.address() as AddressInfo).port
  const url = `http://${options.host}:${port}/`
  return {
    url,
    openUrl: `${url}?${WEB.tokenQuery}=${token}`,
    port,
    token,
    close: async () => {
      unsubscribe()
      for (const ws of sockets) ws.terminate()
      wss.close()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
    }
  }
}

async function handleCall(req: IncomingMessage, res: ServerResponse, name: string, token: string, handlers: InspectorHandlers): Promise<void> {
  if (!tokenMatches(requestToken(req), token)) return reply(res, 401, { error: 'missing or wrong access token: open the URL that `mimo-inspector serve` printed' })
  if (req.method !== 'POST') return reply(res, 405, { error: 'API calls are POST' })
  if (!isCallName(name)) return reply(res, 404, { error: `no such call ${name}` })
  try {
    const raw = await readJson(req, name === 'import:file' ? MAX_IMPORT_BYTES : MAX_ARG_BYTES)
    const arg = parseCallArg(name, raw)
    const result = await (handlers[name] as (a: unknown) => Promise<unknown>)(arg)
    reply(res, 200, result ?? null)
  } catch (err) {
    const status = err instanceof ApiArgError || err instanceof BadJsonError ? 400 : 500
    reply(res, status, { error: (err as Error).message })
  }
}

class BadJsonError extends Error {}

function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > limit) {
        reject(new BadJsonError('argument too large'))
        req.destroy()
        return
      }
      chunks.push(c)
    })
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      if (!text) return resolve(null)
      try {
        resolve(JSON.parse(text))
      } catch {
        reject(new BadJsonError('the argument is not valid JSON'))
      }
    })
    req.on('error', reject)
  })
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store', ...SECURITY_HEADERS })
  res.end(text)
}

