// add-empty-signature (Anthropic): third-party endpoints take unsigned thinking most reliably with an
// explicit `"signature": ""` (R04, opencode PR#44713).
import { isRecord } from '../../protocols/json'
import { at, blocksOf, messagesOf } from './body'
import type { Fix } from './types'

export const addEmptySignature: Fix = {
  protocols: ['anthropic'],
  apply(body) {
    const changes: string[] = []
    messagesOf(body).forEach((message, i) => {
      if (!isRecord(message)) return
      ;(blocksOf(message) ?? []).forEach((block, b) => {
        if (!isRecord(block) || block.type !== 'thinking' || typeof block.signature === 'string') return
        block.signature = ''
        changes.push(`${at(i)}: thinking block ${b} got "signature": ""`)
      })
    })
    return changes
  }
}
