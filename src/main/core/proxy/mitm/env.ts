// The lines that route an agent through the forward proxy and make it trust the inspector's CA.
import type { EnvVar } from '../env-lines'
import { DEFAULT_CAPTURE_HOSTS, onCaptureList } from './capture-list'

const LOCAL_HOSTS = ['localhost', '127.0.0.1']

/**
 * NO_PROXY sends local addresses direct, except one on the capture list: a NO_PROXY entry would send its
 * traffic past the inspector and nothing would be recorded. With every local host captured, the line clears
 * NO_PROXY (an empty value), so one already set in the shell cannot bypass the capture either.
 */
export function noProxyVar(captureHosts: readonly string[]): EnvVar {
  const captured = LOCAL_HOSTS.filter((h) => onCaptureList(captureHosts, h))
  const direct = LOCAL_HOSTS.filter((h) => !captured.includes(h))
  const label = captured.length === 0 ? 'Local addresses go direct' : direct.length > 0 ? `Local addresses go direct, but not ${captured.join(' or ')}: on the capture list, it must go through the inspector` : `Nothing goes direct: ${captured.join(' and ')} are on the capture list (this clears a NO_PROXY already set)`
  return { label, name: 'NO_PROXY', value: direct.join(',') }
}

export function proxyEnvVars(proxyUrl: string, caPath: string, bundlePath: string, captureHosts: readonly string[] = DEFAULT_CAPTURE_HOSTS): EnvVar[] {
  return [
    { label: 'Send HTTPS through the inspector (only capture-list hosts are decrypted; the rest is tunnelled as is)', name: 'HTTPS_PROXY', value: proxyUrl },
    { label: 'Plain-HTTP requests too', name: 'HTTP_PROXY', value: proxyUrl },
    noProxyVar(captureHosts),
    { label: "Node agents (Claude Code, OpenCode, ...): trust the inspector's CA on top of the built-in roots", name: 'NODE_EXTRA_CA_CERTS', value: caPath },
    { label: "Node's own fetch ignores HTTPS_PROXY without this (honoured by Node 22.21+ and 24.5+)", name: 'NODE_USE_ENV_PROXY', value: '1' },
    { label: "OpenSSL-based tools (Python, Rust, Go on Linux): the system roots plus the inspector's CA", name: 'SSL_CERT_FILE', value: bundlePath },
    { label: 'curl', name: 'CURL_CA_BUNDLE', value: bundlePath },
    { label: 'Python requests / httpx', name: 'REQUESTS_CA_BUNDLE', value: bundlePath }
  ]
}
