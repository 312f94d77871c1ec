// Tables of an imported page or Word document, read as data: a table whose
// cells are all short and hold no table becomes rows of cell texts (one
// `table` block); anything else is page layout and is walked as blocks.
//
// Cell texts are flat (block elements and line breaks inside a cell become
// spaces) so that a tab only ever separates cells and a line break rows:
// the reader and every export can split a table's text back into its cells.
// Merged cells (colspan/rowspan) are kept as one cell where they start; a
// spreadsheet reading the text gets a ragged row rather than invented cells
// (the text is what tags point into, so it holds only what the page shows).
// How far each merged cell reaches is read beside the text (`spans`) and the
// reader draws it, so there the columns line up under their headers. Spans
// are read as a browser reads them, within reason: garbage is 1, a span is
// at most MAX_SPAN, and a rowspan ends with its row group (rowspan="0"
// reaches there) and never crosses from the header rows into the body.
import type { CellSpan } from '../../contract/types'
import { BLOCK_KIND, CONTAINERS, SKIP } from './blockTags'

/** A cell holding more text than this is page layout, not data. */
const MAX_DATA_CELL_CHARS = 600

/** The widest or tallest merged cell read (HTML's own cap on colspan); more is garbage or hostile. */
const MAX_SPAN = 1000

const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g

const tag = (el: Element) => el.tagName.toUpperCase()

function cellsOf(tr: Element): Element[] {
  return [...tr.children].filter((c) => tag(c) === 'TD' || tag(c) === 'TH')
}

/**
 * A table row is data (its cells joined with tabs) when every cell is short
 * and holds no nested table; paragraphs inside its cells (as Word and many
 * sites write them) are then joined with spaces. A row of a layout table,
 * holding whole articles, keeps its paragraphs as blocks.
 */
export function isDataRow(tr: Element): boolean {
  for (const c of cellsOf(tr)) {
    if ((c.textContent ?? '').length > MAX_DATA_CELL_CHARS) return false
    if (c.querySelector('table')) return false
  }
  return true
}

interface SourceRow {
  tr: Element
  inHead: boolean
  /** Its row group (a <thead>, <tbody>, <tfoot>, or a run of <tr>s directly in the table): a rowspan ends with it. */
  group: number
}

/** The table's own rows, in order (not those of a table nested in a cell). */
function rowsOf(table: Element): SourceRow[] {
  const out: SourceRow[] = []
  let group = 0
  let loose = false
  for (const c of table.children) {
    const t = tag(c)
    if (t === 'TR') {
      if (!loose) group++
      loose = true
      out.push({ tr: c, inHead: false, group })
    } else if (t === 'THEAD' || t === 'TBODY' || t === 'TFOOT') {
      group++
      loose = false
      for (const tr of c.children) if (tag(tr) === 'TR') out.push({ tr, inHead: t === 'THEAD', group })
    }
  }
  return out
}

/**
 * A colspan or rowspan attribute as a browser parses it (leading digits,
 * "2px" is 2): 1 when absent or garbage, at most MAX_SPAN; 0 only for a
 * rowspan, where it means "to the end of the row group".
 */
function spanOf(cell: Element, name: 'colspan' | 'rowspan'): number {
  const m = /^[\t\n\f\r ]*\+?(\d+)/.exec(cell.getAttribute(name) ?? '')
  if (!m) return 1
  const n = Math.min(Number(m[1]), MAX_SPAN)
  return n === 0 && name === 'colspan' ? 1 : n
}

/** The merged cells of `rows` (indexes into them), each rowspan cut at its row group's end. */
function spansOf(rows: readonly SourceRow[]): CellSpan[] {
  const spans: CellSpan[] = []
  let groupEnd = 0
  rows.forEach(({ tr, group }, r) => {
    if (groupEnd <= r) {
      groupEnd = r + 1
      while (groupEnd < rows.length && rows[groupEnd]!.group === group) groupEnd++
    }
    cellsOf(tr).forEach((cell, c) => {
      const colspan = spanOf(cell, 'colspan')
      const asked = spanOf(cell, 'rowspan')
      const rowspan = asked === 0 ? groupEnd - r : Math.min(asked, groupEnd - r)
      if (colspan > 1 || rowspan > 1) spans.push([r, c, colspan, rowspan])
    })
  })
  return spans
}

/** A cell's (or caption's) text on one line: words kept apart where blocks or line breaks were. */
export function flatText(el: Element): string {
  let out = ''
  // Iterative, like the block walk: nesting depth is the page's to choose.
  const stack: (Node | null)[] = [el.firstChild]
  while (stack.length) {
    const node = stack[stack.length - 1]
    if (!node) {
      stack.pop()
      continue
    }
    stack[stack.length - 1] = node.nextSibling
    if (node.nodeType === 3) {
      out += (node.nodeValue ?? '').replace(CONTROL_CHARS, '')
      continue
    }
    if (node.nodeType !== 1) continue
    const name = tag(node as Element)
    if (SKIP.has(name)) continue
    if (name === 'BR' || BLOCK_KIND[name] || CONTAINERS.has(name) || name === 'TD' || name === 'TH') out += ' '
    stack.push(node.firstChild)
  }
  return out.replace(/[ \t\r\n\f]+/g, ' ').trim()
}

export interface DataTable {
  caption: string | null
  rows: string[][]
  /** Header rows at the top: in <thead>, or all of whose cells are <th>. */
  head: number
  /** Merged cells, [row, cell, colspan, rowspan] with row and cell indexes into `rows`. */
  spans: CellSpan[]
}

/** The table as data, or null when it is page layout (or has no rows). */
export function readTable(table: Element): DataTable | null {
  if (table.querySelector('table')) return null
  const rows = rowsOf(table)
  if (!rows.length || !rows.every((r) => isDataRow(r.tr))) return null
  let head = 0
  while (head < rows.length) {
    const { tr, inHead } = rows[head]!
    const cells = cellsOf(tr)
    if (!(inHead || (cells.length > 0 && cells.every((c) => tag(c) === 'TH')))) break
    head++
  }
  const spans = spansOf(rows)
  // Header rows the import found by their <th>s (no <thead>) may have a
  // rowspan into the rows below, which the page draws as one group but the
  // reader would cut at its <thead>: such rows are not the table's header
  // (a <th rowspan> at the top of a body is a row header). reach[h] is the
  // furthest a rowspan starting above row h reaches: linear, as a hostile
  // table may have 100,000 header rows.
  const reach = new Array<number>(head + 1).fill(0)
  for (const [r, , , rowspan] of spans) if (r < head) reach[r + 1] = Math.max(reach[r + 1]!, r + rowspan)
  for (let h = 1; h <= head; h++) reach[h] = Math.max(reach[h]!, reach[h - 1]!)
  while (head > 0 && reach[head]! > head) head--
  const caption = [...table.children].find((c) => tag(c) === 'CAPTION')
  return { caption: caption ? flatText(caption) || null : null, rows: rows.map((r) => cellsOf(r.tr).map(flatText)), head, spans }
}
