// Importing a dropped or opened file: parsed by the core, recorded like captured traffic, never sent anywhere.
import { ApiArgError } from '../../../shared/api'
import type { ExchangeSummary } from '../../../shared/types'
import type { Recorder } from '../capture/recorder'
import type { Handlers } from '../handler-kit'
import type { Store } from '../store/store'
import { DuplicateFinder } from './duplicates'
import { ImportError } from './import-entry'
import { parseImport } from './parse-import'

export function importHandlers({ recorder, store }: { recorder: Recorder; store: Store }): Handlers<'import:file'> {
  const duplicates = new DuplicateFinder(store)
  return {
    'import:file': async ({ name, text }) => {
      let parsed
      try {
        parsed = parseImport(text, name)
      } catch (err) {
        if (err instanceof ImportError) throw new ApiArgError(err.message)
        throw err
      }
      const imported: ExchangeSummary[] = []
      for (const entry of parsed.entries) imported.push(await recorder.recordExternal({ ...entry, mode: 'import', duplicateOf: duplicates.find(entry) }))
      return { imported, skipped: parsed.skipped }
    }
  }
}
