// `exchanges.jsonl`: one JSON record per finished exchange, appended in one write. A crash can only cut the
// last line, which is skipped on load and dropped before the next append.
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs'
import { RECORD_VERSION, type ExchangeRecord } from './record'
import { truncateToLastNewline, writeAll } from './blob-pack'

export interface LoadedLog {
  records: ExchangeRecord[]
  /** Lines that were cut or unreadable. */
  skipped: number
}

/** Every readable record in the order written (the order conversations were assigned in). */
export function readLogInFileOrder(path: string): LoadedLog {
  if (!existsSync(path)) return { records: [], skipped: 0 }
  const lines = readFileSync(path, 'utf8').split('\n')
  let skipped = lines.pop() ? 1 : 0
  const records: ExchangeRecord[] = []
  for (const line of lines) {
    if (!line) continue
    try {
      const record = JSON.parse(line) as ExchangeRecord
      if (record?.v !== RECORD_VERSION || typeof record.summary?.id !== 'string') throw new Error('not a record')
      records.push(record)
    } catch {
      skipped++
    }
  }
  return { records, skipped }
}

/** The records by arrival; a later line for the same id supersedes the earlier one. */
export function readExchangeLog(path: string): LoadedLog {
  const { records, skipped } = readLogInFileOrder(path)
  const byId = new Map<string, ExchangeRecord>()
  for (const record of records) byId.set(record.summary.id, record)
  return { records: [...byId.values()].sort((a, b) => a.summary.seq - b.summary.seq), skipped }
}

export class ExchangeLogWriter {
  private fd: number
  constructor(path: string) {
    this.fd = openSync(path, 'a+')
    truncateToLastNewline(this.fd)
  }
  append(record: ExchangeRecord): void {
    try {
      writeAll(this.fd, Buffer.from(JSON.stringify(record) + '\n'))
    } catch (err) {
      // Never leave half a line for the next record to be glued to.
      try {
        truncateToLastNewline(this.fd)
      } catch {
        /* reported below; the next open drops a cut line */
      }
      throw err
    }
  }
  close(): void {
    closeSync(this.fd)
  }
}
