// Sends a captured agent run (test/scenarios/real-agents/*.json: Claude Code, OpenCode, Qwen Code requests as
// they reached the proxy, long strings trimmed, keys as fingerprints) through a proxy again, in order, with a
// working key in place of the fingerprint. Headers and body shapes are the agent's own.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

export interface CapturedRequest {
  label: string
  method: string
  path: string
  headers: Array<[string, string]>
  body: Record<string, unknown>
}

export interface CapturedRun {
  agent: string
  notes: string
  requests: CapturedRequest[]
}

export function loadRun(name: 'claude-code' | 'opencode' | 'qwen-code'): CapturedRun {
  return JSON.parse(readFileSync(join(import.meta.dirname, `${name}.json`), 'utf8')) as CapturedRun
}

/** The request's headers with the key header holding `key`. */
export function withKey(headers: ReadonlyArray<[string, string]>, key: string): Array<[string, string]> {
  return headers.map(([name, value]): [string, string] => {
    const n = name.toLowerCase()
    if (n === 'x-api-key' || n === 'api-key') return [name, key]
    if (n === 'authorization') return [name, `Bearer ${key}`]
    return [name, value]
  })
}

/** Sends the requests one after another (each waits for its whole response, as the agents did). */
export async function sendRun(proxyUrl: string, requests: readonly CapturedRequest[], key: string): Promise<number[]> {
  const statuses: number[] = []
  for (const r of requests) {
    const res = await fetch(proxyUrl + r.path, { method: r.method, headers: withKey(r.headers, key), body: JSON.stringify(r.body) })
    await res.text()
    statuses.push(res.status)
  }
  return statuses
}
