// The rule catalogue (printed as docs/rules.md) in one place: id → number, title and sources, for rules and UI.
// A report gets a URL only when the report names its repository; otherwise url is null.
import type { RuleSource } from '../../../shared/types'

export interface RuleInfo {
  id: string
  ref: string
  title: string
  sources: readonly RuleSource[]
}

export const doc = (label: string, url: string): RuleSource => ({ label, url })
/** `owner/repo`, number → `repo#N` with the issue URL (GitHub redirects /issues/N to a PR too). */
export const issue = (repo: string, n: number): RuleSource => ({ label: `${repo.split('/')[1]}#${n}`, url: `https://github.com/${repo}/issues/${n}` })
export const pr = (repo: string, n: number): RuleSource => ({ label: `${repo.split('/')[1]} PR#${n}`, url: `https://github.com/${repo}/pull/${n}` })
/** A report whose repository owner the catalogue does not give. */
const report = (label: string): RuleSource => ({ label, url: null })

const MIMO_PASSBACK = doc('MiMo: passing back reasoning_content', 'https://platform.xiaomimimo.com/static/docs/usage-guide/passing-back-reasoning_content.md')
const MIMO_THINKING = doc('MiMo: deep thinking', 'https://mimo.mi.com/docs/en-US/quick-start/usage-guide/other/deep-thinking')
const MIMO_ERRORS = doc('MiMo: error codes', 'https://platform.xiaomimimo.com/docs/en-US/quick-start/error-codes')
const ANTHROPIC_THINKING = doc('Anthropic: extended thinking', 'https://docs.claude.com/en/docs/build-with-claude/extended-thinking')
const BEDROCK_THINKING = doc('Bedrock: Claude thinking encryption', 'https://docs.aws.amazon.com/bedrock/latest/userguide/claude-messages-thinking-encryption.html')

const KILOCODE = 'Kilo-Org/kilocode'
const OPENCODE = 'anomalyco/opencode'
const LITELLM = 'BerriAI/litellm'
const HERMES = 'NousResearch/hermes-agent'
const MIMO = 'XiaomiMiMo/MiMo'
const CRAFT = 'craft-ai-agents/craft-agents-oss'

const ENTRIES = [
  {
    id: 'anthropic.thinking-first-in-tool-turn',
    ref: 'R01',
    title: 'The final tool-use turn must start with its thinking block',
    sources: [ANTHROPIC_THINKING, BEDROCK_THINKING, issue(KILOCODE, 5219), issue(OPENCODE, 3077), issue(LITELLM, 15601)]
  },
  {
    id: 'compat.reasoning-passback-missing',
    ref: 'R02',
    title: 'Every earlier tool-call turn must carry its reasoning back',
    sources: [
      MIMO_PASSBACK,
      MIMO_ERRORS,
      MIMO_THINKING,
      issue('tailcallhq/forgecode', 3347),
      report('hermes-studio#679'),
      issue(CRAFT, 746),
      issue('decolua/9router', 1210),
      issue('farion1231/cc-switch', 3222),
      report('deer-flow#3043')
    ]
  },
  {
    id: 'deepseek-reasoner.reasoning-content-forbidden',
    ref: 'R03',
    title: 'The legacy deepseek-reasoner refuses reasoning_content in history',
    sources: [issue('Euyug/Mirai-Gpt-Plugin', 4), pr(OPENCODE, 4949)]
  },
  {
    id: 'anthropic.thinking-signature-missing',
    ref: 'R04',
    title: 'A thinking block has no signature',
    sources: [report('AIClient2API#437'), issue('lbjlaq/Antigravity-Manager', 1650), pr(OPENCODE, 44713)]
  },
  {
    id: 'anthropic.thinking-text-missing',
    ref: 'R05',
    title: 'A signed thinking block has no `thinking` field',
    sources: [pr('LibreChat-AI/agents', 279)]
  },
  {
    id: 'anthropic.thinking-signature-invalid',
    ref: 'R06',
    title: 'A thinking signature from another provider or model',
    sources: [report('claude-code#10627'), issue('NanmiCoder/cc-haha', 982), pr(HERMES, 75779)]
  },
  {
    id: 'anthropic.thinking-block-modified',
    ref: 'R07',
    title: 'Thinking in the latest assistant message differs from the response',
    sources: [
      ANTHROPIC_THINKING,
      doc('Anthropic: preserved thinking', 'https://platform.claude.com/docs/build-with-claude/preserved-thinking'),
      report('claude-code#25361')
    ]
  },
  {
    id: 'anthropic.trailing-thinking-block',
    ref: 'R08',
    title: 'An assistant message ends in a thinking block',
    sources: [pr(HERMES, 13010), issue('router-for-me/CLIProxyAPI', 5321)]
  },
  {
    id: 'anthropic.thinking-when-disabled',
    ref: 'R09',
    title: 'Thinking is off but the final assistant message holds thinking',
    sources: [issue('tailcallhq/forgecode', 1853), issue(LITELLM, 18926)]
  },
  {
    id: 'anthropic.redacted-thinking-roundtrip',
    ref: 'R10',
    title: 'redacted_thinking must go back unchanged, and only to Anthropic',
    sources: [BEDROCK_THINKING, pr(HERMES, 17991)]
  },
  {
    id: 'anthropic.cache-control-on-thinking',
    ref: 'R11',
    title: 'cache_control on a thinking block',
    sources: [issue('Wei-Shaw/sub2api', 225), issue('LeenHawk/gproxy', 67)]
  },
  {
    id: 'anthropic.budget-lt-max-tokens',
    ref: 'R12',
    title: 'thinking.budget_tokens must be below max_tokens',
    sources: [doc('Anthropic: extended thinking (zh-CN)', 'https://docs.claude.com/zh-CN/docs/build-with-claude/extended-thinking')]
  },
  {
    id: 'anthropic.budget-min-1024',
    ref: 'R13',
    title: 'thinking.budget_tokens must be at least 1024',
    sources: [report('LibreChat#8346')]
  },
  {
    id: 'anthropic.sampling-with-thinking',
    ref: 'R14',
    title: 'temperature / top_p / top_k set while thinking',
    sources: [
      doc('Anthropic: extended thinking, important considerations', 'https://docs.anthropic.com/en/docs/build-with-claude/extended-thinking#important-considerations-when-using-extended-thinking'),
      MIMO_THINKING,
      issue('MartialBE/one-hub', 529)
    ]
  },
  {
    id: 'compat.forced-tool-choice-with-thinking',
    ref: 'R15',
    title: 'tool_choice forces a tool while thinking',
    sources: [report('mastra#7507'), issue('can1357/oh-my-pi', 341), issue('cloudwego/eino', 994)]
  },
  {
    id: 'anthropic.beta-header-unknown',
    ref: 'R16',
    title: 'Unknown anthropic-beta header value',
    sources: [issue('pacifio/cersei', 20)]
  },
  {
    id: 'anthropic.tool-use-without-result',
    ref: 'R17',
    title: 'A tool call has no result right after it',
    sources: [report('claude-code#5060'), issue('apify/tester-mcp-client', 12), report('agno#6698')]
  },
  {
    id: 'anthropic.tool-result-without-use',
    ref: 'R18',
    title: 'A tool result answers no tool call of the previous message',
    sources: [report('claude-code#13460'), issue('earendil-works/pi', 4602)]
  },
  {
    id: 'compat.tool-call-id-hygiene',
    ref: 'R19',
    title: 'A tool call id is reused',
    sources: [issue(CRAFT, 767), pr('gethnet/litellm-connector-copilot', 101)]
  },
  {
    id: 'mimo.tool-message-shape',
    ref: 'R20',
    title: 'MiMo: assistant content null, or tool content that is not text',
    sources: [issue('XiaomiMiMo/MiMo-V2-Flash', 8), issue(MIMO, 44), pr('x5iu/claude-code-adapter', 12)]
  },
  {
    id: 'mimo.duplicate-tool-names',
    ref: 'R21',
    title: 'MiMo: two tools with the same name',
    sources: [report('rikkahub#1170')]
  },
  {
    id: 'mimo.responses-custom-tool-unsupported',
    ref: 'R22',
    title: "MiMo's Responses gateway rejects custom tools",
    sources: [pr('lidge-jun/opencodex', 1211), pr('duolahypercho/codex-router', 243)]
  },
  {
    id: 'anthropic.empty-text-block',
    ref: 'R23',
    title: 'An empty text block or an empty message',
    sources: [report('claude-code#53473'), report('claude-code#4416'), issue('LLM-Red-Team/kimi-cc', 23), pr(OPENCODE, 17381)]
  },
  {
    id: 'anthropic.cache-control-limit',
    ref: 'R24',
    title: 'More than 4 cache_control breakpoints',
    sources: [issue('tghamm/Anthropic.SDK', 50), pr('VicBilibily/GCMP', 83)]
  },
  {
    id: 'anthropic.cache-control-empty-text',
    ref: 'R25',
    title: 'cache_control on an empty text block',
    sources: [report('claude-code#55302')]
  },
  {
    id: 'mimo.system-role-in-messages',
    ref: 'R26',
    title: 'MiMo: a system message after the first position',
    sources: [issue(MIMO, 54), issue('0Chencc/clawgod', 87)]
  },
  {
    id: 'bedrock.tool-result-json-object',
    ref: 'R27',
    title: 'Bedrock: toolResult json must be an object',
    sources: [pr('deepset-ai/haystack-core-integrations', 3766)]
  },
  {
    id: 'compat.unsupported-block-type',
    ref: 'R29',
    title: 'A block type the endpoint does not take',
    sources: [report('claude-code#64383'), pr(HERMES, 17991)]
  },
  {
    id: 'mimo.auth-key-gateway-mismatch',
    ref: 'R30',
    title: 'MiMo: key and base URL do not belong together',
    sources: [MIMO_ERRORS, issue('can1357/oh-my-pi', 1580), issue('XiaomiMiMo/MiMo-Code', 2190), issue('ssnangua/ColorTxt', 41)]
  },
  {
    id: 'mimo.rate-or-quota',
    ref: 'R31',
    title: 'MiMo: too many requests, or the Token Plan quota is used up',
    sources: [MIMO_ERRORS, issue(MIMO, 55), issue(MIMO, 99)]
  },
  {
    id: 'mimo.content-filter',
    ref: 'R32',
    title: 'MiMo: blocked by the content filter',
    sources: [MIMO_ERRORS, issue(MIMO, 76)]
  },
  {
    // A note from the evidence lookup, not a provider rule: the client sent a turn back other than it came.
    id: 'compat.turn-differs-from-response',
    ref: 'N.1',
    title: 'A replayed turn differs from the recorded response that produced it',
    sources: [ANTHROPIC_THINKING, MIMO_PASSBACK]
  },
  {
    id: 'compat.thinking-type-unknown',
    ref: 'N.2',
    title: 'thinking.type is none of enabled, adaptive, disabled',
    sources: [MIMO_THINKING, doc('Anthropic: adaptive thinking', 'https://platform.claude.com/docs/en/build-with-claude/adaptive-thinking')]
  },
  {
    // Not a rule of the catalogue: the culprit when the provider's error names an index no rule explains.
    id: 'error.location',
    ref: 'F.2',
    title: "The provider's error names this message",
    sources: []
  }
] as const satisfies readonly RuleInfo[]

export type RuleId = (typeof ENTRIES)[number]['id']

/** The culprit's rule when only the error's index points at a message (docs/architecture.md, "Choosing the culprit", step 2). */
export const LOCATION_RULE = 'error.location' satisfies RuleId

export const CATALOGUE: Readonly<Record<RuleId, RuleInfo>> = Object.fromEntries(ENTRIES.map((e): [RuleId, RuleInfo] => [e.id, e])) as Record<RuleId, RuleInfo>

/** Every id findings can carry (the catalogue's rules, without the `error.location` stand-in). */
export const RULE_IDS: readonly RuleId[] = ENTRIES.map((e) => e.id).filter((id) => id !== LOCATION_RULE)

export function ruleInfo(id: RuleId): RuleInfo {
  return CATALOGUE[id]
}
