// The catalogue: every entry well-formed and pointing at rules and fixes that exist; the lookup matches client,
// rule, provider and version; and on the failing requests captured from the real clients, the diagnosis's
// culprit rule plus the identified client find the entry that explains them.
import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { identifyClient } from '../../../src/main/core/clients/identify'
import { KNOWN_ISSUES, knownIssuesFor, versionStatus, type KnownIssue } from '../../../src/main/core/clients/known-issues'
import { compareVersions } from '../../../src/main/core/clients/versions'
import { RULE_IDS } from '../../../src/main/core/diagnose/catalogue'
import { diagnose } from '../../../src/main/core/diagnose/diagnose'
import { FIX_IDS } from '../../../src/main/core/replay/fixes'
import { captured, headerList, type CapturedExchange } from './captured'

const byId = (id: string): KnownIssue => KNOWN_ISSUES.find((i) => i.id === id)!

describe('catalogue entries', () => {
  it('has at least 12 entries, one file each, named by id', () => {
    expect(KNOWN_ISSUES.length).toBeGreaterThanOrEqual(12)
    const files = readdirSync(new URL('../../../src/main/core/clients/known-issues/', import.meta.url)).filter((f) => !['index.ts', 'types.ts', 'present.ts'].includes(f))
    expect(files.sort()).toEqual(KNOWN_ISSUES.map((i) => `${i.id}.ts`).sort())
  })

  it.each(KNOWN_ISSUES.map((i) => [i.id, i] as const))('%s is complete and consistent', (_id, issue) => {
    expect(issue.rules.length).toBeGreaterThan(0)
    for (const rule of issue.rules) expect(RULE_IDS).toContain(rule)
    expect(issue.providers.length).toBeGreaterThan(0)
    expect(issue.problem).toMatch(/^\S.*[.`]$/)
    expect(issue.sources.length).toBeGreaterThan(0)
    for (const s of issue.sources) expect(s.url).toMatch(/^https:\/\/(github\.com|platform\.xiaomimimo\.com)\//)
    expect(issue.workarounds.length).toBeGreaterThan(0)
    for (const w of issue.workarounds) {
      if (w.kind === 'repair') expect(FIX_IDS).toContain(w.fixId)
      if (w.kind === 'setting') expect(w.name && w.value && w.where).toBeTruthy()
    }
    const { introduced, lastAffected, fixedIn } = issue.versions
    for (const v of [introduced, lastAffected, fixedIn]) if (v !== null) expect(compareVersions(v, v)).toBe(0)
    if (introduced && lastAffected) expect(compareVersions(introduced, lastAffected)).toBeLessThanOrEqual(0)
    if (lastAffected && fixedIn) expect(compareVersions(lastAffected, fixedIn)).toBeLessThan(0)
    expect(issue.verified.length).toBeGreaterThan(40)
  })
})

describe('version ranges', () => {
  it('OpenCode: affected up to 1.1.16, not from 1.1.53, unknown without a version', () => {
    const issue = byId('opencode-drops-reasoning-content')
    expect(versionStatus(issue, '1.0.185')).toBe('affected')
    expect(versionStatus(issue, '1.1.16')).toBe('affected')
    expect(versionStatus(issue, '1.1.53')).toBe('not-affected')
    expect(versionStatus(issue, '1.18.33')).toBe('not-affected')
    expect(versionStatus(issue, null)).toBe('unknown')
    expect(versionStatus(issue, 'dev')).toBe('unknown')
  })

  it('Claude Code system message: not before 2.1.154, affected to 2.1.197, "may be" after it', () => {
    const issue = byId('claude-code-system-message-mid-history')
    expect(versionStatus(issue, '2.1.153')).toBe('not-affected')
    expect(versionStatus(issue, '2.1.154')).toBe('affected')
    expect(versionStatus(issue, '2.1.197')).toBe('affected')
    expect(versionStatus(issue, '2.1.230')).toBe('unknown')
  })
})

describe('lookup', () => {
  const client = (name: string, version: string | null, library: string | null = null) => ({ name, version, library, via: 'user-agent' })

  it('needs the same client, a rule of the entry and a provider it names', () => {
    expect(knownIssuesFor(client('Claude Code', '2.1.197'), 'mimo.system-role-in-messages', 'mimo').map((m) => m.issue.id)).toEqual(['claude-code-system-message-mid-history'])
    expect(knownIssuesFor(client('Claude Code', '2.1.197'), 'mimo.system-role-in-messages', 'deepseek')).toEqual([])
    expect(knownIssuesFor(client('Claude Code', '2.1.100'), 'mimo.system-role-in-messages', 'mimo')).toEqual([])
    expect(knownIssuesFor(client('Qwen Code', '0.24.4'), 'compat.reasoning-passback-missing', 'mimo')).toEqual([])
    expect(knownIssuesFor(null, 'compat.reasoning-passback-missing', 'mimo')).toEqual([])
    expect(knownIssuesFor(client('OpenCode', null), null)).toEqual([])
  })

  it('matches the library under the agent (LiteLLM under Aider) with the library version', () => {
    const m = knownIssuesFor(client('Aider', null, 'LiteLLM 1.82.3'), 'anthropic.thinking-first-in-tool-turn', 'anthropic')
    expect(m).toEqual([{ issue: byId('litellm-chat-completions-drops-thinking'), status: 'affected' }])
  })

  it('an unknown version is a "may be", a fixed one is no match', () => {
    expect(knownIssuesFor(client('OpenCode', null), 'compat.reasoning-passback-missing', 'mimo')).toEqual([{ issue: byId('opencode-drops-reasoning-content'), status: 'unknown' }])
    expect(knownIssuesFor(client('OpenCode', '1.18.33'), 'compat.reasoning-passback-missing', 'mimo')).toEqual([])
  })
})

/** The request a real client sent and MiMo (the emulator) refused, diagnosed as the product does. */
function diagnoseCaptured(x: CapturedExchange) {
  const body = x.response?.body
  return diagnose({
    protocol: x.request.path.includes('/anthropic/') ? 'anthropic' : 'openai',
    body: x.request.body,
    status: x.response?.status ?? null,
    responseText: typeof body === 'string' ? body : JSON.stringify(body),
    responseContentType: x.response?.headers['content-type'] ?? null
  })
}

function firstFailure(folder: string): CapturedExchange {
  const hit = captured(folder).find(({ exchange }) => exchange.response?.status === 400)
  if (!hit) throw new Error(`no 400 captured in ${folder}`)
  return hit.exchange
}

describe('the real failures name their catalogue entry', () => {
  it.each([
    ['opencode-1.0.185', 'opencode-drops-reasoning-content', 'unknown'],
    ['continue-cli', 'continue-drops-reasoning-content', 'unknown']
  ] as const)('%s → %s', (folder, id, status) => {
    const x = firstFailure(folder)
    const d = diagnoseCaptured(x)
    expect(d.culprit?.rule).toBe('compat.reasoning-passback-missing')
    const client = identifyClient({ headers: headerList(x), body: x.request.body, path: x.request.path })
    expect(knownIssuesFor(client, d.culprit!.rule, 'mimo')).toEqual([{ issue: byId(id), status }])
  })

  it('pi-ai 0.73.1 → the Craft Agents entry once the request carries Craft’s system prompt', () => {
    const x = firstFailure('pi-ai-0.73.1')
    const d = diagnoseCaptured(x)
    expect(d.culprit?.rule).toBe('compat.reasoning-passback-missing')
    const body = { ...(x.request.body as object), system: '<craft_agent_environment version="0.9.2" platform="darwin" arch="arm64" os_version="25.4.0" />\n\nYou are Craft Agent - …' }
    const client = identifyClient({ headers: headerList(x), body, path: x.request.path })
    expect(client).toMatchObject({ name: 'Craft Agents', version: '0.9.2' })
    expect(knownIssuesFor(client, d.culprit!.rule, 'mimo')).toEqual([{ issue: byId('pi-ai-unsigned-thinking-as-text'), status: 'affected' }])
    // Bare pi-ai names only its SDK: no entry is claimed.
    expect(knownIssuesFor(identifyClient({ headers: headerList(x), body: x.request.body, path: x.request.path }), d.culprit!.rule, 'mimo')).toEqual([])
  })

  it('Claude Code 2.1.197 → its system message is linted (R26) and the entry is affected', () => {
    const { exchange } = captured('claude-code').find(({ exchange }) => JSON.stringify(exchange.request.body).includes('"role":"system"'))!
    const d = diagnoseCaptured(exchange)
    const r26 = d.findings.find((f) => f.rule === 'mimo.system-role-in-messages')
    expect(r26?.messageIndex).toBe(1)
    const client = identifyClient({ headers: headerList(exchange), body: exchange.request.body, path: exchange.request.path })
    expect(knownIssuesFor(client, r26!.rule, 'mimo')).toEqual([{ issue: byId('claude-code-system-message-mid-history'), status: 'affected' }])
  })

  it('the fixed and worked-around runs produce no culprit', () => {
    for (const folder of ['opencode', 'opencode-1.0.185-interleaved', 'continue-cli-thinking-disabled', 'pi-ai-0.77.0-allow-empty-signature']) {
      for (const { file, exchange } of captured(folder)) {
        expect(exchange.response?.status, `${folder}/${file}`).toBe(200)
        if (exchange.request.method === 'POST') expect(diagnoseCaptured(exchange).culprit, `${folder}/${file}`).toBeNull()
      }
    }
  })
})
