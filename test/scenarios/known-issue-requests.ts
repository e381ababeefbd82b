// The failing requests of the known client issues MiMo rejects, each with the headers that client really
// sends: replayed from a capture of the real client (test/fixtures/clients/<folder>), or a real failing turn
// under the headers and system prompt written from the client's source (from-source.ts).
import { FROM_SOURCE } from '../fixtures/clients/from-source'
import { captured, type CapturedExchange } from '../unit/clients/captured'

export interface KnownIssueRequest {
  /** The catalogue entry it shows. */
  entry: string
  /** What identification must say (ClientInfo subset). */
  client: { name: string; version: string | null }
  /** The entry's match: affected (version in range) or unknown (no version sent, or past the last seen). */
  status: 'affected' | 'unknown'
  path: string
  headers: Array<[string, string]>
  body: unknown
}

const KEY_HEADERS = new Set(['authorization', 'x-api-key', 'api-key'])
/** Set by the HTTP client itself (or hop-by-hop): not part of what is replayed. */
const TRANSPORT = new Set(['host', 'connection', 'content-length', 'accept-encoding', 'transfer-encoding'])

export function firstFailure(folder: string): CapturedExchange {
  const hit = captured(folder).find(({ exchange }) => exchange.response?.status === 400)
  if (!hit) throw new Error(`no 400 captured in ${folder}`)
  return hit.exchange
}

const headersOf = (x: CapturedExchange): Array<[string, string]> => Object.entries(x.request.headers)
const source = (prefix: string) => FROM_SOURCE.find((f) => f.name.startsWith(prefix))!

/** OpenCode 1.0.185's real failing turn (an assistant tool call without reasoning_content) under another system prompt. */
export function droppedReasoningUnder(systemPrompt: string): unknown {
  const body = firstFailure('opencode-1.0.185').request.body as { messages: unknown[] }
  return { ...body, messages: [{ role: 'system', content: systemPrompt }, ...body.messages.slice(1)] }
}

function systemOf(body: unknown): string {
  const b = body as { system?: unknown; messages: Array<{ role: string; content: unknown }> }
  return typeof b.system === 'string' ? b.system : (b.messages.find((m) => m.role === 'system')!.content as string)
}

function real(x: CapturedExchange): Pick<KnownIssueRequest, 'path' | 'headers' | 'body'> {
  return { path: x.request.path, headers: headersOf(x), body: x.request.body }
}

function fromSource(prefix: string): Pick<KnownIssueRequest, 'path' | 'headers' | 'body'> {
  const f = source(prefix)
  return { path: f.path, headers: f.headers, body: droppedReasoningUnder(systemOf(f.body)) }
}

const PI_AI = firstFailure('pi-ai-0.73.1')
const CLAUDE_SYSTEM_MID = captured('claude-code').find(({ exchange }) => /"role":"system"/.test(JSON.stringify(exchange.request.body)))!.exchange

export const KNOWN_ISSUE_REQUESTS: KnownIssueRequest[] = [
  { entry: 'opencode-drops-reasoning-content', client: { name: 'OpenCode', version: null }, status: 'unknown', ...real(firstFailure('opencode-1.0.185')) },
  { entry: 'continue-drops-reasoning-content', client: { name: 'Continue', version: null }, status: 'unknown', ...real(firstFailure('continue-cli')) },
  {
    // pi-ai's real request and headers, with the system prompt Craft Agents puts in front of it.
    entry: 'pi-ai-unsigned-thinking-as-text',
    client: { name: 'Craft Agents', version: '0.10.0' },
    status: 'unknown',
    path: PI_AI.request.path,
    headers: headersOf(PI_AI),
    body: { ...(PI_AI.request.body as object), system: systemOf(source('Craft Agents').body) }
  },
  { entry: 'roo-code-drops-reasoning-content', client: { name: 'Roo Code', version: '3.52.1' }, status: 'affected', ...fromSource('Roo Code 3.52.1') },
  { entry: 'hermes-mimo-thinking-stripped', client: { name: 'Hermes Agent', version: null }, status: 'unknown', ...fromSource('Hermes Agent') },
  { entry: 'openclaw-strips-reasoning-content', client: { name: 'OpenClaw', version: null }, status: 'unknown', ...fromSource('OpenClaw') },
  // Claude Code 2.1.197's real first request: a system message at messages[1] (MiMo's R26; the emulator's systemOnlyFirst).
  { entry: 'claude-code-system-message-mid-history', client: { name: 'Claude Code', version: '2.1.197' }, status: 'affected', ...real(CLAUDE_SYSTEM_MID) }
]

export const knownIssueRequest = (entry: string): KnownIssueRequest => KNOWN_ISSUE_REQUESTS.find((r) => r.entry === entry)!

/** Sends it as that client would, with `key` in place of the recorded (redacted) one; resolves to the status. */
export async function sendAsClient(proxyUrl: string, req: Pick<KnownIssueRequest, 'path' | 'headers' | 'body'>, key: string): Promise<number> {
  const headers = new Headers()
  for (const [name, value] of req.headers) {
    const n = name.toLowerCase()
    if (TRANSPORT.has(n)) continue
    headers.set(n, KEY_HEADERS.has(n) ? (n === 'authorization' ? `Bearer ${key}` : key) : value)
  }
  const res = await fetch(`${proxyUrl}${req.path}`, { method: 'POST', headers, body: JSON.stringify(req.body) })
  await res.arrayBuffer()
  return res.status
}
