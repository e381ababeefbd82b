// The filter bar's language, DevTools-style: free text and `key:value` terms, all of which must hold; a leading
// `-` negates a term; values may be quoted (`path:"/v1/messages?beta=true"`). The same parser serves the
// exchange list, the conversation list and, later, breakpoints and repair rules.
import { FILTER_ALIASES, FILTER_KEYS, HAS_VALUES, IS_VALUES, type FilterKey } from '../../../shared/filter-keys'

export { FILTER_KEYS, HAS_VALUES, IS_VALUES, type FilterKey }

export type FilterTerm =
  | { kind: 'text'; value: string; negate: boolean }
  | { kind: 'field'; key: FilterKey; value: string; negate: boolean }

export interface ParsedFilter {
  text: string
  terms: FilterTerm[]
  /** Terms that could not be read, one line each; they are left out of the match. */
  problems: string[]
}

const TOKEN = /(-?)(?:([A-Za-z][\w-]*):)?(?:"((?:[^"\\]|\\.)*)"|(\S+))?/g

export function parseFilter(text: string): ParsedFilter {
  const terms: FilterTerm[] = []
  const problems: string[] = []
  for (const m of text.matchAll(TOKEN)) {
    if (m[0] === '' || m[0] === '-') continue
    const negate = m[1] === '-'
    const rawKey = m[2]?.toLowerCase()
    const value = m[3] !== undefined ? m[3].replace(/\\(.)/g, '$1') : (m[4] ?? '')
    if (rawKey === undefined) {
      if (value !== '') terms.push({ kind: 'text', value, negate })
      continue
    }
    const key = normalizeKey(rawKey)
    if (!key) {
      // Not one of ours (`http://x`, `a:b` in a path): searched as text, as DevTools does, but said.
      problems.push(`"${rawKey}:" is not a filter key (known: ${FILTER_KEYS.join(', ')}); searched as text`)
      terms.push({ kind: 'text', value: `${m[2]}:${value}`, negate })
      continue
    }
    if (value === '') {
      problems.push(`"${rawKey}:" needs a value`)
      continue
    }
    const problem = checkValue(key, value)
    if (problem) problems.push(problem)
    else terms.push({ kind: 'field', key, value, negate })
  }
  return { text, terms, problems }
}

function normalizeKey(key: string): FilterKey | null {
  if ((FILTER_KEYS as readonly string[]).includes(key)) return key as FilterKey
  return FILTER_ALIASES[key] ?? null
}

/** The body texts a filter asks the store to search: its `body:` terms and, when bodies are on, its free text. */
export function bodyTexts(filter: ParsedFilter, freeTextToo: boolean): string[] {
  const texts = filter.terms.filter((t) => (t.kind === 'field' && t.key === 'body') || (freeTextToo && t.kind === 'text')).map((t) => t.value)
  return [...new Set(texts)]
}

function checkValue(key: FilterKey, value: string): string | null {
  const v = value.toLowerCase()
  if (key === 'status' && !parseStatus(v)) return `status:${value} is not a status (try 400, 4xx, >=400, 400-499 or 429,503)`
  if (key === 'larger-than' && parseSize(v) === null) return `larger-than:${value} is not a size (try 100k or 2M)`
  if (key === 'has' && !(HAS_VALUES as readonly string[]).includes(v)) return `has:${value}: use one of ${HAS_VALUES.join(', ')}`
  if (key === 'is' && !(IS_VALUES as readonly string[]).includes(v)) return `is:${value}: use one of ${IS_VALUES.join(', ')}`
  if (key === 'stream' && !['yes', 'no', 'true', 'false'].includes(v)) return `stream:${value}: use yes or no`
  return null
}

/** A status test: exact codes, classes (`4xx`), comparisons (`>=400`) and ranges (`400-499`), comma-separated. */
export function parseStatus(value: string): ((status: number | null) => boolean) | null {
  const parts = value.split(',').map((p) => p.trim()).filter(Boolean)
  const tests: Array<(s: number) => boolean> = []
  for (const p of parts) {
    let m: RegExpExecArray | null
    if ((m = /^([1-5])xx$/i.exec(p))) {
      const c = Number(m[1])
      tests.push((s) => Math.floor(s / 100) === c)
    } else if ((m = /^(>=|<=|>|<|!=?)(\d{3})$/.exec(p))) {
      const [op, n] = [m[1], Number(m[2])]
      tests.push((s) => (op === '>=' ? s >= n : op === '<=' ? s <= n : op === '>' ? s > n : op === '<' ? s < n : s !== n))
    } else if ((m = /^(\d{3})-(\d{3})$/.exec(p))) {
      const [lo, hi] = [Number(m[1]), Number(m[2])]
      tests.push((s) => s >= lo && s <= hi)
    } else if (/^\d{3}$/.test(p)) {
      const n = Number(p)
      tests.push((s) => s === n)
    } else return null
  }
  if (tests.length === 0) return null
  return (status) => status !== null && tests.some((t) => t(status))
}

/** Bytes from `100`, `100k`, `2M`, `1.5mb`. */
export function parseSize(value: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?$/i.exec(value.trim())
  if (!m) return null
  const unit = (m[2] ?? 'b').toLowerCase()[0]
  const scale = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1
  return Math.round(Number(m[1]) * scale)
}
