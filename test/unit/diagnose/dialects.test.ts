// Every row of the dialect table, with its real sample as the response to a request built around it: the
// sample is read as that row, and the culprit (message, block, rule) is the one the wording points at.
// Adding a row without a scenario here fails the first test.
import { describe, expect, it } from 'vitest'
import { ERROR_DIALECTS, WRAPPER_DIALECTS } from '../../../src/main/core/diagnose/dialects'
import { diagnose } from '../../../src/main/core/diagnose/diagnose'
import { unwrapError } from '../../../src/main/core/diagnose/unwrap-error'
import { anthropicBody, anthropicToolSession, assistant, call, openaiBody, openaiToolSession, system, text, thinking, toolMsg, toolResult, toolUse, user } from './helpers'

type Msg = Record<string, unknown>
type Expected = { message: number; block: number | null; rule: string } | null

interface Scenario {
  protocol: 'anthropic' | 'openai'
  body: Msg
  status?: number
  expect: Expected
}

const R02 = 'compat.reasoning-passback-missing'
const R17 = 'anthropic.tool-use-without-result'
const R18 = 'anthropic.tool-result-without-use'
const R23 = 'anthropic.empty-text-block'
const R29 = 'compat.unsupported-block-type'
const AT = 'error.location'
const CLAUDE = { model: 'claude-sonnet-4-5', thinking: { type: 'enabled', budget_tokens: 2048 }, max_tokens: 8192 }

const at = (message: number, block: number | null, rule: string): Expected => ({ message, block, rule })
const said = (t: string): Msg => ({ role: 'assistant', content: t })
const oa = (extra: Msg): Msg => ({ role: 'assistant', content: '', ...extra })
const part = (type: string): Msg => (type === 'text' ? { type, text: 'see' } : { type, [type]: { url: 'https://example.com/a.png' } })

/** OpenAI: a system prompt, then plain user/assistant turns until `n` messages. */
function chatTo(n: number): Msg[] {
  const out: Msg[] = [system('You are terse.')]
  while (out.length < n) out.push(out.length % 2 === 1 ? user('next?') : said('ok'))
  return out
}

/** Anthropic: plain user/assistant turns until `n` messages. */
function turnsTo(n: number): Msg[] {
  const out: Msg[] = []
  while (out.length < n) out.push(out.length % 2 === 0 ? user('next?') : assistant('ok'))
  return out
}

const oai = (messages: Msg[], model: string, extra: Msg = {}): Msg => openaiBody(messages, { model, ...extra })
const anth = (messages: unknown[], model: string, extra: Msg = {}): Msg => anthropicBody(messages, { model, ...extra })

const SCENARIOS: Record<string, () => Scenario> = {
  // ---------- MiMo ----------
  'mimo.reasoning-passback': () => ({ protocol: 'openai', body: oai(openaiToolSession(3, (k) => (k === 1 ? undefined : 'p')) as Msg[], 'mimo-v2.5-pro'), expect: at(4, null, R02) }),
  'mimo.text-not-present': () => ({
    protocol: 'openai',
    body: oai([system('s'), user('go'), { role: 'assistant', content: null, tool_calls: [call('c1')] }, toolMsg('c1')], 'mimo-v2-flash'),
    expect: at(2, null, 'mimo.tool-message-shape')
  }),
  'mimo.text-not-set': () => ({
    protocol: 'openai',
    body: oai([system('s'), user('go'), oa({ tool_calls: [call('c1')] }), toolMsg('c1', [text('shot'), part('image_url')])], 'mimo-v2-flash'),
    expect: at(3, null, 'mimo.tool-message-shape')
  }),
  'mimo.duplicate-tool-names': () => ({ protocol: 'openai', body: oai([user('hi')], 'mimo-v2.5-pro', { tools: [fn('mcp__maps_direction_walking'), fn('mcp__maps_direction_walking')] }), expect: null }),
  'mimo.system-role': () => ({ protocol: 'anthropic', body: anth([user('hi'), { role: 'system', content: 'late' }, user('go')], 'mimo-v2.5-pro'), expect: at(1, null, 'mimo.system-role-in-messages') }),
  'mimo.assistant-content-part': () => ({ protocol: 'anthropic', body: anth([user('hi'), assistant('ok'), assistant([]), user('go')], 'xiaomi/mimo-v2-flash:free'), expect: at(2, null, R23) }),
  'mimo.responses-unsupported': () => ({ protocol: 'openai', body: oai([user('hi')], 'mimo-v2.5-pro'), expect: null }),
  'mimo.insufficient-funds': () => ({ protocol: 'openai', body: oai([user('hi')], 'mimo-v2.5-pro'), status: 402, expect: null }),
  'mimo.too-many-requests': () => ({ protocol: 'openai', body: oai(openaiToolSession(2, () => undefined) as Msg[], 'mimo-v2.5-pro'), status: 429, expect: null }),
  // ---------- DeepSeek ----------
  'deepseek.reasoning-passback': () => ({ protocol: 'openai', body: oai(openaiToolSession(3, (k) => (k === 1 ? undefined : 'p')) as Msg[], 'deepseek-v4-pro'), expect: at(4, null, R02) }),
  'deepseek.thinking-passback': () => ({ protocol: 'anthropic', body: anth(anthropicToolSession(3, (k) => k !== 1), 'deepseek-v4-pro'), expect: at(3, null, R02) }),
  'deepseek.missing-reasoning-at-index': () => ({ protocol: 'openai', body: oai(openaiToolSession(7, (k) => (k === 6 ? undefined : 'p')) as Msg[], 'deepseek-v4-flash'), expect: at(14, null, R02) }),
  'deepseek.missing-thinking-at-index': () => ({ protocol: 'anthropic', body: anth(anthropicToolSession(6, (k) => k !== 5), 'deepseek-v4-pro'), expect: at(11, null, R02) }),
  'deepseek.unknown-part-variant': () => ({ protocol: 'openai', body: oai([system('s'), user('hi'), said('ok'), user([part('text'), part('image_url')])], 'deepseek-chat'), expect: at(3, 1, R29) }),
  'deepseek.unknown-role-variant': () => ({ protocol: 'openai', body: oai([system('s'), { role: 'developer', content: 'be brief' }, user('hi')], 'deepseek-v4-pro'), expect: at(1, null, AT) }),
  'deepseek.invalid-type': () => ({ protocol: 'openai', body: oai([system('s'), user([part('text')])], 'deepseek-chat'), expect: at(1, null, AT) }),
  'deepseek.tool-without-call': () => ({
    protocol: 'openai',
    body: oai([system('s'), user('go'), oa({ reasoning_content: 'p', tool_calls: [call('c1')] }), toolMsg('c1'), toolMsg('c2'), user('and?')], 'deepseek-v4-flash'),
    expect: at(4, null, R18)
  }),
  'deepseek.insufficient-tool-messages': () => ({
    protocol: 'openai',
    body: oai([system('s'), user('go'), oa({ reasoning_content: 'p', tool_calls: [call('c1'), call('c2')] }), toolMsg('c1'), user('and?')], 'deepseek-chat'),
    expect: at(2, 1, R17)
  }),
  'deepseek.reasoner-last-message': () => ({ protocol: 'openai', body: oai([user('hi'), said('ok')], 'deepseek-reasoner'), expect: at(1, null, AT) }),
  'deepseek.forced-tool-choice': () => ({ protocol: 'openai', body: oai([user('hi')], 'deepseek-v4-pro', { tool_choice: 'required', tools: [fn('read')] }), expect: null }),
  'deepseek.reasoner-forbids-reasoning': () => ({ protocol: 'openai', body: oai([user('hi'), oa({ content: 'ok', reasoning_content: 'p' }), user('and?')], 'deepseek-reasoner'), expect: null }),
  'deepseek.anthropic-tool-use-without-result': () => ({
    protocol: 'anthropic',
    body: anth([user('go'), assistant([thinking('plan'), toolUse('call_01_sfm5xVspRVRx1TAWyJtV8612'), toolUse('call_02_jYuxCY8bikeyLkpIykDw0444')]), user('and?')], 'deepseek-v4-pro'),
    expect: at(1, 1, R17)
  }),
  // ---------- Moonshot ----------
  'moonshot.reasoning-missing-at-index': () => {
    // Two user messages first, so the assistant turns sit at odd indices as in the report (index 19).
    const session = openaiToolSession(9, (k) => (k === 8 ? undefined : 'p')) as Msg[]
    return { protocol: 'openai', body: oai([session[0], user('context'), ...session.slice(1)], 'kimi-k2.5'), expect: at(19, null, R02) }
  },
  'moonshot.invalid-part-type': () => ({ protocol: 'openai', body: oai([system('s'), user([part('text'), part('video_url')])], 'kimi-for-coding'), expect: at(1, 1, R29) }),
  'moonshot.tool-call-id-not-found': () => ({
    protocol: 'openai',
    body: oai([system('s'), user('go'), oa({ reasoning_content: 'p', tool_calls: [call('c1')] }), toolMsg(''), user('and?')], 'kimi-k2.5'),
    expect: at(3, null, R18)
  }),
  'moonshot.text-content-empty': () => ({ protocol: 'anthropic', body: anth([user('hi'), assistant('ok'), user([text('see'), text('')])], 'kimi-k2.5'), expect: at(2, 1, R23) }),
  'moonshot.content-field-illegal': () => ({ protocol: 'openai', body: oai([user({ text: '1' } as unknown as string)], 'moonshot-v1-8k'), expect: null }),
  'moonshot.max-images': () => ({ protocol: 'openai', body: oai([user([part('image_url'), part('image_url')])], 'moonshotai/kimi-k2.6'), expect: null }),
  'moonshot.empty-message-at-position': () => ({ protocol: 'openai', body: oai([...chatTo(72), said(''), user('and?')], 'kimi-k2.5'), expect: at(72, null, R23) }),
  'moonshot.tool-parameters-type': () => ({ protocol: 'openai', body: oai([user('hi')], 'kimi-k2.7-code'), expect: null }),
  'moonshot.invalid-thinking': () => ({ protocol: 'openai', body: oai([user('hi')], 'deepseek-v4-flash', { thinking: { type: 'disabled' } }), expect: null }),
  // ---------- Zhipu ----------
  'zhipu.text-cannot-be-empty': () => ({ protocol: 'openai', body: oai([...chatTo(20), user([text('')])], 'glm-4.7'), expect: at(20, 0, R23) }),
  'zhipu.content-and-tool-calls-empty': () => ({ protocol: 'openai', body: oai([system('s'), user('hi'), said('ok'), user('go'), said(''), user('and?')], 'glm-4'), expect: at(4, null, R23) }),
  'zhipu.messages-illegal': () => ({
    // zhipuai-sdk-python-v4#14: the same tool call id in two turns.
    protocol: 'openai',
    body: oai([system('s'), oa({ tool_calls: [call('call_8469015594668440441')] }), toolMsg('call_8469015594668440441'), oa({ tool_calls: [call('call_8469015594668440441')] }), toolMsg('call_8469015594668440441')], 'glm-4'),
    expect: at(3, 0, 'compat.tool-call-id-hygiene')
  }),
  'zhipu.invalid-api-parameter': () => ({ protocol: 'anthropic', body: anth([user('hi'), assistant('ok'), user('go')], 'glm-4.7'), expect: null }),
  'zhipu.field-cannot-be-empty': () => ({ protocol: 'openai', body: oai([user('hi')], 'glm-4-air', { tools: [{ type: 'web_search', web_search: { enable: true } }] }), expect: null }),
  'zhipu.content-type-illegal': () => ({ protocol: 'openai', body: oai([system('s'), user([{ type: 'input_text', text: 'hi' }])], 'glm-5.2'), expect: at(1, 0, R29) }),
  'zhipu.anthropic-tool-input': () => ({ protocol: 'anthropic', body: anth([user('go'), assistant([toolUse('call_1', 'Bash', [{ command: 'ls' }])]), user([toolResult('call_1')])], 'glm-5.1'), status: 500, expect: null }),
  'zhipu.invalid-field': () => ({ protocol: 'openai', body: oai([system('s'), user('hi'), said('ok'), user([part('text'), part('text'), { type: 'input_text', text: 'x' }])], 'zhipu/glm-5'), expect: at(3, 2, AT) }),
  // ---------- DashScope ----------
  'dashscope.tool-calls-unanswered': () => ({ protocol: 'openai', body: oai([...chatTo(532), oa({ tool_calls: [call('c1')] }), user('and?')], 'qwen3-coder-plus'), expect: at(532, 0, R17) }),
  'dashscope.tool-without-call': () => ({ protocol: 'openai', body: oai([system('s'), user('go'), toolMsg('lost'), said('ok'), user('and?')], 'qwen3-coder-plus'), expect: at(2, null, R18) }),
  'dashscope.no-user-message': () => ({ protocol: 'openai', body: oai([system('s')], 'qwen3-vl-plus'), expect: null }),
  'dashscope.content-required': () => ({ protocol: 'openai', body: oai([system('s'), user('go'), { role: 'assistant', content: null }, user('and?')], 'glm-5.1'), expect: at(2, null, R23) }),
  'dashscope.forced-tool-choice': () => ({ protocol: 'openai', body: oai([user('hi')], 'qwen3-max', { enable_thinking: true, tool_choice: 'required', tools: [fn('read')] }), expect: null }),
  'dashscope.invalid-type-content': () => ({ protocol: 'openai', body: oai([{ role: 'user', content: { type: 'text', text: 'hi' } }], 'qwen-plus'), expect: at(0, null, AT) }),
  'dashscope.role-or-empty-content': () => ({ protocol: 'openai', body: oai([system('s'), user('hi'), user(''), said('ok')], 'qwen-plus'), expect: at(2, null, R23) }),
  'dashscope.messages-missing': () => ({ protocol: 'openai', body: oai([user('hi')], 'qwen-plus'), expect: null }),
  // ---------- OpenAI ----------
  'openai.tool-calls-unanswered': () => ({
    // `param` names message 6, the one after the call; the id names the call itself.
    protocol: 'openai',
    body: oai([system('s'), user('hi'), said('ok'), user('go'), said('on it'), oa({ tool_calls: [call('call_RTlWVuE5MqEb3WZJgTIl7Rsb')] }), user('and?')], 'gpt-4.1'),
    expect: at(5, 0, R17)
  }),
  'openai.tool-without-call': () => ({ protocol: 'openai', body: oai([toolMsg('c1'), user('hi')], 'gpt-4o'), expect: at(0, null, R18) }),
  'openai.missing-tool-call-id': () => ({
    protocol: 'openai',
    body: oai([...chatTo(14), oa({ tool_calls: [call('c1')] }), { role: 'tool', content: 'ok' }, user('and?')], 'gpt-4o'),
    expect: at(15, null, R18)
  }),
  'openai.duplicate-tool-call-id': () => ({
    protocol: 'openai',
    body: oai([...chatTo(6), oa({ tool_calls: [call('call_gmd4tanjXcwOxfPawOnDmq6R')] }), toolMsg('call_gmd4tanjXcwOxfPawOnDmq6R'), toolMsg('call_gmd4tanjXcwOxfPawOnDmq6R'), user('and?')], 'gpt-4.1-mini'),
    expect: at(8, null, AT)
  }),
  'openai.image-url-role': () => ({ protocol: 'openai', body: oai([user('draw a cat'), said('here'), { role: 'assistant', content: [part('text'), part('image_url')] }, user('describe it')], 'gpt-4o-mini'), expect: at(2, 1, R29) }),
  'openai.string-too-long': () => ({ protocol: 'openai', body: oai([...chatTo(17), user('x'.repeat(100)), said('ok')], 'gpt-4o'), expect: at(17, null, AT) }),
  'openai.invalid-type-content': () => ({ protocol: 'openai', body: oai([{ role: 'system', content: [part('text')] }, user('hi')], 'gpt-4o'), expect: at(0, null, AT) }),
  'openai.no-tool-output': () => ({ protocol: 'openai', body: oai([system('s'), user('go'), oa({ tool_calls: [call('call_U80UaBc1YfQVSXfZiKGqTvN7')] }), user('and?')], 'gpt-5.1-codex'), expect: at(2, 0, R17) }),
  'openai.no-tool-call-for-output': () => ({ protocol: 'openai', body: oai([system('s'), user('go'), said('ok'), toolMsg('call_x0jSANyYfXIjJkd5ftBlNxf5'), user('and?')], 'gpt-5.2-codex'), expect: at(3, null, R18) }),
  'openai.content-null': () => ({
    protocol: 'openai',
    body: oai([system('s'), user('go'), { role: 'assistant', content: null, tool_calls: [call('c1')] }, { role: 'tool', tool_call_id: 'c1', content: null }, user('and?')], 'gpt-4o'),
    expect: at(3, null, AT)
  }),
  'openai.missing-required-parameter': () => ({ protocol: 'openai', body: oai([user('hi')], 'openai/gpt-4.1', { tools: [{ type: 'function', function: { parameters: {} } }] }), expect: null }),
  // ---------- Anthropic, Vertex, Bedrock ----------
  'anthropic.tool-use-without-result': () => ({
    protocol: 'anthropic',
    body: anth([...turnsTo(22), assistant([toolUse('toolu_01HqfLWiAKQLsniF2fBGF2KD'), toolUse('toolu_01SJzDkeAZER935cpGFptTNk')]), user('and?')], 'claude-sonnet-4-5'),
    expect: at(22, 0, R17)
  }),
  'anthropic.did-not-find-tool-result': () => ({ protocol: 'anthropic', body: anth([...turnsTo(26), assistant([toolUse('toolu_1')]), user('and?')], 'claude-3-5-sonnet'), expect: at(26, 0, R17) }),
  'anthropic.unexpected-tool-use-id': () => ({ protocol: 'anthropic', body: anth([user([text('go on'), toolResult('T1')]), assistant('ok'), user('and?')], 'claude-sonnet-4-5'), expect: at(0, 1, R18) }),
  'anthropic.multiple-tool-results': () => ({
    protocol: 'anthropic',
    body: anth([user('go'), assistant([toolUse('toolu_vrtx_016XEmQ1D3zBGed6dxKQTLmv')]), user([toolResult('toolu_vrtx_016XEmQ1D3zBGed6dxKQTLmv'), toolResult('toolu_vrtx_016XEmQ1D3zBGed6dxKQTLmv')])], 'claude-sonnet-4-5'),
    expect: at(2, 1, R18)
  }),
  'anthropic.tool-result-id-invalid': () => ({ protocol: 'anthropic', body: anth([user('go'), assistant([toolUse('toolu_1')]), user([{ type: 'tool_result', tool_use_id: 7, content: 'ok' }])], 'claude-3-5-sonnet'), expect: at(2, 0, R18) }),
  'anthropic.thinking-first': () => ({ protocol: 'anthropic', body: anth([user('go'), assistant([toolUse('toolu_1')]), user([toolResult('toolu_1')])], 'claude-opus-4-5', CLAUDE), expect: at(1, 0, 'anthropic.thinking-first-in-tool-turn') }),
  'anthropic.signature-missing': () => ({
    protocol: 'anthropic',
    body: anth([user('go'), assistant([thinking('plan', null), toolUse('toolu_1')]), user([toolResult('toolu_1')])], 'claude-sonnet-4-5', CLAUDE),
    expect: at(1, 0, 'anthropic.thinking-signature-missing')
  }),
  'anthropic.thinking-text-missing': () => ({
    protocol: 'anthropic',
    body: anth([user('go'), assistant([thinking('plan', 'S'.repeat(120)), toolUse('toolu_1')]), user([toolResult('toolu_1')]), assistant([{ type: 'thinking', signature: 'S'.repeat(120) }, toolUse('toolu_2')]), user([toolResult('toolu_2')])], 'claude-sonnet-4-5', CLAUDE),
    expect: at(3, 0, 'anthropic.thinking-text-missing')
  }),
  'anthropic.invalid-signature': () => ({
    protocol: 'anthropic',
    body: anth([user('go'), assistant([thinking('plan', '91cfbb94-554b-4136-8e21-fa02280d56ed'), toolUse('toolu_1')]), user([toolResult('toolu_1')])], 'claude-sonnet-4-5', CLAUDE),
    expect: at(1, 0, 'anthropic.thinking-signature-invalid')
  }),
  'anthropic.thinking-modified': () => ({
    // Without the recorded reply R07 cannot compare; the error's place and rule stand.
    protocol: 'anthropic',
    body: anth([user('go'), assistant([text('let me look'), thinking('edited', 'S'.repeat(120)), toolUse('toolu_1')]), user([toolResult('toolu_1')])], 'claude-sonnet-4-5', CLAUDE),
    expect: at(1, 1, 'anthropic.thinking-block-modified')
  }),
  'anthropic.trailing-thinking': () => ({ protocol: 'anthropic', body: anth([user('go'), assistant([text('so'), thinking('and then', 'S'.repeat(120))])], 'claude-sonnet-4-5', CLAUDE), expect: at(1, 1, 'anthropic.trailing-thinking-block') }),
  'anthropic.thinking-when-disabled': () => ({
    protocol: 'anthropic',
    body: anth([user('go'), assistant([thinking('plan', 'S'.repeat(120)), toolUse('toolu_1')]), user([toolResult('toolu_1')])], 'claude-sonnet-4-5', { thinking: { type: 'disabled' } }),
    expect: at(1, 0, 'anthropic.thinking-when-disabled')
  }),
  'anthropic.cache-control-on-thinking': () => ({
    protocol: 'anthropic',
    body: anth([...turnsTo(13), assistant([{ ...thinking('plan', 'S'.repeat(120)), cache_control: { type: 'ephemeral' } }, text('ok')]), user('and?')], 'claude-sonnet-4-5', CLAUDE),
    expect: at(13, 0, 'anthropic.cache-control-on-thinking')
  }),
  'anthropic.sampling-with-thinking': () => ({ protocol: 'anthropic', body: anth([user('hi')], 'claude-sonnet-4-5', { ...CLAUDE, temperature: 0.2 }), expect: null }),
  'anthropic.forced-tool-choice': () => ({ protocol: 'anthropic', body: anth([user('hi')], 'claude-sonnet-4-5', { ...CLAUDE, tool_choice: { type: 'any' } }), expect: null }),
  'anthropic.beta-header': () => ({ protocol: 'anthropic', body: anth([user('hi')], 'claude-sonnet-4-5'), expect: null }),
  'anthropic.text-blocks-non-empty': () => ({ protocol: 'anthropic', body: anth([user([text('look'), text('')]), assistant('ok'), user('and?')], 'claude-sonnet-4-5'), expect: at(0, 1, R23) }),
  'anthropic.text-blocks-non-whitespace': () => ({ protocol: 'anthropic', body: anth([user('hi'), assistant([text(' ')]), user('and?')], 'claude-sonnet-4-5'), expect: at(1, 0, R23) }),
  'anthropic.all-messages-non-empty': () => ({ protocol: 'anthropic', body: anth([user(''), assistant('ok'), user('and?')], 'claude-sonnet-4-5'), expect: at(0, null, R23) }),
  'anthropic.cache-control-limit': () => {
    const marked = (t: string): Msg => ({ ...text(t), cache_control: { type: 'ephemeral' } })
    return { protocol: 'anthropic', body: anth([user([marked('a'), marked('b')]), assistant([marked('c')]), user([marked('d'), marked('e')])], 'claude-sonnet-4-5'), expect: at(2, 1, 'anthropic.cache-control-limit') }
  },
  'anthropic.cache-control-empty-text': () => ({
    protocol: 'anthropic',
    body: anth([...turnsTo(87), user([{ type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBOR' } }, { ...text(''), cache_control: { type: 'ephemeral' } }])], 'claude-opus-4-5'),
    expect: at(87, 1, 'anthropic.cache-control-empty-text')
  }),
  'anthropic.image-too-large': () => ({
    protocol: 'anthropic',
    body: anth([user('hi'), assistant('ok'), user([{ type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBOR' } }, text('what is this?')])], 'claude-sonnet-4-5'),
    expect: at(2, 0, AT)
  }),
  'anthropic.unexpected-role': () => ({ protocol: 'anthropic', body: anth([user('go'), assistant('ok'), { role: 'tool', content: 'result' }, user('and?')], 'claude-sonnet-4-5'), expect: at(2, null, AT) }),
  'anthropic.field-invalid': () => ({ protocol: 'anthropic', body: anth([...turnsTo(7), user([{ type: 'text' }]), assistant('ok')], 'claude-opus-4-5'), expect: at(7, 0, R23) }),
  'anthropic.tool-schema': () => ({ protocol: 'anthropic', body: anth([user('hi')], 'claude-sonnet-4-5'), expect: null }),
  'anthropic.extra-input': () => ({ protocol: 'anthropic', body: anth([user('hi')], 'claude-sonnet-4-5', { context_management: {} }), expect: null }),
  'anthropic.bedrock-tool-result-expected': () => ({ protocol: 'anthropic', body: anth([user('go'), assistant([toolUse('tooluse_jQ912rboYgzgLULQpRxWot')]), user('and?')], 'anthropic.claude-3-7-sonnet'), expect: at(1, 0, R17) }),
  'anthropic.bedrock-tool-result-json': () => ({
    protocol: 'anthropic',
    body: anth([...turnsTo(27), assistant([toolUse('toolu_1')]), user([{ type: 'tool_result', tool_use_id: 'toolu_1', content: [{ type: 'text', text: '[1, 2]' }] }])], 'claude-3-7-sonnet'),
    expect: at(28, 0, 'bedrock.tool-result-json-object')
  }),
  'anthropic.bedrock-tool-result-empty': () => ({
    protocol: 'anthropic',
    body: anth([...turnsTo(4), assistant([toolUse('toolu_1')]), user([{ type: 'tool_result', tool_use_id: 'toolu_1', is_error: true, content: '' }])], 'claude-3-7-sonnet'),
    expect: at(5, 0, R23)
  }),
  'anthropic.non-claude-code-client': () => ({ protocol: 'anthropic', body: anth([user('hi')], 'claude-sonnet-4-5'), expect: null }),
  'deepseek.unsupported-image': () => ({
    protocol: 'openai',
    body: oai([...chatTo(564), oa({ reasoning_content: 'p', tool_calls: [call('c1')] }), toolMsg('c1', [part('image_url')]), user('and?')], 'deepseek-v4-flash'),
    expect: at(565, 0, R29)
  }),
  'dashscope.unexpected-item-type': () => ({ protocol: 'openai', body: oai([system('s'), user('hi'), said('ok'), user([part('text'), part('image_url')]), said('ok')], 'qwen3.7-max'), expect: at(3, 1, R29) }),
  'openai.invalid-value-supported': () => ({ protocol: 'openai', body: oai([system('s'), user([{ type: 'image', image: 'https://example.com/a.png' }, part('text')])], 'Qwen/Qwen3-VL-8B-Instruct'), expect: at(1, 0, R29) }),
  'compat.block-missing-field': () => ({ protocol: 'anthropic', body: anth([user('go'), assistant([{ type: 'tool_use', id: 'toolu_1', input: {} }]), user([toolResult('toolu_1')])], 'kimi-k2.6:cloud'), expect: at(1, 0, AT) }),
  'anthropic.reserved-billing-header': () => ({ protocol: 'anthropic', body: anth([user('hi')], 'anthropic/claude-sonnet-4.5', { system: 'x-anthropic-billing-header: 1' }), expect: null })
}

function fn(name: string): Msg {
  return { type: 'function', function: { name, parameters: { type: 'object' } } }
}

describe('error dialects: each row with its real sample', () => {
  it('every row has a scenario here, and every scenario a row', () => {
    expect(Object.keys(SCENARIOS).sort()).toEqual(ERROR_DIALECTS.map((d) => d.id).sort())
  })

  it('ids are unique and stable-looking, and every row cites a source', () => {
    const ids = [...ERROR_DIALECTS, ...WRAPPER_DIALECTS].map((d) => d.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const d of [...ERROR_DIALECTS, ...WRAPPER_DIALECTS]) {
      expect(d.id).toMatch(/^[a-z0-9-]+\.[a-z0-9-]+$/)
      expect(d.source).toMatch(/#\d+|fixture|\.com|PR#/)
      expect(d.sample.length).toBeGreaterThan(10)
    }
  })

  it.each(ERROR_DIALECTS.map((d) => [d.id, d] as const))('%s', (_id, dialect) => {
    const s = SCENARIOS[dialect.id]()
    const d = diagnose({ protocol: s.protocol, body: s.body, status: s.status ?? 400, responseText: dialect.sample })
    expect(d.error?.dialect).toBe(dialect.id)
    if (dialect.provider !== 'unknown') expect(d.error?.provider).toBe(dialect.provider)
    expect(d.culprit === null ? null : { message: d.culprit.messageIndex, block: d.culprit.blockIndex, rule: d.culprit.rule }).toEqual(s.expect)
  })
})

describe('wrapper dialects: each relay with its real sample', () => {
  it.each(WRAPPER_DIALECTS.map((d) => [d.id, d] as const))('%s', (_id, wrapper) => {
    const error = unwrapError(400, wrapper.sample)
    expect(error?.wrappers).toContain(wrapper.relay)
    if (wrapper.label) expect(error?.chain).toContain(wrapper.label)
    // The provider's own text comes out, not the relay's.
    expect(error?.message).not.toMatch(/^(Provider returned error|请求目标分享错误)$/)
    expect(error?.message.length).toBeGreaterThan(5)
  })
})
