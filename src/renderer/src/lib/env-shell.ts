// The setup panel's env lines (`NAME=value`, as the core gives them) in a shell's own syntax, for one paste.
// Mirrors the CLI's `env --shell`: bash/zsh `export K='v'`, fish `set -gx K v`, PowerShell `$env:K = "v"`.

export type Shell = 'bash' | 'fish' | 'powershell'

export const SHELLS: Array<{ id: Shell; label: string }> = [
  { id: 'bash', label: 'bash / zsh' },
  { id: 'fish', label: 'fish' },
  { id: 'powershell', label: 'PowerShell' }
]

export interface EnvVar {
  name: string
  value: string
}

/** `NAME=value`, `export NAME=value` or `export NAME='value'` → the variable; null for anything else. */
export function parseEnvLine(line: string): EnvVar | null {
  const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line)
  if (!m) return null
  let value = m[2].trim()
  if (value.length >= 2 && ((value.startsWith("'") && value.endsWith("'")) || (value.startsWith('"') && value.endsWith('"')))) {
    value = value.slice(1, -1).replace(/'\\''/g, "'")
  }
  return { name: m[1], value }
}

const PLAIN = /^[A-Za-z0-9_./:@%+=,-]+$/

function posixQuote(value: string): string {
  return PLAIN.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`
}

export function formatVar(v: EnvVar, shell: Shell): string {
  if (shell === 'fish') return `set -gx ${v.name} ${posixQuote(v.value)}`
  if (shell === 'powershell') return `$env:${v.name} = "${v.value.replace(/[`"$]/g, (c) => '`' + c)}"`
  return `export ${v.name}=${posixQuote(v.value)}`
}

/** All lines as one snippet; lines that are not assignments are kept as they are. */
export function envSnippet(lines: readonly string[], shell: Shell): string {
  return lines
    .map((line) => {
      const v = parseEnvLine(line)
      return v ? formatVar(v, shell) : line
    })
    .join('\n')
}
