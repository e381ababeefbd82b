// The replay's response diff compares values: an empty signature is "", and two thinking blocks with the same
// text and different signatures differ.
import { describe, expect, it } from 'vitest'
import type { StreamView } from '../../../src/shared/types'
import { diffJson, diffRows } from '../../../src/renderer/src/lib/json-diff'
import { responseShape } from '../../../src/renderer/src/lib/response-shape'

function stream(signature: string | null): StreamView {
  return {
    format: 'anthropic-sse',
    events: [],
    problems: [],
    message: {
      protocol: 'anthropic', id: 'msg_1', model: 'mimo-v2.5-pro', role: 'assistant', stopReason: 'end_turn', usage: null, error: null, incomplete: false,
      blocks: [{ type: 'thinking', thinking: 'Plan.', signature }, { type: 'text', text: 'Done.' }]
    }
  }
}

const rows = (a: string | null, b: string | null) => diffRows(diffJson(responseShape(null, stream(a), null), responseShape(null, stream(b), null)))

describe('responseShape', () => {
  it('keeps the signature as its value', () => {
    expect(responseShape(null, stream(''), null).content[0]).toEqual({ type: 'thinking', thinking: 'Plan.', signature: '' })
    expect(responseShape(null, stream(null), null).content[0]).toEqual({ type: 'thinking', thinking: 'Plan.' })
  })

  it('a signature change is a change in the diff', () => {
    expect(rows('sig-a', 'sig-a')).toEqual([])
    expect(rows('sig-a', 'sig-b')).toEqual([{ kind: 'changed', path: 'content[0].signature', from: 'sig-a', to: 'sig-b' }])
    expect(rows('sig-a', '')).toEqual([{ kind: 'changed', path: 'content[0].signature', from: 'sig-a', to: '' }])
  })
})
