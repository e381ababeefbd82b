// toggle-thinking: `thinking.type` enabled ↔ disabled, other keys (budget_tokens) kept so toggling back
// restores them. No `thinking` field means on for MiMo (deep-thinking doc), so the toggle adds disabled.
import { isRecord, type JsonRecord } from '../../protocols/json'

export function toggleThinking(body: JsonRecord): string[] {
  const thinking = body.thinking
  if (!isRecord(thinking)) {
    const was = thinking === undefined ? 'absent' : JSON.stringify(thinking)
    body.thinking = { type: 'disabled' }
    return [`thinking: ${was} → {"type":"disabled"} (MiMo thinks by default)`]
  }
  const before = thinking.type
  thinking.type = before === 'disabled' ? 'enabled' : 'disabled'
  const kept = typeof thinking.budget_tokens === 'number' ? ` (budget_tokens ${thinking.budget_tokens} kept)` : ''
  return [`thinking.type: ${JSON.stringify(before ?? null)} → "${thinking.type}"${kept}`]
}
