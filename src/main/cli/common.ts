// Shared bits of the headless commands: exit codes (0 ok, 2 bad input, 1 other failure), option parsers.
import { InvalidArgumentError } from 'commander'
import { defaultDataDir } from '../core/paths'
import type { ExchangeRecord } from '../core/store/record'
import type { Store } from '../core/store/store'

export class UsageError extends Error {}

export function parsePort(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('a port is a whole number from 0 to 65535')
  return n
}

export function parseCount(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new InvalidArgumentError('a whole number from 1 to 10000')
  return n
}

export function parseChoice<T extends string>(choices: readonly T[]) {
  return (value: string): T => {
    if (!(choices as readonly string[]).includes(value)) throw new InvalidArgumentError(`use one of: ${choices.join(', ')}`)
    return value as T
  }
}

export function dataDirOption(dir: string | undefined): string {
  return dir ?? defaultDataDir()
}

export const DATA_DIR_HELP = `data folder (default: ${defaultDataDir()}, or $MIMO_INSPECTOR_DATA_DIR)`

/** A recorded exchange by its id or a unique prefix of it, as with git; `missing` is the message when none matches. */
export function recordById(store: Store, id: string, missing: string): ExchangeRecord {
  const matches = store.records.filter((r) => r.summary.id === id || r.summary.id.startsWith(id))
  if (matches.length === 0) throw new UsageError(missing)
  if (matches.length > 1) throw new UsageError(`${id} matches ${matches.length} exchanges; give more of the id`)
  return matches[0]
}
