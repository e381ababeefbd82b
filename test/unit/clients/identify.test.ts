// Identification from real traffic: every exchange captured from a real client through the proxy, header sets
// written from the sources of clients that do not run headless here, and traffic that names no client.
import { describe, expect, it } from 'vitest'
import { identifyClient, systemPrompt } from '../../../src/main/core/clients/identify'
import { FROM_SOURCE, UNKNOWN } from '../../fixtures/clients/from-source'
import { captured, capturedFolders, headerList } from './captured'

type Expected = { name: string; version: string | null; library: string | null; via?: string }

// What each captured folder must give. HEAD connection checks (Claude Code's `HEAD /anthropic`, user-agent
// Bun/1.4.0) carry nothing that names the client and must give null.
const CAPTURED: Record<string, Expected> = {
  'claude-code': { name: 'Claude Code', version: '2.1.197', library: 'Anthropic SDK (JS) 0.94.0', via: 'user-agent' },
  'claude-code-capabilities': { name: 'Claude Code', version: '2.1.197', library: 'Anthropic SDK (JS) 0.94.0' },
  opencode: { name: 'OpenCode', version: '1.18.33', library: 'Vercel AI SDK (provider-utils) 4.0.23', via: 'user-agent' },
  'opencode-anthropic': { name: 'OpenCode', version: '1.18.33', library: 'Vercel AI SDK (provider-utils) 4.0.46' },
  // The old OpenCode names only its library: recognised from its system prompt or its title request.
  'opencode-1.0.185': { name: 'OpenCode', version: null, library: 'Vercel AI SDK (openai-compatible) 1.0.27' },
  'opencode-1.0.185-interleaved': { name: 'OpenCode', version: null, library: 'Vercel AI SDK (openai-compatible) 1.0.27' },
  'qwen-code': { name: 'Qwen Code', version: '0.24.4', library: 'OpenAI SDK (JS) 5.11.0', via: 'user-agent' },
  'qwen-code-0.15': { name: 'Qwen Code', version: '0.15.10', library: 'OpenAI SDK (JS) 5.11.0' },
  'kilo-cli': { name: 'Kilo Code', version: '7.7.7', library: 'Vercel AI SDK (provider-utils) 4.0.27', via: 'user-agent' },
  'cline-cli': { name: 'Cline', version: null, library: 'Vercel AI SDK (openai-compatible) 3.0.37', via: 'system prompt' },
  // Continue's CLI bundles the OpenAI SDK under a minified class name: user-agent `ls/JS 5.23.2`.
  'continue-cli': { name: 'Continue', version: null, library: 'OpenAI SDK (JS) 5.23.2', via: 'system prompt' },
  'continue-cli-thinking-disabled': { name: 'Continue', version: null, library: 'OpenAI SDK (JS) 5.23.2' },
  codex: { name: 'Codex', version: '0.171.0', library: null, via: 'user-agent' },
  'gemini-cli': { name: 'Gemini CLI', version: '0.61.0', library: 'Google Gen AI SDK (JS) 1.30.0', via: 'user-agent' },
  'anthropic-sdk-js': { name: 'Anthropic SDK (JS)', version: '1.14.0', library: null },
  'anthropic-sdk-python': { name: 'Anthropic SDK (Python)', version: '1.13.0', library: null },
  'openai-sdk-js': { name: 'OpenAI SDK (JS)', version: '6.49.0', library: null },
  'openai-sdk-python': { name: 'OpenAI SDK (Python)', version: '3.22.1', library: null },
  // pi-ai alone (no agent prompt): only its SDK can be named.
  'pi-ai-0.73.1': { name: 'Anthropic SDK (JS)', version: '0.91.1', library: null },
  'pi-ai-0.77.0-allow-empty-signature': { name: 'Anthropic SDK (JS)', version: '0.91.1', library: null }
}

describe('captured from real clients', () => {
  it('every captured folder has an expectation', () => {
    expect(capturedFolders()).toEqual(Object.keys(CAPTURED).sort())
  })

  for (const [folder, expected] of Object.entries(CAPTURED)) {
    it(folder, () => {
      const exchanges = captured(folder)
      expect(exchanges.length).toBeGreaterThan(0)
      for (const { file, exchange } of exchanges) {
        const got = identifyClient({ headers: headerList(exchange), body: exchange.request.body, path: exchange.request.path })
        if (exchange.request.method === 'HEAD') {
          expect(got, `${folder}/${file}`).toBeNull()
          continue
        }
        expect(got, `${folder}/${file}`).toMatchObject({ name: expected.name, version: expected.version, library: expected.library })
        if (expected.via) expect(got?.via, `${folder}/${file}`).toBe(expected.via)
      }
    })
  }

  it('the old OpenCode is named from its title request, its summary request and its main system prompt', () => {
    const vias = captured('opencode-1.0.185').map(({ exchange }) => identifyClient({ headers: headerList(exchange), body: exchange.request.body })?.via)
    expect(new Set(vias)).toEqual(new Set(['title-generation request', 'system prompt']))
  })

  it('Claude Code without its user-agent is still named, with its version, from the billing line of its system prompt', () => {
    const { exchange } = captured('claude-code').find(({ exchange }) => exchange.request.method === 'POST')!
    const headers = headerList(exchange).filter(([k]) => !/^(user-agent|x-claude-code-session-id)$/i.test(k))
    expect(identifyClient({ headers, body: exchange.request.body, path: exchange.request.path })).toMatchObject({
      name: 'Claude Code',
      version: '2.1.197',
      via: 'system prompt (cc_version)'
    })
  })

  it('OpenCode with only its library and its session header is named by x-session-id', () => {
    const { exchange } = captured('opencode')[2]
    const headers: Array<[string, string]> = headerList(exchange).map(([k, v]) => [k, k.toLowerCase() === 'user-agent' ? 'ai-sdk/openai-compatible/1.0.27 ai-sdk/provider-utils/3.0.17 runtime/bun/1.3.5' : v])
    expect(identifyClient({ headers, body: { model: 'm', messages: [{ role: 'user', content: 'hi' }] } })).toMatchObject({ name: 'OpenCode', version: null, via: 'x-session-id header' })
  })
})

describe('written from the client source', () => {
  it.each(FROM_SOURCE.map((f) => [f.name, f] as const))('%s', (_name, f) => {
    const got = identifyClient({ headers: f.headers, body: f.body, path: f.path })
    expect(got === null ? null : { name: got.name, version: got.version, library: got.library }).toEqual(f.expected)
  })
})

describe('unknown clients give null, never a guess', () => {
  it.each(UNKNOWN.map((u) => [u.name, u] as const))('%s', (_name, u) => {
    expect(identifyClient({ headers: u.headers, body: u.body, path: u.path })).toBeNull()
  })
})

describe('versions and libraries', () => {
  const ua = (value: string, extra: Array<[string, string]> = []) => identifyClient({ headers: [['User-Agent', value], ...extra], body: null, path: '/v1/chat/completions' })

  it('reads the version wherever the agent puts it', () => {
    expect(ua('claude-cli/2.1.154 (external, cli)')?.version).toBe('2.1.154')
    expect(ua('opencode/1.1.53 ai-sdk/provider-utils/3.0.20 runtime/bun/1.3.5')?.version).toBe('1.1.53')
    expect(ua('QwenCode/0.24.4 (darwin; arm64)')?.version).toBe('0.24.4')
    expect(ua('GeminiCLI/0.61.0/gemini-2.5-pro (darwin; arm64)')).toMatchObject({ name: 'Gemini CLI', version: '0.61.0' })
    expect(ua('codex_cli_rs/0.46.0 (Mac OS 15.6.1; arm64) iTerm.app/3.6.1')).toMatchObject({ name: 'Codex', version: '0.46.0' })
    expect(ua('Kilo-Code/5.7.0')).toMatchObject({ name: 'Kilo Code', version: '5.7.0' })
  })

  it('a header that names the agent without a version gives version null', () => {
    expect(identifyClient({ headers: [['X-Title', 'Roo Code']], body: null })).toMatchObject({ name: 'Roo Code', version: null, via: 'x-title header' })
    expect(identifyClient({ headers: [['x-claude-code-session-id', 'a1']], body: null })).toMatchObject({ name: 'Claude Code', version: null })
  })

  it('names the SDK language and vendor from x-stainless headers when the class name is minified', () => {
    const stainless: Array<[string, string]> = [['x-stainless-lang', 'python'], ['x-stainless-package-version', '1.2.3']]
    expect(ua('xy/Python 1.2.3', [...stainless, ['anthropic-version', '2023-06-01']])).toMatchObject({ name: 'Anthropic SDK (Python)', version: '1.2.3', via: 'x-stainless headers' })
    expect(ua('xy/Python 1.2.3', stainless)).toMatchObject({ name: 'OpenAI SDK (Python)', version: '1.2.3' })
    // Neither an Anthropic header nor an OpenAI path: the vendor is not told, so no library is named.
    expect(identifyClient({ headers: [['user-agent', 'xy/JS 1.0.0'], ['x-stainless-lang', 'js'], ['x-stainless-package-version', '1.0.0']], body: null, path: '/foo' })).toBeNull()
  })

  it('reads the system prompt in every wire format', () => {
    expect(systemPrompt({ system: [{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }] })).toBe('a\nb')
    expect(systemPrompt({ messages: [{ role: 'developer', content: [{ type: 'text', text: 'dev' }] }] })).toBe('dev')
    expect(systemPrompt({ systemInstruction: { parts: [{ text: 'gem' }] } })).toBe('gem')
    expect(systemPrompt({ instructions: '  resp' })).toBe('resp')
    expect(systemPrompt({ messages: [{ role: 'user', content: 'u' }] })).toBeNull()
    expect(systemPrompt([])).toBeNull()
  })
})
