// Keys for replays: the ones this run saw in traffic (the recorder's keyring) and the ones the user typed.
// Memory only, unless the shell supplies a KeyStore that encrypts them (Electron safeStorage); the core
// never writes a key in clear.
import type { KeyStatus } from '../../../shared/types'
import { fingerprint } from '../capture/redact'

export interface KeyStore {
  load(): string[]
  save(keys: string[]): void
}

export class KeyVault {
  private readonly typed = new Map<string, string>()

  constructor(private readonly seen: Map<string, string>, private readonly store: KeyStore | null = null) {
    for (const key of store?.load() ?? []) this.typed.set(fingerprint(key), key)
  }

  add(key: string, remember: boolean): KeyStatus {
    this.typed.set(fingerprint(key), key)
    if (remember && this.store) this.store.save([...this.typed.values()])
    return this.status()
  }

  /** The real key behind a fingerprint, from traffic or typed. */
  byFingerprint(fp: string): string | undefined {
    return this.seen.get(fp) ?? this.typed.get(fp)
  }

  /** A typed key whose prefix fits (tp- for Token Plan, sk- otherwise), or the only one there is. */
  typedFor(prefix: string | null): string | undefined {
    const keys = [...this.typed.values()]
    return keys.find((k) => prefix && k.startsWith(prefix)) ?? (keys.length === 1 ? keys[0] : undefined)
  }

  status(): KeyStatus {
    return { fingerprints: [...new Set([...this.seen.keys(), ...this.typed.keys()])], canPersist: this.store !== null }
  }
}
