// Repair rules: which fix of the catalogue to apply to live requests, and where. Saved rules live in
// repair-rules.json in the data folder (versioned, written atomically, on/off kept across restarts); rules
// given with `serve --repair` are for this run only. Off by default: no file, no rule.
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { readJsonFile, writeJsonFile } from '../json-file'
import type { RepairRule, RepairScope } from '../../../shared/types'
import { FIXES, FIX_IDS, isFixId } from '../replay/fixes/registry'
import { USE_MATCHING_BASE_URL } from '../replay/fixes/use-matching-base-url'
import type { FixProtocol } from '../replay/fixes/types'

export const RULES_FILE = 'repair-rules.json'
const RULES_VERSION = 1

/** Fixes that change the body; use-matching-base-url changes where a replay goes, which a live request cannot. */
export const LIVE_FIXES: readonly string[] = FIX_IDS.filter((id) => id !== USE_MATCHING_BASE_URL)

export class RuleError extends Error {}

export function checkFix(fix: string): void {
  if (!isFixId(fix) || !LIVE_FIXES.includes(fix)) throw new RuleError(`"${fix}" is not a fix a repair rule can apply (known: ${LIVE_FIXES.join(', ')})`)
}

/** The formats a rule's fix applies to: requests of another format are outside the rule. */
export function fixProtocols(fix: string): readonly FixProtocol[] {
  return isFixId(fix) ? FIXES[fix].protocols : []
}

interface RulesFile {
  version: typeof RULES_VERSION
  rules: Array<Omit<RepairRule, 'source'>>
}

export class RepairRules {
  private saved: RepairRule[] = []
  private readonly cli: RepairRule[] = []
  readonly warnings: string[] = []
  /** Bumped on every change, so the proxy's cached list of active rules knows when to rebuild. */
  version = 0

  constructor(private readonly dataDir: string) {
    this.saved = this.load()
  }

  all(): RepairRule[] {
    return [...this.cli, ...this.saved]
  }

  active(): RepairRule[] {
    return this.all().filter((r) => r.enabled)
  }

  /** `serve --repair FIX[,FIX…]`: on for every request, this run only. */
  addCli(fixes: readonly string[]): void {
    for (const fix of fixes) {
      checkFix(fix)
      this.cli.push({ id: randomUUID(), fix, scope: { kind: 'everything' }, enabled: true, createdAt: new Date().toISOString(), source: 'cli' })
    }
    this.version++
  }

  add(fix: string, scope: RepairScope): RepairRule {
    checkFix(fix)
    const rule: RepairRule = { id: randomUUID(), fix, scope: normalizeScope(scope), enabled: true, createdAt: new Date().toISOString(), source: 'saved' }
    this.saved.push(rule)
    this.save()
    return rule
  }

  setEnabled(id: string, enabled: boolean): void {
    this.find(id).enabled = enabled
    this.save()
  }

  delete(id: string): void {
    const rule = this.find(id)
    if (rule.source === 'cli') this.cli.splice(this.cli.indexOf(rule), 1)
    else this.saved = this.saved.filter((r) => r !== rule)
    this.save()
  }

  private find(id: string): RepairRule {
    const rule = this.all().find((r) => r.id === id)
    if (!rule) throw new RuleError(`no repair rule ${id}`)
    return rule
  }

  private save(): void {
    this.version++
    const file: RulesFile = { version: RULES_VERSION, rules: this.saved.map(({ source: _source, ...rest }) => rest) }
    writeJsonFile(join(this.dataDir, RULES_FILE), file)
  }

  private load(): RepairRule[] {
    const read = (raw: unknown): RepairRule[] => {
      const parsed = raw as Partial<RulesFile>
      if (parsed.version !== RULES_VERSION) throw new Error(`version ${String(parsed.version)} is not one this version reads (${RULES_VERSION})`)
      if (!Array.isArray(parsed.rules)) throw new Error('no rules list in it')
      const rules: RepairRule[] = []
      for (const r of parsed.rules) {
        if (!isFixId(r.fix) || !LIVE_FIXES.includes(r.fix) || typeof r.id !== 'string') {
          this.warnings.push(`repair rule ${JSON.stringify(r.id)} names an unknown fix ${JSON.stringify(r.fix)}; left out`)
          continue
        }
        let scope: RepairScope
        try {
          scope = normalizeScope(r.scope)
        } catch (err) {
          this.warnings.push(`repair rule ${r.id}: ${(err as Error).message}; left out`)
          continue
        }
        rules.push({ id: r.id, fix: r.fix, scope, enabled: r.enabled === true, createdAt: String(r.createdAt ?? ''), source: 'saved' })
      }
      return rules
    }
    const { value, warning } = readJsonFile(join(this.dataDir, RULES_FILE), read, ', no repair rule is on')
    if (warning) this.warnings.push(warning)
    return value ?? []
  }
}

function normalizeScope(scope: RepairScope | undefined): RepairScope {
  if (scope?.kind === 'conversation' && typeof scope.conversationId === 'string' && scope.conversationId) return { kind: 'conversation', conversationId: scope.conversationId }
  if (scope?.kind === 'upstream' && typeof scope.baseUrl === 'string' && scope.baseUrl) return { kind: 'upstream', baseUrl: scope.baseUrl.replace(/\/+$/, '') }
  if (scope?.kind === 'everything') return { kind: 'everything' }
  throw new RuleError(`a rule's scope is everything, an upstream (baseUrl) or a conversation (conversationId)`)
}

/** Whether a request to `target` is in the scope (the conversation is checked once the body is read). */
export function inUpstreamScope(scope: RepairScope, target: URL): boolean {
  if (scope.kind !== 'upstream') return true
  return target.href.startsWith(scope.baseUrl + '/') || target.href === scope.baseUrl
}
