// Plain-HTTP requests sent to the proxy (`HTTP_PROXY`, absolute-form `GET http://host/path`) for hosts not on
// the capture list: passed through unrecorded, as a tunnel would pass them.
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import type { Timeouts } from '../forward'
import { forwardableHeaders } from '../hop-headers'

export function passThrough(req: IncomingMessage, res: ServerResponse, target: URL, port: number, timeouts: Timeouts, connectTo: { host: string; port: number }): void {
  const upstreamReq = http.request({
    host: connectTo.host,
    port: connectTo.port,
    method: req.method,
    path: target.pathname + target.search,
    headers: forwardableHeaders(req.rawHeaders),
    setHost: false
  })
  upstreamReq.setNoDelay(true)
  upstreamReq.setTimeout(timeouts.idleMs, () => upstreamReq.destroy(Object.assign(new Error(`no data for ${timeouts.idleMs} ms`), { code: 'ETIMEDOUT' })))
  upstreamReq.on('error', (err: NodeJS.ErrnoException) => {
    if (res.headersSent) return void res.destroy()
    const text = `MiMo Inspector could not reach ${target.hostname}:${port} (${err.code ?? 'error'}): ${err.message}\n`
    res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text) })
    res.end(text)
  })
  upstreamReq.on('response', (upstreamRes) => {
    res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.statusMessage, forwardableHeaders(upstreamRes.rawHeaders))
    upstreamRes.on('error', () => res.destroy())
    upstreamRes.pipe(res)
  })
  res.on('close', () => {
    if (!res.writableFinished) upstreamReq.destroy()
  })
  req.pipe(upstreamReq)
}
