// How to install and drive each real agent headless against the inspector's proxy. Every agent gets its own
// HOME/XDG folders and a fake key; its base URL is the proxy on loopback, nothing else.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface AgentRun {
  /** Shell-free argv; [0] is the binary name in node_modules/.bin. */
  argv: string[]
  env?: Record<string, string>
}

export interface AgentSpec {
  /** Fixture folder name. */
  id: string
  /** npm package@version to install; none for the SDK scripts, which use the project's own or a Python venv. */
  install?: string
  bin?: string
  /** Writes config files into home, returns the runs (first turn, second turn…); prefix is the install folder. */
  setup(ctx: { home: string; work: string; proxy: string; prefix: string }): AgentRun[]
}

const PROMPT = 'Run the shell command `echo hello` and tell me what it printed.'
const MODEL = 'mimo-v2.5-pro'

function writeJson(path: string, value: unknown): string {
  mkdirSync(join(path, '..'), { recursive: true })
  writeFileSync(path, JSON.stringify(value, null, 2))
  return path
}

/** OpenCode and its fork Kilo: a custom provider on @ai-sdk/openai-compatible, as REAL-AGENTS.md describes. */
type ProviderNpm = '@ai-sdk/openai-compatible' | '@ai-sdk/anthropic'

/** `interleaved` is OpenCode's documented model option for passing reasoning back in a named field. */
function opencodeConfig(home: string, proxy: string, npm: ProviderNpm, name = 'opencode.json', interleaved = false): string {
  const baseURL = npm === '@ai-sdk/anthropic' ? `${proxy}/anthropic/v1` : `${proxy}/v1`
  return writeJson(join(home, name), {
    $schema: 'https://opencode.ai/config.json',
    provider: {
      insp: {
        npm,
        name: 'Inspector',
        options: { baseURL, apiKey: 'sk-test-opencode-000000000000' },
        models: { [MODEL]: { name: 'MiMo', reasoning: true, tool_call: true, ...(interleaved ? { interleaved: { field: 'reasoning_content' } } : {}) } }
      }
    },
    model: `insp/${MODEL}`,
    small_model: `insp/${MODEL}`,
    permission: { edit: 'allow', bash: 'allow', webfetch: 'deny' },
    autoupdate: false,
    share: 'disabled'
  })
}

const OPENCODE_ENV = {
  OPENCODE_DISABLE_AUTOUPDATE: '1',
  OPENCODE_DISABLE_MODELS_FETCH: '1',
  OPENCODE_DISABLE_LSP_DOWNLOAD: '1',
  OPENCODE_DISABLE_DEFAULT_PLUGINS: '1'
}

export function opencode(id: string, version: string, npm: ProviderNpm, interleaved = false): AgentSpec {
  return {
    id,
    install: `opencode-ai@${version}`,
    bin: 'opencode',
    setup({ home, proxy }) {
      const env = { ...OPENCODE_ENV, OPENCODE_CONFIG: opencodeConfig(home, proxy, npm, 'opencode.json', interleaved) }
      return [
        { argv: ['opencode', 'run', PROMPT], env },
        { argv: ['opencode', 'run', '--continue', 'Thanks. Now say bye.'], env }
      ]
    }
  }
}

function continueCli(id: string, extra: string[] = []): AgentSpec {
  return {
    id,
    install: '@continuedev/cli@1.5.47',
    bin: 'cn',
    setup({ home, proxy }) {
      const config = join(home, 'continue.yaml')
      const model = ['  - name: MiMo', '    provider: openai', `    model: ${MODEL}`, `    apiBase: ${proxy}/v1`, '    apiKey: sk-test-continue-000000000000', '    roles: [chat, edit, apply]']
      writeFileSync(config, ['name: inspector', 'version: 1.0.0', 'schema: v1', 'models:', ...model, ...extra, ''].join('\n'))
      return [{ argv: ['cn', '--config', config, '--auto', '-p', PROMPT] }]
    }
  }
}

function claudeCode(id: string, extraEnv: Record<string, string> = {}, turns = 2): AgentSpec {
  return {
    id,
    install: '@anthropic-ai/claude-code@2.1.197',
    bin: 'claude',
    setup({ proxy }) {
      const env = {
        ANTHROPIC_BASE_URL: `${proxy}/anthropic`,
        ANTHROPIC_API_KEY: 'sk-test-claude-000000000000',
        ANTHROPIC_MODEL: MODEL,
        ANTHROPIC_SMALL_FAST_MODEL: MODEL,
        DISABLE_TELEMETRY: '1',
        DISABLE_AUTOUPDATER: '1',
        DISABLE_ERROR_REPORTING: '1',
        ...extraEnv
      }
      const runs = [
        { argv: ['claude', '-p', PROMPT, '--allowedTools', 'Bash'], env },
        { argv: ['claude', '-p', '--continue', 'Thanks. Now say bye.', '--allowedTools', 'Bash'], env }
      ]
      return runs.slice(0, turns)
    }
  }
}

function qwen(id: string, version: string): AgentSpec {
  return {
    id,
    install: `@qwen-code/qwen-code@${version}`,
    bin: 'qwen',
    setup({ proxy }) {
      const args = ['--auth-type', 'openai', '--openai-api-key', 'sk-test-qwen-000000000000', '--openai-base-url', `${proxy}/v1`, '-m', MODEL, '--yolo']
      return [{ argv: ['qwen', ...args, PROMPT] }]
    }
  }
}

const SDK = join(import.meta.dirname, 'sdk')
/** A venv with the official `openai` and `anthropic` Python packages (pip install openai anthropic). */
const PYTHON = process.env.CAPTURE_PYTHON ?? 'python3'

function sdk(id: string, script: string, path: '/anthropic' | '/v1'): AgentSpec {
  return {
    id,
    setup({ proxy }) {
      const runtime = script.endsWith('.py') ? PYTHON : process.execPath
      return [{ argv: [runtime, join(SDK, script), proxy + path] }]
    }
  }
}

/** pi-ai is a library: it is installed like an agent but driven by a script (bin: none). */
function piAi(id: string, pkg: string, version: string, compat?: object): AgentSpec {
  return {
    id,
    install: `${pkg}@${version}`,
    setup({ proxy, prefix }) {
      return [{ argv: [process.execPath, join(SDK, 'pi-ai.mjs'), prefix, proxy, pkg, ...(compat ? [JSON.stringify(compat)] : [])] }]
    }
  }
}

export const AGENTS: AgentSpec[] = [
  claudeCode('claude-code'),
  // Workaround checks for the role:"system" message mid-history (MiMo rejects it): which setting drops it.
  // Capabilities named for a model replace Claude Code's guess for it; mid_conversation_system left out.
  claudeCode('claude-code-capabilities', { ANTHROPIC_DEFAULT_SONNET_MODEL: MODEL, ANTHROPIC_DEFAULT_SONNET_MODEL_SUPPORTED_CAPABILITIES: 'thinking,adaptive_thinking,interleaved_thinking,effort' }, 1),
  opencode('opencode', '1.18.33', '@ai-sdk/openai-compatible'),
  opencode('opencode-anthropic', '1.18.33', '@ai-sdk/anthropic'),
  opencode('opencode-1.0.185', '1.0.185', '@ai-sdk/openai-compatible'),
  opencode('opencode-1.0.185-interleaved', '1.0.185', '@ai-sdk/openai-compatible', true),
  qwen('qwen-code', '0.24.4'),
  qwen('qwen-code-0.15', '0.15.10'),
  {
    id: 'kilo-cli',
    install: '@kilocode/cli@7.7.7',
    bin: 'kilo',
    setup({ home, proxy }) {
      const config = opencodeConfig(home, proxy, '@ai-sdk/openai-compatible', 'kilo.json')
      const env = { ...OPENCODE_ENV, KILO_CONFIG: config, OPENCODE_CONFIG: config, KILO_DISABLE_AUTOUPDATE: '1', KILO_DISABLE_MODELS_FETCH: '1', KILO_DISABLE_LSP_DOWNLOAD: '1' }
      return [
        { argv: ['kilo', 'run', PROMPT], env },
        { argv: ['kilo', 'run', '--continue', 'Thanks. Now say bye.'], env }
      ]
    }
  },
  {
    id: 'cline-cli',
    install: 'cline@3.0.65',
    bin: 'cline',
    setup({ proxy }) {
      return [
        { argv: ['cline', 'auth', '-p', 'openai', '-k', 'sk-test-cline-000000000000', '-b', `${proxy}/v1`, '-m', MODEL] },
        { argv: ['cline', '--auto-approve', 'true', '-t', '90', PROMPT] }
      ]
    }
  },
  continueCli('continue-cli'),
  // The workaround: thinking off through the model's request options (MiMo then sends no reasoning to pass back).
  continueCli('continue-cli-thinking-disabled', ['    requestOptions:', '      extraBodyProperties:', '        thinking:', '          type: disabled']),
  {
    id: 'codex',
    install: '@openai/codex@0.171.0',
    bin: 'codex',
    setup({ home, proxy }) {
      mkdirSync(join(home, '.codex'), { recursive: true })
      writeFileSync(
        join(home, '.codex', 'config.toml'),
        [
          `model = "${MODEL}"`,
          'model_provider = "insp"',
          '[model_providers.insp]',
          'name = "Inspector"',
          `base_url = "${proxy}/v1"`,
          'env_key = "INSP_API_KEY"',
          'wire_api = "responses"',
          ''
        ].join('\n')
      )
      const env = { INSP_API_KEY: 'sk-test-codex-000000000000', CODEX_HOME: join(home, '.codex') }
      return [{ argv: ['codex', 'exec', '--skip-git-repo-check', '--dangerously-bypass-approvals-and-sandbox', PROMPT], env }]
    }
  },
  {
    id: 'gemini-cli',
    install: '@google/gemini-cli@0.61.0',
    bin: 'gemini',
    setup({ home, proxy }) {
      writeJson(join(home, '.gemini', 'settings.json'), { security: { auth: { selectedType: 'gemini-api-key' } } })
      const env = {
        GEMINI_API_KEY: 'sk-test-gemini-000000000000',
        GOOGLE_GEMINI_BASE_URL: proxy,
        GEMINI_DEFAULT_AUTH_TYPE: 'gemini-api-key',
        GEMINI_CLI_TRUST_WORKSPACE: 'true',
        GEMINI_CLI_NO_RELAUNCH: 'true'
      }
      return [{ argv: ['gemini', '-m', MODEL, '--yolo', '-p', PROMPT], env }]
    }
  },
  sdk('anthropic-sdk-js', 'anthropic.mjs', '/anthropic'),
  sdk('openai-sdk-js', 'openai.mjs', '/v1'),
  sdk('anthropic-sdk-python', 'anthropic_py.py', '/anthropic'),
  sdk('openai-sdk-python', 'openai_py.py', '/v1'),
  piAi('pi-ai-0.73.1', '@mariozechner/pi-ai', '0.73.1'),
  // The workaround: pi-ai ≥ 0.77.0 keeps unsigned thinking as thinking when the model says so.
  piAi('pi-ai-0.77.0-allow-empty-signature', '@earendil-works/pi-ai', '0.77.0', { allowEmptySignature: true })
]
