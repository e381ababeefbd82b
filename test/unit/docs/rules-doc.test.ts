// docs/rules.md and docs/rules.json are generated from the rule and fix files; they fail here when stale
// (run `npm run docs:rules`), and `mimo-inspector rules` prints the same catalogue.
import { execFileSync } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { collectRuleDocs, renderRulesMarkdown } from '../../../scripts/rules-doc'
import { CATALOGUE } from '../../../src/main/core/diagnose/catalogue'
import { ERROR_DIALECTS } from '../../../src/main/core/diagnose/dialects'
import { RULES } from '../../../src/main/core/diagnose/rules'

const root = resolve(import.meta.dirname, '../../..')
const docs = collectRuleDocs(root)

describe('docs/rules.md', () => {
  it('is what the rule files say now (else: npm run docs:rules)', () => {
    expect(readFileSync(join(root, 'docs/rules.md'), 'utf8')).toBe(renderRulesMarkdown(docs))
    expect(JSON.parse(readFileSync(join(root, 'docs/rules.json'), 'utf8'))).toEqual(JSON.parse(JSON.stringify(docs)))
  })

  it('has every rule file, each under a catalogued rule, with what it checks', () => {
    const files = readdirSync(join(root, 'src/main/core/diagnose/rules')).filter((f) => /^[rn]\d\d-/.test(f))
    expect(files).toHaveLength(RULES.length)
    const documented = docs.filter((d) => d.file).map((d) => d.file!.split('/').pop())
    expect(documented.sort()).toEqual(files.sort())
    for (const d of docs.filter((x) => x.file)) expect(d.checks!.length, d.ref).toBeGreaterThan(40)
    for (const d of docs) expect(CATALOGUE[d.id as keyof typeof CATALOGUE].ref).toBe(d.ref)
  })

  it('lists the fixes a rule offers, each described by its own file', () => {
    const r02 = docs.find((d) => d.ref === 'R02')!
    expect(r02.fixes.map((f) => f.id)).toEqual(expect.arrayContaining(['restore-reasoning-content', 'placeholder-reasoning', 'disable-thinking']))
    expect(r02.fixes.find((f) => f.id === 'restore-reasoning-content')).toMatchObject({ formats: 'OpenAI' })
    const r30 = docs.find((d) => d.ref === 'R30')!
    expect(r30.fixes.map((f) => f.id)).toEqual(['use-matching-base-url'])
    for (const f of docs.flatMap((d) => d.fixes)) expect(f.does.length, f.id).toBeGreaterThan(20)
  })

  it('refers to every row of the dialect table that names a rule, under that rule, by id only', () => {
    const listed = docs.flatMap((d) => d.wordings.map((w) => [w.id, d.id]))
    const named = ERROR_DIALECTS.filter((d) => d.rule).map((d) => [d.id, d.rule])
    expect(listed.sort()).toEqual(named.sort())
    expect(docs.find((d) => d.ref === 'R02')!.wordings.map((w) => w.id)).toContain('mimo.reasoning-passback')
    for (const w of docs.flatMap((d) => d.wordings)) expect(Object.keys(w).sort()).toEqual(['id', 'provider', 'source'])
  })
})

describe('mimo-inspector rules', () => {
  it('--json prints docs/rules.json; the text form names every rule, its title and its fixes', () => {
    const json = execFileSync(process.execPath, ['bin/mimo-inspector.js', 'rules', '--json'], { cwd: root, encoding: 'utf8' })
    expect(JSON.parse(json)).toEqual(JSON.parse(readFileSync(join(root, 'docs/rules.json'), 'utf8')))
    const text = execFileSync(process.execPath, ['bin/mimo-inspector.js', 'rules'], { cwd: root, encoding: 'utf8' })
    for (const d of docs) {
      expect(text).toContain(`${d.ref}  ${d.id}`)
      expect(text).toContain(d.title)
      if (d.fixes.length) expect(text).toContain(`fixes: ${d.fixes.map((f) => f.id).join(', ')}`)
    }
  })
})
