import { describe, expect, it } from 'vitest'
import { captureMatcher, exactHosts, onCaptureList, parseAuthority } from '../../../src/main/core/proxy/mitm/capture-list'
import { noProxyVar } from '../../../src/main/core/proxy/mitm/env'
import { Inspector } from '../../../src/main/core/inspector'
import { tempDir } from './fixture'
import { CaptureListError, DEFAULT_CAPTURE_HOSTS, parseCaptureList } from '../../../src/main/core/proxy/mitm'

describe('capture list', () => {
  it('the default takes every xiaomimimo.com subdomain on any port, and nothing else', () => {
    const m = captureMatcher(DEFAULT_CAPTURE_HOSTS)
    expect(m('api.xiaomimimo.com', 443)).toBe(true)
    expect(m('token-plan-cn.xiaomimimo.com', 443)).toBe(true)
    expect(m('API.XiaomiMimo.com.', 8443)).toBe(true)
    expect(m('xiaomimimo.com', 443)).toBe(false)
    expect(m('evilxiaomimimo.com', 443)).toBe(false)
    expect(m('api.anthropic.com', 443)).toBe(false)
  })

  it('exact hosts match any port; host:port only that port; IPv6 in brackets', () => {
    const m = captureMatcher(['llm.example.com', '127.0.0.1:9000', '[::1]:443'])
    expect(m('llm.example.com', 443)).toBe(true)
    expect(m('llm.example.com', 8443)).toBe(true)
    expect(m('127.0.0.1', 9000)).toBe(true)
    expect(m('127.0.0.1', 9001)).toBe(false)
    expect(m('::1', 443)).toBe(true)
    expect(exactHosts(['*.a.com', 'b.com', 'b.com:8443', '127.0.0.1:9'])).toEqual(['b.com', '127.0.0.1'])
  })

  it('parses a --capture value and rejects what is not a pattern', () => {
    expect(parseCaptureList('*.xiaomimimo.com, api.other.dev  127.0.0.1:9000')).toEqual(['*.xiaomimimo.com', 'api.other.dev', '127.0.0.1:9000'])
    expect(captureMatcher(parseCaptureList('https://api.other.dev/v1'))('api.other.dev', 443)).toBe(true)
    for (const bad of ['*', '*.com', 'a b:99999', 'host:0', '[zz]:1']) expect(() => parseCaptureList([bad])).toThrow(CaptureListError)
  })

  it('reads CONNECT authorities', () => {
    expect(parseAuthority('API.x.com:443')).toEqual({ host: 'api.x.com', port: 443 })
    expect(parseAuthority('[2001:db8::1]:8443')).toEqual({ host: '2001:db8::1', port: 8443 })
    expect(parseAuthority('api.x.com')).toBeNull()
    expect(parseAuthority('a/b:443')).toBeNull()
  })
})

describe('NO_PROXY never names a captured host', () => {
  it('keeps local hosts direct unless the capture list names them, and clears NO_PROXY when it names all', () => {
    expect(noProxyVar(DEFAULT_CAPTURE_HOSTS)).toMatchObject({ name: 'NO_PROXY', value: 'localhost,127.0.0.1', label: 'Local addresses go direct' })
    expect(noProxyVar(['*.xiaomimimo.com', 'localhost:9100']).value).toBe('127.0.0.1')
    expect(noProxyVar(['localhost:9100']).label).toMatch(/not localhost: on the capture list/)
    expect(noProxyVar(['127.0.0.1:9100', 'localhost'])).toMatchObject({ value: '', label: expect.stringMatching(/clears a NO_PROXY/) })
    // A wildcard names subdomains only, never the bare name.
    expect(onCaptureList(['*.local.test'], 'local.test')).toBe(false)
    expect(onCaptureList(['*.local.test'], 'a.local.test')).toBe(true)
  })

  it('the app shows the same lines: the running forward proxy leaves its captured local host out', async () => {
    const dataDir = tempDir()
    const inspector = await Inspector.start({ dataDir, version: 'test', shell: 'web', proxyPort: 0, mitmPort: 0, captureHosts: ['*.xiaomimimo.com', '127.0.0.1:9100'] })
    try {
      const lines = inspector.proxyStatus().mitm!.envLines.map((l) => l.line)
      expect(lines).toContain('NO_PROXY=localhost')
      expect(lines.some((l) => /^NO_PROXY=.*127\.0\.0\.1/.test(l))).toBe(false)
    } finally {
      await inspector.close()
    }
  })
})
