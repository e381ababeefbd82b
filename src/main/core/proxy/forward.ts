// Forwards one client request to its upstream and the response back, teeing chunks to the recorder.
// The bytes flow through `pipe` (with its backpressure); the recorder only keeps references beside them.
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import https from 'node:https'
import type { BodiesFree, Recorder } from '../capture/recorder'
import type { LiveExchange } from '../capture/live-exchange'
import { forwardableHeaders } from './hop-headers'
import { describeUpstreamError, failureBody, TimeoutError } from './upstream-errors'

export interface Timeouts {
  /** TCP + TLS connect. */
  connectMs: number
  /** Socket silent for this long (no first byte, or a stalled stream). LLMs think for minutes. */
  idleMs: number
}

export const DEFAULT_TIMEOUTS: Timeouts = { connectMs: 15_000, idleMs: 10 * 60_000 }

/** Keep-alive agents shared by the proxy and replays. */
export const agents = {
  http: new http.Agent({ keepAlive: true }),
  https: new https.Agent({ keepAlive: true })
}

export interface ForwardOptions {
  timeouts: Timeouts
  /** Extra TLS options for the upstream connection (tests use a private CA). */
  tls?: https.RequestOptions
}

export function forward(
  req: IncomingMessage,
  res: ServerResponse,
  target: URL,
  live: LiveExchange,
  recorder: Recorder,
  options: ForwardOptions
): void {
  const isHttps = target.protocol === 'https:'
  const upstreamReq = (isHttps ? https : http).request(target, {
    method: req.method,
    headers: forwardableHeaders(req.rawHeaders, target.host),
    agent: isHttps ? agents.https : agents.http,
    ...(isHttps ? options.tls : {})
  })
  upstreamReq.setNoDelay?.(true)

  let done = false
  const fail = (err: NodeJS.ErrnoException): void => {
    if (done) return
    done = true
    const failure = describeUpstreamError(err, target)
    if (!res.headersSent) {
      const body = failureBody(failure, target)
      res.writeHead(failure.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-mimo-inspector': 'upstream-error' })
      res.end(body)
      recorder.finish(live, 'failed', failure.message)
    } else {
      // Never fake a clean end: cut the client's connection the way the upstream cut ours.
      res.destroy()
      recorder.finish(live, 'aborted', `upstream broke off mid-response: ${failure.message}`)
    }
    upstreamReq.destroy()
  }

  const connectTimer = setTimeout(() => fail(new TimeoutError(`no connection within ${options.timeouts.connectMs} ms`)), options.timeouts.connectMs)
  upstreamReq.on('socket', (socket) => {
    // A reused keep-alive socket is already connected.
    if (!socket.connecting) clearTimeout(connectTimer)
    else socket.once(isHttps ? 'secureConnect' : 'connect', () => clearTimeout(connectTimer))
  })
  upstreamReq.setTimeout(options.timeouts.idleMs, () => fail(new TimeoutError(`no data for ${options.timeouts.idleMs} ms`)))
  upstreamReq.on('error', fail)

  req.on('data', (chunk: Buffer) => live.requestChunk(chunk))
  req.on('end', () => recorder.requestDone(live))
  req.pipe(upstreamReq)

  upstreamReq.on('response', (upstreamRes) => {
    clearTimeout(connectTimer)
    const status = upstreamRes.statusCode ?? 502
    live.responseHead(status, upstreamRes.statusMessage ?? '', upstreamRes.rawHeaders)
    recorder.responseStarted(live)
    res.writeHead(status, upstreamRes.statusMessage, forwardableHeaders(upstreamRes.rawHeaders))
    // The head goes out with the first body bytes, in one write, as a plain pipe sends it; when no body
    // follows at once (a stream while the model thinks), it goes out on the next turn of the event loop.
    let wrote = false
    setImmediate(() => {
      if (!wrote && !res.writableEnded && !res.destroyed) res.flushHeaders()
    })
    upstreamRes.on('data', (chunk: Buffer) => {
      wrote = true
      live.responseChunk(chunk)
    })
    upstreamRes.on('error', fail)
    upstreamRes.on('close', () => {
      if (!upstreamRes.complete) fail(Object.assign(new Error('connection closed before the response was complete'), { code: 'ECONNRESET' }))
    })
    upstreamRes.on('end', () => {
      if (done) return
      done = true
      recorder.finish(live, 'completed', null, written(upstreamReq, res))
    })
    upstreamRes.pipe(res)
  })

  // The client went away first: stop the upstream work it asked for.
  res.on('close', () => {
    clearTimeout(connectTimer)
    if (done || res.writableFinished) return
    done = true
    upstreamReq.destroy()
    recorder.finish(live, 'aborted', 'client disconnected before the response ended')
  })
}

/** A client that stops reading the end of a response does not hold its record back longer than this. */
const WRITE_OUT_WAIT_MS = 2000

/**
 * Resolves when the response has been written out to the client (or the client went away), saying which
 * bodies' chunks no pending socket write still reads, so the recorder can move their memory uncopied.
 */
function written(upstreamReq: http.ClientRequest, res: ServerResponse): Promise<BodiesFree> {
  return new Promise((resolve) => {
    const free = (): BodiesFree => ({ request: upstreamReq.writableFinished, response: res.writableFinished })
    if (res.writableFinished || res.closed) return resolve(free())
    const settle = (): void => {
      clearTimeout(timer)
      resolve(free())
    }
    const timer = setTimeout(settle, WRITE_OUT_WAIT_MS)
    res.once('finish', settle)
    res.once('close', settle)
  })
}
