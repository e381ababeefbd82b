// Quoting for POSIX shells (bash, zsh): a single-quoted word is taken byte for byte; bytes a text cannot
// carry (NUL, invalid UTF-8) go through printf, whose \xHH escapes reach every byte.
import { KEY_ENV, type CopyHeader } from './copy-source'

export const sq = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`

/** A printf format that prints exactly these bytes. */
export function printfFormat(bytes: Buffer): string {
  let out = ''
  for (const b of bytes) {
    if (b === 0x25) out += '%%'
    else if (b === 0x5c) out += '\\\\'
    else if (b >= 0x20 && b < 0x7f && b !== 0x27) out += String.fromCharCode(b)
    else out += `\\x${b.toString(16).padStart(2, '0')}`
  }
  return `'${out}'`
}

/** `name: value` as one shell word; a key left out becomes $MIMO_API_KEY inside double quotes. */
export function headerWord(h: CopyHeader, separator = ': '): string {
  if (!h.key) return sq(`${h.name}${separator}${h.value}`)
  const fixed = `${h.name}${separator}${h.key.scheme}`.replace(/["\\$`]/g, '\\$&')
  return `"${fixed}$${KEY_ENV}"`
}
