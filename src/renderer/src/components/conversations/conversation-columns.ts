import type { ListColumn } from '../shared/list-columns'

/** Column order, widths and which go first when the list is narrow (higher priority number = dropped sooner). */
export const CONVERSATION_COLUMNS: readonly ListColumn[] = [
  { id: 'first', sortKey: 'started', title: 'Started', width: 104, priority: 4 },
  { id: 'last', sortKey: 'last', title: 'Last', width: 104, priority: 1 },
  { id: 'title', sortKey: 'title', title: 'Conversation', width: 220, flex: true, priority: 0 },
  { id: 'protocol', title: 'Protocol', width: 84, priority: 6 },
  { id: 'model', sortKey: 'model', title: 'Model', width: 136, priority: 2 },
  { id: 'client', sortKey: 'client', title: 'Client', width: 128, priority: 5 },
  { id: 'requests', sortKey: 'requests', title: 'Requests', width: 88, align: 'right', priority: 3 },
  { id: 'turns', sortKey: 'turns', title: 'Turns', width: 62, align: 'right', priority: 7 },
  { id: 'tokens', sortKey: 'tokens', title: 'Tokens in/out', width: 120, align: 'right', priority: 5 },
  { id: 'errors', sortKey: 'errors', title: 'Errors', width: 72, align: 'right', priority: 5 },
  { id: 'status', title: 'Last status', width: 140, priority: 0 }
]
