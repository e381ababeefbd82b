// What the diagnosis says about a finding when the client that sent the request has a known bug producing
// that rule: the catalogue entry, whether the client's version is in its range, and one line a person reads
// ("Your client: OpenCode 1.0.185 — known issue …, fixed in …; workaround: …"). Nothing when no entry
// matches: naming the wrong bug is worse than naming none.
import type { ClientInfo, Finding, KnownIssueNote } from '../../../shared/types'
import type { Provider } from '../diagnose/context'
import { describeWorkaround, knownIssuesFor, versionFor, type KnownIssue, type KnownIssueMatch } from './known-issues'

export function knownIssueNotes(client: ClientInfo | null, rule: string, provider?: Provider): KnownIssueNote[] {
  if (!client) return []
  return knownIssuesFor(client, rule, provider).map((m) => noteOf(m, client))
}

/** Adds the notes to every finding whose rule a known bug of this client produces. */
export function attachKnownIssues(findings: Finding[], client: ClientInfo | null, provider?: Provider): void {
  if (!client) return
  for (const f of findings) {
    const notes = knownIssueNotes(client, f.rule, provider)
    if (notes.length) f.knownIssues = notes
  }
}

function noteOf({ issue, status }: KnownIssueMatch, client: ClientInfo): KnownIssueNote {
  const version = versionFor(issue, client) ?? null
  const workarounds = issue.workarounds.map(describeWorkaround)
  return {
    id: issue.id,
    client: issue.client,
    status,
    version,
    versions: { ...issue.versions },
    problem: issue.problem,
    workarounds,
    sources: issue.sources.map((s) => ({ ...s })),
    text: noteText(issue, status, client, version, workarounds[0])
  }
}

function noteText(issue: KnownIssue, status: KnownIssueMatch['status'], client: ClientInfo, version: string | null, workaround: string): string {
  const who = issue.client === client.name ? `${client.name} ${version ?? '(version not sent)'}` : `${client.name} through ${issue.client} ${version ?? '(version not sent)'}`
  const ref = issue.sources[0].label
  const { fixedIn, lastAffected } = issue.versions
  if (status === 'affected') {
    const fixed = fixedIn ? `Fixed in ${fixedIn}` : 'No fixed version known'
    return `Your client: ${who} — known issue (${ref}): ${issue.problem} ${fixed}; workaround: ${workaround}.`
  }
  const when = version === null ? unknownVersionText(issue) : `reported up to ${lastAffected} with no fixed version known`
  return `Your client: ${who} — may be a known issue (${ref}), ${when}: ${issue.problem} Workaround: ${workaround}.`
}

/** "if your version is below 1.1.53", "if your version is 2.1.152 or later (seen up to 2.1.153, no fix known)". */
function unknownVersionText(issue: KnownIssue): string {
  const { introduced, lastAffected, fixedIn } = issue.versions
  const seen = lastAffected ? `seen up to ${lastAffected}, no fixed version known` : 'no fixed version known'
  if (fixedIn) return introduced ? `if your version is ${introduced} or later and below ${fixedIn}` : `if your version is below ${fixedIn}`
  if (introduced) return `if your version is ${introduced} or later (${seen})`
  return lastAffected ? seen : 'in every reported version (no fixed version known)'
}
