// The lines that route an agent through the forward proxy and make it trust the inspector's CA.
import type { EnvVar } from '../env-lines'

export function proxyEnvVars(proxyUrl: string, caPath: string, bundlePath: string): EnvVar[] {
  return [
    { label: 'Send HTTPS through the inspector (only capture-list hosts are decrypted; the rest is tunnelled as is)', name: 'HTTPS_PROXY', value: proxyUrl },
    { label: 'Plain-HTTP requests too', name: 'HTTP_PROXY', value: proxyUrl },
    { label: 'Local addresses go direct', name: 'NO_PROXY', value: 'localhost,127.0.0.1' },
    { label: "Node agents (Claude Code, OpenCode, ...): trust the inspector's CA on top of the built-in roots", name: 'NODE_EXTRA_CA_CERTS', value: caPath },
    { label: "Node's own fetch ignores HTTPS_PROXY without this (honoured by Node 22.21+ and 24.5+)", name: 'NODE_USE_ENV_PROXY', value: '1' },
    { label: "OpenSSL-based tools (Python, Rust, Go on Linux): the system roots plus the inspector's CA", name: 'SSL_CERT_FILE', value: bundlePath },
    { label: 'curl', name: 'CURL_CA_BUNDLE', value: bundlePath },
    { label: 'Python requests / httpx', name: 'REQUESTS_CA_BUNDLE', value: bundlePath }
  ]
}
