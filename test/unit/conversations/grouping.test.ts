import { describe, expect, it } from 'vitest'
import { ConversationIndex, type Placement } from '../../../src/main/core/conversations/conversation-index'
import { groupKey } from '../../../src/main/core/conversations/group-key'
import { ANTHROPIC_PATH, AnthropicSession, COUNT_TOKENS_PATH, OPENAI_PATH, OpenAiSession, type Recorded } from './sessions'

const CLAUDE_SYSTEM = 'You are Claude Code, an interactive CLI tool. '.repeat(20)

function place(recorded: Recorded[], index = new ConversationIndex()): Map<string, Placement> {
  const placements = new Map<string, Placement>()
  for (const r of recorded) {
    const key = groupKey(r.path, r.body)
    if (!key) throw new Error(`no key for ${r.id}`)
    placements.set(r.id, index.add({ id: r.id, key }))
  }
  return placements
}

/** Request ids grouped by conversation, in order of first appearance. */
function groups(placements: Map<string, Placement>): string[][] {
  const byConversation = new Map<string, string[]>()
  for (const [id, p] of placements) {
    const list = byConversation.get(p.conversationId) ?? []
    list.push(id)
    byConversation.set(p.conversationId, list)
  }
  return [...byConversation.values()]
}

function recorder(): { list: Recorded[]; rec: (id: string, body: Record<string, unknown>, path?: string) => void } {
  const list: Recorded[] = []
  return { list, rec: (id, body, path = ANTHROPIC_PATH) => list.push({ id, path, body }) }
}

describe('grouping interleaved agent traffic', () => {
  it('splits two sessions, a sub-agent, a title request and count_tokens requests exactly', () => {
    const a = new AnthropicSession('a', CLAUDE_SYSTEM)
    const b = new AnthropicSession('b', CLAUDE_SYSTEM, 'faithful', ['Read', 'Bash', 'Edit'])
    const sub = new AnthropicSession('sub', 'You are a file search specialist sub-agent.')
    const { list, rec } = recorder()
    rec('a1', a.prompt('Fix the failing test in src/parser.ts'))
    rec('title', {
      model: 'mimo-v2-flash',
      max_tokens: 64,
      system: [{ type: 'text', text: 'Summarize this coding conversation in under 50 characters. Reply with the title only.' }],
      messages: [{ role: 'user', content: 'Fix the failing test in src/parser.ts' }]
    })
    rec('count1', a.request(), COUNT_TOKENS_PATH)
    rec('b1', b.prompt('Add a --json flag to the list command'))
    rec('a2', a.toolTurn())
    rec('sub1', sub.prompt('Find every caller of parseHeader'))
    rec('b2', b.toolTurn())
    rec('a3', a.toolTurn())
    rec('sub2', sub.toolTurn())
    rec('count2', a.request(), COUNT_TOKENS_PATH)
    rec('b3', b.toolTurn())
    rec('sub3', sub.toolTurn())
    rec('a4', a.answerTurn('The test expected CRLF; fixed.', 'Now run the whole suite'))
    rec('b4', b.answerTurn('Added --json.', 'Also document it in the README'))
    rec('a5', a.toolTurn())

    const placements = place(list)
    expect(groups(placements)).toEqual([
      ['a1', 'a2', 'a3', 'a4', 'a5'],
      ['title'],
      ['count1', 'count2'],
      ['b1', 'b2', 'b3', 'b4'],
      ['sub1', 'sub2', 'sub3']
    ])
    expect(placements.get('a5')).toEqual({ conversationId: 'c-a1', forkOf: null, forkAt: null })
    expect([...placements.values()].every((p) => p.forkOf === null)).toBe(true)
  })

  it('keeps a Craft Agents session (thinking replayed as text, signatures gone) in one conversation', () => {
    const craft = new AnthropicSession('craft', 'You are Craft Agent.', 'thinking-as-text')
    const { list, rec } = recorder()
    rec('r1', craft.prompt('Refactor the store'))
    for (let i = 2; i <= 6; i++) rec(`r${i}`, craft.toolTurn())
    rec('r7', craft.answerTurn('Done refactoring.', 'Thanks, now add tests'))
    rec('r8', craft.toolTurn())
    expect(groups(place(list))).toEqual([list.map((r) => r.id)])
    // The assistant turns really are rewritten.
    expect(JSON.stringify(list[7].body)).not.toContain('"thinking","thinking"')
  })

  it('keeps a session whose agent strips thinking from older turns only in one conversation', () => {
    const s = new AnthropicSession('cc', CLAUDE_SYSTEM, 'strip-older-thinking')
    const { list, rec } = recorder()
    rec('r1', s.prompt('hello'))
    rec('r2', s.toolTurn())
    rec('r3', s.answerTurn('Hi!', 'read the README'))
    rec('r4', s.toolTurn())
    rec('r5', s.toolTurn())
    expect(groups(place(list))).toEqual([['r1', 'r2', 'r3', 'r4', 'r5']])
  })

  it('keeps an OpenAI session that drops reasoning_content in one conversation', () => {
    const s = new OpenAiSession('oc', 'You are OpenCode.')
    const other = new OpenAiSession('oc2', 'You are OpenCode.')
    const { list, rec } = recorder()
    rec('o1', s.prompt('list the files'), OPENAI_PATH)
    rec('p1', other.prompt('explain main.ts'), OPENAI_PATH)
    rec('o2', s.toolTurn(), OPENAI_PATH)
    rec('o3', s.toolTurn(), OPENAI_PATH)
    rec('p2', other.toolTurn(), OPENAI_PATH)
    rec('o4', s.answerTurn('<think>the user wants a list</think>Here they are.', 'thanks'), OPENAI_PATH)
    rec('o5', s.toolTurn(), OPENAI_PATH)
    expect(JSON.stringify(list[6].body)).not.toContain('reasoning_content')
    expect(groups(place(list))).toEqual([
      ['o1', 'o2', 'o3', 'o4', 'o5'],
      ['p1', 'p2']
    ])
  })
})

describe('forks, retries, trimming and side requests', () => {
  it('forks an edited replay at the first changed message', () => {
    const s = new OpenAiSession('e', 'You are Kilo Code.')
    const { list, rec } = recorder()
    rec('r1', s.prompt('write a parser'))
    rec('r2', s.toolTurn())
    rec('r3', s.answerTurn('Parser written.', 'add error handling'))
    rec('r4', s.toolTurn())
    // The user edits the second prompt (messages[5]: 0 system, 1 user, 2 assistant, 3 tool, 4 assistant, 5 user).
    const edited = structuredClone(list[3].body) as { messages: Array<Record<string, unknown>> }
    edited.messages[5] = { role: 'user', content: 'add error handling and tests' }
    rec('edit1', edited)
    const longer = structuredClone(edited)
    longer.messages.push({ role: 'assistant', content: 'ok' }, { role: 'user', content: 'go on' })
    rec('edit2', longer)

    const placements = place(list.map((r) => ({ ...r, path: OPENAI_PATH })))
    expect(placements.get('edit1')).toEqual({ conversationId: 'c-edit1', forkOf: 'c-r1', forkAt: 5 })
    expect(placements.get('edit2')).toEqual({ conversationId: 'c-edit1', forkOf: 'c-r1', forkAt: 5 })
    expect(groups(placements)).toEqual([['r1', 'r2', 'r3', 'r4'], ['edit1', 'edit2']])
  })

  it('forks an Anthropic history edited at its first assistant turn with forkAt = 1', () => {
    const s = new AnthropicSession('f', CLAUDE_SYSTEM)
    const { list, rec } = recorder()
    rec('r1', s.prompt('start'))
    rec('r2', s.toolTurn())
    rec('r3', s.toolTurn())
    const edited = structuredClone(list[2].body) as { messages: Array<Record<string, unknown>> }
    edited.messages[1] = { role: 'assistant', content: [{ type: 'text', text: 'a different answer' }] }
    edited.messages.length = 2
    edited.messages.push({ role: 'user', content: 'continue' })
    rec('fork', edited)
    expect(place(list).get('fork')).toEqual({ conversationId: 'c-fork', forkOf: 'c-r1', forkAt: 1 })
  })

  it('keeps a retried identical request in its conversation', () => {
    const s = new AnthropicSession('r', CLAUDE_SYSTEM)
    const { list, rec } = recorder()
    rec('r1', s.prompt('go'))
    rec('r2', s.toolTurn())
    rec('r2-retry', s.request())
    rec('r2-retry2', s.request())
    rec('r3', s.toolTurn())
    expect(groups(place(list))).toEqual([['r1', 'r2', 'r2-retry', 'r2-retry2', 'r3']])
  })

  it('keeps a request that is shorter than the tip (trimmed end, late arrival) in the conversation', () => {
    const s = new AnthropicSession('t', CLAUDE_SYSTEM)
    const { list, rec } = recorder()
    const first = s.prompt('go')
    rec('r2', s.toolTurn())
    rec('r3', s.toolTurn())
    rec('r1-late', first)
    rec('r4', s.toolTurn())
    expect(groups(place(list))).toEqual([['r2', 'r3', 'r1-late', 'r4']])
  })

  it('keeps a same-prompt side request beside the main line without forking it, in either arrival order', () => {
    for (const sideFirst of [true, false]) {
      const s = new AnthropicSession('m', CLAUDE_SYSTEM)
      const { list, rec } = recorder()
      rec('r1', s.prompt('go'))
      rec('r2', s.toolTurn())
      // Reply to r2 arrives; a prompt-suggestion request replays it with a different last user message.
      const main = s.toolTurn()
      const side = structuredClone(main) as { messages: Array<Record<string, unknown>> }
      side.messages[side.messages.length - 1] = { role: 'user', content: 'Suggest the next prompt the user might type.' }
      if (sideFirst) {
        rec('side', side)
        rec('r3', main)
      } else {
        rec('r3', main)
        rec('side', side)
      }
      rec('r4', s.toolTurn())
      rec('r5', s.toolTurn())
      const placements = place(list)
      expect(new Set([...placements.values()].map((p) => p.conversationId))).toEqual(new Set(['c-r1']))
    }
  })

  it('keeps an edited and resent newest prompt in the conversation', () => {
    const s = new AnthropicSession('n', CLAUDE_SYSTEM)
    const { list, rec } = recorder()
    rec('r1', s.prompt('go'))
    rec('r2', s.answerTurn('done', 'now do X'))
    const resent = structuredClone(list[1].body) as { messages: Array<Record<string, unknown>> }
    resent.messages[resent.messages.length - 1] = { role: 'user', content: 'now do Y' }
    rec('r2-edited', resent)
    const next = structuredClone(resent)
    next.messages.push({ role: 'assistant', content: 'Y done' }, { role: 'user', content: 'thanks' })
    rec('r3', next)
    expect(groups(place(list))).toEqual([['r1', 'r2', 'r2-edited', 'r3']])
  })

  it('starts a new conversation for a compacted history that begins with a summary', () => {
    const s = new AnthropicSession('c', CLAUDE_SYSTEM)
    const { list, rec } = recorder()
    rec('r1', s.prompt('go'))
    rec('r2', s.toolTurn())
    const compacted = new AnthropicSession('c2', CLAUDE_SYSTEM)
    rec('after-compact', compacted.prompt('This session is being continued from a previous conversation. Summary: …'))
    expect(place(list).get('after-compact')).toEqual({ conversationId: 'c-after-compact', forkOf: null, forkAt: null })
  })

  it('does not split a session when Claude Code microcompacts old tool results', () => {
    const s = new AnthropicSession('mc', CLAUDE_SYSTEM)
    const { list, rec } = recorder()
    rec('r1', s.prompt('go'))
    rec('r2', s.toolTurn())
    rec('r3', s.toolTurn())
    const cleared = s.toolTurn() as { messages: Array<{ content: unknown }> }
    ;(cleared.messages[2].content as Array<Record<string, unknown>>)[0].content = '[Old tool result content cleared]'
    rec('r4', cleared)
    expect(groups(place(list))).toEqual([['r1', 'r2', 'r3', 'r4']])
  })

  it('gives identical ids when rebuilt from the same entries', () => {
    const a = new AnthropicSession('a', CLAUDE_SYSTEM)
    const sub = new AnthropicSession('sub', 'sub-agent')
    const { list, rec } = recorder()
    rec('x1', a.prompt('one'))
    rec('x2', sub.prompt('two'))
    rec('x3', a.toolTurn())
    rec('x4', sub.toolTurn())
    rec('x5', a.toolTurn())
    const edited = structuredClone(list[4].body) as { messages: Array<Record<string, unknown>> }
    edited.messages[0] = { role: 'user', content: 'one, edited' }
    rec('x6', edited)
    const first = place(list)
    const again = place(list)
    expect([...again]).toEqual([...first])
    expect(new Set([...first.values()].map((p) => p.conversationId))).toEqual(new Set(['c-x1', 'c-x2', 'c-x6']))
  })
})
