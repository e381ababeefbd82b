// Auth, quota and filter rules: R30, R31, R32. None of them is a message's fault, so none gives a culprit.
import { describe, expect, it } from 'vitest'
import { authKeyGatewayMismatch } from '../../../src/main/core/diagnose/rules/r30-auth-key-gateway-mismatch'
import { rateOrQuota } from '../../../src/main/core/diagnose/rules/r31-rate-or-quota'
import { contentFilter } from '../../../src/main/core/diagnose/rules/r32-content-filter'
import { anthropicBody, ctx, openaiBody, run, user } from './helpers'

const MIMO_401 = '{"error":{"message":"Invalid API Key","param":"Please provide valid API Key","code":"401","type":"invalid_key"}}'
const MIMO_429 = '{"error":{"code":"429","message":"Too many requests","type":"limitation"}}'
const body = openaiBody([user('hi')])

describe('R30 key and gateway', () => {
  it('a tp- key on the pay-as-you-go host, or an sk- key on Token Plan, is an error even as a lint', () => {
    expect(authKeyGatewayMismatch(ctx('openai', body, { keyPrefix: 'tp-', upstreamHost: 'api.xiaomimimo.com' }))).toMatchObject([
      { ref: 'R30', severity: 'error', messageIndex: null, fixIds: ['use-matching-base-url'] }
    ])
    expect(authKeyGatewayMismatch(ctx('anthropic', anthropicBody([user('hi')]), { keyPrefix: 'sk-', upstreamHost: 'token-plan-cn.xiaomimimo.com' }))).toMatchObject([{ severity: 'error' }])
    expect(authKeyGatewayMismatch(ctx('openai', body, { keyPrefix: 'sk-', upstreamHost: 'api.xiaomimimo.com' }))).toEqual([])
    expect(authKeyGatewayMismatch(ctx('openai', body, { keyPrefix: 'tp-', upstreamHost: 'token-plan-sgp.xiaomimimo.com' }))).toEqual([])
  })

  it('a 401 on a matching pair hints at the cluster binding of Token Plan keys', () => {
    const found = authKeyGatewayMismatch(ctx('openai', body, { status: 401, keyPrefix: 'tp-', upstreamHost: 'token-plan-ams.xiaomimimo.com' }))
    expect(found).toMatchObject([{ severity: 'warning' }])
    expect(found[0].message).toContain('cluster')
  })

  it('diagnose: a MiMo 401 explains itself but points at no message', () => {
    const d = run('openai', body, { status: 401, responseText: MIMO_401, keyPrefix: 'tp-', upstreamHost: 'api.xiaomimimo.com' })
    expect(d.error).toMatchObject({ message: 'Invalid API Key', genericMessage: 'Please provide valid API Key' })
    expect(d.findings[0]).toMatchObject({ ref: 'R30', severity: 'error', matchesError: true })
    expect(d.culprit).toBeNull()
    const bare = run('openai', body, { status: 401, responseText: MIMO_401 })
    expect(bare.findings).toMatchObject([{ ref: 'R30', severity: 'warning', matchesError: true }])
    expect(bare.culprit).toBeNull()
  })
})

describe('R31 rate or quota', () => {
  it('explains a 429 (and the 402 Token Plan burst), only when the status says so', () => {
    expect(rateOrQuota(ctx('openai', body, { status: 429, upstreamHost: 'token-plan-cn.xiaomimimo.com' }))[0].message).toContain('Token Plan quota')
    expect(rateOrQuota(ctx('openai', body))).toEqual([])
    const d = run('anthropic', anthropicBody([user('hi')]), { status: 429, responseText: MIMO_429 })
    expect(d.findings).toMatchObject([{ ref: 'R31', matchesError: true }])
    expect(d.culprit).toBeNull()
    const funds = run('anthropic', anthropicBody([user('hi')]), { status: 402, responseText: '{"type":"server_error","message":"Upstream request failed: Insufficient account funds"}' })
    expect(funds.findings).toMatchObject([{ ref: 'R31', matchesError: true }])
  })
})

describe('R32 content filter', () => {
  it('names the filter for a 421 and nothing else', () => {
    expect(contentFilter(ctx('openai', body, { status: 421 }))).toMatchObject([{ ref: 'R32', severity: 'error' }])
    expect(contentFilter(ctx('openai', body, { status: 400 }))).toEqual([])
    expect(run('openai', body, { status: 421, responseText: '' }).culprit).toBeNull()
  })
})
