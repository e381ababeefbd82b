// Pretty-print JSON text without JSON.parse: re-indent the exact tokens, so numbers, key order, duplicate keys
// and escapes stay as they were sent. One linear pass; a 5 MB body takes tens of milliseconds.

export interface PrettyLines {
  lines: string[]
  /** False when the text is not well-formed JSON; `lines` is then best effort and callers show raw text. */
  ok: boolean
}

const INDENT = '  '
const indents: string[] = ['']
const indentOf = (depth: number): string => {
  while (indents.length <= depth) indents.push(indents[indents.length - 1] + INDENT)
  return indents[depth]
}

const isWs = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9
// Characters that end a bare literal (number, true, false, null).
const isDelim = (c: number): boolean =>
  isWs(c) || c === 44 || c === 58 || c === 123 || c === 125 || c === 91 || c === 93 || c === 34

/** Index just past the closing quote of the string starting at `start` (which holds the opening quote). */
export function stringEnd(text: string, start: number): number {
  let from = start + 1
  for (;;) {
    const q = text.indexOf('"', from)
    if (q < 0) return text.length
    let backslashes = 0
    for (let b = q - 1; b > start && text.charCodeAt(b) === 92; b--) backslashes++
    if (backslashes % 2 === 0) return q + 1
    from = q + 1
  }
}

export function prettyJsonLines(text: string): PrettyLines {
  const lines: string[] = []
  const stack: number[] = []
  let line = ''
  let ok = true
  let values = 0
  const n = text.length
  let i = 0
  while (i < n) {
    const c = text.charCodeAt(i)
    if (isWs(c)) {
      i++
      continue
    }
    if (c === 123 || c === 91) {
      // { or [
      const close = c === 123 ? 125 : 93
      let j = i + 1
      while (j < n && isWs(text.charCodeAt(j))) j++
      if (text.charCodeAt(j) === close) {
        line += c === 123 ? '{}' : '[]'
        i = j + 1
        if (stack.length === 0) values++
        continue
      }
      line += text[i]
      lines.push(line)
      stack.push(close)
      line = indentOf(stack.length)
      i++
      continue
    }
    if (c === 125 || c === 93) {
      if (stack.pop() !== c) ok = false
      lines.push(line)
      line = indentOf(stack.length) + text[i]
      if (stack.length === 0) values++
      i++
      continue
    }
    if (c === 44) {
      if (stack.length === 0) ok = false
      lines.push(line + ',')
      line = indentOf(stack.length)
      i++
      continue
    }
    if (c === 58) {
      line += ': '
      i++
      continue
    }
    if (c === 34) {
      const end = stringEnd(text, i)
      if (end === n && text.charCodeAt(n - 1) !== 34) ok = false
      line += text.slice(i, end)
      if (stack.length === 0) values++
      i = end
      continue
    }
    let j = i
    while (j < n && !isDelim(text.charCodeAt(j))) j++
    if (j === i) j = i + 1
    const literal = text.slice(i, j)
    if (!/^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)$/.test(literal)) ok = false
    line += literal
    if (stack.length === 0) values++
    i = j
  }
  if (line.length > 0) lines.push(line)
  if (stack.length !== 0 || values !== 1) ok = false
  return { lines, ok }
}

/** Raw text split into lines (keeps every character except the line breaks themselves). */
export function rawLines(text: string): string[] {
  return text.split(/\r?\n/)
}

/** Small values (tool inputs, SSE data): pretty-print with JSON semantics. */
export function prettyValue(value: unknown): string {
  if (typeof value === 'string') return value
  try {
    return JSON.stringify(value, null, 2) ?? String(value)
  } catch {
    return String(value)
  }
}
