import type { ListColumn } from '../shared/list-columns'

/** Column order, widths and which go first when the list is narrow (higher priority number = dropped sooner). */
export const COLUMNS: readonly ListColumn[] = [
  { id: 'time', sortKey: 'time', title: 'Time', width: 104, priority: 1 },
  { id: 'method', sortKey: 'method', title: 'Method', width: 66, priority: 4 },
  { id: 'path', sortKey: 'path', title: 'Path', width: 200, flex: true, priority: 0 },
  { id: 'model', sortKey: 'model', title: 'Model', width: 136, priority: 2 },
  { id: 'provider', sortKey: 'provider', title: 'Provider', width: 90, priority: 6 },
  { id: 'client', sortKey: 'client', title: 'Client', width: 128, priority: 5 },
  { id: 'stream', sortKey: 'stream', title: 'Stream', width: 62, priority: 5 },
  { id: 'status', sortKey: 'status', title: 'Status', width: 124, priority: 0 },
  { id: 'duration', sortKey: 'duration', title: 'Duration', width: 78, align: 'right', priority: 3 },
  { id: 'ttfb', sortKey: 'ttfb', title: 'TTFB', width: 70, align: 'right', priority: 8 },
  { id: 'req', sortKey: 'req', title: 'Req', width: 74, align: 'right', priority: 6 },
  { id: 'res', sortKey: 'res', title: 'Res', width: 74, align: 'right', priority: 7 },
  { id: 'tokens', sortKey: 'tokens', title: 'Tokens in/out', width: 120, align: 'right', priority: 5 }
]
