// The proxy's interceptor: repair rules first (they patch what the agent sent), then request breakpoints (the
// user sees and may edit the patched request), and response breakpoints before the first byte goes back.
// With no rule in scope and no breakpoint, `plan` returns null and the request takes the plain pipe.
import type { IncomingMessage } from 'node:http'
import type { ExchangeSummary } from '../../../shared/types'
import type { LiveExchange } from '../capture/live-exchange'
import type { Recorder } from '../capture/recorder'
import { outcomeOf, type Breakpoints, type Resume } from '../breakpoints/breakpoints'
import { peekRequestMeta } from '../protocols/request-meta'
import type { InterceptPlan, Interceptor, RequestDecision, ResponseDecision } from '../proxy/intercept'
import { liveContext, type LiveContextDeps } from '../repair/live-context'
import type { RepairEngine } from '../repair/repair-engine'

export class LiveIntercept implements Interceptor {
  constructor(
    private readonly repair: RepairEngine,
    private readonly breakpoints: Breakpoints,
    private readonly recorder: Recorder,
    private readonly context: LiveContextDeps & { stored(exceptId: string): Promise<void> }
  ) {}

  plan(req: IncomingMessage, target: URL, live: LiveExchange): InterceptPlan | null {
    const protocol = live.summary.protocol
    const rules = protocol === 'unknown' ? [] : this.repair.candidates(protocol, target)
    const breakRequest = this.breakpoints.any('request')
    const breakResponse = this.breakpoints.any('response')
    if (rules.length === 0 && !breakRequest && !breakResponse) return null
    const encoding = headerOf(req, 'content-encoding')
    let conversationId: string | null | undefined = undefined
    return {
      request:
        rules.length > 0 || breakRequest
          ? async (body, signal) => {
              let parts: Buffer[] | null = null
              if (rules.length > 0 && protocol !== 'unknown') {
                const result = await this.repair.patch(live.summary.id, body, protocol, encoding, rules)
                if (result.outcome.applied.length > 0 || result.outcome.skipped.length > 0) live.summary.repair = result.outcome
                parts = result.body
                if (result.conversationId) conversationId = result.conversationId
              }
              if (!breakRequest) return { kind: 'send', body: parts ?? body }
              // At a breakpoint the patched body is shown and compared whole.
              const sent = parts ? Buffer.concat(parts) : body
              conversationId ??= this.breakpoints.needsConversation('request') ? await this.conversationOf(live, sent) : null
              return this.requestBreak(live, body, sent, conversationId, signal)
            }
          : null,
      response: breakResponse
        ? async (status, signal) => {
            if (conversationId === undefined && this.breakpoints.needsConversation('response')) conversationId = await this.conversationOf(live, live.request.bytes())
            return this.responseBreak(live, status, conversationId ?? null, signal)
          }
        : null
    }
  }

  private async requestBreak(live: LiveExchange, original: Buffer, sent: Buffer, conversationId: string | null, signal: AbortSignal): Promise<RequestDecision> {
    const breakpoint = this.breakpoints.match('request', this.summaryOf(live, sent, conversationId, null))
    if (!breakpoint) return { kind: 'send', body: sent }
    // The list shows what will be sent: the patched body, before the user's edit.
    if (sent !== original) live.replaceRequest(sent)
    const resume = await this.hold(live, breakpoint.id, () => this.breakpoints.pause(live.summary.id, breakpoint, 'request', null, signal))
    const body = resume.action === 'edit' ? resume.body : sent
    live.summary.breakpoint = outcomeOf(breakpoint, 'request', resume, resume.action === 'edit' && !resume.body.equals(sent))
    if (resume.action === 'answer') return { kind: 'answer', response: resume.response }
    if (resume.action === 'drop') return { kind: 'drop', reason: signal.aborted ? 'client disconnected while paused at a breakpoint' : 'dropped at a breakpoint' }
    return { kind: 'send', body: body.equals(sent) ? sent : body }
  }

  private async responseBreak(live: LiveExchange, status: number, conversationId: string | null, signal: AbortSignal): Promise<ResponseDecision> {
    const breakpoint = this.breakpoints.match('response', this.summaryOf(live, null, conversationId, status))
    if (!breakpoint) return { kind: 'continue' }
    const resume = await this.hold(live, breakpoint.id, () => this.breakpoints.pause(live.summary.id, breakpoint, 'response', status, signal))
    live.summary.breakpoint = outcomeOf(breakpoint, 'response', resume, false)
    if (resume.action === 'answer') return { kind: 'answer', response: resume.response }
    if (resume.action === 'drop') return { kind: 'drop', reason: signal.aborted ? 'client disconnected while paused at a breakpoint' : 'dropped at a breakpoint' }
    return { kind: 'continue' }
  }

  /** Listed as paused while held; back to pending after. */
  private async hold(live: LiveExchange, _id: string, pause: () => Promise<Resume>): Promise<Resume> {
    live.summary.state = 'paused'
    this.recorder.update(live)
    const resume = await pause()
    if (live.summary.state === 'paused') live.summary.state = 'pending'
    this.recorder.update(live)
    return resume
  }

  /** The summary a filter reads, with what the body says (model, stream) and the conversation it continues. */
  private summaryOf(live: LiveExchange, body: Buffer | null, conversationId: string | null, status: number | null): ExchangeSummary {
    const meta = peekRequestMeta(body ?? live.request.bytes())
    return { ...live.summary, ...meta, conversationId: conversationId ?? live.summary.conversationId, status: status ?? live.summary.status }
  }

  /** The conversation the request continues, once the responses it may continue from are stored. */
  private async conversationOf(live: LiveExchange, body: Buffer): Promise<string | null> {
    let parsed: unknown
    try {
      parsed = JSON.parse(body.toString('utf8'))
    } catch {
      return null
    }
    await this.context.stored(live.summary.id)
    return liveContext(parsed, this.context).conversationId
  }
}

function headerOf(req: IncomingMessage, name: string): string | null {
  const v = req.headers[name]
  return typeof v === 'string' ? v : null
}
