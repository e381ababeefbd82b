import type { ReassembledMessage } from '../../../shared/types'

/** What a stream reassembler returns: the message, plus what did not fit (never thrown). */
export interface Reassembly {
  message: ReassembledMessage
  problems: string[]
}
