// use-matching-base-url: a key/gateway mismatch (R30) is fixed by the replay target, not the body; the
// FixError carries this fix id so the UI can open the upstream picker instead of showing a failure.
import { FixError } from './fix-error'
import type { Fix } from './types'

export const USE_MATCHING_BASE_URL = 'use-matching-base-url'

export const useMatchingBaseUrl: Fix = {
  protocols: ['anthropic', 'openai'],
  apply() {
    throw new FixError(
      'change the target upstream: sk- keys go to https://api.xiaomimimo.com, tp- keys to the token-plan-cn/sgp/ams cluster they were issued for',
      USE_MATCHING_BASE_URL
    )
  }
}
