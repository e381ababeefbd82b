// The session a client names for itself, read from the (already redacted) request. An agent that names its
// session makes it the parent of everything it sends: main thread, title requests, sub-agents. Which agents
// send what, checked against their real traffic (test/fixtures/clients, test/scenarios/real-agents):
// - Claude Code: `X-Claude-Code-Session-Id` (2.1.86+, seen on 2.1.197), and the session part of
//   `metadata.user_id`: `user_<hash>_account_<uuid or empty>_session_<uuid>` before 2.1.78, a JSON string
//   `{"device_id","account_uuid","session_id"}` since (coder/aibridge#241, ding113/claude-code-hub#939).
// - OpenCode (1.18.33) and Kilo's CLI (7.7.7, an OpenCode fork): `x-session-id` and `x-session-affinity`, `ses_…`.
// - Codex (0.171.0): `session-id` (and `thread-id`, the same value); older builds sent `session_id`.
// - Kilo Code (the VS Code extension): `X-KiloCode-TaskId`, one per task (Kilo-Org/kilocode sources).
// Seen naming none: Qwen Code, Cline's CLI, Continue's CLI, Gemini CLI, pi-ai and the OpenAI/Anthropic SDKs
// (`x-stainless-*` only). Their requests group by prefix lineage.
import type { HeaderList } from '../../../shared/types'
import type { ExchangeRecord } from '../store/record'
import { isRecord } from './message-shapes'

export interface ClientSession {
  id: string
  /** Where it was read: a header name (lower case) or `metadata.user_id`. */
  source: string
}

/** Headers that carry a session id, in the order they are trusted. */
const SESSION_HEADERS = ['x-claude-code-session-id', 'x-session-id', 'x-session-affinity', 'x-kilocode-taskid', 'session-id', 'session_id']

const MAX_ID_LENGTH = 200

export function clientSession(headers: HeaderList, body: unknown): ClientSession | null {
  for (const name of SESSION_HEADERS) {
    const value = headers.find(([n]) => n.toLowerCase() === name)?.[1]
    const id = cleanId(value)
    if (id) return { id, source: name }
  }
  const metadata = isRecord(body) ? body.metadata : undefined
  const userId = isRecord(metadata) ? metadata.user_id : undefined
  const id = typeof userId === 'string' ? sessionOfUserId(userId) : null
  return id ? { id, source: 'metadata.user_id' } : null
}

/** The session part of Claude Code's `metadata.user_id`, in either of its shapes; null when it has none. */
export function sessionOfUserId(userId: string): string | null {
  const text = userId.trim()
  if (text.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(text)
      return isRecord(parsed) ? cleanId(parsed.session_id) : null
    } catch {
      return null
    }
  }
  const legacy = /_session_([A-Za-z0-9-]+)$/.exec(text)
  return legacy ? cleanId(legacy[1]) : null
}

function cleanId(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const id = value.trim()
  if (!id || id.length > MAX_ID_LENGTH || /[\u0000-\u001f\u007f]/.test(id)) return null
  if (/^(null|undefined|none)$/i.test(id)) return null
  return id
}

/**
 * A stored record's session: as read at record time, or for a record written before sessions were read,
 * from its stored headers (cheap; `metadata.user_id` would need the body, so those stay unnamed).
 */
export function sessionOfRecord(record: ExchangeRecord): ClientSession | null {
  if (record.session !== undefined) return record.session
  return clientSession(record.request.headers, null)
}
