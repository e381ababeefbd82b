// Importing a dropped or opened file: parsed by the core, recorded like captured traffic, never sent anywhere.
// The UI hands over text (HAR, exchange file, request body) or bytes as base64 (a repro bundle's zip).
import { ApiArgError } from '../../../shared/api'
import type { ExchangeSummary, ImportResult } from '../../../shared/types'
import type { Recorder } from '../capture/recorder'
import type { Handlers } from '../handler-kit'
import type { Store } from '../store/store'
import { DuplicateFinder } from './duplicates'
import { ImportError, type ImportEntry } from './import-entry'
import { isZip, parseBundle } from './parse-bundle'
import { parseImport } from './parse-import'

export function importHandlers({ recorder, store }: { recorder: Recorder; store: Store }): Handlers<'import:file'> {
  const duplicates = new DuplicateFinder(store)
  const record = async (entries: ImportEntry[]): Promise<ExchangeSummary[]> => {
    const imported: ExchangeSummary[] = []
    for (const entry of entries) imported.push(await recorder.recordExternal({ ...entry, mode: 'import', duplicateOf: duplicates.find(entry) }))
    return imported
  }
  return {
    'import:file': async ({ name, text, base64 }): Promise<ImportResult> => {
      try {
        const bytes = base64 !== undefined ? Buffer.from(base64, 'base64') : null
        if (bytes && isZip(bytes)) {
          const bundle = parseBundle(bytes, name)
          const imported = await record(bundle.entries)
          const idAt = (i: number | null): string | null => (i === null ? null : (imported[i]?.id ?? null))
          return { imported, skipped: bundle.skipped, bundle: { readme: bundle.readme, failingId: idAt(bundle.failing), minimalId: idAt(bundle.minimal), files: bundle.files } }
        }
        const parsed = parseImport(bytes ? bytes.toString('utf8') : (text ?? ''), name)
        return { imported: await record(parsed.entries), skipped: parsed.skipped }
      } catch (err) {
        if (err instanceof ImportError) throw new ApiArgError(err.message)
        throw err
      }
    }
  }
}
