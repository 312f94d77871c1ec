// A table block's rows and cells, read from the canonical text itself: a
// table's text is its rows joined by "\n" and each row's cells by "\t"
// (cells never hold either), so every cell's offsets index the canonical
// text exactly and tags, finds and selections inside cells need nothing else.
import type { Block, TextSpan } from '@contract/types'

export interface TableRow extends TextSpan {
  cells: TextSpan[]
}

export function tableRows(text: string, block: Pick<Block, 'start' | 'end'>): TableRow[] {
  const rows: TableRow[] = []
  let rowStart = block.start
  while (rowStart <= block.end) {
    let rowEnd = text.indexOf('\n', rowStart)
    if (rowEnd < 0 || rowEnd > block.end) rowEnd = block.end
    const cells: TextSpan[] = []
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
  return rows
}
