// Everything a data folder holds, for tests that must prove a secret never reached the disk: every file's raw
// bytes and everything the store holds decoded (a key inside a deflated segment or a compressed record is
// invisible in the raw file). The store's own storedContent knows its layout, so a format change updates it.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { storedContent } from '../../src/main/core/store/stored-content'

export type Haystack = [where: string, bytes: Buffer]

export function everyFile(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? everyFile(path) : [path]
  })
}

/** Every file of the folder and everything the store holds decoded, each named for the failure message. */
export function everyStoredByte(dir: string): Haystack[] {
  const files: Haystack[] = everyFile(dir).map((f) => [f, readFileSync(f)])
  return files.concat([...storedContent(dir)].map(([label, b]): Haystack => [`${dir} ${label}`, b]))
}

/** The distinctive middle of a key, so a partial leak is caught too; searched as bytes and as latin1 text. */
export function leakedIn(haystacks: readonly Haystack[], key: string): string[] {
  const needle = key.slice(3, -4)
  return haystacks.filter(([, bytes]) => bytes.includes(needle)).map(([where]) => where)
}
