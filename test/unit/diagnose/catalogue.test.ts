import { describe, expect, it } from 'vitest'
import { CATALOGUE, LOCATION_RULE, RULE_IDS, ruleInfo } from '../../../src/main/core/diagnose/catalogue'
import { RULES } from '../../../src/main/core/diagnose/rules'

// Ids and numbers of the rule catalogue as its sources number them (R28 and R33 have no id).
const DOC: Record<string, string> = {
  R01: 'anthropic.thinking-first-in-tool-turn',
  R02: 'compat.reasoning-passback-missing',
  R03: 'deepseek-reasoner.reasoning-content-forbidden',
  R04: 'anthropic.thinking-signature-missing',
  R05: 'anthropic.thinking-text-missing',
  R06: 'anthropic.thinking-signature-invalid',
  R07: 'anthropic.thinking-block-modified',
  R08: 'anthropic.trailing-thinking-block',
  R09: 'anthropic.thinking-when-disabled',
  R10: 'anthropic.redacted-thinking-roundtrip',
  R11: 'anthropic.cache-control-on-thinking',
  R12: 'anthropic.budget-lt-max-tokens',
  R13: 'anthropic.budget-min-1024',
  R14: 'anthropic.sampling-with-thinking',
  R15: 'compat.forced-tool-choice-with-thinking',
  R16: 'anthropic.beta-header-unknown',
  R17: 'anthropic.tool-use-without-result',
  R18: 'anthropic.tool-result-without-use',
  R19: 'compat.tool-call-id-hygiene',
  R20: 'mimo.tool-message-shape',
  R21: 'mimo.duplicate-tool-names',
  R22: 'mimo.responses-custom-tool-unsupported',
  R23: 'anthropic.empty-text-block',
  R24: 'anthropic.cache-control-limit',
  R25: 'anthropic.cache-control-empty-text',
  R26: 'mimo.system-role-in-messages',
  R27: 'bedrock.tool-result-json-object',
  R29: 'compat.unsupported-block-type',
  R30: 'mimo.auth-key-gateway-mismatch',
  R31: 'mimo.rate-or-quota',
  R32: 'mimo.content-filter',
  // Notes of the inspector's own, not provider rules.
  'N.1': 'compat.turn-differs-from-response',
  'N.2': 'compat.thinking-type-unknown'
}

describe('catalogue', () => {
  it('holds every catalogued rule with its number, plus the error.location stand-in', () => {
    expect(Object.fromEntries(RULE_IDS.map((id) => [ruleInfo(id).ref, id]))).toEqual(DOC)
    expect(RULE_IDS).not.toContain(LOCATION_RULE)
    expect(CATALOGUE[LOCATION_RULE].title).toBeTruthy()
    expect(RULES.length).toBeGreaterThanOrEqual(21)
  })

  it('sources are labelled and link to GitHub issues, pull requests or the providers\' docs', () => {
    for (const id of RULE_IDS) {
      const { sources } = ruleInfo(id)
      expect(sources.length, id).toBeGreaterThan(0)
      for (const s of sources) {
        expect(s.label).toBeTruthy()
        if (s.url !== null) expect(s.url).toMatch(/^https:\/\/(github\.com\/[\w.-]+\/[\w.-]+\/(issues|pull)\/\d+$|[\w.-]+\.(com|aws\.amazon\.com)\/)/)
      }
    }
    expect(ruleInfo('compat.reasoning-passback-missing').sources).toContainEqual({ label: 'forgecode#3347', url: 'https://github.com/tailcallhq/forgecode/issues/3347' })
  })
})
