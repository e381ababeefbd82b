// The parsers on multi-MB inputs (the unit tests check their results on the same inputs, untimed): SSE
// reassembly, a 5 MB tool input, the request peek the recorder does, and the UI's pretty JSON lines.
import { buildMessageView, buildStreamView } from '../src/main/core/protocols/stream-view'
import { requestMeta } from '../src/main/core/protocols/request-meta'
import { prettyJsonLines } from '../src/renderer/src/lib/json-lines'
import { bigAnthropicStream, bigJsonText, bigRequestBody, bigToolCallStream } from '../test/scenarios/big-bodies'

const RUNS = 7

function median(fn: () => unknown): number {
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now()
    fn()
    times.push(performance.now() - t)
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]
}

export async function parsersBench(): Promise<string> {
  const stream = bigAnthropicStream()
  const tool = bigToolCallStream()
  const request = bigRequestBody()
  const json = bigJsonText()
  const rows: Array<[string, number, number]> = [
    ['Anthropic SSE stream reassembled, with chunk times', Buffer.byteLength(stream.body), median(() => buildStreamView('anthropic', stream.body, stream.times))],
    ['OpenAI stream with one 5 MB tool input', tool.body.length, median(() => buildMessageView('openai', tool.body, 'text/event-stream'))],
    ['request peek (model, stream) of a 5 MB body', request.length, median(() => requestMeta(request))],
    ['pretty JSON lines for the body view (renderer)', json.length, median(() => prettyJsonLines(json))]
  ]
  const out = ['| input | size | median of ' + RUNS + ' |', '| --- | ---: | ---: |']
  for (const [name, size, ms] of rows) out.push(`| ${name} | ${(size / 1e6).toFixed(1)} MB | ${ms.toFixed(0)} ms |`)
  return out.join('\n')
}
