// `mimo-inspector diagnose FILE [--json]`: the diagnosis of an exchange file, a bare request body or every
// LLM request in a HAR. The --json shape is an interface other programs rely on (README, "Headless commands"): keep it exact.
import { readFileSync } from 'node:fs'
import type { Diagnosis } from '../../shared/types'
import { diagnose } from '../core/diagnose/diagnose'
import { endpointOf } from '../core/diagnose/endpoint'
import { ImportError, pathForBody, type ImportEntry } from '../core/import/import-entry'
import { parseImport } from '../core/import/parse-import'
import { detectProtocol } from '../core/protocols/request-meta'
import { headerValue } from '../core/capture/decode'
import { UsageError } from './common'

interface DiagnoseJson {
  protocol: 'anthropic' | 'openai'
  status: number | null
  findings: Array<{ rule: string; severity: string; messageIndex: number | null; blockIndex: number | null; path: string | null; message: string; fix: string }>
  culprit: { messageIndex: number; blockIndex: number | null; rule: string } | null
  /** Added: who answered (host, path, model or the error's shape). */
  provider: string
  /** Added: the relays and provider the error came through, e.g. ["LiteLLM", "Zhipu"]. */
  errorChain: string[]
}

export function diagnoseCommand(file: string, json: boolean): void {
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
  for (const r of results) process.stdout.write(describe(r.entry, r.diagnosis) + '\n')
}

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
  return diagnose({
    protocol,
    body,
    status: res?.status ?? null,
    responseText: res ? res.body.toString('utf8') : null,
    responseContentType: res ? headerValue(res.headers, 'content-type') : null,
    ...endpointOf(entry.url, entry.requestHeaders)
  })
}

function toJson(d: Diagnosis): DiagnoseJson {
  return {
    protocol: d.protocol,
    status: d.status,
    findings: d.findings.map((f) => ({ rule: f.rule, severity: f.severity, messageIndex: f.messageIndex, blockIndex: f.blockIndex, path: f.path, message: f.message, fix: f.fix })),
    culprit: d.culprit ? { messageIndex: d.culprit.messageIndex, blockIndex: d.culprit.blockIndex, rule: d.culprit.rule } : null,
    provider: d.provider?.id ?? 'unknown',
    errorChain: d.error?.chain ?? []
  }
}

function describe(entry: ImportEntry, d: Diagnosis): string {
  const lines = [`${entry.method} ${entry.path} (${d.protocol})${d.status !== null ? `  →  ${d.status}` : ''}`]
  if (d.provider) lines.push(`  provider: ${d.provider.id}${d.provider.family !== d.provider.id ? ` (${d.provider.family} behind it)` : ''}, from the ${d.provider.evidence}`)
  if (d.error) lines.push(`  error:   ${d.error.chain && d.error.chain.length > 1 ? `${d.error.chain.join(' → ')}: ` : ''}${d.error.message}${d.error.genericMessage ? `  (${d.error.genericMessage})` : ''}`)
  if (d.culprit) {
    const f = d.findings.find((x) => x.rule === d.culprit!.rule && x.messageIndex === d.culprit!.messageIndex)
    lines.push(`  culprit: messages[${d.culprit.messageIndex}]${d.culprit.blockIndex !== null ? ` block ${d.culprit.blockIndex}` : ''}  ${d.culprit.rule}${f ? ` (${f.ref})` : ''}`)
    if (f) lines.push(`           ${f.message}`, `  fix:     ${f.fix}`)
  } else if (d.error) lines.push('  culprit: none found in the request')
  const others = d.findings.filter((f) => !(d.culprit && f.rule === d.culprit.rule && f.messageIndex === d.culprit.messageIndex))
  if (others.length) {
    lines.push(`  ${d.error ? 'other findings' : 'lint'}:`)
    for (const f of others) lines.push(`    ${f.severity.padEnd(7)} ${f.path ?? '(request)'}  ${f.message}`)
  } else if (!d.error) lines.push('  lint: no findings')
  return lines.join('\n') + '\n'
}
