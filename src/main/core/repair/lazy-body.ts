// A request body a repair rule reads without decoding all of it. Decoding and re-encoding a 1 MB body costs
// more than the 5 ms a rule may add (a fresh 1 MB string or buffer alone is ~3 ms of page faults here), and a
// rule reads a few messages (restore-thinking reads assistant turns, not the tool results that make up most of
// an agent's request). So the bytes are scanned for the body's structure (strings are skipped with indexOf),
// each top-level value parses on first read, and each message is a stand-in that knows its role and keys and
// parses its own bytes on first use. Writing the body back passes on the bytes of every value and message that
// was never read and serialises the rest. Bytes never read are never validated either.
import { isRecord, type JsonRecord } from '../protocols/json'

export interface LazyBody {
  body: JsonRecord
  /**
   * The body as it is now, in parts to be sent in order: untouched messages as views of the original bytes,
   * everything else serialised (no copy of the whole: the parts go out as they are).
   */
  serialize(): Buffer[]
}

const QUOTE = 0x22
const BACKSLASH = 0x5c
const OPEN_OBJECT = 0x7b
const CLOSE_OBJECT = 0x7d
const OPEN_ARRAY = 0x5b
const CLOSE_ARRAY = 0x5d
const COMMA = 0x2c
const COLON = 0x3a

class ScanError extends Error {}

/** Null when the bytes are not a JSON object with a `messages` array as far as the scan sees (parse it whole). */
export function lazyBody(bytes: Buffer): LazyBody | null {
  try {
    return scanBody(bytes)
  } catch (err) {
    if (err instanceof ScanError || err instanceof SyntaxError) return null
    throw err
  }
}

interface Member {
  key: string
  start: number
  end: number
}

function scanBody(bytes: Buffer): LazyBody | null {
  const members = scanObject(bytes, skipSpace(bytes, 0))
  if (skipSpace(bytes, members.end) !== bytes.length) throw new ScanError('trailing bytes')
  const messages = members.list.filter((m) => m.key === 'messages').pop()
  if (!messages || bytes[messages.start] !== OPEN_ARRAY) return null
  const stands = new WeakMap<object, Stand>()
  // The top-level values parse on first read too (an agent's tools and system prompt are tens of KB no rule
  // reads); `messages` is the array of stand-ins from the start.
  const values: JsonRecord = {}
  const ranges = new Map<string, Member>()
  for (const m of members.list) {
    ranges.set(m.key, m)
    const value = m === messages ? scanArray(bytes, m.start).map((item, index) => standIn(bytes, item, index, stands)) : UNREAD
    // As JSON.parse does: an own property, also for "__proto__".
    Object.defineProperty(values, m.key, { value, writable: true, enumerable: true, configurable: true })
  }
  const read = (key: string | symbol): void => {
    if (typeof key === 'string' && Object.hasOwn(values, key) && values[key] === UNREAD) {
      const range = ranges.get(key)!
      values[key] = parseSlice(bytes, range.start, range.end)
    }
  }
  const body = new Proxy(values, {
    get: (t, key) => (read(key), Reflect.get(t, key)),
    getOwnPropertyDescriptor: (t, key) => (read(key), Reflect.getOwnPropertyDescriptor(t, key))
  })
  return { body, serialize: () => serialize(values, bytes, ranges, stands) }
}

/** A top-level value not read yet: it goes out as its bytes. */
const UNREAD = Symbol('unread')

/** A message: its role read from the scan, the rest parsed from its bytes when first touched. */
interface Stand {
  /** Its place in the array as sent. */
  index: number
  start: number
  end: number
  parsed: unknown
  touched: boolean
}

function standIn(bytes: Buffer, { start, end, members }: Item, index: number, stands: WeakMap<object, Stand>): unknown {
  if (!members) return parseSlice(bytes, start, end)
  const keys = new Set(members.map((m) => m.key))
  const roleAt = members.filter((m) => m.key === 'role').pop()
  // Its role when that is a plain string (otherwise reading it parses the message).
  const role = roleAt && bytes[roleAt.start] === QUOTE ? stringAt(bytes, roleAt.start, roleAt.end) : undefined
  const stand: Stand = { index, start, end, parsed: undefined, touched: false }
  const real = (): JsonRecord => {
    if (!stand.touched) {
      stand.parsed = parseSlice(bytes, start, end)
      stand.touched = true
    }
    return stand.parsed as JsonRecord
  }
  // A key the message does not have reads as on any plain object without parsing it: checking a text turn for
  // tool_calls costs nothing. Reading a key it has parses it (the value may then be changed in place).
  const absent = (key: string | symbol): boolean => !stand.touched && (typeof key === 'symbol' || !keys.has(key))
  const proxy = new Proxy({} as JsonRecord, {
    get: (_t, key) => {
      if (absent(key)) return Reflect.get(Object.prototype, key)
      return key === 'role' && !stand.touched && role !== undefined ? role : Reflect.get(real(), key)
    },
    has: (_t, key) => (absent(key) ? Reflect.has(Object.prototype, key) : Reflect.has(real(), key)),
    set: (_t, key, value) => Reflect.set(real(), key, value),
    deleteProperty: (_t, key) => Reflect.deleteProperty(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_t, key) => Reflect.getOwnPropertyDescriptor(real(), key),
    defineProperty: (_t, key, desc) => Reflect.defineProperty(real(), key, desc)
  })
  stands.set(proxy, stand)
  return proxy
}

function serialize(values: JsonRecord, bytes: Buffer, ranges: Map<string, Member>, stands: WeakMap<object, Stand>): Buffer[] {
  const parts: Buffer[] = []
  let text = '{'
  const flush = (): void => {
    if (text !== '') parts.push(Buffer.from(text, 'utf8'))
    text = ''
  }
  const raw = (start: number, end: number): void => {
    flush()
    parts.push(bytes.subarray(start, end))
  }
  let first = true
  for (const key of Object.keys(values)) {
    const value = values[key]
    if (value === UNREAD) {
      text += `${first ? '' : ','}${JSON.stringify(key)}:`
      raw(ranges.get(key)!.start, ranges.get(key)!.end)
    } else if (key === 'messages' && Array.isArray(value)) {
      text += `${first ? '' : ','}${JSON.stringify(key)}:[`
      // Untouched messages that were neighbours go out as one run of the original bytes, separators included.
      let run: { start: number; end: number; index: number } | null = null
      const endRun = (): void => {
        if (run) raw(run.start, run.end)
        run = null
      }
      value.forEach((item, k) => {
        const stand = isRecord(item) ? stands.get(item) : undefined
        if (stand && !stand.touched && run && stand.index === run.index + 1) {
          run.end = stand.end
          run.index = stand.index
          return
        }
        endRun()
        if (k > 0) text += ','
        if (stand && !stand.touched) run = { start: stand.start, end: stand.end, index: stand.index }
        else text += JSON.stringify(stand ? stand.parsed : item) ?? 'null'
      })
      endRun()
      text += ']'
    } else {
      const json = JSON.stringify(value)
      if (json === undefined) continue
      text += `${first ? '' : ','}${JSON.stringify(key)}:${json}`
    }
    first = false
  }
  text += '}'
  flush()
  return parts
}

function parseSlice(bytes: Buffer, start: number, end: number): unknown {
  return JSON.parse(bytes.toString('utf8', start, end))
}

function skipSpace(bytes: Buffer, i: number): number {
  while (i < bytes.length) {
    const b = bytes[i]
    if (b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09) return i
    i++
  }
  return i
}

/** The index after the string that opens at `i`. */
function skipString(bytes: Buffer, i: number): number {
  let j = i + 1
  for (;;) {
    const q = bytes.indexOf(QUOTE, j)
    if (q < 0) throw new ScanError('unterminated string')
    let slashes = 0
    for (let k = q - 1; k > i && bytes[k] === BACKSLASH; k--) slashes++
    if (slashes % 2 === 0) return q + 1
    j = q + 1
  }
}

/** The index after the value that starts at `i` (no validation inside: the parts that are read get parsed). */
function skipValue(bytes: Buffer, i: number): number {
  const b = bytes[i]
  if (b === QUOTE) return skipString(bytes, i)
  if (b === OPEN_OBJECT || b === OPEN_ARRAY) {
    let depth = 0
    let j = i
    while (j < bytes.length) {
      const c = bytes[j]
      if (c === QUOTE) {
        j = skipString(bytes, j)
        continue
      }
      if (c === OPEN_OBJECT || c === OPEN_ARRAY) depth++
      else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
        depth--
        if (depth === 0) return j + 1
      }
      j++
    }
    throw new ScanError('unterminated value')
  }
  let j = i
  while (j < bytes.length) {
    const c = bytes[j]
    if (c === COMMA || c === CLOSE_OBJECT || c === CLOSE_ARRAY || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) break
    j++
  }
  if (j === i) throw new ScanError('missing value')
  return j
}

function scanObject(bytes: Buffer, i: number): { list: Member[]; end: number } {
  if (bytes[i] !== OPEN_OBJECT) throw new ScanError('not an object')
  const list: Member[] = []
  let j = skipSpace(bytes, i + 1)
  if (bytes[j] === CLOSE_OBJECT) return { list, end: j + 1 }
  for (;;) {
    if (bytes[j] !== QUOTE) throw new ScanError('expected a key')
    const keyEnd = skipString(bytes, j)
    const key = stringAt(bytes, j, keyEnd)
    j = skipSpace(bytes, keyEnd)
    if (bytes[j] !== COLON) throw new ScanError('expected a colon')
    const start = skipSpace(bytes, j + 1)
    const end = skipValue(bytes, start)
    list.push({ key, start, end })
    j = skipSpace(bytes, end)
    if (bytes[j] === COMMA) j = skipSpace(bytes, j + 1)
    else if (bytes[j] === CLOSE_OBJECT) return { list, end: j + 1 }
    else throw new ScanError('expected a comma')
  }
}

/** The array's items; an object item with its members (one pass: messages are scanned once). */
function scanArray(bytes: Buffer, i: number): Item[] {
  const items: Item[] = []
  let j = skipSpace(bytes, i + 1)
  if (bytes[j] === CLOSE_ARRAY) return items
  for (;;) {
    const object = bytes[j] === OPEN_OBJECT ? scanObject(bytes, j) : null
    const end = object ? object.end : skipValue(bytes, j)
    items.push({ start: j, end, members: object?.list ?? null })
    j = skipSpace(bytes, end)
    if (bytes[j] === COMMA) j = skipSpace(bytes, j + 1)
    else if (bytes[j] === CLOSE_ARRAY) return items
    else throw new ScanError('expected a comma in messages')
  }
}

interface Item {
  start: number
  end: number
  members: Member[] | null
}

/** A string's text: short plain ASCII (keys, roles) without a decoder call, anything else through JSON.parse. */
function stringAt(bytes: Buffer, start: number, end: number): string {
  if (end - start <= 66) {
    let text = ''
    for (let k = start + 1; k < end - 1; k++) {
      const b = bytes[k]
      if (b < 0x20 || b > 0x7e || b === BACKSLASH) return JSON.parse(bytes.toString('utf8', start, end)) as string
      text += String.fromCharCode(b)
    }
    return text
  }
  return JSON.parse(bytes.toString('utf8', start, end)) as string
}
