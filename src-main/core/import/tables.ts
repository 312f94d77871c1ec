// Tables of an imported page or Word document, read as data: a table whose
// cells are all short and hold no table becomes rows of cell texts (one
// `table` block); anything else is page layout and is walked as blocks.
//
// Cell texts are flat (block elements and line breaks inside a cell become
// spaces) so that a tab only ever separates cells and a line break rows:
// the reader and every export can split a table's text back into its cells.
// Merged cells (colspan/rowspan) are kept as one cell where they start; a
// spreadsheet reading the text gets a ragged row rather than invented cells.
import { BLOCK_KIND, CONTAINERS, SKIP } from './blockTags'

/** A cell holding more text than this is page layout, not data. */
const MAX_DATA_CELL_CHARS = 600

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

/** The table's own rows, in order (not those of a table nested in a cell). */
function rowsOf(table: Element): { tr: Element; inHead: boolean }[] {
  const out: { tr: Element; inHead: boolean }[] = []
  for (const c of table.children) {
    const t = tag(c)
    if (t === 'TR') out.push({ tr: c, inHead: false })
    else if (t === 'THEAD' || t === 'TBODY' || t === 'TFOOT') {
      for (const tr of c.children) if (tag(tr) === 'TR') out.push({ tr, inHead: t === 'THEAD' })
    }
  }
  return out
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
  const caption = [...table.children].find((c) => tag(c) === 'CAPTION')
  return { caption: caption ? flatText(caption) || null : null, rows: rows.map((r) => cellsOf(r.tr).map(flatText)), head }
}
