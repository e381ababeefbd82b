// Forwards one client request to its upstream and the response back, teeing chunks to the recorder.
// The bytes flow through `pipe` (with its backpressure); the recorder only keeps references beside them.
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import https from 'node:https'
import type { BodiesFree, Recorder } from '../capture/recorder'
import type { LiveExchange } from '../capture/live-exchange'
import { forwardableHeaders } from './hop-headers'
import type { Interceptor } from './intercept'
import { WholeBody } from './whole-body'
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
  /** Repair rules and breakpoints; absent or answering null, the request is piped as it arrives. */
  intercept?: Interceptor | null
}

export function forward(
  req: IncomingMessage,
  res: ServerResponse,
  target: URL,
  live: LiveExchange,
  recorder: Recorder,
  options: ForwardOptions
): void {
  const plan = options.intercept?.plan(req, target, live) ?? null
  const isHttps = target.protocol === 'https:'
  let upstreamReq: http.ClientRequest | null = null
  // Aborts a decision pending at a breakpoint when the client goes away.
  const clientGone = plan ? new AbortController() : null

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
    upstreamReq?.destroy()
  }

  /** Sends the request upstream: piped as it arrives (null), or a buffered body (in parts, written as one). */
  const send = (body: Buffer | readonly Buffer[] | null, headers: string[]): void => {
    const outgoing = (isHttps ? https : http).request(target, {
      method: req.method,
      headers,
      agent: isHttps ? agents.https : agents.http,
      ...(isHttps ? options.tls : {})
    })
    upstreamReq = outgoing
    outgoing.setNoDelay?.(true)
    const connectTimer = setTimeout(() => fail(new TimeoutError(`no connection within ${options.timeouts.connectMs} ms`)), options.timeouts.connectMs)
    res.on('close', () => clearTimeout(connectTimer))
    outgoing.on('socket', (socket) => {
      // A reused keep-alive socket is already connected.
      if (!socket.connecting) clearTimeout(connectTimer)
      else socket.once(isHttps ? 'secureConnect' : 'connect', () => clearTimeout(connectTimer))
    })
    outgoing.setTimeout(options.timeouts.idleMs, () => fail(new TimeoutError(`no data for ${options.timeouts.idleMs} ms`)))
    outgoing.on('error', fail)
    if (body === null) req.pipe(outgoing)
    else if (Buffer.isBuffer(body)) outgoing.end(body)
    else {
      outgoing.cork()
      for (const part of body) outgoing.write(part)
      outgoing.end()
    }

    outgoing.on('response', (upstreamRes) => {
      clearTimeout(connectTimer)
      const status = upstreamRes.statusCode ?? 502
      if (!plan?.response || !clientGone) return respond(upstreamRes, status)
      // A response breakpoint holds the head and every byte until the user decides: nothing has reached the client.
      upstreamRes.on('error', fail)
      plan.response(status, clientGone.signal).then(
        (decision) => {
          if (done) return
          if (decision.kind === 'continue') return respond(upstreamRes, status)
          upstreamRes.destroy()
          outgoing.destroy()
          if (decision.kind === 'answer') answer(decision.response)
          else drop(decision.reason)
        },
        (err: Error) => fail(err)
      )
    })
  }

  const respond = (upstreamRes: IncomingMessage, status: number): void => {
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
      recorder.finish(live, 'completed', null, written(upstreamReq!, res))
    })
    upstreamRes.pipe(res)
  }

  /** The user's own response, recorded as the exchange's response; the upstream never sees the request. */
  const answer = (own: { status: number; headers: Array<[string, string]>; body: Buffer }): void => {
    if (done) return
    done = true
    const headers = own.headers.filter(([name]) => !['content-length', 'transfer-encoding', 'connection'].includes(name.toLowerCase()))
    headers.push(['content-length', String(own.body.length)])
    const raw = headers.flat()
    live.responseHead(own.status, '', raw)
    live.responseChunk(own.body)
    res.writeHead(own.status, raw)
    res.end(own.body)
    recorder.finish(live, 'completed')
  }

  /** Dropped at a breakpoint: the client's connection is closed without an answer. */
  const drop = (reason: string): void => {
    if (done) return
    done = true
    res.destroy()
    recorder.finish(live, 'aborted', reason)
  }

  if (!plan?.request) {
    req.on('data', (chunk: Buffer) => live.requestChunk(chunk))
    req.on('end', () => recorder.requestDone(live))
    send(null, forwardableHeaders(req.rawHeaders, target.host))
  } else {
    // Buffered: a repair rule or a request breakpoint needs the whole body before anything goes upstream.
    const decide = plan.request
    const body = new WholeBody(req.headers['content-length'])
    req.on('data', (chunk: Buffer) => {
      body.push(chunk)
      live.requestChunk(chunk)
    })
    req.on('end', () => {
      recorder.requestDone(live)
      const original = body.whole()
      decide(original, clientGone!.signal).then(
        (decision) => {
          if (done) return
          if (decision.kind === 'answer') return answer(decision.response)
          if (decision.kind === 'drop') return drop(decision.reason)
          const headers = forwardableHeaders(req.rawHeaders, target.host)
          if (decision.body === original) return send(original, headers)
          const parts = Buffer.isBuffer(decision.body) ? [decision.body] : decision.body
          live.replaceRequest(parts)
          send(parts, withLength(headers, parts.reduce((n, p) => n + p.length, 0)))
        },
        (err: Error) => fail(err)
      )
    })
  }

  // The client went away first: stop the upstream work it asked for.
  res.on('close', () => {
    clientGone?.abort()
    if (done || res.writableFinished) return
    done = true
    upstreamReq?.destroy()
    recorder.finish(live, 'aborted', 'client disconnected before the response ended')
  })
}

/** A changed body's length replaces the client's (and a chunked transfer, which `end(body)` does not need). */
function withLength(raw: string[], length: number): string[] {
  const out: string[] = []
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i].toLowerCase()
    if (name === 'content-length' || name === 'transfer-encoding') continue
    out.push(raw[i], raw[i + 1])
  }
  out.push('content-length', String(length))
  return out
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
