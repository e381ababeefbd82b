// `mimo-inspector diagnose FILE|ID [--data-dir DIR] [--json]`: the diagnosis of an exchange file, a bare
// request body or every LLM request in a HAR; or of a recorded exchange, with its conversation and the whole
// store as evidence (the recorded responses its assistant messages came from), as the app diagnoses it. An
// existing file of that name wins over an id. The --json shape is an interface other programs rely on
// (README, "Headless commands"): it may gain fields, never lose or rename them.
import { existsSync, readFileSync } from 'node:fs'
import { clientDetail } from '../../shared/client-label'
import type { ClientInfo, Diagnosis, ExchangeSummary, Finding, FindingEvidence, KnownIssueNote } from '../../shared/types'
import { Analysis } from '../core/analysis'
import { identifyClient } from '../core/clients/identify'
import { diagnose } from '../core/diagnose/diagnose'
import { endpointOf } from '../core/diagnose/endpoint'
import { responseName } from '../core/evidence/describe'
import { NO_EVIDENCE } from '../core/evidence/match'
import { ImportError, pathForBody, type ImportEntry } from '../core/import/import-entry'
import { parseImport } from '../core/import/parse-import'
import { detectProtocol } from '../core/protocols/request-meta'
import { headerValue } from '../core/capture/decode'
import { keepApplicableFixes } from '../core/replay/fixes'
import { Store } from '../core/store/store'
import { recordById, UsageError } from './common'

interface DiagnoseJson {
  protocol: 'anthropic' | 'openai'
  status: number | null
  findings: Array<{
    rule: string
    severity: string
    messageIndex: number | null
    blockIndex: number | null
    path: string | null
    message: string
    fix: string
    /** Fix ids, best first; only those that apply to this request. */
    fixes: string[]
    /** The recorded response the finding compared the message with, or null. */
    evidence: { exchangeId: string; messageIndex: number; blockIndex: number | null; change: string | null; matchedBy: string } | null
    /** Added: known bugs of the identified client that produce this finding's rule (docs/clients.md); [] when none. */
    knownIssues: KnownIssueNote[]
  }>
  culprit: { messageIndex: number; blockIndex: number | null; rule: string } | null
  /** Added: who answered (host, path, model or the error's shape). */
  provider: string
  /** Added: the relays and provider the error came through, e.g. ["LiteLLM", "Zhipu"]. */
  errorChain: string[]
  /** Added: the agent or library that sent the request; null when nothing tells. */
  client: ClientInfo | null
}

export function diagnoseCommand(source: string, json: boolean, dataDir: string): void {
  if (existsSync(source)) return diagnoseFile(source, json)
  diagnoseRecorded(source, json, dataDir)
}

function diagnoseRecorded(id: string, json: boolean, dataDir: string): void {
  let store: Store
  try {
    store = Store.open(dataDir, { readOnly: true })
  } catch (err) {
    throw new UsageError(`${id} is not a file, and the data folder ${dataDir} cannot be read: ${(err as Error).message}`)
  }
  try {
    const record = recordById(store, id, `${id} is neither a file nor a recorded exchange in ${dataDir} (see: mimo-inspector list)`)
    const conversations = new Map<string, ExchangeSummary[]>()
    for (const r of store.records) {
      const c = r.summary.conversationId
      if (c) conversations.set(c, [...(conversations.get(c) ?? []), r.summary])
    }
    const analysis = new Analysis(store, (s) => (s.conversationId ? (conversations.get(s.conversationId) ?? [s]) : [s]))
    const diagnosis = analysis.diagnosis(record)
    if (!diagnosis) throw new UsageError(`${id}: the request body is not a JSON chat request`)
    const s = record.summary
    if (json) process.stdout.write(JSON.stringify(toJson(diagnosis), null, 2) + '\n')
    else process.stdout.write(describe(`${s.method} ${s.path} (${diagnosis.protocol}), exchange ${s.id}`, diagnosis) + '\n')
  } finally {
    store.close()
  }
}

function diagnoseFile(file: string, json: boolean): void {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`)
  }
  let parsed
  try {
    parsed = parseImport(text, file)
  } catch (err) {
    if (err instanceof ImportError) throw new UsageError(err.message)
    throw err
  }
  const results: Array<{ entry: ImportEntry; diagnosis: Diagnosis }> = []
  for (const [i, entry] of parsed.entries.entries()) {
    const diagnosis = diagnoseEntry(entry)
    if (diagnosis) results.push({ entry, diagnosis })
    else if (parsed.format !== 'har') throw new UsageError(`${file}: the request body is not a JSON chat request (entry ${i})`)
  }
  if (json) {
    const out = results.map((r) => toJson(r.diagnosis))
    process.stdout.write(JSON.stringify(parsed.format === 'har' ? out : out[0], null, 2) + '\n')
    return
  }
  if (parsed.format === 'har') process.stdout.write(`${results.length} LLM request(s) in ${file}${parsed.skipped.length ? `, ${parsed.skipped.length} entries skipped` : ''}\n\n`)
  for (const r of results) process.stdout.write(describe(`${r.entry.method} ${r.entry.path} (${r.diagnosis.protocol})`, r.diagnosis) + '\n')
}

/** A file alone holds no recorded responses: its findings are judged from shapes, and say so. */
function diagnoseEntry(entry: ImportEntry): Diagnosis | null {
  let body: unknown
  try {
    body = JSON.parse(entry.requestBody.toString('utf8'))
  } catch {
    return null
  }
  if (!body || typeof body !== 'object' || !Array.isArray((body as { messages?: unknown }).messages)) return null
  let protocol = detectProtocol(entry.path)
  if (protocol === 'unknown') protocol = detectProtocol(pathForBody(body as Record<string, unknown>))
  if (protocol === 'unknown') return null
  const res = entry.response
  const diagnosis = diagnose({
    protocol,
    body,
    status: res?.status ?? null,
    responseText: res ? res.body.toString('utf8') : null,
    responseContentType: res ? headerValue(res.headers, 'content-type') : null,
    ...endpointOf(entry.url, entry.requestHeaders),
    client: identifyClient({ headers: entry.requestHeaders, body, path: entry.path })
  })
  keepApplicableFixes(diagnosis, protocol, body, NO_EVIDENCE)
  return diagnosis
}

function evidenceJson(e: FindingEvidence | null): DiagnoseJson['findings'][number]['evidence'] {
  return e ? { exchangeId: e.exchangeId, messageIndex: e.messageIndex, blockIndex: e.blockIndex, change: e.change, matchedBy: e.matchedBy } : null
}

function toJson(d: Diagnosis): DiagnoseJson {
  return {
    protocol: d.protocol,
    status: d.status,
    findings: d.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      messageIndex: f.messageIndex,
      blockIndex: f.blockIndex,
      path: f.path,
      message: f.message,
      fix: f.fix,
      fixes: f.fixIds,
      evidence: evidenceJson(f.evidence),
      knownIssues: f.knownIssues ?? []
    })),
    culprit: d.culprit ? { messageIndex: d.culprit.messageIndex, blockIndex: d.culprit.blockIndex, rule: d.culprit.rule } : null,
    provider: d.provider?.id ?? 'unknown',
    errorChain: d.error?.chain ?? [],
    client: d.client ?? null
  }
}

function evidenceLine(e: FindingEvidence | null): string[] {
  return e ? [`  evidence: ${responseName(e)}, exchange ${e.exchangeId} (matched by ${e.matchedBy.replace('-', ' ')})`] : []
}

function knownIssueLines(f: Finding): string[] {
  return (f.knownIssues ?? []).flatMap((k) => [`  known:   ${k.text}`, `           source: ${k.sources.map((s) => s.url ?? s.label).join(', ')}`])
}

function describe(head: string, d: Diagnosis): string {
  const lines = [`${head}${d.status !== null ? `  →  ${d.status}` : ''}`]
  if (d.client !== undefined) lines.push(`  client:   ${d.client ? clientDetail(d.client) : 'not recognised'}`)
  if (d.provider) lines.push(`  provider: ${d.provider.id}${d.provider.family !== d.provider.id ? ` (${d.provider.family} behind it)` : ''}, from the ${d.provider.evidence}`)
  if (d.error) lines.push(`  error:   ${d.error.chain && d.error.chain.length > 1 ? `${d.error.chain.join(' → ')}: ` : ''}${d.error.message}${d.error.genericMessage ? `  (${d.error.genericMessage})` : ''}`)
  const culprit = d.culprit ? d.findings.find((x) => x.rule === d.culprit!.rule && x.messageIndex === d.culprit!.messageIndex) : undefined
  if (d.culprit) {
    lines.push(`  culprit: messages[${d.culprit.messageIndex}]${d.culprit.blockIndex !== null ? ` block ${d.culprit.blockIndex}` : ''}  ${d.culprit.rule}${culprit ? ` (${culprit.ref})` : ''}`)
    if (culprit) {
      lines.push(`           ${culprit.message}`, `  fix:     ${culprit.fix}`)
      if (culprit.fixIds.length) lines.push(`  fixes:   ${culprit.fixIds.join(', ')}`)
      lines.push(...evidenceLine(culprit.evidence), ...knownIssueLines(culprit))
    }
  } else if (d.error) lines.push('  culprit: none found in the request')
  const others = d.findings.filter((f) => f !== culprit)
  if (others.length) {
    lines.push(`  ${d.error ? 'other findings' : 'lint'}:`)
    for (const f of others) lines.push(`    ${f.severity.padEnd(7)} ${f.path ?? '(request)'}  ${f.message}${f.fixIds.length ? `  [fixes: ${f.fixIds.join(', ')}]` : ''}`, ...knownIssueLines(f).map((l) => `  ${l}`))
  } else if (!d.error) lines.push('  lint: no findings')
  return lines.join('\n') + '\n'
}
