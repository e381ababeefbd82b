// `mimo-inspector list`: the recorded exchanges, newest last.
import type { ExchangeSummary } from '../../shared/types'
import { withProvider } from '../core/diagnose/providers'
import { sessionOfRecord } from '../core/conversations/client-session'
import { listedClient } from '../core/clients/record-client'
import { Store } from '../core/store/store'

export function listCommand(dataDir: string, json: boolean): void {
  const store = Store.open(dataDir, { readOnly: true })
  const rows = store.records.map((r) => withProvider(r.summary))
  if (json) {
    const out = rows.map((s, i) => ({
      id: s.id,
      startedAt: s.startedAt,
      method: s.method,
      path: s.path,
      status: s.status,
      model: s.model,
      stream: s.stream,
      conversationId: s.conversationId,
      provider: s.provider ?? 'unknown',
      // Added fields: the session the client named (null when none), and an imported copy's original.
      sessionId: s.sessionId !== undefined ? s.sessionId : (sessionOfRecord(store.records[i])?.id ?? null),
      duplicateOf: s.duplicateOf ?? null,
      // A repair rule or a breakpoint edit changed the request (both bodies are kept); what the rules did.
      patched: s.patched === true,
      repair: s.repair ?? null,
      breakpoint: s.breakpoint ?? null,
      // Added: the agent or library that sent it (null when nothing tells; older records from their headers).
      client: listedClient(store.records[i])
    }))
    process.stdout.write(JSON.stringify(out, null, 2) + '\n')
    return
  }
  if (rows.length === 0) {
    process.stdout.write(`No exchanges recorded in ${dataDir} yet.\n`)
    return
  }
  for (const s of rows) process.stdout.write(textRow(s) + '\n')
}

function textRow(s: ExchangeSummary): string {
  const status = s.status === null ? (s.error ? 'ERR' : '…') : String(s.status)
  const time = s.startedAt.replace('T', ' ').slice(0, 19)
  const duration = s.durationMs === null ? '' : `${Math.round(s.durationMs)}ms`
  return [s.id, time, status.padEnd(3), s.method.padEnd(4), s.path, s.model ?? '-', s.stream ? 'stream' : '', duration, s.patched ? 'patched' : '', s.error ?? '']
    .filter((x) => x !== '')
    .join('  ')
}
