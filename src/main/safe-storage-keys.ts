// Keys the user asked the desktop app to remember, encrypted by the OS keychain through Electron's
// safeStorage. Never written when encryption is unavailable (a Linux box without a keyring would fall back to
// a hard-coded password, which is clear text by another name).
import { safeStorage } from 'electron'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { KeyStore } from './core/replay/key-vault'

export function safeStorageKeyStore(dataDir: string): KeyStore | null {
  if (!safeStorage.isEncryptionAvailable()) return null
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return null
  const path = join(dataDir, 'keys.enc')
  return {
    load: () => {
      if (!existsSync(path)) return []
      try {
        return JSON.parse(safeStorage.decryptString(readFileSync(path))) as string[]
      } catch {
        return []
      }
    },
    save: (keys) => writeFileSync(path, safeStorage.encryptString(JSON.stringify(keys)), { mode: 0o600 })
  }
}
