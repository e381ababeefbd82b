// `mimo-inspector show ID`: one recorded exchange as an exchange file.
import { toExchangeFile } from '../core/exchange-file'
import { Store } from '../core/store/store'
import { recordById } from './common'

export function showCommand(dataDir: string, id: string): void {
  const store = Store.open(dataDir, { readOnly: true })
  const record = recordById(store, id, `no exchange ${id} in ${dataDir} (see: mimo-inspector list)`)
  process.stdout.write(JSON.stringify(toExchangeFile(record, store), null, 2) + '\n')
  store.close()
}
