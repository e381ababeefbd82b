// Long texts (> 200 chars) shortened to a stub: tool results, user and assistant text, system text,
// unsigned thinking / reasoning_content, long string arguments of tool calls, tool descriptions. A stub
// keeps the first 40 characters and ends in "…": the repro stays readable, and text that reads like
// reasoning (thinking replayed as text, docs/rules.md R02) still does. Signed thinking is left whole, since
// its signature covers the text (R07).
import { isRecord, safeParse, type JsonRecord } from '../../protocols/json'
import type { Candidate, Protocol, State } from './candidate'
import { derive, getIn, messagesOf, setIn } from './candidate'

export const LONG_TEXT = 200
const HEAD = 40

type Path = (string | number)[]

export interface TextSlot {
  path: Path
  /** The shortened value to put at `path`. */
  stub: (value: unknown) => unknown
}

export function stubText(text: string): string {
  let head = text.slice(0, HEAD)
  // Do not cut a surrogate pair in half.
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1)
  return head.trimEnd() + '…'
}

const isLong = (v: unknown): v is string => typeof v === 'string' && v.length > LONG_TEXT
const plain = (v: unknown): unknown => (typeof v === 'string' ? stubText(v) : v)

export function textSlots(protocol: Protocol, body: JsonRecord): TextSlot[] {
  const slots: TextSlot[] = []
  const add = (path: Path, value: unknown): void => {
    if (isLong(value)) slots.push({ path, stub: plain })
  }
  if (protocol === 'anthropic') {
    if (Array.isArray(body.system)) body.system.forEach((b, k) => isRecord(b) && add(['system', k, 'text'], b.text))
    else add(['system'], body.system)
  }
  messagesOf(body).forEach((m, i) => {
    if (!isRecord(m)) return
    const at: Path = ['messages', i]
    if (protocol === 'openai') {
      add([...at, 'reasoning_content'], m.reasoning_content)
      if (Array.isArray(m.tool_calls)) m.tool_calls.forEach((c, j) => argumentsSlot(slots, [...at, 'tool_calls', j, 'function', 'arguments'], c))
    }
    if (typeof m.content === 'string') return add([...at, 'content'], m.content)
    if (!Array.isArray(m.content)) return
    m.content.forEach((b, k) => {
      if (!isRecord(b)) return
      const bp: Path = [...at, 'content', k]
      if (b.type === 'text') add([...bp, 'text'], b.text)
      else if (b.type === 'thinking' && !b.signature) add([...bp, 'thinking'], b.thinking)
      else if (b.type === 'tool_result') {
        if (typeof b.content === 'string') add([...bp, 'content'], b.content)
        else if (Array.isArray(b.content)) b.content.forEach((p, q) => isRecord(p) && add([...bp, 'content', q, 'text'], p.text))
      } else if (b.type === 'tool_use' && isRecord(b.input)) {
        for (const [key, v] of Object.entries(b.input)) add([...bp, 'input', key], v)
      }
    })
  })
  if (Array.isArray(body.tools)) {
    body.tools.forEach((t, k) => {
      if (!isRecord(t)) return
      if (protocol === 'openai' && isRecord(t.function)) add(['tools', k, 'function', 'description'], t.function.description)
      else add(['tools', k, 'description'], t.description)
    })
  }
  return slots
}

/** OpenAI arguments are a JSON string: its long top-level string values are stubbed, the rest kept. */
function argumentsSlot(slots: TextSlot[], path: Path, call: unknown): void {
  const args = isRecord(call) && isRecord(call.function) ? call.function.arguments : undefined
  if (!isLong(args)) return
  const parsed = safeParse(args)
  if (!parsed.ok || !isRecord(parsed.value) || !Object.values(parsed.value).some(isLong)) return
  const input = parsed.value
  slots.push({
    path,
    stub: () => JSON.stringify(Object.fromEntries(Object.entries(input).map(([k, v]) => [k, isLong(v) ? stubText(v) : v])))
  })
}

/** The state with every slot not in `keep` stubbed. */
export function stubTexts(state: State, slots: readonly TextSlot[], keep: readonly TextSlot[]): Candidate {
  const kept = new Set(keep)
  let body: unknown = state.body
  let texts = 0
  for (const slot of slots) {
    if (kept.has(slot)) continue
    body = setIn(body, slot.path, slot.stub(getIn(body, slot.path)))
    texts++
  }
  return derive(state, body as JsonRecord, state.origIndex, { texts })
}
