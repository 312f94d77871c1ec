// A table block's rows and cells, read from the canonical text itself: a
// table's text is its rows joined by "\n" and each row's cells by "\t"
// (cells never hold either), so every cell's offsets index the canonical
// text exactly and tags, finds and selections inside cells need nothing else.
//
// Merged cells come from the block's `spans` (the text holds a merged cell
// once, where it starts). They are read defensively, as stored data may be
// older or hand-made: a span naming no cell is ignored, and a rowspan is cut
// where the header rows end and where the table ends, as the reader draws
// those as separate row groups (a browser would cut it there too, but the
// rows below would then be short by a column).
import type { Block, TextSpan } from '@contract/types'

/** The widest or tallest a merged cell is drawn (the import's cap too). */
const MAX_SPAN = 1000

export interface TableCell extends TextSpan {
  /** Set when the cell is merged across columns (more than 1). */
  colSpan?: number
  /** Set when the cell is merged across rows (more than 1). */
  rowSpan?: number
}

export interface TableRow extends TextSpan {
  cells: TableCell[]
}

export function tableRows(text: string, block: Pick<Block, 'start' | 'end' | 'head' | 'spans'>): TableRow[] {
  const rows: TableRow[] = []
  let rowStart = block.start
  while (rowStart <= block.end) {
    let rowEnd = text.indexOf('\n', rowStart)
    if (rowEnd < 0 || rowEnd > block.end) rowEnd = block.end
    const cells: TableCell[] = []
    let cellStart = rowStart
    while (true) {
      let cellEnd = text.indexOf('\t', cellStart)
      if (cellEnd < 0 || cellEnd > rowEnd) cellEnd = rowEnd
      cells.push({ start: cellStart, end: cellEnd })
      if (cellEnd >= rowEnd) break
      cellStart = cellEnd + 1
    }
    rows.push({ start: rowStart, end: rowEnd, cells })
    if (rowEnd >= block.end) break
    rowStart = rowEnd + 1
  }
  if (block.spans?.length) mergeCells(rows, block.spans, Math.min(block.head ?? 0, rows.length))
  return rows
}

const count = (n: unknown, max: number) => (typeof n === 'number' && Number.isFinite(n) ? Math.max(1, Math.min(Math.floor(n), max)) : 1)

function mergeCells(rows: TableRow[], spans: NonNullable<Block['spans']>, head: number): void {
  for (const span of spans) {
    if (!Array.isArray(span)) continue
    const [r, c, colspan, rowspan] = span
    const cell = rows[r]?.cells[c]
    if (!cell) continue
    const groupEnd = r < head ? head : rows.length
    const cols = count(colspan, MAX_SPAN)
    const down = count(rowspan, Math.min(MAX_SPAN, groupEnd - r))
    if (cols > 1) cell.colSpan = cols
    else delete cell.colSpan
    if (down > 1) cell.rowSpan = down
    else delete cell.rowSpan
  }
}
