// MiMo error bodies (docs/wire-formats.md W1: `code` is a string, the useful text is in `param`) and how they are sent.
import type { ServerResponse } from 'node:http'

export interface MimoErrorBody {
  error: { code: string; message: string; param?: string; type: string }
}

/** The R02 text is verbatim from the reports (forgecode#3347, hermes-studio#679); same on both paths. */
export const REASONING_PASSBACK_PARAM = 'The reasoning_content in the thinking mode must be passed back to the API.'

export function paramIncorrect(param: string): MimoErrorBody {
  return { error: { code: '400', message: 'Param Incorrect', param, type: '' } }
}

/** R30's body as the reports give it (docs/rules.md R30; message/param/type from the 401 reports). */
export function invalidKey(): MimoErrorBody {
  return { error: { code: '401', message: 'Invalid API Key', param: 'Please provide valid API Key', type: 'invalid_key' } }
}

/** Not verbatim: MiMo's 404 body was not captured; this follows the W1 shape. */
export function notFound(path: string): MimoErrorBody {
  return { error: { code: '404', message: 'Not Found', param: `No route for ${path}`, type: '' } }
}

/** Bodies for scripted failures. 429 and 403 are verbatim from R31/R33; the others are plausible, not verbatim. */
export function failureBody(status: 429 | 500 | 503 | 421 | 402 | 403): MimoErrorBody {
  switch (status) {
    case 429:
      return { error: { code: '429', message: 'Too many requests', type: 'limitation' } }
    case 403:
      return { error: { code: '403', message: 'Illegal access', type: 'illegal_access' } }
    case 402:
      return { error: { code: '402', message: 'Insufficient account balance', param: '', type: '' } }
    case 421:
      return { error: { code: '421', message: 'Content Filter', param: 'Content moderation and blocking', type: '' } }
    case 500:
      return { error: { code: '500', message: 'Internal Server Error', param: '', type: '' } }
    case 503:
      return { error: { code: '503', message: 'Service Unavailable', param: 'The server is overloaded', type: '' } }
  }
}

/**
 * Sends an error. With `sse` the body is the single line `data:{...}` (no space, no event line, no [DONE],
 * no trailing newline) as text/event-stream, which is what W2 reports for streamed requests.
 */
export function sendError(
  res: ServerResponse,
  status: number,
  body: MimoErrorBody,
  sse: boolean,
  extraHeaders: Record<string, string> = {}
): void {
  const json = JSON.stringify(body)
  const payload = sse ? `data:${json}` : json
  res.writeHead(status, {
    'content-type': sse ? 'text/event-stream' : 'application/json',
    'content-length': Buffer.byteLength(payload),
    ...extraHeaders
  })
  res.end(payload)
}
