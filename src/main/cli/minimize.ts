// `mimo-inspector minimize FILE --upstream URL [--budget N] [--out DIR]`: shrink the failing request in FILE
// against a real endpoint (key from MIMO_API_KEY) and write the repro bundle.
import { readFileSync } from 'node:fs'
import pkg from '../../../package.json'
import { headerValue } from '../core/capture/decode'
import { ImportError, pathForBody } from '../core/import/import-entry'
import { parseImport } from '../core/import/parse-import'
import { DEFAULT_TIMEOUTS } from '../core/proxy/forward'
import { resolveUpstream, upstreamUrl } from '../core/proxy/upstreams'
import { detectProtocol } from '../core/protocols/request-meta'
import { KeyVault } from '../core/replay/key-vault'
import { buildBundle, writeBundle } from '../core/repro/export/bundle'
import { exchangeFromEntry } from '../core/repro/export/from-record'
import { errorFingerprint, minimize, OK_FINGERPRINT } from '../core/repro/minimize'
import { candidateBytes } from '../core/repro/minimize/session'
import { upstreamOracle } from '../core/repro/upstream-oracle'
import { diagnosisOf } from './export'
import { UsageError } from './common'

export async function minimizeCommand(file: string, opts: { upstream: string; budget: number; out: string }): Promise<void> {
  const key = process.env.MIMO_API_KEY
  if (!key) throw new UsageError('set MIMO_API_KEY to the key for the upstream')
  let parsed
  try {
    parsed = parseImport(readFileSync(file, 'utf8'), file)
  } catch (err) {
    if (err instanceof ImportError || (err as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError((err as Error).message)
    throw err
  }
  const entry = [...parsed.entries].reverse().find((e) => (e.response?.status ?? 0) >= 400) ?? parsed.entries[parsed.entries.length - 1]
  if (!entry) throw new UsageError(`${file} holds no request`)
  let body: Record<string, unknown>
  try {
    body = JSON.parse(entry.requestBody.toString('utf8')) as Record<string, unknown>
  } catch {
    throw new UsageError(`${file}: the request body is not JSON`)
  }
  const path = new URL(entry.path, 'http://x').pathname === '/' ? pathForBody(body) : entry.path
  const protocol = detectProtocol(path)
  if (protocol === 'unknown') throw new UsageError(`${file}: not an Anthropic or OpenAI chat request (${path})`)
  const target = upstreamUrl(resolveUpstream(opts.upstream), path)
  const keys = new KeyVault(new Map())
  keys.add(key, false)
  const oracle = upstreamOracle({ target, method: entry.method, recordedHeaders: entry.requestHeaders, keys, typedKey: key, timeouts: DEFAULT_TIMEOUTS, onWait: (ms, status) => process.stderr.write(`  HTTP ${status}: waiting ${Math.round(ms / 1000)} s\n`) })

  // How it fails now, at this upstream, is what every smaller candidate must keep: the minimizer's first call
  // sends the original (once) and takes its answer as the target.
  process.stderr.write(`Sending the original to ${target.href} …\n`)
  const diagnosis = diagnosisOf(exchangeFromEntry(entry))
  const result = await minimize({
    protocol,
    body,
    oracle,
    budget: Math.max(1, opts.budget),
    culpritIndex: diagnosis?.culprit?.messageIndex ?? null,
    onProgress: (p) => process.stderr.write(`  [${p.requestsUsed}/${opts.budget}] ${p.phase}: ${p.messages}/${p.originalMessages} messages, ${p.currentBytes.toLocaleString('en-US')} of ${p.originalBytes.toLocaleString('en-US')} bytes\n`)
  })
  if (result.target === OK_FINGERPRINT) throw new Error(`the request does not fail at ${target.origin}: nothing to minimize`)
  const recorded = entry.response ? errorFingerprint(entry.response.status, entry.response.body.toString('utf8'), headerValue(entry.response.headers, 'content-type')) : null
  if (recorded && result.target && recorded !== result.target) process.stderr.write(`Note: it fails differently here than in the file (${result.target} vs ${recorded}); kept how it fails here.\n`)
  // request.json is the bytes the last accepted candidate was sent as: what was proven to fail.
  const minimal = candidateBytes(result.body)
  const files = buildBundle({
    exchange: exchangeFromEntry(entry),
    minimalBody: minimal,
    removed: result.removed,
    minimizedBy: 'upstream',
    diagnosis,
    conversation: [exchangeFromEntry(entry)],
    toolVersion: pkg.version
  })
  writeBundle(files, opts.out, false)
  const why = result.stoppedBecause === 'done' ? (result.oneMinimal ? 'nothing more can be removed' : 'done') : result.stoppedBecause === 'budget' ? 'budget used up' : `stopped: ${result.stopReason}`
  process.stdout.write(`${result.originalBytes.toLocaleString('en-US')} → ${result.bytes.toLocaleString('en-US')} bytes in ${result.requestsUsed} requests (${why}). Bundle in ${opts.out}\n`)
  for (const line of result.removed) process.stdout.write(`  - ${line}\n`)
  if (result.stoppedBecause === 'stopped') process.exitCode = 1
}
