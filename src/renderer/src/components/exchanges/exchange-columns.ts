/** Column order and widths, shared by the header and the rows (CSS grid tracks). */
export const COLUMNS = [
  { id: 'time', title: 'Time', width: '96px' },
  { id: 'method', title: 'Method', width: '66px' },
  { id: 'path', title: 'Path', width: 'minmax(200px, 1fr)' },
  { id: 'model', title: 'Model', width: '128px' },
  { id: 'provider', title: 'Provider', width: '86px' },
  { id: 'stream', title: 'Stream', width: '62px' },
  { id: 'status', title: 'Status', width: '118px' },
  { id: 'duration', title: 'Duration', width: '74px', align: 'right' },
  { id: 'ttfb', title: 'TTFB', width: '66px', align: 'right' },
  { id: 'req', title: 'Req', width: '70px', align: 'right' },
  { id: 'res', title: 'Res', width: '70px', align: 'right' },
  { id: 'tokens', title: 'Tokens in/out', width: '112px', align: 'right' }
] as const

export const GRID_TEMPLATE = COLUMNS.map((c) => c.width).join(' ')
