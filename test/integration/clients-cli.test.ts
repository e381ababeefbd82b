// `mimo-inspector clients`: the catalogue as scripts read it, exact flags and exit codes.
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { KNOWN_ISSUES } from '../../src/main/core/clients/known-issues'

const run = (...args: string[]) => spawnSync(process.execPath, ['bin/mimo-inspector.js', ...args], { encoding: 'utf8' })

describe('clients', () => {
  it('--json lists every entry with its rules, sources and workarounds', () => {
    const out = run('clients', '--json')
    expect(out.status).toBe(0)
    const rows = JSON.parse(out.stdout) as Array<Record<string, unknown>>
    expect(rows.map((r) => r.id)).toEqual(KNOWN_ISSUES.map((i) => i.id))
    const opencode = rows.find((r) => r.id === 'opencode-drops-reasoning-content')!
    expect(opencode).toMatchObject({
      client: 'OpenCode',
      versions: { introduced: null, lastAffected: '1.1.16', fixedIn: '1.1.53' },
      rules: [{ id: 'compat.reasoning-passback-missing', ref: 'R02' }]
    })
    expect((opencode.workarounds as Array<{ text: string }>)[0].text).toContain('{"field": "reasoning_content"}')
    expect((opencode.sources as Array<{ url: string }>)[0].url).toBe('https://github.com/anomalyco/opencode/issues/6040')
  })

  it('prints a readable block per entry, and filters by client', () => {
    const all = run('clients')
    expect(all.status).toBe(0)
    expect(all.stdout.match(/^\S.*: [a-z0-9-]+$/gm)).toHaveLength(KNOWN_ISSUES.length)
    const claude = run('clients', '--client', 'claude')
    expect(claude.status).toBe(0)
    expect(claude.stdout).toContain('claude-code-system-message-mid-history')
    expect(claude.stdout).toContain('fold-system-messages')
    expect(claude.stdout).not.toContain('OpenCode:')
    const none = run('clients', '--client', 'nosuchagent')
    expect(none.status).toBe(0)
    expect(none.stdout).toContain('No known issues for "nosuchagent"')
  })

  it('a bad flag is bad input (exit 2), --help exits 0', () => {
    const bad = run('clients', '--bogus')
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('unknown option')
    const help = run('clients', '--help')
    expect(help.status).toBe(0)
    expect(help.stdout).toContain('--client <name>')
  })
})
