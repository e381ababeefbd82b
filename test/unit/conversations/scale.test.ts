import { describe, expect, it } from 'vitest'
import { ConversationIndex } from '../../../src/main/core/conversations/conversation-index'
import type { GroupKey } from '../../../src/main/core/conversations/group-key'

/** 10,000 requests: 20 sessions × 500 requests of growing history, with title, count_tokens and fork requests. */
function* traffic(): Generator<{ id: string; key: GroupKey }> {
  const sessions = 20
  const turns = 500
  const chains = Array.from({ length: sessions }, (_, s) => Array.from({ length: 2 * turns + 1 }, (_, p) => `s${s}.m${p}`.padEnd(16, '.')))
  for (let t = 0; t < turns; t++) {
    for (let s = 0; s < sessions; s++) {
      yield { id: `${s}-${t}`, key: { seed: 'main-seed-------', chain: chains[s].slice(0, 2 * t + 1), skipped: [] } }
      if (t === 0) yield { id: `title-${s}`, key: { seed: 'title-seed------', chain: [chains[s][0]], skipped: [] } }
      if (t % 100 === 50) yield { id: `count-${s}-${t}`, key: { seed: 'count-seed------', chain: chains[s].slice(0, 2 * t + 1), skipped: [] } }
      if (t === turns - 1 && s % 4 === 0) {
        // An edited history: shares the first 2t messages, then a changed user message.
        yield { id: `fork-${s}`, key: { seed: 'main-seed-------', chain: [...chains[s].slice(0, 2 * t - 2), `edited-${s}`.padEnd(16, '-')], skipped: [] } }
      }
    }
  }
}

describe('ConversationIndex at scale', () => {
  it('adds 10,000 requests with work linear in the messages they add', () => {
    const index = new ConversationIndex()
    let requests = 0
    let messages = 0
    const conversations = new Set<string>()
    let forks = 0
    for (const entry of traffic()) {
      requests++
      messages += entry.key.chain.length
      const placed = index.add(entry)
      conversations.add(placed.conversationId)
      if (placed.forkOf && placed.conversationId === `c-${entry.id}`) forks++
    }
    const stats = index.stats()
    expect(requests).toBeGreaterThanOrEqual(10_000)
    // 20 sessions + 20 title threads + the count_tokens threads + 5 forks.
    expect(forks).toBe(5)
    expect(conversations.size).toBe(stats.conversations)
    // Quadratic behaviour would be on the order of the messages re-sent (about 5 million here).
    expect(messages).toBeGreaterThan(4_000_000)
    // Distinct prefixes only: 20 × 999 main + 20 titles + 20 × 901 count_tokens + 5 edited messages.
    expect(stats.prefixes).toBe(19_980 + 20 + 18_020 + 5)
    expect(stats.mapOperations).toBeLessThan(10 * requests + 3 * stats.prefixes)
  })
})
