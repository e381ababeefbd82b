// What each agent sends that names it. Header signatures come first (they carry a version); system-prompt
// signatures name agents whose user-agent is only their HTTP library. Every entry cites where it was seen:
// a capture of the real client (test/fixtures/clients/<folder>) or the client's source at a commit.
import type { HeaderGet } from './libraries'

export interface HeaderSignature {
  name: string
  /** Returns the version (string), null when the header names the agent without one, undefined when absent. */
  match(get: HeaderGet): { version: string | null; via: string } | undefined
  source: string
}

export interface PromptSignature {
  name: string
  /** Tested against the start of the system prompt (first 4000 characters, leading whitespace trimmed). */
  pattern: RegExp
  /** Capture group 1, when present, is the version. */
  via: string
  source: string
}

function fromUserAgent(re: RegExp) {
  return (get: HeaderGet) => {
    const m = re.exec(get('user-agent') ?? '')
    return m ? { version: m[1] ?? null, via: 'user-agent' } : undefined
  }
}

function fromHeader(header: string, re: RegExp, versionHeader?: string) {
  return (get: HeaderGet) => {
    const value = get(header)
    if (value === null || !re.test(value)) return undefined
    const version = versionHeader ? get(versionHeader) : null
    return { version: version && /^\d/.test(version) ? version : null, via: `${header} header` }
  }
}

function firstOf(...tests: Array<(get: HeaderGet) => { version: string | null; via: string } | undefined>) {
  return (get: HeaderGet) => {
    for (const t of tests) {
      const r = t(get)
      if (r) return r
    }
    return undefined
  }
}

const VERSION = '(\\d+\\.\\d+[\\w.+-]*)'

export const HEADER_SIGNATURES: readonly HeaderSignature[] = [
  {
    name: 'Claude Code',
    match: firstOf(fromUserAgent(new RegExp(`^claude-cli/${VERSION}`)), fromHeader('x-claude-code-session-id', /./)),
    source: 'capture of @anthropic-ai/claude-code 2.1.197: `claude-cli/2.1.197 (external, sdk-cli)`, X-Claude-Code-Session-Id (test/fixtures/clients/claude-code)'
  },
  {
    name: 'Kilo Code',
    match: firstOf(
      fromUserAgent(new RegExp(`^Kilo-Code/${VERSION}`)),
      fromHeader('x-kilocode-version', /^\d/, 'x-kilocode-version'),
      fromHeader('x-title', /^Kilo Code$/i)
    ),
    source:
      'capture of @kilocode/cli 7.7.7: `Kilo-Code/7.7.7 ai-sdk/provider-utils/4.0.27 runtime/bun/1.3.14`, X-Title: Kilo Code (test/fixtures/clients/kilo-cli); extension: Kilo-Org/kilocode src/api/providers/constants.ts @7c5eedc6 (User-Agent Kilo-Code/<version>, X-KiloCode-Version)'
  },
  {
    name: 'OpenCode',
    match: fromUserAgent(new RegExp(`(?:^|\\s)opencode/${VERSION}`)),
    source: 'capture of opencode-ai 1.18.33: `opencode/1.18.33 ai-sdk/provider-utils/4.0.23 runtime/bun/1.3.14` (test/fixtures/clients/opencode)'
  },
  {
    name: 'Qwen Code',
    match: fromUserAgent(new RegExp(`^QwenCode/${VERSION}`)),
    source: 'capture of @qwen-code/qwen-code 0.24.4 and 0.15.10: `QwenCode/0.24.4 (linux; x64)` (test/fixtures/clients/qwen-code)'
  },
  {
    name: 'Roo Code',
    match: firstOf(fromUserAgent(new RegExp(`^RooCode/${VERSION}`)), fromHeader('x-title', /^Roo Code$/i)),
    source: 'RooCodeInc/Roo-Code src/api/providers/constants.ts @cb836567 (3.52.1): User-Agent RooCode/<version>, X-Title: Roo Code, HTTP-Referer github.com/RooVetGit/Roo-Cline'
  },
  {
    name: 'Cline',
    match: firstOf(fromUserAgent(new RegExp(`^Cline/${VERSION}`)), fromHeader('x-title', /^Cline$/i, 'x-client-version')),
    source: 'cline/cline src/services/EnvUtils.ts @791d2389^ (3.85.0): User-Agent Cline/<version> on the Anthropic and OpenAI clients; sdk/packages/llms/src/providers/request-headers.ts @21cb8d25: X-Title: Cline'
  },
  {
    name: 'Codex',
    match: firstOf(fromUserAgent(new RegExp(`^codex[_-][\\w-]+/${VERSION}`)), fromHeader('originator', /^codex/i)),
    source: 'capture of @openai/codex 0.171.0: `codex_exec/0.171.0 (Debian 12.0.0; x86_64) dumb (codex_exec; 0.171.0)`, originator: codex_exec (test/fixtures/clients/codex)'
  },
  {
    name: 'Gemini CLI',
    match: fromUserAgent(/^GeminiCLI(?:-[\w-]+)?\/(\d[\w.-]*)/),
    source: 'capture of @google/gemini-cli 0.61.0: `GeminiCLI-tui/0.61.0/mimo-v2.5-pro (linux; x64; terminal)` (test/fixtures/clients/gemini-cli)'
  },
  {
    name: 'Cherry Studio',
    match: firstOf(fromUserAgent(new RegExp(`CherryStudio/${VERSION}`)), fromHeader('x-title', /^Cherry Studio$/i)),
    source: 'CherryHQ/cherry-studio src/renderer/src/aiCore/clients/BaseApiClient.ts @6d314458 defaultHeaders (X-Title: Cherry Studio, HTTP-Referer https://cherry-ai.com); the Electron user-agent carries CherryStudio/<version>'
  },
  {
    name: 'Hermes Agent',
    match: firstOf(fromUserAgent(new RegExp(`^HermesAgent/${VERSION}`)), fromHeader('x-title', /^Hermes Agent$/i)),
    source: 'NousResearch/hermes-agent provider profiles: User-Agent HermesAgent/<version>, X-Title: Hermes Agent'
  },
  {
    name: 'Zed',
    match: fromUserAgent(new RegExp(`^Zed/${VERSION}`)),
    source: 'zed-industries/zed crates/zed/src/main.rs: the global HTTP client user-agent format!("Zed/{} ({}; {})", AppVersion, OS, ARCH)'
  }
]

/** Anchored at the start of the system prompt unless the agent puts something before its identity line. */
export const PROMPT_SIGNATURES: readonly PromptSignature[] = [
  {
    name: 'Claude Code',
    pattern: /^x-anthropic-billing-header: cc_version=(\d+\.\d+\.\d+)/,
    via: 'system prompt (cc_version)',
    source: 'capture of @anthropic-ai/claude-code 2.1.197: first system block `x-anthropic-billing-header: cc_version=2.1.197.d55; cc_entrypoint=sdk-cli;`'
  },
  {
    name: 'Claude Code',
    pattern: /^You are Claude Code, Anthropic's official CLI/,
    via: 'system prompt',
    source: "Claude Code's identity line, quoted in pi-ai's OAuth path (@mariozechner/pi-ai dist/providers/anthropic.js)"
  },
  {
    name: 'OpenCode',
    pattern: /^You are opencode, /i,
    via: 'system prompt',
    source: 'captures of opencode-ai 1.0.185 and 1.18.33: `You are opencode, an interactive CLI tool…` (test/fixtures/clients/opencode-1.0.185)'
  },
  {
    name: 'OpenCode',
    pattern: /^You are a title generator\. You output ONLY a thread title\./,
    via: 'title-generation request',
    source: 'captures of opencode-ai 1.0.185 and 1.18.33: the title request `You are a title generator. You output ONLY a thread title.` (test/fixtures/clients/opencode-1.0.185/01.json)'
  },
  {
    name: 'Kilo Code',
    pattern: /^You are Kilo(?: Code)?, /,
    via: 'system prompt',
    source: 'capture of @kilocode/cli 7.7.7: `You are Kilo, a highly skilled software engineer…`; extension prompts `You are Kilo Code, …`'
  },
  {
    name: 'Cline',
    pattern: /^You are Cline, /,
    via: 'system prompt',
    source: 'capture of cline 3.0.65: `You are Cline, an AI coding agent.` (test/fixtures/clients/cline-cli)'
  },
  {
    name: 'Roo Code',
    pattern: /^You are Roo, /,
    via: 'system prompt',
    source: 'RooCodeInc/Roo-Code src/core/prompts/__tests__/__snapshots__/system-prompt/*.snap @cb836567: `You are Roo, …`'
  },
  {
    name: 'Qwen Code',
    pattern: /^You are Qwen Code, /,
    via: 'system prompt',
    source: 'captures of @qwen-code/qwen-code 0.24.4 and 0.15.10: `You are Qwen Code, a … CLI agent developed by Alibaba Group`'
  },
  {
    name: 'Continue',
    pattern: /^You are an agent in the Continue CLI\./,
    via: 'system prompt',
    source: 'capture of @continuedev/cli 1.5.47 (test/fixtures/clients/continue-cli); continuedev/continue extensions/cli/src/systemMessage.ts @d0a3c0b6'
  },
  {
    name: 'Continue',
    pattern: /^<important_rules>\s*You are in (?:chat|agent|plan) mode\./,
    via: 'system prompt',
    source: 'continuedev/continue core/llm/defaultSystemMessages.ts @d0a3c0b6 (IDE extensions)'
  },
  {
    name: 'Aider',
    pattern: /^Act as an expert (?:software developer|architect engineer|code analyst)\./,
    via: 'system prompt',
    source: 'Aider-AI/aider aider/coders/*_prompts.py @5dc9490b: main_system `Act as an expert software developer.` (requests go through LiteLLM)'
  },
  {
    name: 'Craft Agents',
    pattern: /^<craft_agent_environment version="(\d[^"]*)"/,
    via: 'system prompt (craft_agent_environment marker)',
    source:
      'craft-ai-agents/craft-agents-oss packages/shared/src/prompts/system.ts @215910da: the prompt opens with `<craft_agent_environment version="${APP_VERSION}" platform=… />`, then `You are Craft Agent - an AI assistant…`'
  },
  {
    name: 'Craft Agents',
    pattern: /^You are Craft Agent\b/,
    via: 'system prompt',
    source: 'craft-ai-agents/craft-agents-oss packages/shared/src/prompts/system.ts @215910da (the identity line when no marker precedes it)'
  },
  {
    name: 'Gemini CLI',
    pattern: /^You are Gemini CLI, /,
    via: 'system prompt',
    source: 'capture of @google/gemini-cli 0.61.0: `You are Gemini CLI, an autonomous CLI agent…`'
  },
  {
    name: 'Hermes Agent',
    pattern: /^You are Hermes Agent, an intelligent AI assistant created by Nous Research\./,
    via: 'system prompt',
    source: 'NousResearch/hermes-agent agent/prompt_builder.py DEFAULT_AGENT_IDENTITY'
  },
  {
    name: 'OpenClaw',
    pattern: /^You are a personal assistant running inside OpenClaw\./,
    via: 'system prompt',
    source: 'openclaw/openclaw src/agents: DEFAULT_IDENTITY_LINE `You are a personal assistant running inside OpenClaw.`'
  },
  {
    name: 'Pi',
    pattern: /^You are an expert coding assistant operating inside pi, a coding agent harness\./,
    via: 'system prompt',
    source: '@earendil-works/pi-coding-agent dist/core/system-prompt.js (the pi coding agent, built on pi-ai)'
  },
  {
    name: 'Goose',
    pattern: /^You are a general-purpose AI agent called goose\b/,
    via: 'system prompt',
    source: 'goose system prompt template: `You are a general-purpose AI agent called goose, created by …`'
  }
]
