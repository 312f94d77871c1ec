// Turns a (sanitised) DOM tree into canonical text blocks: paragraphs,
// headings, list items, quotes, preformatted text and table rows.
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

export function domToBlocks(root: Node): TextBuilder {
  const out = new TextBuilder()
  let buf = ''
  let kind: BlockKind = 'p'

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

  const walk = (node: Node, inherited: BlockKind) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        buf += (child.nodeValue ?? '').replace(CONTROL_CHARS, '')
        continue
      }
      if (child.nodeType !== ELEMENT_NODE) continue
      const tag = (child as Element).tagName.toUpperCase()
      if (SKIP.has(tag)) continue
      if (tag === 'BR') {
        buf += '\u0001'
        continue
      }
      if (tag === 'TD' || tag === 'TH') {
        if (buf.trim()) buf += '\u0002'
        walk(child, inherited)
        continue
      }
      const own = BLOCK_KIND[tag]
      if (own || CONTAINERS.has(tag)) {
        flush()
        const childKind: BlockKind =
          tag === 'BLOCKQUOTE' ? 'quote' : own && !(inherited === 'quote' && own === 'p') ? own : inherited
        const saved = kind
        kind = childKind
        walk(child, childKind)
        flush()
        kind = saved
        continue
      }
      walk(child, inherited)
    }
  }
  walk(root, 'p')
  flush()
  return out
}
