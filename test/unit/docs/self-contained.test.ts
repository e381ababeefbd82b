// The project stands alone: no file refers to design notes outside it (../shared, the notes' own names);
// protocol facts are cited from docs/ inside the project. Checks every file git would track (node_modules,
// out, dist and .git aside).
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../../..')
const SKIP = new Set(['node_modules', 'out', 'dist', '.git', 'test-results', 'playwright-report', '.data'])
const BINARY = /\.(png|ico|icns|zip|gz|woff2?|jpg|gif)$/i

const sh = 'shared'
const OUTSIDE: Array<[RegExp, string]> = [
  [new RegExp(`\\.\\./(\\.\\./)*${sh}/[\\w.-]+\\.md`), 'a design note outside the project'],
  [new RegExp(`/work/${sh}`), 'a path outside the project'],
  [new RegExp(`\\b${sh}/(mimo-rules|wire-formats|agent-reports|DESIGN|STYLE|UI-CONVENTIONS|REAL-AGENTS)\\b`), 'a design note outside the project'],
  [new RegExp(`\\bmimo-rules\\b`), 'the old rules note (cite docs/rules.md)'],
  [new RegExp(`\\bagent-reports\\b`), 'the old reports note (cite docs/wire-formats.md §4)'],
  [new RegExp(`\\bDESIGN\\.md\\b`), 'the design note (cite README or docs/architecture.md)'],
  // docs/wire-formats.md is ours; the old note was cited as "wire-formats §1.2" or "wire-formats 1.6".
  [new RegExp(`(?<!docs/)\\bwire-formats(?!\\.md)\\b`), 'the old wire-formats note (cite docs/wire-formats.md)']
]

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name)) return []
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path) : BINARY.test(name) ? [] : [path]
  })
}

describe('the project is self-contained', () => {
  it('no file cites design notes outside it', () => {
    const hits: string[] = []
    // This file names the patterns it looks for.
    for (const path of files(root).filter((p) => p !== import.meta.filename)) {
      const lines = readFileSync(path, 'utf8').split('\n')
      lines.forEach((line, i) => {
        for (const [re, what] of OUTSIDE) if (re.test(line)) hits.push(`${relative(root, path)}:${i + 1}: ${what}: ${line.trim().slice(0, 120)}`)
      })
    }
    expect(hits).toEqual([])
  })

  it('the docs it cites exist', () => {
    for (const doc of ['docs/architecture.md', 'docs/wire-formats.md', 'docs/rules.md']) expect(statSync(join(root, doc)).isFile(), doc).toBe(true)
  })
})
