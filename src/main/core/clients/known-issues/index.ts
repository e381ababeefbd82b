// The catalogue of known client issues, and the lookup the diagnosis uses: an entry applies when the
// identified client (or the library under it) is the entry's client, the culprit's rule is one the entry
// produces, and the version is not known to be outside the affected range.
import type { ClientInfo } from '../identify'
import { compareVersions, isVersion } from '../versions'
import type { Provider } from '../../diagnose/context'
import { claudeCodeDeepseekThinkingStripped } from './claude-code-deepseek-thinking-stripped'
import { claudeCodeSystemMessageMidHistory } from './claude-code-system-message-mid-history'
import { claudeCodeThinkingBlockModified } from './claude-code-thinking-block-modified'
import { continueDropsReasoningContent } from './continue-drops-reasoning-content'
import { hermesMimoThinkingStripped } from './hermes-mimo-thinking-stripped'
import { kiloCodeVertexThinkingDropped } from './kilo-code-vertex-thinking-dropped'
import { litellmChatCompletionsDropsThinking } from './litellm-chat-completions-drops-thinking'
import { litellmModifyParamsDropsThinking } from './litellm-modify-params-drops-thinking'
import { openclawStripsReasoningContent } from './openclaw-strips-reasoning-content'
import { opencodeDropsReasoningContent } from './opencode-drops-reasoning-content'
import { piAiUnsignedThinkingAsText } from './pi-ai-unsigned-thinking-as-text'
import { rooCodeDropsReasoningContent } from './roo-code-drops-reasoning-content'
import type { KnownIssue, Workaround } from './types'

export type { KnownIssue, Workaround } from './types'

/** Sorted by client, then id; the order of `clients` and docs/clients.md. */
export const KNOWN_ISSUES: readonly KnownIssue[] = [
  claudeCodeSystemMessageMidHistory,
  claudeCodeDeepseekThinkingStripped,
  claudeCodeThinkingBlockModified,
  continueDropsReasoningContent,
  piAiUnsignedThinkingAsText,
  hermesMimoThinkingStripped,
  kiloCodeVertexThinkingDropped,
  litellmChatCompletionsDropsThinking,
  litellmModifyParamsDropsThinking,
  openclawStripsReasoningContent,
  opencodeDropsReasoningContent,
  rooCodeDropsReasoningContent
].sort((a, b) => a.client.localeCompare(b.client) || a.id.localeCompare(b.id))

/**
 * affected: the version is in the range. unknown: no version, or newer than the last one seen affected with
 * no fix known ("may be"). Versions before `introduced` or from `fixedIn` on are not affected.
 */
export type VersionStatus = 'affected' | 'unknown' | 'not-affected'

export function versionStatus(issue: KnownIssue, version: string | null): VersionStatus {
  if (version === null || !isVersion(version)) return 'unknown'
  const { introduced, lastAffected, fixedIn } = issue.versions
  if (introduced !== null && compareVersions(version, introduced)! < 0) return 'not-affected'
  if (fixedIn !== null && compareVersions(version, fixedIn)! >= 0) return 'not-affected'
  if (fixedIn === null && lastAffected !== null && compareVersions(version, lastAffected)! > 0) return 'unknown'
  return 'affected'
}

export interface KnownIssueMatch {
  issue: KnownIssue
  status: Exclude<VersionStatus, 'not-affected'>
}

/**
 * The entries that explain a culprit: same client (or the client's library, e.g. LiteLLM under Aider), a
 * rule the entry produces, a provider it names (when the provider is known), a version not outside the range.
 */
export function knownIssuesFor(client: ClientInfo | null, rule: string | null, provider?: Provider): KnownIssueMatch[] {
  if (!client || !rule) return []
  const out: KnownIssueMatch[] = []
  for (const issue of KNOWN_ISSUES) {
    if (!(issue.rules as readonly string[]).includes(rule)) continue
    if (provider && provider !== 'other' && !issue.providers.includes(provider)) continue
    const version = versionFor(issue, client)
    if (version === undefined) continue
    const status = versionStatus(issue, version)
    if (status !== 'not-affected') out.push({ issue, status })
  }
  return out
}

/**
 * The version an entry is judged on: the agent's when the entry is about the agent, the library's when it is
 * about the library under it (LiteLLM under Aider); undefined when the entry is about neither.
 */
export function versionFor(issue: KnownIssue, client: ClientInfo): string | null | undefined {
  if (issue.client === client.name) return client.version
  if (client.library?.startsWith(`${issue.client} `) || client.library === issue.client) return client.library.slice(issue.client.length).trim() || null
  return undefined
}

export function describeWorkaround(w: Workaround): string {
  switch (w.kind) {
    case 'setting':
      return `set \`${w.name}\` to \`${w.value}\` (${w.where})${w.note ? `; ${w.note}` : ''}`
    case 'upgrade':
      return `upgrade to ${w.version} or later`
    case 'downgrade':
      return `stay on ${w.version} or earlier`
    case 'repair':
      return `repair the request with this inspector's \`${w.fixId}\` fix (Edit & replay)`
  }
}

/** "≤ 1.1.16 (fixed in 1.1.53)", "≥ 2.1.154, still in 2.1.197", "all reported versions". */
export function describeVersions(issue: KnownIssue): string {
  const { introduced, lastAffected, fixedIn } = issue.versions
  const range = introduced && lastAffected ? `${introduced} to ${lastAffected}` : introduced ? `from ${introduced}` : lastAffected ? `up to ${lastAffected}` : 'reported versions (no range known)'
  return fixedIn ? `${range}; fixed in ${fixedIn}` : `${range}; no fixed version known`
}
