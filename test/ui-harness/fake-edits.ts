// The harness's stand-ins for the core's fixes (`replay:apply-fix`) and structured edits (`replay:edit`): enough
// of each to see the replay editor work, with the core's error texts where one does not apply. Pure.
import type { EditOp, EditResult } from '../../src/shared/types'

type Json = Record<string, any>

function parse(text: string): Json {
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch (err) {
    throw new Error(`the editor's text is not JSON: ${(err as Error).message}`)
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new Error('the request body is not a JSON object')
  return body as Json
}

const done = (body: Json, changes: string[], what: string): EditResult => {
  if (changes.length === 0) throw new Error(`${what}: nothing to change in this request`)
  return { body: JSON.stringify(body, null, 2), changes }
}

const messages = (body: Json): Json[] => (Array.isArray(body.messages) ? body.messages : [])
const hasToolUse = (m: Json): boolean => Array.isArray(m.content) && m.content.some((b: Json) => b?.type === 'tool_use')

export function fakeFix(fixId: string, protocol: 'anthropic' | 'openai' | 'unknown', text: string): EditResult {
  if (fixId === 'use-matching-base-url')
    throw new Error('change the target upstream: sk- keys go to https://api.xiaomimimo.com, tp- keys to the token-plan-cn/sgp/ams cluster they were issued for')
  const body = parse(text)
  const changes: string[] = []
  const ms = messages(body)
  switch (fixId) {
    case 'restore-thinking':
    case 'placeholder-reasoning':
      ms.forEach((m, i) => {
        if (m.role !== 'assistant') return
        if (protocol === 'openai') {
          if (!Array.isArray(m.tool_calls) || typeof m.reasoning_content === 'string') return
          m.reasoning_content = fixId === 'placeholder-reasoning' ? ' ' : 'Run the tests first, then read the failure.'
          changes.push(`messages[${i}]: reasoning_content ${fixId === 'placeholder-reasoning' ? 'placeholder added' : 'restored from the recorded response'}`)
          return
        }
        if (!hasToolUse(m) || m.content[0]?.type === 'thinking') return
        const restored = fixId === 'restore-thinking'
        m.content.unshift({ type: 'thinking', thinking: restored ? 'I should read the file first.' : '(thinking not recorded)', signature: restored ? 'EqQBCkYIBxgCKkBk2m9qg7cT0b3l0w2Rk3xg0RzC1JX7aTqv1b6Z5hYy' : '' })
        changes.push(`messages[${i}]: thinking block ${restored ? 'restored from the recorded response (signature as recorded)' : 'added as a placeholder (empty signature)'}`)
      })
      return done(body, changes, fixId)
    case 'restore-reasoning-content':
      return fakeFix('restore-thinking', 'openai', text)
    case 'disable-thinking': {
      const was = body.thinking === undefined ? 'absent' : JSON.stringify(body.thinking)
      if (body.thinking?.type === 'disabled') return done(body, [], fixId)
      body.thinking = { type: 'disabled' }
      changes.push(`thinking: ${was} → {"type":"disabled"}`)
      let stripped = 0
      for (const m of ms) {
        if (Array.isArray(m.content)) {
          const before = m.content.length
          m.content = m.content.filter((b: Json) => b?.type !== 'thinking' && b?.type !== 'redacted_thinking')
          stripped += before - m.content.length
        }
        if (typeof m.reasoning_content === 'string') (delete m.reasoning_content, stripped++)
      }
      if (stripped) changes.push(`${stripped} thinking block(s) stripped from the history`)
      return done(body, changes, fixId)
    }
    case 'dedupe-tool-names': {
      const seen = new Set<string>()
      const tools: Json[] = Array.isArray(body.tools) ? body.tools : []
      body.tools = tools.filter((t, i) => {
        const name = t?.function?.name ?? t?.name
        if (!seen.has(name)) return seen.add(name), true
        changes.push(`tools[${i}] (${name}) removed: a duplicate name`)
        return false
      })
      return done(body, changes, fixId)
    }
    default:
      return done(body, [], fixId)
  }
}

function check(i: number, n: number, what: string): number {
  if (!Number.isInteger(i) || i < 0 || i >= n) throw new Error(`${what} ${i} does not exist (there are ${n})`)
  return i
}

export function fakeEdit(protocol: 'anthropic' | 'openai' | 'unknown', text: string, op: EditOp): EditResult {
  const body = parse(text)
  const ms = messages(body)
  const key = protocol === 'openai' ? 'tool_calls' : 'content'
  switch (op.op) {
    case 'toggle-thinking': {
      const before = body.thinking?.type ?? null
      body.thinking = { ...(body.thinking ?? {}), type: before === 'disabled' ? 'enabled' : 'disabled' }
      return done(body, [`thinking.type: ${JSON.stringify(before)} → "${body.thinking.type}"`], 'toggle-thinking')
    }
    case 'delete-message': {
      const i = check(op.message, ms.length, 'message')
      const [gone] = ms.splice(i, 1)
      return done(body, [`messages[${i}]: ${gone?.role ?? '?'} message deleted`], 'delete-message')
    }
    case 'delete-block': {
      const m = ms[check(op.message, ms.length, 'message')]
      if (typeof m.content === 'string' && protocol !== 'openai') {
        m.content = []
        return done(body, [`messages[${op.message}]: text block 0 deleted (the message's string content)`], 'delete-block')
      }
      const list: Json[] = m[key] ?? []
      const b = check(op.block, list.length, protocol === 'openai' ? 'tool call' : 'block')
      const [gone] = list.splice(b, 1)
      return done(body, [`messages[${op.message}]: ${protocol === 'openai' ? `tool_calls[${b}]` : `${gone?.type ?? '?'} block ${b}`} deleted`], 'delete-block')
    }
    case 'move-block': {
      const m = ms[check(op.message, ms.length, 'message')]
      const list: Json[] = m[key] ?? []
      const from = check(op.from, list.length, 'block')
      const to = check(op.to, list.length, 'target block')
      const [moved] = list.splice(from, 1)
      list.splice(to, 0, moved)
      return done(body, [`messages[${op.message}]: ${moved?.type ?? 'tool call'} moved from ${key}[${from}] to ${key}[${to}]`], 'move-block')
    }
    case 'set-text': {
      const m = ms[check(op.message, ms.length, 'message')]
      if (protocol === 'openai') {
        if (typeof m.reasoning_content === 'string' && op.block === 0) m.reasoning_content = op.text
        else m.content = op.text
        return done(body, [`messages[${op.message}]: text of block ${op.block} changed`], 'set-text')
      }
      if (typeof m.content === 'string') m.content = op.text
      else {
        const b = m.content[check(op.block, m.content.length, 'block')]
        if (b.type === 'thinking') b.thinking = op.text
        else if (b.type === 'tool_result') b.content = op.text
        else b.text = op.text
      }
      return done(body, [`messages[${op.message}]: text of block ${op.block} changed`], 'set-text')
    }
  }
}
