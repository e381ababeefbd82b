// curl.sh and repro.mjs: both send request.json byte for byte, the key from $MIMO_API_KEY, and may be pointed
// elsewhere with $MIMO_BASE_URL (another endpoint, or a local emulator).
import type { HeaderList } from '../../../../shared/types'
import { isSecretHeader } from '../../capture/redact'

// Framing and transport headers the HTTP client sets itself.
const SKIP = new Set(['host', 'content-length', 'transfer-encoding', 'connection', 'keep-alive', 'accept-encoding', 'cookie', 'proxy-authorization', 'user-agent'])

export interface Target {
  origin: string
  path: string
  method: string
  /** The header the original request carried its key in, and its scheme. */
  keyHeader: { name: string; scheme: string }
  headers: HeaderList
}

/** Methods are HTTP tokens; anything else (a crafted HAR) would be shell syntax in curl.sh. */
export function safeMethod(method: string): string {
  const upper = method.toUpperCase()
  return /^[A-Z]{1,20}$/.test(upper) ? upper : 'POST'
}

export function target(url: string, method: string, headers: HeaderList): Target {
  let origin = 'https://api.xiaomimimo.com'
  let path = url
  try {
    const u = new URL(url)
    origin = u.origin
    path = u.pathname + u.search
  } catch {
    /* an imported bare path: default origin */
  }
  const auth = headers.find(([n]) => isSecretHeader(n) && n.toLowerCase() !== 'cookie')
  const scheme = auth ? (/^(Bearer|Basic|Token)\s+/i.exec(auth[1])?.[0] ?? '') : 'Bearer '
  return {
    origin,
    path,
    method: safeMethod(method),
    keyHeader: { name: auth ? auth[0].toLowerCase() : 'authorization', scheme },
    headers: headers.filter(([n]) => !SKIP.has(n.toLowerCase()) && !isSecretHeader(n))
  }
}

const sq = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`

export function curlScript(t: Target, summary: string): string {
  const lines = [
    '#!/bin/sh',
    `# ${summary}`,
    '# Sends request.json byte for byte. Needs MIMO_API_KEY; MIMO_BASE_URL points it elsewhere.',
    'set -eu',
    'cd "$(dirname "$0")"',
    ': "${MIMO_API_KEY:?set MIMO_API_KEY to your key}"',
    `DEFAULT_BASE_URL=${sq(t.origin)}`,
    'BASE_URL="${MIMO_BASE_URL:-$DEFAULT_BASE_URL}"',
    `curl -sS -N -X ${sq(t.method)} "$BASE_URL"${sq(t.path)} \\`,
    ...t.headers.map(([n, v]) => `  -H ${sq(`${n}: ${v}`)} \\`),
    `  -H "${t.keyHeader.name}: ${t.keyHeader.scheme}$MIMO_API_KEY" \\`,
    '  --data-binary @request.json \\',
    "  -w '\\nHTTP %{http_code}\\n'"
  ]
  return lines.join('\n') + '\n'
}

export function nodeScript(t: Target, summary: string): string {
  const headers = Object.fromEntries(t.headers.map(([n, v]) => [n, v]))
  return `#!/usr/bin/env node
// ${summary}
// Node 18+, no dependencies. Sends request.json byte for byte and prints the status and the body.
// Needs MIMO_API_KEY; MIMO_BASE_URL points it elsewhere.
import { readFileSync } from 'node:fs'

const key = process.env.MIMO_API_KEY
if (!key) {
  console.error('set MIMO_API_KEY to your key')
  process.exit(2)
}
const base = process.env.MIMO_BASE_URL || ${JSON.stringify(t.origin)}
const headers = { ...${JSON.stringify(headers)}, ${JSON.stringify(t.keyHeader.name)}: ${JSON.stringify(t.keyHeader.scheme)} + key }
const body = readFileSync(new URL('./request.json', import.meta.url))
const res = await fetch(base + ${JSON.stringify(t.path)}, { method: ${JSON.stringify(t.method)}, headers, body })
console.log('HTTP ' + res.status)
console.log(await res.text())
`
}
