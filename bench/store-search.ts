// Body search over a recorded session (the 500-request one of store-session.ts), each query on a freshly
// opened store (cold caches): time to the first result, to the last, and the longest the event loop was held
// (the search runs on the thread that also proxies and serves the UI).
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { Store } from '../src/main/core/store/store'
import { searchBodies } from '../src/main/core/store/search'

interface Query {
  label: string
  text: string
}

export async function searchBench(dir: string): Promise<string> {
  const probe = Store.open(dir, { readOnly: true })
  const newest = probe.records[probe.records.length - 1]
  const lastRequest = probe.getBody(newest.request.body!).toString('utf8')
  const oldest = probe.getBody(probe.records[0].response!.body!).toString('utf8')
  probe.close()
  const toolUse = [...lastRequest.matchAll(/"tool_use_id":"(toolu_\w+)"/g)]
  const queries: Query[] = [
    { label: 'an id from the middle of the session (in ~half the requests)', text: toolUse[Math.floor(toolUse.length / 2)][1] },
    { label: 'a phrase of the newest tool result (1 request)', text: lastRequest.slice(lastRequest.lastIndexOf('"tool_result"') + 80, lastRequest.lastIndexOf('"tool_result"') + 110) },
    { label: 'a word of the oldest response (1 response, found last)', text: /"text":"([^"]{12,40})"/.exec(oldest)?.[1] ?? 'message_start' },
    { label: 'text in every request (the system prompt)', text: "Anthropic's official CLI" },
    { label: 'text that is nowhere (full scan)', text: 'zq-not-in-any-body-zq' }
  ]
  const rows = ['| query | hits (bodies) | first result | all done | longest event-loop block |', '| --- | --- | --- | --- | --- |']
  for (const q of queries) {
    const store = Store.open(dir, { readOnly: true })
    const delay = monitorEventLoopDelay({ resolution: 1 })
    delay.enable()
    const t0 = performance.now()
    let first: number | null = null
    let hits = 0
    for await (const _hit of searchBodies(store, { text: q.text })) {
      first ??= performance.now() - t0
      hits++
    }
    const total = performance.now() - t0
    delay.disable()
    store.close()
    rows.push(`| ${q.label}: \`${q.text.slice(0, 32).replace(/\|/g, '\\|')}\` | ${hits} | ${first === null ? '–' : `${first.toFixed(0)} ms`} | ${total.toFixed(0)} ms | ${(delay.max / 1e6).toFixed(0)} ms |`)
  }
  return rows.join('\n')
}
