// The lines a user pastes so an agent goes through the inspector, in each shell's syntax.
import type { EnvLine } from '../../../shared/types'

export type Shell = 'bash' | 'fish' | 'powershell'

export interface EnvVar {
  label: string
  name: string
  value: string
}

export function baseUrlVars(proxyUrl: string): EnvVar[] {
  return [
    { label: 'Claude Code, Craft Agents (custom endpoint), OpenCode and other Anthropic-format agents', name: 'ANTHROPIC_BASE_URL', value: `${proxyUrl}/anthropic` },
    { label: 'OpenAI-format clients (OpenCode, Kilo Code, Cline "OpenAI Compatible"): base URL', name: 'OPENAI_BASE_URL', value: `${proxyUrl}/v1` }
  ]
}

export function formatVar(v: EnvVar, shell: Shell): string {
  if (shell === 'fish') return `set -gx ${v.name} ${quote(v.value)}`
  if (shell === 'powershell') return `$env:${v.name} = "${v.value.replace(/"/g, '`"')}"`
  return `export ${v.name}=${quote(v.value)}`
}

export function envLines(vars: EnvVar[]): EnvLine[] {
  return vars.map((v) => ({ label: v.label, line: `${v.name}=${v.value}` }))
}

function quote(value: string): string {
  return /^[A-Za-z0-9_./:@%+=,-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`
}
