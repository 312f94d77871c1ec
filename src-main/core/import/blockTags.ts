// Which elements start a block, and of what kind, for the block walk
// (domBlocks.ts) and the flat text of table cells (tables.ts).
import type { BlockKind } from '../../contract/types'

export const BLOCK_KIND: Record<string, BlockKind> = {
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
export const CONTAINERS = new Set([
  'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'ASIDE', 'NAV', 'FIGURE', 'UL', 'OL', 'DL',
  'TABLE', 'THEAD', 'TBODY', 'TFOOT', 'BLOCKQUOTE', 'ADDRESS', 'DETAILS', 'SUMMARY', 'HR', 'BODY', 'CENTER'
])

// Never text: anything that survived sanitising but is not prose.
export const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'NOEMBED', 'NOFRAMES', 'TEMPLATE', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'EMBED', 'FORM', 'BUTTON', 'SELECT', 'TEXTAREA', 'HEAD', 'TITLE'])
