// Turns a (sanitised) DOM tree into canonical text blocks: paragraphs,
// headings, list items (with their depth and number), quotes, preformatted
// text and tables.
//
// A data table (short cells, no table inside) becomes one `table` block,
// cells joined by tabs and rows by line breaks (tables.ts); a layout table
// keeps its paragraphs as blocks, and a data row inside one becomes a `row`.
//
// The walk is iterative (an explicit stack), so a hostile page nested
// 100,000 elements deep cannot overflow the call stack.
import type { Block, BlockKind } from '../../contract/types'
import { BLOCK_KIND, CONTAINERS, SKIP } from './blockTags'
import { isDataRow, readTable } from './tables'
import { TextBuilder } from './textBuilder'

// Placeholders survive whitespace collapsing, then become \n (<br>) and \t (cell).
const LINE_BREAK = /\u0001/g
const CELL_BREAK = /\u0002/g

const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g

const TEXT_NODE = 3
const ELEMENT_NODE = 1

interface Frame {
  /** The next child of this element to visit. */
  next: Node | null
  /** The block kind the element's inline content belongs to. */
  inherited: BlockKind
  /** What to do when the element's children are done. */
  exit: (() => void) | null
}

export function domToBlocks(root: Node): TextBuilder {
  const out = new TextBuilder()
  let buf = ''
  let kind: BlockKind = 'p'
  // A list item's depth and number, while its text is read.
  let item: Pick<Block, 'level' | 'n'> | undefined
  // The lists we are inside: ordered ones count their items.
  const lists: { next: number | null }[] = []
  // Depth of data rows we are inside: block elements there are only spaces.
  let inDataRow = 0

  const flush = () => {
    const text =
      kind === 'pre'
        ? buf.replace(LINE_BREAK, '\n').replace(CELL_BREAK, '\t')
        : buf
            .replace(/[ \t\r\n\f]+/g, ' ')
            .replace(/ ?\u0001 ?/g, '\n')
            .replace(/ ?\u0002 ?/g, '\t')
    out.add(kind, text, undefined, kind === 'li' ? item : undefined)
    buf = ''
  }

  const stack: Frame[] = [{ next: root.firstChild, inherited: 'p', exit: null }]
  while (stack.length) {
    const top = stack[stack.length - 1]!
    const child = top.next
    if (!child) {
      stack.pop()
      top.exit?.()
      continue
    }
    top.next = child.nextSibling
    const inherited = top.inherited

    if (child.nodeType === TEXT_NODE) {
      buf += (child.nodeValue ?? '').replace(CONTROL_CHARS, '')
      continue
    }
    if (child.nodeType !== ELEMENT_NODE) continue
    const el = child as Element
    const tag = el.tagName.toUpperCase()
    if (SKIP.has(tag)) continue
    if (tag === 'BR') {
      buf += '\u0001'
      continue
    }
    if (tag === 'TD' || tag === 'TH') {
      if (buf.trim()) buf += inDataRow > 1 ? ' ' : '\u0002'
      stack.push({ next: el.firstChild, inherited, exit: null })
      continue
    }
    const own = BLOCK_KIND[tag]
    if (inDataRow > 0 && (own || CONTAINERS.has(tag))) {
      // Inside a data row every block is inline: keep words apart, no new block.
      buf += ' '
      if (tag === 'TR') inDataRow++
      stack.push({
        next: el.firstChild,
        inherited,
        exit: () => {
          buf += ' '
          if (tag === 'TR') inDataRow--
        }
      })
      continue
    }
    if (tag === 'TABLE') {
      const table = readTable(el)
      if (table) {
        flush()
        if (table.caption) out.add('p', table.caption)
        out.addTable(table.rows, table.head, table.spans)
        continue
      }
    }
    if (own || CONTAINERS.has(tag)) {
      flush()
      const childKind: BlockKind =
        tag === 'BLOCKQUOTE' ? 'quote' : own && !(inherited === 'quote' && own === 'p') ? own : inherited
      const saved = kind
      const savedItem = item
      kind = childKind
      const list = tag === 'UL' || tag === 'OL'
      if (list) lists.push({ next: tag === 'OL' ? startOf(el) : null })
      if (tag === 'LI') item = listItem(el, lists)
      const dataRow = tag === 'TR' && isDataRow(el)
      if (dataRow) inDataRow++
      stack.push({
        next: el.firstChild,
        inherited: childKind,
        exit: () => {
          flush()
          kind = saved
          item = savedItem
          if (list) lists.pop()
          if (dataRow) inDataRow--
        }
      })
      continue
    }
    stack.push({ next: el.firstChild, inherited, exit: null })
  }
  flush()
  return out
}

/** An ordered list's first number (its `start`, 1 by default). */
function startOf(ol: Element): number {
  const n = Number.parseInt(ol.getAttribute('start') ?? '', 10)
  return Number.isFinite(n) ? n : 1
}

/** A list item's depth (0 at the top) and, in an ordered list, its number (its `value` restarts the count). */
function listItem(li: Element, lists: { next: number | null }[]): Pick<Block, 'level' | 'n'> {
  const list = lists.at(-1)
  const level = Math.max(0, lists.length - 1)
  if (!list || list.next === null) return level ? { level } : {}
  const v = Number.parseInt(li.getAttribute('value') ?? '', 10)
  const n = Number.isFinite(v) ? v : list.next
  list.next = n + 1
  return level ? { level, n } : { n }
}
