// LiteLLM's /chat/completions route to Anthropic or Bedrock loses the thinking blocks of tool-call turns.
import { issue } from '../../diagnose/catalogue'
import type { KnownIssue } from './types'

export const litellmChatCompletionsDropsThinking: KnownIssue = {
  id: 'litellm-chat-completions-drops-thinking',
  client: 'LiteLLM',
  versions: { introduced: null, lastAffected: null, fixedIn: null },
  providers: ['anthropic'],
  rules: ['anthropic.thinking-first-in-tool-turn'],
  problem:
    'Through LiteLLM’s OpenAI-format /chat/completions route, the thinking blocks of an assistant tool-call turn are not sent back to Anthropic or Bedrock, which then require the final assistant message to start with one.',
  sources: [issue('BerriAI/litellm', 15601), issue('anomalyco/opencode', 3077), issue('openai/openai-agents-python', 1704)],
  workarounds: [
    { kind: 'repair', fixId: 'restore-thinking' },
    { kind: 'repair', fixId: 'disable-thinking' }
  ],
  verified:
    'Tracker: litellm#15601 (open, 2025-10-16) shows the Anthropic error through the LiteLLM proxy; opencode#3077 shows the same through LiteLLM to Bedrock and Vertex.'
}
