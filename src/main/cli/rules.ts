// `mimo-inspector rules [--json]`: the rule catalogue, the same as docs/rules.md. Both come from
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

export interface RuleDoc {
  ref: string
  id: string
  title: string
  /** The rule's file; null for a rule recognized only from the provider's error text (no request check). */
  file: string | null
  /** From the rule file's header comment. */
  checks: string | null
  fixes: FixDoc[]
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
  for (const s of r.sources) lines.push(`     source: ${s.label}${s.url ? ` ${s.url}` : ''}`)
  return lines.join('\n')
}
