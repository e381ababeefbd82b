// Checks the renderer's structured-edit model (src/renderer/src/lib/edit-model.ts) against the core's own edits:
// random sequences of timeline actions (delete message, delete/move block, set text) on bodies in both formats;
// each planned op must land on the item the timeline showed, and the shape check must never fire on text the
// timeline's own actions produced.
import { expect, it } from 'vitest'
import { applyEdit } from '../../../src/main/core/replay/edits'
import { requestView } from '../../../src/main/core/protocols/request-view'
import { EditPlanError, freshModel, planDeleteBlock, planDeleteMessage, planMoveBlock, planSetText, shapeProblem, unitOf, type EditModel, type Plan } from '../../../src/renderer/src/lib/edit-model'

function rng(seed: number): () => number {
  let a = seed
  return () => (a = (a * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff
}

type Json = Record<string, any>

function body(protocol: 'anthropic' | 'openai', r: () => number): Json {
  const messages: Json[] = []
  for (let i = 0; i < 8; i++) {
    if (protocol === 'anthropic') messages.push({ role: i % 2 ? 'assistant' : 'user', content: Array.from({ length: 1 + Math.floor(r() * 4) }, (_, b) => ({ type: 'text', text: `m${i}b${b}` })) })
    else
      messages.push(
        i % 2
          ? { role: 'assistant', content: `m${i}`, reasoning_content: `r${i}`, tool_calls: Array.from({ length: 1 + Math.floor(r() * 3) }, (_, b) => ({ id: `m${i}c${b}`, type: 'function', function: { name: `f${b}`, arguments: '{}' } })) }
          : { role: 'user', content: `m${i}` }
      )
  }
  return { model: 'mimo-v2.5', messages }
}

it('timeline edits planned by the renderer land on the items the timeline showed', () => {
const failures: string[] = []
let ops = 0
const fail = (what: string): void => void failures.push(what)

for (const protocol of ['anthropic', 'openai'] as const) {
  for (let seed = 1; seed < 300; seed++) {
    const r = rng(seed)
    const original = body(protocol, r)
    const view = requestView(protocol, original)
    let model: EditModel = freshModel(original.messages.length)
    let text = JSON.stringify(original, null, 2)
    for (let step = 0; step < 6; step++) {
      const m = view.messages[Math.floor(r() * view.messages.length)]
      const pos = Math.floor(r() * m.blocks.length)
      const kind = Math.floor(r() * 4)
      let plan: Plan
      try {
        plan =
          kind === 0
            ? planDeleteMessage(model, m)
            : kind === 1
              ? planDeleteBlock(model, protocol, m, pos)
              : kind === 2
                ? planMoveBlock(model, protocol, m, pos, r() < 0.5 ? -1 : 1)
                : planSetText(model, protocol, m, pos, `T${step}`)
      } catch (err) {
        if (err instanceof EditPlanError) continue
        throw err
      }
      const now = JSON.parse(text) as Json
      const problem = shapeProblem(model, protocol, now, m)
      if (problem) fail(`seed ${seed} step ${step}: shape check fired on the timeline's own edits: ${problem}`)
      const op = plan.op
      if (op.op === 'delete-message') {
        const got = JSON.stringify(now.messages[op.message])
        if (!got.includes(`m${m.index}`) && !/"T\d/.test(got) && !got.includes('"content":[]')) fail(`seed ${seed}: delete-message ${op.message} is not the original #${m.index}: ${got}`)
      }
      if (op.op === 'delete-block' || op.op === 'move-block') {
        const unit = unitOf(protocol, m, pos)
        const list = protocol === 'anthropic' ? now.messages[op.message].content : now.messages[op.message].tool_calls
        const got = JSON.stringify(list[op.op === 'delete-block' ? op.block : op.from])
        const want = protocol === 'anthropic' ? `m${m.index}b${unit}` : `m${m.index}c${unit}`
        if (!got.includes(want) && !/"T\d/.test(got)) fail(`seed ${seed}: ${op.op} names ${got}, not ${want}`)
      }
      text = applyEdit(protocol, text, op).body
      model = plan.model
      ops++
    }
  }
}
expect(failures).toEqual([])
expect(ops).toBeGreaterThan(1000)
})
