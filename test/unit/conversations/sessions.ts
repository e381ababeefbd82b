// Simulated agent sessions: each turn the agent replays its whole history (in its own, possibly mangled, way)
// plus a new user or tool-result message, as Claude Code, Craft Agents and OpenCode do.

export const ANTHROPIC_PATH = '/anthropic/v1/messages'
export const COUNT_TOKENS_PATH = '/anthropic/v1/messages/count_tokens'
export const OPENAI_PATH = '/v1/chat/completions'

type Json = Record<string, unknown>

/** How an agent replays an assistant turn it received earlier. */
export type Replay =
  | 'faithful'
  /** pi-ai (Craft Agents) without empty-signature support: thinking becomes a text block. */
  | 'thinking-as-text'
  /** Thinking stripped from every assistant turn but the newest (context management). */
  | 'strip-older-thinking'

export interface Recorded {
  id: string
  path: string
  body: Json
}

export class AnthropicSession {
  /** The agent's own record of the conversation: assistant turns exactly as received. */
  readonly history: Json[] = []
  private turn = 0

  constructor(
    readonly name: string,
    readonly system: string,
    readonly replay: Replay = 'faithful',
    readonly tools: string[] = ['Read', 'Bash']
  ) {}

  /** Starts with a user prompt and returns the request. */
  prompt(text: string): Json {
    this.history.push({ role: 'user', content: [{ type: 'text', text }] })
    return this.request()
  }

  /** The model answered with thinking + a tool call; the agent ran the tool and asks again. */
  toolTurn(result = `result of ${this.name} turn ${this.turn}`): Json {
    const id = `toolu_${this.name}_${this.turn++}`
    this.history.push({
      role: 'assistant',
      content: [
        { type: 'thinking', thinking: `${this.name} plans step ${this.turn}`, signature: `sig-${this.name}-${this.turn}` },
        { type: 'text', text: 'Let me look.' },
        { type: 'tool_use', id, name: 'Read', input: { path: `src/${this.turn}.ts` } }
      ]
    })
    this.history.push({ role: 'user', content: [{ type: 'tool_result', tool_use_id: id, content: result }] })
    return this.request()
  }

  /** The model answered with text; the user writes again. */
  answerTurn(answer: string, next: string): Json {
    this.history.push({
      role: 'assistant',
      content: [
        { type: 'thinking', thinking: `${this.name} thinks about the answer`, signature: `sig-${this.name}-a${this.turn++}` },
        { type: 'text', text: answer }
      ]
    })
    return this.prompt(next)
  }

  request(messages: Json[] = this.history): Json {
    const replayed = messages.map((m, i) => this.replayMessage(m, i === lastAssistant(messages)))
    // Claude Code moves the cache marker to the newest message every time.
    const last = replayed[replayed.length - 1]
    if (last && Array.isArray(last.content)) {
      const blocks = last.content as Json[]
      blocks[blocks.length - 1] = { ...blocks[blocks.length - 1], cache_control: { type: 'ephemeral' } }
    }
    return {
      model: 'mimo-v2.5-pro',
      max_tokens: 32000,
      stream: true,
      thinking: { type: 'enabled', budget_tokens: 16000 },
      system: [
        { type: 'text', text: `x-anthropic-billing-header: cc_version=2.1.154; cch=${Math.random().toString(36).slice(2, 7)};` },
        { type: 'text', text: this.system, cache_control: { type: 'ephemeral' } }
      ],
      tools: this.tools.map((name) => ({ name, input_schema: { type: 'object' } })),
      messages: replayed
    }
  }

  private replayMessage(message: Json, newest: boolean): Json {
    const copy = structuredClone(message)
    if (copy.role !== 'assistant' || !Array.isArray(copy.content)) return copy
    const blocks = copy.content as Json[]
    if (this.replay === 'thinking-as-text') {
      copy.content = blocks.map((b) => (b.type === 'thinking' ? { type: 'text', text: b.thinking } : b))
    } else if (this.replay === 'strip-older-thinking' && !newest) {
      copy.content = blocks.filter((b) => b.type !== 'thinking')
    }
    return copy
  }
}

function lastAssistant(messages: Json[]): number {
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i].role === 'assistant') return i
  return -1
}

/** An OpenAI-format session whose agent drops `reasoning_content` from every replayed assistant turn. */
export class OpenAiSession {
  readonly history: Json[]
  private turn = 0

  constructor(
    readonly name: string,
    system: string,
    readonly dropReasoning = true
  ) {
    this.history = [{ role: 'system', content: system }]
  }

  prompt(text: string): Json {
    this.history.push({ role: 'user', content: text })
    return this.request()
  }

  toolTurn(): Json {
    const id = `call_${this.name}_${this.turn++}`
    this.history.push({
      role: 'assistant',
      content: null,
      reasoning_content: `${this.name} reasons about step ${this.turn}`,
      tool_calls: [{ id, type: 'function', function: { name: 'read_file', arguments: `{"path":"f${this.turn}.ts"}` } }]
    })
    this.history.push({ role: 'tool', tool_call_id: id, content: `contents of f${this.turn}.ts` })
    return this.request()
  }

  answerTurn(answer: string, next: string): Json {
    this.history.push({ role: 'assistant', content: answer, reasoning_content: `${this.name} reasons about the answer` })
    return this.prompt(next)
  }

  request(): Json {
    const messages = this.history.map((m) => {
      if (!this.dropReasoning || m.role !== 'assistant') return structuredClone(m)
      const { reasoning_content: _dropped, ...rest } = m
      return rest
    })
    return { model: 'mimo-v2.5-pro', stream: true, messages }
  }
}
