// The CA folder: created once with a private key only the user can read, reused across starts, reported (not
// replaced) when damaged, and regenerated on request so leaves from the old CA stop verifying.
import { execFile } from 'node:child_process'
import { X509Certificate } from 'node:crypto'
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { isIP } from 'node:net'
import type { Duplex } from 'node:stream'
import tls from 'node:tls'
import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_TIMEOUTS } from '../../../src/main/core/proxy/forward'
import { CaError, caPaths, MitmProxy, proxyEnvVars } from '../../../src/main/core/proxy/mitm'
import { PortInUseError } from '../../../src/main/core/proxy/reverse-proxy'
import { connectTunnel, startMitm, startRecorder, tempDir, type MitmSetup } from './fixture'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

async function started(dataDir?: string, extra = {}): Promise<MitmSetup> {
  const m = await startMitm([], { ...(dataDir ? { dataDir } : {}), ...extra })
  cleanups.push(() => m.close())
  return m
}

function handshake(socket: Duplex, ca: string, name: string): Promise<tls.TLSSocket> {
  return new Promise((resolve, reject) => {
    // An IP address is checked against the certificate but never sent as SNI.
    const s = tls.connect({ socket, ca, ...(isIP(name) ? { host: name } : { servername: name }) }, () => resolve(s))
    s.once('error', reject)
  })
}

async function leafVia(m: MitmSetup, ca: string, host = 'api.mimo.test'): Promise<X509Certificate> {
  const s = await handshake(await connectTunnel(m.port, `${host}:443`), ca, host)
  const cert = s.getPeerX509Certificate()!
  s.destroy()
  return cert
}

describe('the CA', () => {
  it('is created with a readable certificate and a 0600 private key', async () => {
    const m = await started()
    const paths = caPaths(m.dataDir)
    expect(m.proxy.caCertPath).toBe(paths.cert)
    expect(statSync(paths.key).mode & 0o777).toBe(0o600)
    expect(statSync(paths.leafKey).mode & 0o777).toBe(0o600)
    expect(statSync(paths.cert).mode & 0o444).toBe(0o444)
    const ca = new X509Certificate(m.ourCa)
    expect(ca.ca).toBe(true)
    expect(ca.subject).toMatch(/MiMo Inspector/)
    // The bundle has the system roots and ours.
    const bundle = readFileSync(m.proxy.bundlePath, 'utf8')
    expect(bundle.endsWith(m.ourCa)).toBe(true)
    expect(bundle.split('BEGIN CERTIFICATE').length).toBeGreaterThan(20)
  })

  it('is reused by the next start on the same data folder', async () => {
    const first = await started()
    await first.close()
    const second = await started(first.dataDir)
    expect(second.ourCa).toBe(first.ourCa)
    expect((await leafVia(second, second.ourCa)).verify(new X509Certificate(first.ourCa).publicKey)).toBe(true)
  })

  it('reports damaged files with the fix instead of replacing them', async () => {
    const dataDir = tempDir()
    const probe = await started(dataDir)
    await probe.close()
    writeFileSync(caPaths(dataDir).cert, '-----BEGIN CERTIFICATE-----\nnot a certificate\n-----END CERTIFICATE-----\n')
    const rec = startRecorder(tempDir())
    cleanups.push(() => rec.close())
    const proxy = new MitmProxy({ host: '127.0.0.1', port: 0, dataDir, recorder: rec.recorder, captureHosts: ['*.mimo.test'], timeouts: DEFAULT_TIMEOUTS })
    const err = await proxy.listen().catch((e: unknown) => e)
    expect(err).toBeInstanceOf(CaError)
    expect((err as Error).message).toContain(`delete ${caPaths(dataDir).dir} to regenerate`)
    expect(readFileSync(caPaths(dataDir).cert, 'utf8')).toMatch(/not a certificate/)
  })

  it('regenerated: old leaves no longer verify and clients trusting only the old CA are refused', async () => {
    const m = await started()
    const oldCa = m.ourCa
    const oldLeaf = await leafVia(m, oldCa)
    expect(oldLeaf.verify(new X509Certificate(oldCa).publicKey)).toBe(true)

    await m.proxy.regenerateCa()
    const newCa = readFileSync(m.proxy.caCertPath, 'utf8')
    expect(newCa).not.toBe(oldCa)
    const newCaCert = new X509Certificate(newCa)
    expect(oldLeaf.verify(newCaCert.publicKey)).toBe(false)
    expect(oldLeaf.checkIssued(newCaCert)).toBe(false)
    expect(statSync(caPaths(m.dataDir).key).mode & 0o777).toBe(0o600)

    await expect(leafVia(m, oldCa)).rejects.toThrow(/certificate/i)
    const newLeaf = await leafVia(m, newCa)
    expect(newLeaf.verify(newCaCert.publicKey)).toBe(true)
  })

  it('tells the app when a client refuses our certificate', async () => {
    const refused: string[] = []
    const m = await started(undefined, { onClientTlsError: (host: string) => refused.push(host) })
    // Node hangs up after the handshake; curl/OpenSSL send an alert. Both are reported, once.
    await expect(handshake(await connectTunnel(m.port, 'api.mimo.test:443'), '', 'api.mimo.test')).rejects.toThrow(/certificate/)
    await expect.poll(() => refused).toEqual(['api.mimo.test'])
    const curl = await new Promise<boolean>((resolve) => execFile('curl', ['--version'], (err) => resolve(!err)))
    if (curl) {
      await new Promise<void>((resolve) => execFile('curl', ['-sS', '--proxy', `http://127.0.0.1:${m.port}`, 'https://api.mimo.test/'], () => resolve()))
      await expect.poll(() => refused.length).toBe(2)
    }
  })

  it('makes leaves for IP addresses with an IP subjectAltName', async () => {
    const m = await started(undefined, { captureHosts: ['127.0.0.1:9'] })
    const s = await handshake(await connectTunnel(m.port, '127.0.0.1:9'), m.ourCa, '127.0.0.1')
    expect(s.getPeerX509Certificate()!.subjectAltName).toBe('IP Address:127.0.0.1')
    s.destroy()
  })
})

describe('listening', () => {
  it('a taken port is a PortInUseError naming --mitm-port', async () => {
    const a = await started()
    const err = await started(undefined, { port: a.port }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(PortInUseError)
    expect((err as Error).message).toContain('--mitm-port')
  })
})

describe('proxyEnvVars', () => {
  it('gives the proxy, the CA for Node and the bundle for everything else', () => {
    const vars = Object.fromEntries(proxyEnvVars('http://127.0.0.1:8789', '/d/ca/ca.pem', '/d/ca/bundle.pem').map((v) => [v.name, v.value]))
    expect(vars).toEqual({
      HTTPS_PROXY: 'http://127.0.0.1:8789',
      HTTP_PROXY: 'http://127.0.0.1:8789',
      NO_PROXY: 'localhost,127.0.0.1',
      NODE_EXTRA_CA_CERTS: '/d/ca/ca.pem',
      NODE_USE_ENV_PROXY: '1',
      SSL_CERT_FILE: '/d/ca/bundle.pem',
      CURL_CA_BUNDLE: '/d/ca/bundle.pem',
      REQUESTS_CA_BUNDLE: '/d/ca/bundle.pem'
    })
  })
})
