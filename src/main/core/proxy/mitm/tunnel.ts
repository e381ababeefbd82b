// A CONNECT to a host not on the capture list: a plain TCP pipe. The bytes are never read or parsed, so the
// client does its TLS handshake with the real server and sees the real certificate.
import net from 'node:net'
import type { Duplex } from 'node:stream'
import type { Authority } from './capture-list'

export function openTunnel(client: Duplex, head: Buffer, target: Authority, connectMs: number): void {
  const upstream = net.connect({ host: target.host, port: target.port })
  upstream.setNoDelay(true)
  let connected = false
  const timer = setTimeout(() => upstream.destroy(Object.assign(new Error(`no connection within ${connectMs} ms`), { code: 'ETIMEDOUT' })), connectMs)

  upstream.once('connect', () => {
    connected = true
    clearTimeout(timer)
    client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
    if (head.length) upstream.write(head)
    // pipe() carries half-closes both ways; 'close' below tears down the other side on resets.
    client.pipe(upstream)
    upstream.pipe(client)
  })
  upstream.on('error', (err: NodeJS.ErrnoException) => {
    clearTimeout(timer)
    if (!connected && client.writable) {
      const text = `MiMo Inspector could not reach ${target.host}:${target.port} (${err.code ?? 'error'}): ${err.message}\n`
      client.end(`HTTP/1.1 502 Bad Gateway\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(text)}\r\nconnection: close\r\n\r\n${text}`)
    } else client.destroy()
  })
  // A clean close lets queued bytes drain (end); a reset cuts the other side too (destroy).
  upstream.on('close', (hadError) => {
    clearTimeout(timer)
    if (!connected) return
    if (hadError) client.destroy()
    else client.end()
  })
  client.on('error', () => upstream.destroy())
  client.on('close', () => (connected ? upstream.end() : upstream.destroy()))
}
