// README.md of a bundle: what fails, the error, the culprit and its rule, how to run it, what was removed.
import { clientDetail } from '../../../../shared/client-label'
import type { BundleInput } from './bundle-input'
import { capText, type HarSummary } from './har'

export function bundleReadme(input: BundleInput, t: { origin: string; path: string }, sizes: { original: number; minimal: number; agent?: number | null }, har?: HarSummary): string {
  const e = input.exchange
  const d = input.diagnosis
  const model = safeModel(input.minimalBody ?? e.requestBody)
  const ua = e.requestHeaders.find(([n]) => n.toLowerCase() === 'user-agent')?.[1] ?? 'unknown'
  const culprit = d?.culprit ? d.findings.find((f) => f.rule === d.culprit!.rule && f.messageIndex === d.culprit!.messageIndex) : undefined
  const lines = [
    `# Repro: ${e.response ? `HTTP ${e.response.status}` : 'request'} from ${t.origin}${t.path}`,
    '',
    `- Endpoint: \`${e.method} ${t.origin}${t.path}\``,
    `- Model: \`${model ?? 'unknown'}\``,
    `- Client: \`${ua}\`${d?.client ? ` (${clientDetail(d.client)})` : ''}`,
    `- Recorded: ${e.startedAt}; bundle made ${new Date().toISOString()} by MiMo Inspector ${input.toolVersion}`,
    ''
  ]
  if (d?.error) {
    lines.push('## The error', '', '```', d.error.message, '```')
    if (d.error.genericMessage) lines.push('', `(outer message: \`${d.error.genericMessage}\`${d.error.wrappers.length ? `; unwrapped from ${d.error.wrappers.join(', ')}` : ''})`)
    lines.push('')
  }
  if (culprit) {
    lines.push(
      '## Why',
      '',
      `\`messages[${culprit.messageIndex}]\`${culprit.blockIndex !== null ? ` block ${culprit.blockIndex}` : ''} (in the original request) — rule ${culprit.ref} \`${culprit.rule}\`:`,
      '',
      culprit.message,
      '',
      `Fix: ${culprit.fix}`,
      '',
      ...(culprit.sources.length ? ['Sources: ' + culprit.sources.map((s) => (s.url ? `[${s.label}](${s.url})` : s.label)).join(', '), ''] : [])
    )
  } else if (d?.error) lines.push('## Why', '', 'No single message in the request was found to cause it.', '')
  const known = culprit?.knownIssues ?? []
  if (known.length) {
    // The report the agent's maintainers get names their own issue and what users do about it.
    lines.push('## Known client issue', '')
    for (const k of known) {
      lines.push(k.text, '')
      if (k.workarounds.length > 1) lines.push('Workarounds, recommended first:', '', ...k.workarounds.map((w) => `- ${w}`), '')
      lines.push('Source: ' + k.sources.map((s) => (s.url ? `[${s.label}](${s.url})` : s.label)).join(', '), '')
    }
  }
  lines.push(
    '## Run it',
    '',
    '```sh',
    'export MIMO_API_KEY=…   # your key',
    'sh curl.sh              # or: node repro.mjs (Node 18+)',
    '```',
    '',
    `Both send \`request.json\` byte for byte to ${t.origin}; set \`MIMO_BASE_URL\` to send it elsewhere.`,
    '',
    '## Files',
    '',
    input.minimalBody
      ? `- \`request.json\`: the minimized request (${sizes.minimal.toLocaleString('en-US')} bytes), byte for byte as the minimizer sent it and saw it fail; \`request.pretty.json\` is the same request indented for reading`
      : `- \`request.json\`: the original request (${sizes.minimal.toLocaleString('en-US')} bytes)`,
    sizes.agent != null
      ? `- \`request.original.json\`: the request as it went upstream (${sizes.original.toLocaleString('en-US')} bytes), changed on the way by this inspector (a repair rule or a breakpoint edit) from \`request.agent.json\`, the agent's own (${sizes.agent.toLocaleString('en-US')} bytes)`
      : `- \`request.original.json\`: the request as the agent sent it (${sizes.original.toLocaleString('en-US')} bytes)`,
    '- `response.json`: status, headers and body as received',
    `- \`conversation.har\`: ${harLine(har)}, for any HAR viewer`,
    '- `curl.sh`, `repro.mjs`: run it',
    ''
  )
  if (input.minimalBody) {
    lines.push(
      '## What the minimizer removed',
      '',
      input.minimizedBy === 'predicted'
        ? 'Minimized offline against the diagnosis rules ("predicted"): run it once to confirm it fails the same way.'
        : 'Minimized against the real endpoint: every step was checked to fail the same way.',
      '',
      ...input.removed.map((r) => `- ${r}`),
      ''
    )
  }
  lines.push('Secrets (keys, tokens, cookies) were removed from every file of this bundle.', '')
  return lines.join('\n')
}

function harLine(har: HarSummary | undefined): string {
  if (!har) return 'the conversation'
  const n = (k: number, word: string, words = `${word}s`): string => `${k.toLocaleString('en-US')} ${k === 1 ? word : words}`
  const parts = [`every exchange of the conversation (${n(har.entries, 'exchange')}${har.replays ? `, of which ${n(har.replays, 'replay')} sent from the editor, marked \`_replayOf\`` : ''})`]
  parts.push(har.cut ? `bodies cut in ${n(har.cut, 'entry', 'entries')} to keep it under ${capText(har.capBytes)} (each cut entry's comment says how much was kept)` : `all bodies whole (under ${capText(har.capBytes)})`)
  return parts.join('; ')
}

function safeModel(body: string): string | null {
  try {
    const m = (JSON.parse(body) as { model?: unknown }).model
    return typeof m === 'string' ? m : null
  } catch {
    return null
  }
}
