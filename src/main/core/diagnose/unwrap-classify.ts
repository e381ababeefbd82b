// What the facts peeled from an error response say (unwrap-error.ts does the peeling): the error row of the
// dialect table whose wording the innermost text has, the provider behind it, and the tool ids, part type and
// parameter the text names.
import type { ProviderId, UnwrappedError } from '../../../shared/types'
import { ERROR_DIALECTS, type ErrorDialect } from './dialects'
import { parseLocation } from './error-location'
import { PROVIDER_LABELS } from './providers'

/** What peeling collects, innermost facts overwriting outer ones. */
export interface Peel {
  wrappers: string[]
  labels: string[]
  /** Providers a wrapper names (`provider_name`, `DeepseekException`); the innermost counts. */
  named: ProviderId | null
  /** A provider a free text before a quoted body mentions (`deepseek: httpx: …`): weaker. */
  mentioned: ProviderId | null
  /** The innermost envelope's look: MiMo's `param` shape, Anthropic's `type: error`, OpenAI's error object. */
  shape: ProviderId | null
  type: string | null
  code: string | null
  param: string | null
  generic: string | null
  message: string | null
}

export function finish(status: number | null, st: Peel, contentType: string | null | undefined): UnwrappedError {
  const message = st.message ?? ''
  const generic = st.generic !== null && st.generic !== message ? st.generic : null
  const match = matchDialect(message, generic, st)
  const provider = chooseProvider(st, match?.dialect ?? null, message, contentType)
  const chain = [...st.labels]
  if (provider !== 'unknown') chain.push(PROVIDER_LABELS[provider])
  return {
    status,
    wrappers: st.wrappers,
    provider,
    chain,
    dialect: match?.dialect.id ?? null,
    names: namesOf(message, match, st),
    type: st.type,
    code: st.code,
    message,
    genericMessage: generic,
    location: parseLocation(message) ?? parseLocation(generic)
  }
}

interface DialectMatch {
  dialect: ErrorDialect
  groups: RegExpExecArray
}

/** The error row whose wording the text has; among rows sharing a wording, the one of the provider named. */
function matchDialect(message: string, generic: string | null, st: Peel): DialectMatch | null {
  // Copied texts wrap lines anywhere: match on single spaces.
  const text = (generic ? `${message}\n${generic}` : message).replace(/\s+/g, ' ')
  let first: DialectMatch | null = null
  let second: DialectMatch | null = null
  const wanted = st.named ?? st.shape
  for (const dialect of ERROR_DIALECTS) {
    const groups = dialect.pattern.exec(text)
    if (!groups) continue
    if (dialect.provider === wanted) return { dialect, groups }
    // MiMo's envelope is its own: outside it, a wording MiMo shares is another provider's.
    if (dialect.provider === 'mimo' && wanted !== null) second ??= { dialect, groups }
    else first ??= { dialect, groups }
  }
  return first ?? second
}

/**
 * A relay that names the provider wins; then the wording's owner; then a few telltales in the text; then
 * the envelope's look (MiMo's, Anthropic's, OpenAI's), which DeepSeek and Kimi borrow, so DeepSeek's
 * octet-stream content type tells it apart (W7).
 */
function chooseProvider(st: Peel, dialect: ErrorDialect | null, message: string, contentType: string | null | undefined): ProviderId {
  if (st.named) return st.named
  if (dialect) return dialect.provider
  if (/api-docs\.deepseek\.com|\[trace_id=/i.test(message)) return 'deepseek'
  if (/InternalError\.Algo|^<\d{3}> /.test(message)) return 'dashscope'
  if (st.code !== null && /^1[23]\d\d$/.test(st.code)) return 'zhipu'
  if (st.mentioned) return st.mentioned
  const openaiShaped = st.shape === 'openai' || st.shape === null
  if (openaiShaped && contentType?.toLowerCase().includes('application/octet-stream')) return 'deepseek'
  return st.shape ?? 'unknown'
}

/** Tool ids, a part type and a parameter the text names, as far as the text alone tells. */
function namesOf(message: string, match: DialectMatch | null, st: Peel): NonNullable<UnwrappedError['names']> {
  const d = match?.dialect
  const g = match?.groups
  const toolIds: string[] = []
  if (d?.idGroup !== undefined && g?.[d.idGroup] !== undefined) {
    for (const id of g[d.idGroup].split(/[\s,]+/)) if (id.replace(/[.'"`]+$/, '') !== '') toolIds.push(id.replace(/[.'"`]+$/, ''))
    // An empty id ("tool_call_id  is not found") is a fact too.
    if (toolIds.length === 0) toolIds.push('')
  }
  for (const id of message.match(/\b(?:call|toolu|tooluse|srvtoolu|toolu_vrtx)_[A-Za-z0-9_-]{4,}/g) ?? []) if (!toolIds.includes(id)) toolIds.push(id)
  let partType: string | null = null
  if (d?.part?.type) partType = d.part.type
  else if (d?.part?.group !== undefined) partType = g?.[d.part.group] ?? null
  else if (d?.part?.allowedGroup !== undefined) partType = `not:${(g?.[d.part.allowedGroup] ?? '').replace(/['"\s]/g, '')}`
  // A path that goes on from the message into a part type: `messages[565].image[0]`, `messages.2.content.0.image.source`.
  partType ??= PART_IN_PATH.exec(message)?.[1] ?? null
  const missingField = d?.part?.missingGroup !== undefined ? (g?.[d.part.missingGroup] ?? null) : null
  let parameter: string | null = null
  if (d?.parameterGroup !== undefined) parameter = g?.[d.parameterGroup] ?? null
  // OpenAI's `param` is a path (`tools[0].name`); MiMo's is a sentence.
  else if (st.param && /^'?[\w.[\]-]+'?$/.test(st.param) && !/^'?(messages?|input)\b/.test(st.param)) parameter = st.param.replace(/^'|'$/g, '')
  else if (d?.locates.includes('parameter')) parameter = /^([a-z_]+(?:\.[\w[\]]+)*)/i.exec(message)?.[1] ?? null
  return { toolIds, partType, parameter, missingField }
}

/** Part types as a path names them right after the message (or its content index). */
const PART_IN_PATH = /messages?(?:\.\d+|\.?\[\d+\])(?:\.content(?:\.\d+|\.?\[\d+\]))?\.(image_url|image|input_image|video_url|video|input_audio|audio|file|document)\b/
