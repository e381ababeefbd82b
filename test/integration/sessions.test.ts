// Sessions from real agents' traffic: Claude Code and OpenCode runs captured through `serve`
// (test/scenarios/real-agents), sent again through the real proxy into the store, then read through the API
// and `list --json`. Two runs with the same first prompt in two sessions never merge; the title request and
// the main thread group under their session; a `--continue` run stays in its session; titles are the user's
// words, not harness wrappers. An agent that names no session (Qwen Code) groups by lineage.
import { spawnSync } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import type { ConversationSummary } from '../../src/shared/types'
import { loadRun, sendRun } from '../scenarios/real-agents/replay-fixture'
import { PAYG_KEY, startStack, type Stack } from './stack'

let stack: Stack | null = null
afterEach(async () => {
  await stack?.close()
  stack = null
})

const PROMPT = 'List the files in this folder and say what they are.'
const list = (dataDir: string) =>
  JSON.parse(spawnSync(process.execPath, ['bin/mimo-inspector.js', 'list', '--json', '--data-dir', dataDir], { encoding: 'utf8' }).stdout) as Array<{
    id: string
    conversationId: string | null
    sessionId: string | null
  }>

async function record(name: 'claude-code' | 'opencode' | 'qwen-code'): Promise<{ s: Stack; ids: string[]; all: ConversationSummary[] }> {
  const s = await startStack()
  stack = s
  const run = loadRun(name)
  const ended = s.ended(run.requests.length)
  // 200, or MiMo's 400 where the emulator holds the agent to MiMo's rules (Claude Code drops thinking): never
  // an auth, route or server error, which would say the replay of the capture went wrong.
  for (const status of await sendRun(s.proxyUrl, run.requests, PAYG_KEY)) expect([200, 400]).toContain(status)
  await ended
  const ids = s.inspector.store.records.map((r) => r.summary.id)
  const { items } = await s.inspector.handlers['conversations:list']({ offset: 0, limit: 100 })
  return { s, ids, all: items }
}

/** Session id → its threads as [role, request count, title]. */
function bySession(all: ConversationSummary[]): Map<string | null, Array<[string | null, number, string]>> {
  const out = new Map<string | null, Array<[string | null, number, string]>>()
  for (const c of all) out.set(c.sessionId, [...(out.get(c.sessionId) ?? []), [c.thread, c.requests, c.title]])
  return out
}

describe.each([
  ['claude-code', 'x-claude-code-session-id', [1, 3]],
  ['opencode', 'x-session-id', [1, 2]]
] as const)('%s: sessions from its own session id', (agent, header, mainRequests) => {
  it('two runs with the same first prompt stay apart; title request and main thread group under each session', async () => {
    const { s, ids, all } = await record(agent)
    const run = loadRun(agent)
    const sessionOf = (i: number) => run.requests[i].headers.find(([n]) => n.toLowerCase() === header)![1]
    const [first, second] = [sessionOf(0), sessionOf(2)]
    expect(first).not.toBe(second)

    const sessions = bySession(all)
    expect([...sessions.keys()]).toEqual([first, second])
    expect(sessions.get(first)).toEqual([
      ['main', mainRequests[0], PROMPT],
      ['title', 1, PROMPT]
    ])
    expect(sessions.get(second)).toEqual([
      ['main', mainRequests[1], PROMPT],
      ['title', 1, PROMPT]
    ])
    for (const c of all) expect(c.sessionThreads).toBe(2)

    // Every conversation holds the requests of one session only, in the API and in `list --json`.
    for (const c of all) {
      const detail = (await s.inspector.handlers['conversations:get']({ id: c.id }))!
      const members = detail.exchanges.map((e) => ids.indexOf(e.id))
      expect(new Set(members.map(sessionOf)).size).toBe(1)
      expect(detail.session?.id).toBe(c.sessionId)
      expect(detail.session?.threads.map((t) => t.id).sort()).toEqual(all.filter((o) => o.sessionId === c.sessionId).map((o) => o.id).sort())
    }
    const rows = list(s.dataDir)
    expect(rows.map((r) => r.sessionId)).toEqual(run.requests.map((_, i) => sessionOf(i)))
    const conversationsOf = (session: string) => new Set(rows.filter((r) => r.sessionId === session).map((r) => r.conversationId))
    for (const c of conversationsOf(first)) expect(conversationsOf(second).has(c)).toBe(false)

    // The last request (the --continue run) is diffed against its own session's last success.
    const last = s.inspector.store.records[s.inspector.store.records.length - 1].summary
    const diff = (await s.inspector.handlers['exchanges:turn-diff']({ id: last.id }))!
    expect(sessionOf(ids.indexOf(diff.baseId!))).toBe(second)
  })
})

it('Claude Code: the --continue run keeps its session after a restart (session read back from the record)', async () => {
  const s = await startStack()
  stack = s
  const run = loadRun('claude-code')
  const ended = s.ended(5)
  await sendRun(s.proxyUrl, run.requests.slice(0, 5), PAYG_KEY)
  await ended
  const inspector = await s.restart()
  const again = s.ended(1)
  await sendRun(s.proxyUrl, run.requests.slice(5), PAYG_KEY)
  const [cont] = await again
  const before = inspector.store.records.find((r) => r.summary.id !== cont.id && r.meta?.messages === 4)!.summary
  expect(cont.conversationId).toBe(before.conversationId)
  expect(cont.sessionId).toBe(before.sessionId)
})

it('Qwen Code names no session: its turns group by lineage, titled with the prompt, not its harness preamble', async () => {
  const { all } = await record('qwen-code')
  expect(all).toHaveLength(1)
  expect(all[0]).toMatchObject({ requests: 2, sessionId: null, thread: null, title: PROMPT })
})
