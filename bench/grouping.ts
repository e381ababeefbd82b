// Grouping cost: group keys of a large request, and adding 10,000 recorded requests to a ConversationIndex.
import { ConversationIndex } from '../src/main/core/conversations/conversation-index'
import { groupKey, type GroupKey } from '../src/main/core/conversations/group-key'
import { turnDiff } from '../src/main/core/conversations/turn-diff'

const PATH = '/anthropic/v1/messages'
const COUNT_PATH = '/anthropic/v1/messages/count_tokens'
type Json = Record<string, unknown>

/** One agent turn: the assistant's thinking + tool call, then the tool result. `resultChars` sets the size. */
function turnMessages(session: string, turn: number, resultChars: number): Json[] {
  const id = `toolu_${session}_${turn}`
  return [
    {
      role: 'assistant',
      content: [
        { type: 'thinking', thinking: `Step ${turn}: I need to look at the next file. `.repeat(4), signature: `sig${session}${turn}`.padEnd(64, 'x') },
        { type: 'tool_use', id, name: 'Read', input: { file_path: `/repo/src/module_${turn}.ts` } }
      ]
    },
    { role: 'user', content: [{ type: 'tool_result', tool_use_id: id, content: `line ${turn} of output\n`.repeat(Math.ceil(resultChars / 20)).slice(0, resultChars) }] }
  ]
}

/** The history of a session after `turns` tool turns: a first prompt, then assistant/tool-result pairs. */
function sessionHistory(session: string, turns: number, resultChars: number): Json[] {
  const messages: Json[] = [{ role: 'user', content: [{ type: 'text', text: `Session ${session}: fix the build. ` + 'Context. '.repeat(200) }] }]
  for (let t = 0; t < turns; t++) messages.push(...turnMessages(session, t, resultChars))
  return messages
}

function body(system: string, messages: Json[]): Json {
  return { model: 'mimo-v2.5-pro', max_tokens: 32000, stream: true, system, tools: [], messages }
}

function median(runs: number, fn: () => void): number {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    fn()
    times.push(performance.now() - t0)
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]
}

interface Recorded {
  id: string
  path: string
  body: Json
}

/** 10,000 requests: `sessions` sessions of `perSession` requests with growing history, plus side requests, interleaved. */
function* traffic(sessions: number, perSession: number, resultChars: number): Generator<Recorded> {
  const system = 'You are a coding agent. '.repeat(1250)
  const histories = Array.from({ length: sessions }, (_, s) => sessionHistory(`s${s}`, perSession, resultChars))
  let sideRequests = 0
  for (let r = 0; r < perSession; r++) {
    for (let s = 0; s < sessions; s++) {
      const messages = histories[s].slice(0, 2 * r + 1)
      yield { id: `${s}-${r}`, path: PATH, body: body(system, messages) }
      if (r === 0) yield { id: `title-${s}`, path: PATH, body: body('Write a short title.', [histories[s][0]]) }
      if (r % 50 === 25 && sideRequests < 100) {
        sideRequests++
        yield { id: `count-${s}-${r}`, path: COUNT_PATH, body: body(system, messages) }
      }
    }
  }
}

function keysOf(requests: Iterable<Recorded>): Array<{ id: string; key: GroupKey }> {
  const out: Array<{ id: string; key: GroupKey }> = []
  for (const r of requests) {
    const key = groupKey(r.path, r.body)
    if (key) out.push({ id: r.id, key })
  }
  return out
}

export async function groupingBench(): Promise<string> {
  // 1. One 5 MB request with 1,000 messages.
  const big = body('You are a coding agent.', sessionHistory('big', 500, 10_200).slice(0, 1000))
  const bigText = JSON.stringify(big)
  const parsed = JSON.parse(bigText) as Json
  const parseMs = median(9, () => JSON.parse(bigText))
  const keyMs = median(9, () => groupKey(PATH, parsed))
  // The same request as Craft Agents replays it (thinking → text), diffed against the original.
  const mangled = JSON.parse(bigText.replaceAll('"type":"thinking","thinking"', '"type":"text","text"')) as Json
  const diffMs = median(5, () => turnDiff('anthropic', parsed, mangled, 'base'))

  // 2. 10,000 long-session requests, keys precomputed: 20 sessions × 500 requests (histories up to 999
  // messages) + 20 title + 100 count_tokens requests. The keys are computed outside the timing.
  const longKeysStart = performance.now()
  const longKeys = keysOf(traffic(20, 500, 200))
  const longKeysMs = performance.now() - longKeysStart
  const longMessages = longKeys.reduce((n, e) => n + e.key.chain.length, 0)
  let conversations = 0
  const indexMs = median(5, () => {
    const index = new ConversationIndex()
    for (const entry of longKeys) index.add(entry)
    conversations = index.stats().conversations
  })

  // 3. 10,000 moderately sized requests including key computation: 100 sessions × 100 requests
  // (histories up to 199 messages and a 30 KB system prompt), parsed bodies as input. Each body gets its own
  // copy of the system prompt, as JSON.parse would give it; only groupKey + add are timed.
  let largestModerate = 0
  const moderateRuns: number[] = []
  let moderateCount = 0
  for (let run = 0; run < 3; run++) {
    const index = new ConversationIndex()
    let elapsed = 0
    moderateCount = 0
    for (const r of traffic(100, 100, 600)) {
      const fresh = { ...r.body, system: (' ' + String(r.body.system)).slice(1) }
      const t0 = performance.now()
      const key = groupKey(r.path, fresh)
      if (key) index.add({ id: r.id, key })
      elapsed += performance.now() - t0
      moderateCount++
      if (run === 0 && moderateCount % 100 === 0) largestModerate = Math.max(largestModerate, JSON.stringify(fresh).length)
    }
    moderateRuns.push(elapsed)
  }
  const moderateMedian = moderateRuns.sort((a, b) => a - b)[1]

  const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`
  return [
    '| measure | value |',
    '| --- | --- |',
    `| groupKey of one ${mb(bigText.length)} request, 1,000 messages (JSON.parse of it, for scale) | ${keyMs.toFixed(1)} ms (${parseMs.toFixed(1)} ms) |`,
    `| turnDiff of that request against its thinking-as-text replay | ${diffMs.toFixed(1)} ms |`,
    `| add ${longKeys.length.toLocaleString('en')} requests (20 sessions × 500 + side requests, ${(longMessages / 1e6).toFixed(1)} M messages re-sent), keys precomputed | ${indexMs.toFixed(1)} ms → ${conversations} conversations |`,
    `| computing those ${longKeys.length.toLocaleString('en')} keys (not part of the line above) | ${(longKeysMs / 1000).toFixed(2)} s |`,
    `| group ${moderateCount.toLocaleString('en')} moderate requests (100 sessions × 100, bodies up to ${(largestModerate / 1024).toFixed(0)} KB) including groupKey | ${moderateMedian.toFixed(0)} ms |`
  ].join('\n')
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write((await groupingBench()) + '\n')
