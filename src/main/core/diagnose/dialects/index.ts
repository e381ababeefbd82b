// The one table of error dialects: every provider wording the inspector understands and every relay
// wrapping it knows, each with a real sample and its source. Unwrapping, location parsing, rule attribution
// and docs/errors.md are driven from here; adding a dialect is adding a row (and its sample test).
import { ANTHROPIC_DIALECTS } from './anthropic'
import { DASHSCOPE_DIALECTS } from './dashscope'
import { DEEPSEEK_DIALECTS } from './deepseek'
import { MIMO_DIALECTS } from './mimo'
import { MOONSHOT_DIALECTS } from './moonshot'
import { OPENAI_DIALECTS } from './openai'
import type { Dialect, ErrorDialect } from './types'
import { UNKNOWN_DIALECTS } from './unknown'
import { WRAPPER_DIALECTS } from './wrappers'
import { ZHIPU_DIALECTS } from './zhipu'

export type { Dialect, ErrorDialect, Expect, Locates, WrapperDialect } from './types'
export { WRAPPER_DIALECTS }

/** Error wordings, most specific first within a provider. */
export const ERROR_DIALECTS: readonly ErrorDialect[] = [
  ...MIMO_DIALECTS,
  ...DEEPSEEK_DIALECTS,
  ...MOONSHOT_DIALECTS,
  ...ZHIPU_DIALECTS,
  ...DASHSCOPE_DIALECTS,
  ...OPENAI_DIALECTS,
  ...ANTHROPIC_DIALECTS,
  ...UNKNOWN_DIALECTS
]

export const DIALECTS: readonly Dialect[] = [...WRAPPER_DIALECTS, ...ERROR_DIALECTS]

const BY_ID = new Map<string, Dialect>(DIALECTS.map((d) => [d.id, d]))

export function dialectById(id: string | null | undefined): Dialect | null {
  return (id && BY_ID.get(id)) || null
}

export function errorDialectById(id: string | null | undefined): ErrorDialect | null {
  const d = dialectById(id)
  return d?.kind === 'error' ? d : null
}

/** The wordings that name a rule (what docs/rules.md lists under it, by row id). */
export function dialectsForRule(rule: string): ErrorDialect[] {
  return ERROR_DIALECTS.filter((d) => d.rule === rule)
}
