// "Fails the same way" = same status and same error fingerprint. The fingerprint keeps what names the fault
// (the unwrapped error's type and useful text: MiMo's `error.param`, the innermost message of a wrapper) and
// drops what changes as the request shrinks (indices, ids, counts, quoted user names).
//
// Normalized, in this order:
//  - the SSE framing: MiMo's streamed `data:{...}` and an Anthropic `event: error` are unwrapped by
//    unwrapError, so a streamed and a non-streamed copy of one error give ONE fingerprint;
//  - uuids → `<uuid>`; ids with a known prefix and a digit after it (toolu_01…, srvtoolu_…, call_…, req_…,
//    msg_…, resp_…, fc_…, chatcmpl-…) → `<id>`; hex runs of 8+ holding a digit and a letter → `<hex>`
//    (DeepSeek's `[trace_id=…]`);
//  - text in '…', "…", ‘…’ or “…” (up to 200 chars; an apostrophe inside a word does not open a quote) →
//    `'<q>'`: tool names and user values. `Backtick` names are kept: providers quote field names that way,
//    and `text` is not present is another fault than `content` is not present;
//  - every number standing alone (not glued to letters: `v2` stays) → `N`, so `messages.12.content.3` →
//    `messages.N.content.N`, `messages[12]` → `messages[N]`, `at index 7` → `at index N`, `32000 > 8192` → `N > N`;
//  - runs of whitespace → one space, trimmed.
import { unwrapError } from '../../diagnose/unwrap-error'

/** A 2xx/3xx with no error inside. */
export const OK_FINGERPRINT = 'ok'

export function errorFingerprint(status: number | null, bodyText: string | null, contentType?: string | null): string {
  const error = unwrapError(status, bodyText, contentType)
  if (error === null) return status === null ? 'none' : OK_FINGERPRINT
  return `${status ?? 'none'} | ${error.type ?? '-'} | ${normalizeErrorText(error.message)}`
}

export function normalizeErrorText(text: string): string {
  return text
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<uuid>')
    .replace(/\b(?:(?:srvtoolu|toolu|call|req|msg|resp|fc)_|chatcmpl-)(?=[A-Za-z0-9_-]*\d)[A-Za-z0-9_-]+/g, '<id>')
    .replace(/\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{8,}\b/gi, '<hex>')
    // A quote opens after a non-word character, so the apostrophe in "model's" is left alone.
    .replace(/(?<!\w)(?:'[^'\n]{1,200}'|"[^"\n]{1,200}"|‘[^’\n]{1,200}’|“[^”\n]{1,200}”)(?!\w)/g, "'<q>'")
    .replace(/\b\d+\b/g, 'N')
    .replace(/\s+/g, ' ')
    .trim()
}
