// `mimo-inspector export FILE|ID --out DIR [--zip]`: a repro bundle of an exchange file, a request body, the
// last failing request of a HAR, or a recorded exchange.
import { existsSync, readFileSync } from 'node:fs'
import pkg from '../../../package.json'
import { headerValue } from '../core/capture/decode'
import { identifyClient } from '../core/clients/identify'
import { diagnose } from '../core/diagnose/diagnose'
import { endpointOf } from '../core/diagnose/endpoint'
import { ImportError, pathForBody, type ImportEntry } from '../core/import/import-entry'
import { parseImport } from '../core/import/parse-import'
import { detectProtocol } from '../core/protocols/request-meta'
import { buildBundle, writeBundle } from '../core/repro/export/bundle'
import { exchangeFromEntry, exchangeFromRecord } from '../core/repro/export/from-record'
import { Store } from '../core/store/store'
import type { BundleExchange } from '../core/repro/export/bundle-input'
import { recordById, UsageError } from './common'

export function exportCommand(source: string, outDir: string, zip: boolean, dataDir: string): void {
  const { exchange, conversation } = existsSync(source) ? fromFile(source) : fromStore(source, dataDir)
  const files = buildBundle({
    exchange,
    minimalBody: null,
    removed: [],
    minimizedBy: null,
    diagnosis: diagnosisOf(exchange),
    conversation,
    toolVersion: pkg.version
  })
  const where = writeBundle(files, outDir, zip)
  process.stdout.write(`Wrote ${zip ? where : `${Object.keys(files).length} files to ${where}`}\n`)
}

interface Source {
  exchange: BundleExchange
  /** For the HAR: every exchange of its conversation (a HAR file: all its entries). */
  conversation: BundleExchange[]
}

function fromFile(file: string): Source {
  let parsed
  try {
    parsed = parseImport(readFileSync(file, 'utf8'), file)
  } catch (err) {
    if (err instanceof ImportError) throw new UsageError(err.message)
    throw err
  }
  const failing = [...parsed.entries].reverse().find((e: ImportEntry) => (e.response?.status ?? 0) >= 400)
  const entry = failing ?? parsed.entries[parsed.entries.length - 1]
  if (!entry) throw new UsageError(`${file} holds no request`)
  return { exchange: exchangeFromEntry(entry), conversation: parsed.entries.map(exchangeFromEntry) }
}

function fromStore(id: string, dataDir: string): Source {
  const store = Store.open(dataDir, { readOnly: true })
  const record = recordById(store, id, `${id} is neither a file nor a recorded exchange in ${dataDir}`)
  const conversationId = record.summary.conversationId
  const members = conversationId ? store.records.filter((r) => r.summary.conversationId === conversationId) : [record]
  const source = { exchange: exchangeFromRecord(store, record), conversation: members.map((r) => exchangeFromRecord(store, r)) }
  store.close()
  return source
}

export function diagnosisOf(e: BundleExchange): ReturnType<typeof diagnose> | null {
  let body: unknown
  try {
    body = JSON.parse(e.requestBody)
  } catch {
    return null
  }
  let protocol = detectProtocol(new URL(e.url, 'http://x').pathname)
  if (protocol === 'unknown' && body && typeof body === 'object') protocol = detectProtocol(pathForBody(body as Record<string, unknown>))
  if (protocol === 'unknown') return null
  return diagnose({
    protocol,
    body,
    status: e.response?.status ?? null,
    responseText: e.response?.body ?? null,
    responseContentType: e.response ? headerValue(e.response.headers, 'content-type') : null,
    ...endpointOf(e.url, e.requestHeaders),
    client: identifyClient({ headers: e.requestHeaders, body, path: new URL(e.url, 'http://x').pathname })
  })
}
