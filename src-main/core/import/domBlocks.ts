// Turns a (sanitised) DOM tree into canonical text blocks: paragraphs,
// headings, list items, quotes, preformatted text and table rows.
//
// The walk is iterative (an explicit stack), so a hostile page nested
// 100,000 elements deep cannot overflow the call stack.
import type { BlockKind } from '../../contract/types'
import { TextBuilder } from './textBuilder'

const BLOCK_KIND: Record<string, BlockKind> = {
  P: 'p',
  H1: 'h1',
  H2: 'h2',
  H3: 'h3',
  H4: 'h4',
  H5: 'h5',
  H6: 'h6',
  LI: 'li',
  DT: 'p',
  DD: 'p',
  FIGCAPTION: 'p',
  CAPTION: 'p',
  PRE: 'pre',
  TR: 'row'
}

// Elements that start a new block without a kind of their own.
const CONTAINERS = new Set([
  'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'ASIDE', 'NAV', 'FIGURE', 'UL', 'OL', 'DL',
  'TABLE', 'THEAD', 'TBODY', 'TFOOT', 'BLOCKQUOTE', 'ADDRESS', 'DETAILS', 'SUMMARY', 'HR', 'BODY', 'CENTER'
])

// Never text: anything that survived sanitising but is not prose.
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'NOEMBED', 'NOFRAMES', 'TEMPLATE', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'EMBED', 'FORM', 'BUTTON', 'SELECT', 'TEXTAREA', 'HEAD', 'TITLE'])

// Placeholders survive whitespace collapsing, then become \n (<br>) and \t (cell).
const LINE_BREAK = /\u0001/g
const CELL_BREAK = /\u0002/g

const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g

const TEXT_NODE = 3
const ELEMENT_NODE = 1

/** A cell holding more text than this is page layout, not data. */
const MAX_DATA_CELL_CHARS = 600

/**
 * A table row is data (one `row` block, cells separated by tabs) when every
 * cell is short and holds no nested table; paragraphs inside its cells (as
 * Word and many sites write them) are then joined with spaces. A row of a
 * layout table, holding whole articles, keeps its paragraphs as blocks.
 */
function isDataRow(tr: Element): boolean {
  for (let c = tr.firstElementChild; c; c = c.nextElementSibling) {
    const tag = c.tagName.toUpperCase()
    if (tag !== 'TD' && tag !== 'TH') continue
    if ((c.textContent ?? '').length > MAX_DATA_CELL_CHARS) return false
    if (c.querySelector('table')) return false
  }
  return true
}

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
    out.add(kind, text)
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
    if (own || CONTAINERS.has(tag)) {
      flush()
      const childKind: BlockKind =
        tag === 'BLOCKQUOTE' ? 'quote' : own && !(inherited === 'quote' && own === 'p') ? own : inherited
      const saved = kind
      kind = childKind
      const dataRow = tag === 'TR' && isDataRow(el)
      if (dataRow) inDataRow++
      stack.push({
        next: el.firstChild,
        inherited: childKind,
        exit: () => {
          flush()
          kind = saved
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
