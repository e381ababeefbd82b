// Token spans for one line of pretty JSON, computed only for lines on screen.
import { stringEnd } from './json-lines'

export type TokenKind = 'key' | 'str' | 'num' | 'lit' | 'punct'
/** [start, end, kind] */
export type Span = [number, number, TokenKind]

const isDigit = (c: number): boolean => (c >= 48 && c <= 57) || c === 45

export function tokenizeJsonLine(line: string): Span[] {
  const spans: Span[] = []
  const n = line.length
  let i = 0
  while (i < n) {
    const c = line.charCodeAt(i)
    if (c === 34) {
      const end = stringEnd(line, i)
      let k = end
      while (k < n && line.charCodeAt(k) === 32) k++
      spans.push([i, end, line.charCodeAt(k) === 58 ? 'key' : 'str'])
      i = end
    } else if (isDigit(c)) {
      let j = i + 1
      while (j < n && /[0-9eE+.\-]/.test(line[j])) j++
      spans.push([i, j, 'num'])
      i = j
    } else if (line.startsWith('true', i) || line.startsWith('null', i)) {
      spans.push([i, i + 4, 'lit'])
      i += 4
    } else if (line.startsWith('false', i)) {
      spans.push([i, i + 5, 'lit'])
      i += 5
    } else {
      let j = i + 1
      while (j < n) {
        const d = line.charCodeAt(j)
        if (d === 34 || isDigit(d) || d === 116 || d === 102 || d === 110) break
        j++
      }
      spans.push([i, j, 'punct'])
      i = j
    }
  }
  return spans
}
