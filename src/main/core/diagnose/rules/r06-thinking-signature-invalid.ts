// R06: a thinking signature that the provider in use did not make. A heuristic (docs/rules.md R06):
// Anthropic's signatures are long base64, DeepSeek's are the message UUID, MiMo's are empty or absent. So a
// non-Anthropic signature sent to Anthropic, or a Claude signature sent elsewhere, means the history switched
// providers or models. Always a warning: only the provider's own error makes it certain.
import type { Finding } from '../../../../shared/types'
import { providerInUse, type RuleContext } from '../context'
import { blockPath, finding, providerName } from '../finding'

type SignatureKind = 'empty' | 'uuid' | 'anthropic' | 'other'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const BASE64 = /^[A-Za-z0-9+/_-]+=*$/

export function signatureKind(signature: string): SignatureKind {
  if (signature.trim() === '') return 'empty'
  if (UUID.test(signature)) return 'uuid'
  if (signature.length >= 100 && BASE64.test(signature)) return 'anthropic'
  return 'other'
}

const KIND_NAMES: Record<SignatureKind, string> = {
  empty: 'an empty signature',
  uuid: 'a UUID signature (DeepSeek signs with the message id)',
  anthropic: 'a Claude-style signature',
  other: 'a signature Anthropic did not make'
}

export function thinkingSignatureInvalid(ctx: RuleContext): Finding[] {
  if (ctx.protocol !== 'anthropic') return []
  const provider = providerInUse(ctx)
  const out: Finding[] = []
  for (const message of ctx.view.messages) {
    if (message.role !== 'assistant') continue
    message.blocks.forEach((block, b) => {
      if (block.type !== 'thinking' || block.signature === null) return
      const kind = signatureKind(block.signature)
      const foreign = provider === 'anthropic' ? kind !== 'anthropic' : kind === 'anthropic'
      if (!foreign) return
      out.push(
        finding('anthropic.thinking-signature-invalid', {
          severity: 'warning',
          messageIndex: message.index,
          blockIndex: b,
          path: `${blockPath(message.index, b)}.signature`,
          message: `Thinking block ${b} of assistant message ${message.index} carries ${KIND_NAMES[kind]}, so it probably came from another provider or model than ${providerName(provider)}, which may reject it as an invalid signature.`,
          fix: 'Replay thinking only to the model that produced it; drop it (or send it as text) after a model switch.',
          fixIds: ['drop-thinking']
        })
      )
    })
  }
  return out
}
