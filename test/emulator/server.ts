// The MiMo emulator: a real HTTP(S) server on loopback that tests use as the upstream endpoint.
// Written from the provider behaviour in docs/wire-formats.md and docs/rules.md; it must never import from src/.
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { anthropicEvents, anthropicMessage } from './anthropic-reply'
import { extractKey, keyAccepted } from './auth'
import { failureBody, invalidKey, notFound, paramIncorrect, sendError } from './errors'
import { openaiChunks, openaiCompletion } from './openai-reply'
import { writeSse } from './sse-writer'
import { DEFAULT_TURN, resolveTurn } from './turn'
import type { Emulator, EmulatorOptions, FailureSpec, Protocol, ReceivedRequest, ScriptedTurn } from './types'
import { validate, wantsStream } from './validate'

export type * from './types'

/** Any path prefix is accepted before the two MiMo routes, as a base URL with a path would produce. */
function routeOf(method: string, pathname: string): Protocol | undefined {
  if (method !== 'POST') return undefined
  if (pathname.endsWith('/anthropic/v1/messages')) return 'anthropic'
  if (pathname.endsWith('/v1/chat/completions')) return 'openai'
  return undefined
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const flavour = options.flavour ?? 'payg'
  const anthropicPrefix = options.anthropicStreamErrorPrefix ?? true
  const received: ReceivedRequest[] = []
  let scripts: ScriptedTurn[] = []
  let failures: FailureSpec[] = []
  let chunkDelay = 0
  const hanging = new Set<ServerResponse>()

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const body = Buffer.concat(chunks)
    const path = req.url ?? '/'
    received.push({ method: req.method ?? '', path, headers: [...req.rawHeaders], body, at: Date.now() })

    const pathname = path.split('?')[0]
    if (req.method === 'GET' && pathname === '/health') {
      res.writeHead(200, { 'content-type': 'text/plain' })
      res.end('ok')
      return
    }
    const protocol = routeOf(req.method ?? '', pathname)
    if (!protocol) return sendError(res, 404, notFound(pathname), false)

    // W2: streamed requests get their errors as `data:{...}`; see EmulatorOptions for the Anthropic choice.
    const sse = wantsStream(body) && (protocol === 'openai' || anthropicPrefix)
    if (!keyAccepted(extractKey(req), flavour)) return sendError(res, 401, invalidKey(), sse)

    const failure = failures.shift()
    if (failure && 'status' in failure) {
      const retry = failure.retryAfter
      const headers: Record<string, string> = retry !== undefined ? { 'retry-after': String(retry) } : {}
      return sendError(res, failure.status, failureBody(failure.status), sse, headers)
    }
    if (failure && 'hang' in failure) {
      hanging.add(res)
      res.on('close', () => hanging.delete(res))
      return
    }

    const checked = validate(body, protocol, { systemOnlyFirst: options.systemOnlyFirst })
    if (!checked.ok) return sendError(res, 400, paramIncorrect(checked.param), sse)

    const turn = resolveTurn(scripts.shift() ?? options.reply?.(protocol, checked.request.body) ?? DEFAULT_TURN, checked.request, protocol, body.length, options.deterministic ? body : null)
    const cutAfter = failure && 'cut' in failure ? failure.afterEvents : undefined
    if (checked.request.stream) {
      const events = protocol === 'anthropic' ? anthropicEvents(turn) : openaiChunks(turn)
      return writeSse(res, { events, delay: () => chunkDelay, cutAfter })
    }
    if (cutAfter !== undefined) {
      // A non-streamed reply has no events to cut between: drop the connection before any response.
      req.socket.destroy()
      return
    }
    const json = JSON.stringify(protocol === 'anthropic' ? anthropicMessage(turn) : openaiCompletion(turn))
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) })
    res.end(json)
  }

  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((err: unknown) => {
      // A bug in the emulator must show up as a 500, not as a test that hangs.
      if (!res.headersSent) sendError(res, 500, failureBody(500), false)
      else res.destroy(err instanceof Error ? err : undefined)
    })
  }
  const server: Server = options.tls ? createHttpsServer(options.tls, listener) : createHttpServer(listener)
  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port

  return {
    url: `${options.tls ? 'https' : 'http'}://${host}:${port}`,
    port,
    received,
    script(next) {
      scripts.push(...(Array.isArray(next) ? next : [next]))
    },
    fail(next) {
      failures.push(next)
    },
    setChunkDelay(ms) {
      chunkDelay = ms
    },
    reset() {
      received.length = 0
      scripts = []
      failures = []
      chunkDelay = 0
    },
    close() {
      for (const res of hanging) res.destroy()
      hanging.clear()
      return new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()))
        server.closeAllConnections()
      })
    }
  }
}
