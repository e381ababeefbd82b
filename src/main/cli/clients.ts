// `mimo-inspector clients [--json] [--client NAME]`: the catalogue of known client issues.
import { KNOWN_ISSUES } from '../core/clients/known-issues'
import { issueJson, issueText } from '../core/clients/known-issues/present'

export function clientsCommand(json: boolean, client: string | undefined): void {
  const wanted = client?.trim().toLowerCase()
  const issues = wanted ? KNOWN_ISSUES.filter((i) => i.client.toLowerCase().includes(wanted)) : KNOWN_ISSUES
  if (json) {
    process.stdout.write(JSON.stringify(issues.map(issueJson), null, 2) + '\n')
    return
  }
  if (issues.length === 0) {
    const clients = [...new Set(KNOWN_ISSUES.map((i) => i.client))].join(', ')
    process.stdout.write(`No known issues for "${client}". Clients in the catalogue: ${clients}.\n`)
    return
  }
  process.stdout.write(issues.map(issueText).join('\n\n') + '\n')
}
