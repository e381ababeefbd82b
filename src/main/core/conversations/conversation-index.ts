// Incremental grouping of requests into conversations by shared message prefixes.
//
// Every prefix a request has (seed + chain[k-1], k = 1..n) is registered once, owned by the conversation
// that first sent it; repeated history shares entries, so memory is proportional to distinct prefixes (plus
// one reference to the chain of each conversation's tip request). A new request looks up its prefixes from
// the longest down and stops at the first known one, P(k), owned by conversation C. Then:
//
// - nothing known: a new conversation.
// - k = n (the whole request is known): it joins C and changes nothing. This is a retry of the same request,
//   a duplicate, or a request SHORTER than C's tip because the agent trimmed the end of its history (or
//   arrived late). It brings no new message, so it cannot be a fork.
// - otherwise let s be how many leading messages it shares with C's tip (its main line), and `settled` the
//   length of the longest request of C that a later request built upon (messages below it are confirmed).
//   - s > settled: it continues C. Either it extends the tip (s = k = tip length), or it is a sibling of the
//     tip: it differs only in messages the tip request added on top of the settled history, after the same
//     reply. That is a side request that replays the full history with the same system prompt (a prompt
//     suggestion, a compaction summary request), or the newest user prompt edited and resent. When P(k) is
//     where an earlier request ended, the new request built on it: it becomes the tip and settles k.
//   - s <= settled: it changed a message that a later request already built upon, so the history was
//     edited: a fork of C with forkAt = the message index of the first difference. A middle-truncated
//     history (Cline and Kilo drop old turns but keep the first ones) forks the same way, at the first
//     dropped message. A compacted history that starts over with a summary shares no prefix and starts a new
//     conversation; linking it to the old one needs more than prefixes.
//
// The walk down stops at the first known prefix and only new prefixes are inserted, so the total work is
// linear in the number of messages added (a fork of a long history pays once for its own length). The
// common prefix with the tip is found by binary search, since equal rolling hashes mean equal prefixes.
import { messageIndexOf, type GroupKey } from './group-key'

export interface IndexEntry {
  /** Exchange id; the first request of a conversation names it. */
  id: string
  /** Kept by reference as a conversation's tip: do not mutate it after adding. */
  key: GroupKey
}

export interface Placement {
  conversationId: string
  /** The conversation this one was forked from, and the first message index that differs (constant per conversation). */
  forkOf: string | null
  forkAt: number | null
}

export interface IndexStats {
  conversations: number
  /** Distinct prefixes registered. */
  prefixes: number
  /** Map lookups and inserts so far: a measure of work that a test can bound without timing. */
  mapOperations: number
}

interface Conversation {
  readonly placement: Placement
  /** Chain of its main-line request. */
  tip: string[]
  /** Length of the longest request that a later request of this conversation built upon. */
  settled: number
}

export function conversationIdFor(firstExchangeId: string): string {
  return 'c-' + firstExchangeId
}

export class ConversationIndex {
  private readonly owners = new Map<string, Conversation>()
  /** Prefixes at which some request ended. */
  private readonly requestEnds = new Set<string>()
  private conversationCount = 0
  private operations = 0

  add(entry: IndexEntry): Placement {
    const { seed, chain } = entry.key
    const n = chain.length
    let k = n
    let owner: Conversation | undefined
    for (; k >= (n === 0 ? 0 : 1); k--) {
      owner = this.ownerOf(prefixKey(seed, chain, k))
      if (owner) break
    }
    if (!owner) return this.open(entry, null, 0)
    if (k === n) return owner.placement

    const shared = sharedLength(owner.tip, chain, k)
    if (shared <= owner.settled) return this.open(entry, owner, k, messageIndexOf(entry.key, shared))

    const builtOnRequest = this.hasRequestEnd(prefixKey(seed, chain, k))
    this.register(owner, entry.key, k)
    if (builtOnRequest) {
      owner.tip = chain
      owner.settled = k
    }
    return owner.placement
  }

  stats(): IndexStats {
    return { conversations: this.conversationCount, prefixes: this.owners.size, mapOperations: this.operations }
  }

  private open(entry: IndexEntry, parent: Conversation | null, known: number, forkAt: number | null = null): Placement {
    const conversation: Conversation = {
      placement: { conversationId: conversationIdFor(entry.id), forkOf: parent?.placement.conversationId ?? null, forkAt },
      tip: entry.key.chain,
      settled: known
    }
    this.conversationCount++
    this.register(conversation, entry.key, known)
    return conversation.placement
  }

  /** Registers prefixes known+1..n (or the empty prefix of an empty chain) and marks where the request ends. */
  private register(conversation: Conversation, key: GroupKey, known: number): void {
    const n = key.chain.length
    for (let k = n === 0 ? 0 : known + 1; k <= n; k++) {
      this.operations++
      this.owners.set(prefixKey(key.seed, key.chain, k), conversation)
    }
    this.operations++
    this.requestEnds.add(prefixKey(key.seed, key.chain, n))
  }

  private ownerOf(prefix: string): Conversation | undefined {
    this.operations++
    return this.owners.get(prefix)
  }

  private hasRequestEnd(prefix: string): boolean {
    this.operations++
    return this.requestEnds.has(prefix)
  }
}

function prefixKey(seed: string, chain: readonly string[], length: number): string {
  return length === 0 ? seed : seed + chain[length - 1]
}

/** How many leading chain values two chains share, given that they differ at or before `limit`. */
function sharedLength(tip: readonly string[], chain: readonly string[], limit: number): number {
  const max = Math.min(tip.length, limit)
  if (max > 0 && tip[max - 1] === chain[max - 1]) return max
  // Rolling hashes: equal at position i means equal at every position before it, so binary search works.
  let low = 0
  let high = max - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if (tip[mid - 1] === chain[mid - 1]) low = mid
    else high = mid - 1
  }
  return low
}
