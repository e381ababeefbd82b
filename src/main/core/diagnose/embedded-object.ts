// Error bodies quoted inside error texts: JSON (`… - {"error":{…}}`), Python reprs of a dict
// (`Error code: 400 - {'error': {'message': …, 'param': None}}`, what openai-python and LiteLLM print) and
// bytes reprs (`b'{…}'`). Finds the first balanced object in a text and reads it as JSON or as a Python
// literal. Never throws; bounded work on long texts.
import { safeParse } from '../protocols/json'

/** How far into a text an object may start, and how long it may be: error texts are short. */
const MAX_SCAN = 64 * 1024
const MAX_ATTEMPTS = 64

export interface Embedded {
  value: unknown
  start: number
  end: number
}

/** Every top-level object in `text`, in order, that parses as JSON or a Python literal. */
export function embeddedObjects(text: string): Embedded[] {
  const out: Embedded[] = []
  const limit = Math.min(text.length, MAX_SCAN)
  let from = 0
  // Each failed start rescans the rest: a text of unmatched braces must not cost quadratic time.
  let attempts = 0
  while (from < limit && attempts++ < MAX_ATTEMPTS) {
    const start = text.indexOf('{', from)
    if (start === -1 || start >= limit) break
    const end = balancedEnd(text, start)
    if (end === -1) {
      from = start + 1
      continue
    }
    const raw = text.slice(start, end + 1)
    const value = readObject(raw)
    if (value !== undefined) {
      out.push({ value, start, end: end + 1 })
      from = end + 1
    } else from = start + 1
  }
  return out
}

/** JSON first; then the Python literal grammar (single quotes, None/True/False, trailing commas). */
export function readObject(raw: string): unknown {
  const json = safeParse(raw)
  if (json.ok) return json.value
  try {
    const parser = new PythonLiteral(raw)
    const value = parser.value()
    parser.space()
    return parser.done() ? value : undefined
  } catch {
    return undefined
  }
}

/** Index of the brace closing the one at `start`, skipping quoted strings of either kind; -1 if none. */
function balancedEnd(text: string, start: number): number {
  let depth = 0
  let quote: string | null = null
  const limit = Math.min(text.length, start + MAX_SCAN)
  for (let i = start; i < limit; i++) {
    const c = text[i]
    if (quote) {
      if (c === '\\') i++
      else if (c === quote) quote = null
      continue
    }
    if (c === '"' || c === "'") {
      // An apostrophe inside plain words (`doesn't`) is not a quote: only after a delimiter.
      if (c === "'" && !/[\s{[:,(]/.test(text[i - 1] ?? ' ')) continue
      quote = c
    } else if (c === '{' || c === '[') depth++
    else if (c === '}' || c === ']') {
      depth--
      if (depth === 0) return c === '}' ? i : -1
    }
  }
  return -1
}

/** A small recursive-descent reader for Python's repr of dicts, lists, strings, numbers and constants. */
class PythonLiteral {
  private i = 0
  constructor(private readonly s: string) {}

  done(): boolean {
    return this.i >= this.s.length
  }

  space(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i])) this.i++
  }

  value(): unknown {
    this.space()
    const c = this.s[this.i]
    if (c === '{') return this.dict()
    if (c === '[' || c === '(') return this.list(c === '[' ? ']' : ')')
    if (c === "'" || c === '"') return this.string()
    if (c === 'b' && (this.s[this.i + 1] === "'" || this.s[this.i + 1] === '"')) {
      this.i++
      return this.string()
    }
    for (const [word, v] of [['None', null], ['True', true], ['False', false], ['null', null], ['true', true], ['false', false]] as const) {
      if (this.s.startsWith(word, this.i)) {
        this.i += word.length
        return v
      }
    }
    const num = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(this.s.slice(this.i, this.i + 40))
    if (num) {
      this.i += num[0].length
      return Number(num[0])
    }
    throw new Error(`unexpected ${c ?? 'end'} at ${this.i}`)
  }

  private dict(): Record<string, unknown> {
    const out: Record<string, unknown> = {}
    this.i++
    for (;;) {
      this.space()
      if (this.s[this.i] === '}') {
        this.i++
        return out
      }
      const key = this.value()
      this.space()
      if (this.s[this.i] !== ':') throw new Error('expected :')
      this.i++
      out[String(key)] = this.value()
      this.space()
      if (this.s[this.i] === ',') this.i++
      else if (this.s[this.i] !== '}') throw new Error('expected , or }')
    }
  }

  private list(close: string): unknown[] {
    const out: unknown[] = []
    this.i++
    for (;;) {
      this.space()
      if (this.s[this.i] === close) {
        this.i++
        return out
      }
      out.push(this.value())
      this.space()
      if (this.s[this.i] === ',') this.i++
      else if (this.s[this.i] !== close) throw new Error('expected , or close')
    }
  }

  private string(): string {
    const quote = this.s[this.i++]
    let out = ''
    while (this.i < this.s.length) {
      const c = this.s[this.i++]
      if (c === quote) return out
      if (c !== '\\') {
        out += c
        continue
      }
      const e = this.s[this.i++]
      if (e === 'n') out += '\n'
      else if (e === 't') out += '\t'
      else if (e === 'r') out += '\r'
      else if (e === 'x') {
        out += String.fromCharCode(parseInt(this.s.slice(this.i, this.i + 2), 16))
        this.i += 2
      } else if (e === 'u') {
        out += String.fromCharCode(parseInt(this.s.slice(this.i, this.i + 4), 16))
        this.i += 4
      } else out += e
    }
    throw new Error('unterminated string')
  }
}
