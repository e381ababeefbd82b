// Serves the built renderer. Paths are resolved inside the root only; unknown paths get index.html so a
// reload of any UI route works.
import { createReadStream, existsSync, statSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json'
}

export function serveStatic(root: string, urlPath: string, res: ServerResponse, headers: Record<string, string>): void {
  let rel: string
  try {
    rel = decodeURIComponent(urlPath.split('?')[0])
  } catch {
    rel = '/'
  }
  let file = normalize(join(root, rel))
  if (!file.startsWith(root + sep) && file !== root) file = join(root, 'index.html')
  if (!existsSync(file) || !statSync(file).isFile()) file = join(root, 'index.html')
  if (!existsSync(file)) {
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8', ...headers })
    res.end(`The UI is not built (${root} is missing). Run: npm run build\n`)
    return
  }
  const type = TYPES[extname(file)] ?? 'application/octet-stream'
  res.writeHead(200, { 'content-type': type, 'cache-control': type.startsWith('text/html') ? 'no-cache' : 'max-age=3600', ...headers })
  // A file removed between the check and the read (a rebuild while serving) ends this response, not the process.
  createReadStream(file).on('error', () => res.destroy()).pipe(res)
}
