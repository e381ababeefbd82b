// `mimo-inspector rules [--json]`: the rule catalogue, the same as docs/rules.md (provider wordings by their
// ids in the dialect table; docs/errors.md has their texts). Both come from
// docs/rules.json, which scripts/rules-doc.ts generates from the rule and fix files (a test fails when it is
// stale), bundled into the command so it needs no file at run time.
import catalogue from '../../../docs/rules.json'

export interface FixDoc {
  id: string
  /** The request formats it applies to, when its file says (`Anthropic`, `OpenAI`). */
  formats: string | null
  /** From the fix file's header comment. */
  does: string
}

/** A row of the dialect table (docs/errors.md) that names the rule: a provider's wording, by id. */
export interface WordingRef {
  id: string
  provider: string
  source: string
}

export interface RuleDoc {
  ref: string
  id: string
  title: string
  /** The rule's file; null for a rule recognized only from the provider's error text (no request check). */
  file: string | null
  /** From the rule file's header comment. */
  checks: string | null
  fixes: FixDoc[]
  /** The provider wordings that name this rule (rows of the dialect table; the texts are in docs/errors.md). */
  wordings: WordingRef[]
  sources: Array<{ label: string; url: string | null }>
}

export const RULE_DOCS = catalogue as RuleDoc[]

export function rulesCommand(json: boolean): void {
  if (json) {
    process.stdout.write(JSON.stringify(RULE_DOCS, null, 2) + '\n')
    return
  }
  process.stdout.write(RULE_DOCS.map(ruleText).join('\n\n') + '\n')
}

function ruleText(r: RuleDoc): string {
  const lines = [`${r.ref}  ${r.id}`, `     ${r.title}`]
  lines.push(`     checks: ${r.checks ?? "no request check; named when the provider's error text says so"}`)
  if (r.fixes.length) lines.push(`     fixes: ${r.fixes.map((f) => f.id).join(', ')}`)
  if (r.wordings.length) lines.push(`     wordings: ${r.wordings.map((w) => w.id).join(', ')}`)
  for (const s of r.sources) lines.push(`     source: ${s.label}${s.url ? ` ${s.url}` : ''}`)
  return lines.join('\n')
}
