// Provider detection (host, path, model, the error's own shape) and the quiet it buys: a healthy request
// gets no culprit and no warning where its provider is known to accept what it sends.
import { describe, expect, it } from 'vitest'
import { detectProvider, providerOfModel, thinksByDefault } from '../../../src/main/core/diagnose/providers'
import { unwrapError } from '../../../src/main/core/diagnose/unwrap-error'
import { anthropicBody, anthropicToolSession, call, fail, openaiBody, openaiToolSession, run, system, toolMsg, user } from './helpers'

describe('detectProvider', () => {
  it.each([
    ['api.xiaomimimo.com', 'mimo'],
    ['token-plan-cn.xiaomimimo.com', 'mimo'],
    ['token-plan-sgp.xiaomimimo.com:443', 'mimo'],
    ['api.deepseek.com', 'deepseek'],
    ['api.moonshot.cn', 'moonshot'],
    ['api.kimi.com', 'moonshot'],
    ['open.bigmodel.cn', 'zhipu'],
    ['api.z.ai', 'zhipu'],
    ['dashscope.aliyuncs.com', 'dashscope'],
    ['dashscope-intl.aliyuncs.com', 'dashscope'],
    ['api.openai.com', 'openai'],
    ['api.anthropic.com', 'anthropic'],
    ['us-east5-aiplatform.googleapis.com', 'anthropic'],
    ['openrouter.ai', 'openrouter']
  ])('host %s → %s', (host, id) => {
    expect(detectProvider({ host, model: 'whatever-model' }).id).toBe(id)
  })

  it('behind OpenRouter the rules follow the model (or the error) behind it', () => {
    expect(detectProvider({ host: 'openrouter.ai', model: 'deepseek/deepseek-v4-pro' })).toMatchObject({ id: 'openrouter', family: 'deepseek' })
    expect(detectProvider({ host: 'openrouter.ai', model: 'x/y', errorProvider: 'anthropic' })).toMatchObject({ id: 'openrouter', family: 'anthropic' })
  })

  it('a relay or tunnel: the path, then the error, then the model; nothing at all is the default MiMo upstream', () => {
    expect(detectProvider({ host: 'relay.example.com', path: '/api/paas/v4/chat/completions', model: 'gpt-4o' })).toMatchObject({ id: 'zhipu', evidence: 'path' })
    expect(detectProvider({ host: '127.0.0.1:3000', path: '/compatible-mode/v1/chat/completions' })).toMatchObject({ id: 'dashscope', evidence: 'path' })
    // Claude Code sends claude-* names to Z.ai's Anthropic endpoint: the error's wording says who answered.
    expect(detectProvider({ host: 'relay.example.com', model: 'claude-sonnet-4-5', errorProvider: 'zhipu' })).toMatchObject({ id: 'zhipu', evidence: 'error' })
    expect(detectProvider({ host: 'relay.example.com', model: 'kimi-k2.5' })).toMatchObject({ id: 'moonshot', evidence: 'model' })
    expect(detectProvider({ host: 'relay.example.com', model: 'llama-3.3-70b' })).toMatchObject({ id: 'unknown', evidence: 'none' })
    expect(detectProvider({})).toMatchObject({ id: 'mimo', evidence: 'default' })
  })

  it.each([
    ['mimo-v2.5-pro', 'mimo'],
    ['xiaomi/mimo-v2-flash:free', 'mimo'],
    ['deepseek-reasoner', 'deepseek'],
    ['moonshotai/kimi-k2.6', 'moonshot'],
    ['glm-4.7', 'zhipu'],
    ['zhipu/glm-5', 'zhipu'],
    ['qwen3-coder-plus', 'dashscope'],
    ['claude-opus-4-5', 'anthropic'],
    ['anthropic/claude-sonnet-4.5', 'anthropic'],
    ['gpt-4.1-mini', 'openai'],
    ['o3-mini', 'openai']
  ])('model %s → %s', (model, id) => {
    expect(providerOfModel(model)).toBe(id)
  })

  it('thinking by default follows the model (DeepSeek chat and Kimi K2 instruct do not think)', () => {
    expect(thinksByDefault('deepseek', 'deepseek-chat')).toBe(false)
    expect(thinksByDefault('deepseek', 'deepseek-v4-pro')).toBe(true)
    expect(thinksByDefault('moonshot', 'kimi-k2-turbo-preview')).toBe(false)
    expect(thinksByDefault('moonshot', 'kimi-k2.5')).toBe(true)
    expect(thinksByDefault('mimo', 'mimo-v2-flash')).toBe(false)
    expect(thinksByDefault('anthropic', 'claude-sonnet-4-5')).toBe(false)
  })
})

describe('the error shape names the provider and the chain', () => {
  it.each([
    ['{"error":{"code":"1214","message":"The messages parameter is illegal. Please check the documentation."}}', 'zhipu', ['Zhipu']],
    ['{"error":{"message":"<400> InternalError.Algo.InvalidParameter: Range of input length should be [1, 983616]","type":"invalid_request_error"}}', 'dashscope', ['DashScope']],
    ['litellm.BadRequestError: DeepseekException - {"error":{"message":"Messages with role \'tool\' must be a response to a preceding message with \'tool_calls\'","type":"invalid_request_error"}}', 'deepseek', ['LiteLLM', 'DeepSeek']],
    [
      '{"error":{"message":"litellm.BadRequestError: OpenAIException - Inference failed: request param validation error, Value error, message[3].content[2] has invalid field(s): text.","type":null,"param":null,"code":"400"}}',
      'zhipu',
      ['LiteLLM', 'Zhipu']
    ]
  ])('%s', (body, provider, chain) => {
    expect(unwrapError(400, body)).toMatchObject({ provider, chain })
  })
})

describe('healthy requests stay quiet where the provider accepts them', () => {
  const quiet = (protocol: 'anthropic' | 'openai', body: unknown, upstreamHost?: string): void => {
    const d = run(protocol, body, { upstreamHost })
    expect(d.findings).toEqual([])
    expect(d.culprit).toBeNull()
  }

  it('`reasoning_content: ""` on MiMo and Kimi tool turns (forgecode PR#3350, obsidian-yolo PR#243)', () => {
    quiet('openai', openaiBody(openaiToolSession(3, () => ''), { model: 'mimo-v2.5-pro' }))
    quiet('openai', openaiBody(openaiToolSession(3, () => ''), { model: 'kimi-k2.5' }), 'api.moonshot.cn')
  })

  it('…but on DeepSeek it is missing reasoning, an error (nanobot#946)', () => {
    const d = run('openai', openaiBody(openaiToolSession(2, () => ''), { model: 'deepseek-v4-pro' }), { upstreamHost: 'api.deepseek.com' })
    expect(d.findings.map((f) => [f.ref, f.severity, f.messageIndex])).toEqual([
      ['R02', 'error', 2],
      ['R02', 'error', 4]
    ])
  })

  it('sampling parameters with thinking off: no note', () => {
    quiet('openai', openaiBody([user('hi')], { model: 'deepseek-chat', temperature: 0.7 }))
    quiet('openai', openaiBody([user('hi')], { model: 'kimi-k2-turbo-preview', temperature: 0.6, top_p: 0.9 }))
    quiet('openai', openaiBody([user('hi')], { model: 'mimo-v2.5-pro', temperature: 0.3, thinking: { type: 'disabled' } }))
    quiet('openai', openaiBody([user('hi')], { model: 'qwen3-max', temperature: 0.3, enable_thinking: false }))
    quiet('openai', openaiBody([user('hi')], { model: 'qwen3-32b', temperature: 0.3, chat_template_kwargs: { enable_thinking: false } }))
    quiet('anthropic', anthropicBody([user('hi')], { model: 'claude-sonnet-4-5', temperature: 0.2 }))
  })

  it('tool sessions without reasoning where the provider does not check it (OpenAI, Zhipu, DashScope, Anthropic)', () => {
    const session = openaiToolSession(3, () => undefined)
    quiet('openai', openaiBody(session, { model: 'gpt-4.1' }), 'api.openai.com')
    quiet('openai', openaiBody(session, { model: 'glm-4.7', thinking: { type: 'enabled' } }), 'open.bigmodel.cn')
    quiet('openai', openaiBody(session, { model: 'qwen3-max', enable_thinking: true }), 'dashscope.aliyuncs.com')
    quiet('anthropic', anthropicBody(anthropicToolSession(2, () => false), { model: 'claude-sonnet-4-5' }), 'api.anthropic.com')
  })

  it('an error about a parameter outside `messages` blames no message', () => {
    const body = openaiBody([system('s'), user('go'), { role: 'assistant', content: '', tool_calls: [call('c1')] }, toolMsg('c1'), user('and?')], { model: 'gpt-4.1' })
    const d = fail('openai', body, '{"error":{"message":"Missing required parameter: \'tools[0].name\'.","type":"invalid_request_error","param":"tools[0].name","code":"missing_required_parameter"}}')
    expect(d.error?.names?.parameter).toBe('tools[0].name')
    expect(d.culprit).toBeNull()
  })

  it('the diagnosis says who answered and how it knows', () => {
    const d = run('openai', openaiBody([user('hi')], { model: 'glm-4.7' }), { upstreamHost: 'open.bigmodel.cn' })
    expect(d.provider).toEqual({ id: 'zhipu', family: 'zhipu', evidence: 'host' })
  })
})

describe('the error is evidence of thinking', () => {
  it("Kimi's and DeepSeek's thinking errors find the turn even where the model would not think by default", () => {
    const kimi = openaiBody(openaiToolSession(2, (k) => (k === 1 ? undefined : 'p')), { model: 'kimi-k2-turbo-preview', thinking: { type: 'disabled' } })
    const said = '{"error":{"message":"thinking is enabled but reasoning_content is missing in assistant tool call message at index 4","type":"invalid_request_error"}}'
    expect(fail('openai', kimi, said).culprit).toEqual({ messageIndex: 4, blockIndex: null, rule: 'compat.reasoning-passback-missing' })
    const deepseek = anthropicBody(anthropicToolSession(2, (k) => k !== 1), { model: 'deepseek-chat' })
    const thinkingText = '{"error":{"message":"The `content[].thinking` in the thinking mode must be passed back to the API.","type":"invalid_request_error"}}'
    expect(fail('anthropic', deepseek, thinkingText).culprit).toEqual({ messageIndex: 3, blockIndex: null, rule: 'compat.reasoning-passback-missing' })
  })
})
