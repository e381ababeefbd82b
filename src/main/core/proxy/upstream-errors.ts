// Turns a socket-level failure into words a user can act on, and into the body the client receives.
export type UpstreamFailureKind = 'dns' | 'refused' | 'tls' | 'timeout' | 'reset' | 'other'

export interface UpstreamFailure {
  kind: UpstreamFailureKind
  code: string
  message: string
  status: 502 | 504
}

export function describeUpstreamError(err: NodeJS.ErrnoException, target: URL): UpstreamFailure {
  const code = err.code ?? 'UNKNOWN'
  const where = `${target.protocol}//${target.host}`
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return { kind: 'dns', code, status: 502, message: `DNS lookup for ${target.hostname} failed (${code}); check the upstream URL and your network` }
  }
  if (code === 'ECONNREFUSED') {
    return { kind: 'refused', code, status: 502, message: `${where} refused the connection (ECONNREFUSED); is the upstream running?` }
  }
  if (code === 'ETIMEDOUT' || code === 'INSPECTOR_TIMEOUT') {
    return { kind: 'timeout', code, status: 504, message: `${where} did not answer in time: ${err.message}` }
  }
  if (code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL') || code.includes('CERT') || code === 'EPROTO' || /certificate|SSL|TLS/i.test(err.message)) {
    return { kind: 'tls', code, status: 502, message: `TLS handshake with ${where} failed (${code}): ${err.message}` }
  }
  if (code === 'ECONNRESET' || code === 'EPIPE') {
    return { kind: 'reset', code, status: 502, message: `${where} closed the connection (${code})` }
  }
  return { kind: 'other', code, status: 502, message: `request to ${where} failed (${code}): ${err.message}` }
}

/** Shaped like an Anthropic error so SDKs show the message; `inspector` says it came from us, not MiMo. */
export function failureBody(failure: UpstreamFailure, target: URL): string {
  return JSON.stringify({
    type: 'error',
    error: { type: `upstream_${failure.kind}`, message: `MiMo Inspector: ${failure.message}` },
    inspector: { code: failure.code, upstream: target.origin }
  })
}

export class TimeoutError extends Error {
  code = 'INSPECTOR_TIMEOUT'
}
