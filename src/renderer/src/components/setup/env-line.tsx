import type { EnvLine as EnvLineData } from '@shared/types'
import { CopyButton } from '../shared/copy-button'
import './setup.css'

/** One sentence on what a line does, from the variable it sets. */
export function explainEnvLine(line: string): string | null {
  if (/ANTHROPIC_BASE_URL/.test(line))
    return 'Anthropic format (/anthropic/v1/messages): Claude Code and Craft Agents pick it up when started from this shell.'
  if (/OPENAI_(?:API_)?BASE(?:_URL)?/.test(line))
    return 'OpenAI format (/v1/chat/completions): use it as the provider base URL in OpenCode, Kilo Code or Cline.'
  if (/NODE_EXTRA_CA_CERTS/.test(line)) return "Lets Node-based agents trust the inspector's local CA for intercepted hosts."
  if (/NODE_USE_ENV_PROXY/.test(line)) return "Makes Node's built-in fetch honour HTTPS_PROXY."
  if (/NO_PROXY/i.test(line)) return 'Keeps local traffic off the proxy.'
  if (/HTTPS?_PROXY/i.test(line))
    return 'Forward proxy: MiMo hosts are recorded, every other host is tunnelled untouched.'
  return null
}

export function EnvLine({ env, testId = 'env-line', explain = true }: { env: EnvLineData; testId?: string; explain?: boolean }) {
  const explanation = explain ? explainEnvLine(env.line) : null
  return (
    <li className="env-line" data-testid={testId}>
      <div className="env-line-head">
        <span className="env-label">{env.label}</span>
        {explanation && <span className="env-explain">{explanation}</span>}
      </div>
      <div className="env-line-body">
        <code className="env-code mono">{env.line}</code>{' '}
        <CopyButton text={env.line} testId={`${testId}-copy`} />
      </div>
    </li>
  )
}
