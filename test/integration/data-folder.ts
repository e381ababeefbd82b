// Everything a data folder holds, for tests that must prove a secret never reached the disk: every file's raw
// bytes and every stored blob inflated (a key inside a deflated chunk is invisible in the raw file). The one
// place that knows the blob pack's layout, so a store format change updates one function.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { inflateRawSync } from 'node:zlib'

export type Haystack = [where: string, bytes: Buffer]

export function everyFile(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? everyFile(path) : [path]
  })
}

export function inflatedBlobs(dir: string): Buffer[] {
  if (!existsSync(join(dir, 'blobs.idx'))) return []
  const pack = readFileSync(join(dir, 'blobs.pack'))
  return readFileSync(join(dir, 'blobs.idx'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [, offset, stored] = line.split(' ').map(Number)
      return inflateRawSync(pack.subarray(offset, offset + stored))
    })
}

/** Every file of the folder and every blob inflated, each named for the failure message. */
export function everyStoredByte(dir: string): Haystack[] {
  const files: Haystack[] = everyFile(dir).map((f) => [f, readFileSync(f)])
  return files.concat(inflatedBlobs(dir).map((b, i): Haystack => [`${dir} blob #${i}`, b]))
}

/** The distinctive middle of a key, so a partial leak is caught too; searched as bytes and as latin1 text. */
export function leakedIn(haystacks: readonly Haystack[], key: string): string[] {
  const needle = key.slice(3, -4)
  return haystacks.filter(([, bytes]) => bytes.includes(needle)).map(([where]) => where)
}
