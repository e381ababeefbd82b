// Soft wrap by character count so every visual row has the same height: the virtual list then needs no
// measuring, and a 5 MB single-line body becomes tens of thousands of cheap rows instead of one huge DOM node.

export interface WrappedRows {
  /** rowStart[i] = first visual row of logical line i; rowStart[lines.length] = total rows. */
  rowStart: Uint32Array
  columns: number
  total: number
}

export function wrapRows(lines: string[], columns: number): WrappedRows {
  const cols = Math.max(20, Math.floor(columns))
  const rowStart = new Uint32Array(lines.length + 1)
  let total = 0
  for (let i = 0; i < lines.length; i++) {
    rowStart[i] = total
    const len = lines[i].length
    total += len === 0 ? 1 : Math.ceil(len / cols)
  }
  rowStart[lines.length] = total
  return { rowStart, columns: cols, total }
}

/** Which logical line and segment a visual row shows. */
export function locateRow(w: WrappedRows, row: number): { line: number; segment: number } {
  let lo = 0
  let hi = w.rowStart.length - 2
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1
    if (w.rowStart[mid] <= row) lo = mid
    else hi = mid - 1
  }
  return { line: lo, segment: row - w.rowStart[lo] }
}
