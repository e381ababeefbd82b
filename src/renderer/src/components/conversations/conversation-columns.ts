/** Column order and widths of the conversation list, shared by its header and rows (CSS grid tracks). */
export const CONVERSATION_COLUMNS = [
  { id: 'first', title: 'Started', width: '96px' },
  { id: 'last', title: 'Last', width: '96px' },
  { id: 'title', title: 'Conversation', width: 'minmax(220px, 1fr)' },
  { id: 'protocol', title: 'Protocol', width: '80px' },
  { id: 'model', title: 'Model', width: '128px' },
  { id: 'requests', title: 'Requests', width: '72px', align: 'right' },
  { id: 'turns', title: 'Turns', width: '60px', align: 'right' },
  { id: 'tokens', title: 'Tokens in/out', width: '112px', align: 'right' },
  { id: 'errors', title: 'Errors', width: '62px', align: 'right' },
  { id: 'status', title: 'Last status', width: '88px' }
] as const

export const CONVERSATION_GRID = CONVERSATION_COLUMNS.map((c) => c.width).join(' ')
