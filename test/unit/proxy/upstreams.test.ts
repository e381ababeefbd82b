import { describe, expect, it } from 'vitest'
import { BadUpstreamError, resolveUpstream, upstreamUrl } from '../../../src/main/core/proxy/upstreams'
import { forwardableHeaders } from '../../../src/main/core/proxy/hop-headers'

describe('upstream mapping', () => {
  it('keeps the profile path prefix and the client path and query', () => {
    const custom = resolveUpstream('http://127.0.0.1:9000/prefix/')
    expect(upstreamUrl(custom, '/anthropic/v1/messages?beta=true').href).toBe('http://127.0.0.1:9000/prefix/anthropic/v1/messages?beta=true')
    expect(upstreamUrl(resolveUpstream('mimo-token-plan'), '/v1/chat/completions').href).toBe('https://token-plan-cn.xiaomimimo.com/v1/chat/completions')
    expect(upstreamUrl(resolveUpstream('mimo'), '/anthropic/v1/messages').href).toBe('https://api.xiaomimimo.com/anthropic/v1/messages')
  })

  it('says what is wrong with a bad upstream', () => {
    expect(() => resolveUpstream('mimo-tokenplan')).toThrow(/unknown upstream "mimo-tokenplan"/)
    expect(() => resolveUpstream('ftp://x')).toThrow(BadUpstreamError)
    expect(() => resolveUpstream('http://x/?a=1')).toThrow(/query/)
  })
})

describe('forwarded headers', () => {
  it('rewrites Host, drops hop-by-hop ones, keeps order and case of the rest', () => {
    const raw = ['Host', 'localhost:8788', 'X-Api-Key', 'k', 'Connection', 'keep-alive, X-Drop', 'X-Drop', '1', 'Accept-Encoding', 'gzip', 'anthropic-version', '2023-06-01']
    expect(forwardableHeaders(raw, 'api.xiaomimimo.com')).toEqual(['Host', 'api.xiaomimimo.com', 'X-Api-Key', 'k', 'Accept-Encoding', 'gzip', 'anthropic-version', '2023-06-01'])
  })
})
