// Deterministic, realistic-looking text for store tests and benchmarks: prose from a Zipf-distributed
// vocabulary of made-up words, TypeScript-like code, ids and base64 signatures. None of it compresses much
// better than real agent traffic does (a body like 'S'.repeat(30000) would let compression alone hide a
// store that does not deduplicate).

/** mulberry32: a tiny seeded PRNG; the same seed gives the same session on every machine. */
export class Rng {
  private state: number
  constructor(seed: number) {
    this.state = seed >>> 0
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0)
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]
  }
  bytes(n: number): Buffer {
    const out = Buffer.allocUnsafe(n)
    for (let i = 0; i < n; i++) out[i] = Math.floor(this.next() * 256)
    return out
  }
}

const SYLLABLES = ['ka', 'lo', 'mi', 're', 'tan', 'vel', 'or', 'is', 'pra', 'dun', 'sel', 'ho', 'qua', 'ne', 'bri', 'ost', 'fe', 'gal', 'ur', 'zen', 'mo', 'ti', 'ar', 'en', 'sto', 'wil', 'cha', 'ped', 'ux', 'nor']
const KEYWORDS = ['const', 'let', 'return', 'if', 'else', 'for', 'await', 'async', 'function', 'export', 'import', 'new', 'throw', 'typeof', 'null', 'undefined', 'true', 'false']

/** Words and their Zipf weights, built once per seed. */
export class TextSource {
  readonly words: string[]
  readonly identifiers: string[]
  private readonly cumulative: Float64Array

  constructor(readonly rng: Rng, vocabulary = 6000) {
    const seen = new Set<string>()
    while (seen.size < vocabulary) {
      let w = ''
      const n = rng.int(1, 4)
      for (let i = 0; i < n; i++) w += rng.pick(SYLLABLES)
      seen.add(w)
    }
    this.words = [...seen]
    this.cumulative = new Float64Array(vocabulary)
    let sum = 0
    for (let i = 0; i < vocabulary; i++) this.cumulative[i] = sum += 1 / Math.pow(i + 1, 1.05)
    this.identifiers = Array.from({ length: 1500 }, () => {
      const a = this.word()
      const b = this.word()
      return a + b[0].toUpperCase() + b.slice(1)
    })
  }

  word(): string {
    const total = this.cumulative[this.cumulative.length - 1]
    const x = this.rng.next() * total
    let lo = 0
    let hi = this.cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.cumulative[mid] < x) lo = mid + 1
      else hi = mid
    }
    return this.words[lo]
  }

  /** Sentences of prose, about `bytes` long. */
  prose(bytes: number): string {
    const parts: string[] = []
    let length = 0
    while (length < bytes) {
      const n = this.rng.int(5, 22)
      const ws = Array.from({ length: n }, () => this.word())
      ws[0] = ws[0][0].toUpperCase() + ws[0].slice(1)
      if (this.rng.next() < 0.2) ws.splice(this.rng.int(1, n - 1), 0, '`' + this.rng.pick(this.identifiers) + '`')
      const sentence = ws.join(' ') + this.rng.pick(['.', '.', '.', '?', ':', '!']) + (this.rng.next() < 0.15 ? '\n\n' : ' ')
      parts.push(sentence)
      length += sentence.length
    }
    return parts.join('').trimEnd()
  }

  /** TypeScript-looking source, about `bytes` long. */
  code(bytes: number): string {
    const lines: string[] = []
    let length = 0
    let depth = 0
    while (length < bytes) {
      const id = (): string => this.rng.pick(this.identifiers)
      const r = this.rng.next()
      let line: string
      if (depth > 0 && r < 0.15) {
        depth--
        line = '}'
      } else if (r < 0.3 && depth < 4) {
        line = this.rng.pick([`function ${id()}(${id()}: ${this.type()}, ${id()}) {`, `if (${id()}.${id()} ${this.rng.pick(['===', '!==', '<', '>'])} ${this.value()}) {`, `for (const ${id()} of ${id()}) {`, `export async function ${id()}(): Promise<${this.type()}> {`])
        lines.push('  '.repeat(depth) + line)
        length += line.length + 2 * depth + 1
        depth++
        continue
      } else if (r < 0.4) {
        line = `// ${this.prose(this.rng.int(20, 70)).split('\n')[0]}`
      } else {
        line = this.rng.pick([
          `const ${id()} = ${id()}(${id()}, ${this.value()})`,
          `${id()}.${id()} = ${this.value()}`,
          `return ${id()}.${id()}(${this.value()})`,
          `await ${id()}.${id()}(${id()})`,
          `let ${id()}: ${this.type()} = ${this.value()}`,
          `${this.rng.pick(KEYWORDS)} ${id()}`
        ])
      }
      lines.push('  '.repeat(depth) + line)
      length += line.length + 2 * depth + 1
    }
    while (depth-- > 0) lines.push('  '.repeat(depth) + '}')
    return lines.join('\n')
  }

  private type(): string {
    return this.rng.pick(['string', 'number', 'boolean', 'unknown', 'Buffer', `${this.rng.pick(this.identifiers)}[]`, 'Record<string, number>'])
  }

  private value(): string {
    const r = this.rng.next()
    if (r < 0.3) return String(this.rng.int(0, 5000))
    if (r < 0.55) return `'${this.word()}'`
    if (r < 0.65) return this.rng.pick(['null', 'true', 'false', 'undefined', '[]', '{}'])
    return this.rng.pick(this.identifiers)
  }

  /** A random id such as an Anthropic `toolu_…` (base62). */
  id(prefix: string, length = 24): string {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
    let s = prefix
    for (let i = 0; i < length; i++) s += alphabet[Math.floor(this.rng.next() * alphabet.length)]
    return s
  }

  /** An opaque signature: random bytes, base64. */
  signature(bytes: number): string {
    return this.rng.bytes(bytes).toString('base64')
  }

  path(): string {
    return `src/${this.word()}/${this.rng.pick(this.identifiers)}.ts`
  }
}
