// `mimo-inspector show ID`: one recorded exchange as an exchange file.
import { toExchangeFile } from '../core/exchange-file'
import { Store } from '../core/store/store'
import { UsageError } from './common'

export function showCommand(dataDir: string, id: string): void {
  const store = Store.open(dataDir, { readOnly: true })
  // A unique prefix is enough, as with git.
  const matches = store.records.filter((r) => r.summary.id === id || r.summary.id.startsWith(id))
  if (matches.length === 0) throw new UsageError(`no exchange ${id} in ${dataDir} (see: mimo-inspector list)`)
  if (matches.length > 1) throw new UsageError(`${id} matches ${matches.length} exchanges; give more of the id`)
  process.stdout.write(JSON.stringify(toExchangeFile(matches[0], store), null, 2) + '\n')
  store.close()
}
