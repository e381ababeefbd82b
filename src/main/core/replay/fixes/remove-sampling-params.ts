// remove-sampling-params: Anthropic rejects temperature/top_p/top_k with thinking (R14); MiMo ignores them.
import type { Fix } from './types'

const PARAMS = ['temperature', 'top_p', 'top_k'] as const

export const removeSamplingParams: Fix = {
  protocols: ['anthropic', 'openai'],
  apply(body) {
    return PARAMS.flatMap((key) => {
      if (!(key in body)) return []
      const was = JSON.stringify(body[key])
      delete body[key]
      return [`${key} (${was}) removed`]
    })
  }
}
