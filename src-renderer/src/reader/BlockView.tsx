// One block of the document as runs of text (<span data-s>), each run the
// words under the same highlights, finds and claim passages. A table block is
// drawn as a table whose cells hold runs of their own offsets: the tabs and
// line breaks between cells are in the canonical text but not in the DOM
// (the cell borders show them), which selection and tagging never need, as
// every run carries its offset. Claim passages are underlined; their ❝ in the
// margin sits on the block where the passage starts.
import { memo, type CSSProperties, type JSX } from 'react'
import type { Block } from '@contract/types'
import { tint } from '../colors'
import { segmentRange, SUGGESTION_ID_BASE, type Layer, type SuggestionLayer } from './segments'
import { tableRows } from './tableCells'
import './structure.css'

export interface HighlightLayer extends Layer {
  color: string
  title: string
  /** The entity selected in the entities pane or on the map. */
  selected: boolean
  /** A tag confirmed a moment ago that the project has not recorded yet. */
  pending?: boolean
}

interface Props {
  block: Block
  text: string
  highlights: HighlightLayer[]
  /** Entity suggestions in the block (never overlapping a tag): dotted, focusable words. */
  suggestions?: SuggestionLayer[]
  finds: Layer[]
  currentFind: number | null
  /** Set on the first block of a PDF page: that page's number. */
  pageStart?: number
  /** The span a jump landed on: shown with a brief flash. */
  flash: { start: number; end: number; nonce: number } | null
  /** The claims whose passage starts in this block, one per line (shown as a margin mark). */
  claims?: string
  /** The claim passages that reach into this block: their words are underlined. */
  claimSpans?: readonly Layer[]
  /** Set when the block's page was recognised by OCR: that page's mean word confidence (0–100). */
  ocr?: number
  /** Summaries of highlights, finds and claim passages: the block re-renders only when they change. */
  hlKey: string
  findKey: string
  claimKey?: string
}

const TAGS: Record<Block['kind'], keyof JSX.IntrinsicElements> = {
  p: 'p',
  h1: 'h1',
  h2: 'h2',
  h3: 'h3',
  h4: 'h4',
  h5: 'h5',
  h6: 'h6',
  li: 'li',
  quote: 'blockquote',
  pre: 'pre',
  row: 'div',
  table: 'table'
}

// Layer ids: mentions are >= 0, finds -1 … -FIND_LIMIT, then the flash, then
// claim passages (CLAIM_ID - i), then suggestions (SUGGESTION_ID_BASE - offset).
const FIND_LIMIT = 100_000_000
const FLASH_ID = -1_000_000_000
const CLAIM_ID = -1_200_000_000

/**
 * How words under one or more mentions look: the innermost mention's tint
 * (stronger the deeper the nesting), and one underline per mention stacked
 * from the outermost at the bottom, each in its type's colour. So in
 * "U.S. Department of Defense" with "Department of Defense" tagged inside it,
 * the outer mention's line runs under all four words and the inner one's
 * second line (and deeper tint) shows exactly where the inner mention is.
 */
function nestedStyle(marks: readonly HighlightLayer[]): CSSProperties {
  const inner = marks.at(-1)!
  const depth = Math.min(marks.length, 4)
  // box-shadow lists draw the first shadow on top: the outermost line (2px) over the next (4px) and so on.
  const lines = marks.slice(0, 4).map((m, d) => `inset 0 -${2 * (d + 1)}px 0 ${m.color}`)
  return {
    backgroundColor: tint(inner.color, 0.2 + 0.09 * (depth - 1)),
    boxShadow: lines.join(', '),
    paddingBottom: depth > 1 ? `${depth - 1}px` : undefined
  }
}

/** The runs of text from `start` to `end`, one span per set of covering layers. */
function runs(text: string, start: number, end: number, layers: readonly Layer[], currentFind: number | null, nonce: number | undefined): JSX.Element[] {
  return segmentRange(start, end, layers).map((seg) => {
    const marks = seg.covers.filter((c) => c.id >= 0) as HighlightLayer[]
    const find = seg.covers.find((c) => c.id < 0 && c.id > -FIND_LIMIT)
    const flashed = seg.covers.some((c) => c.id === FLASH_ID)
    const claimed = seg.covers.some((c) => c.id <= CLAIM_ID && c.id > SUGGESTION_ID_BASE)
    // A suggestion is drawn only on words no tag covers (a tag being saved may cover one for a moment).
    const sg = marks.length ? undefined : (seg.covers.find((c) => c.id <= SUGGESTION_ID_BASE) as SuggestionLayer | undefined)
    const inner = marks.at(-1)
    const cls = [
      inner ? 'hl' : '',
      marks.length > 1 ? 'hl-nested' : '',
      find ? 'find' : '',
      flashed ? 'flash' : '',
      claimed ? 'claim-mark' : '',
      find && -1 - find.id === currentFind ? 'find-current' : '',
      marks.some((m) => m.selected) ? 'hl-selected' : '',
      marks.some((m) => m.pending) ? 'hl-pending' : '',
      sg ? 'sg' : ''
    ]
      .filter(Boolean)
      .join(' ')
    return (
      <span
        key={`${seg.start}${flashed ? `f${nonce}` : ''}`}
        data-s={seg.start}
        // Innermost first: a click on nested words opens the innermost mention first, the outer ones below it.
        data-mentions={marks.some((m) => !m.pending) ? marks.filter((m) => !m.pending).map((m) => m.id).reverse().join(' ') : undefined}
        data-depth={marks.length > 1 ? marks.length : undefined}
        className={cls || undefined}
        title={marks.length ? marks.map((m) => m.title).reverse().join('\n') : sg ? `Suggestion: ${sg.label}` : undefined}
        style={inner ? nestedStyle(marks) : sg ? { textDecorationColor: sg.color } : undefined}
        // No Tab stop and no role: the caret is the keyboard's way into a suggestion (suggest/useSuggestionEvents).
        data-sg={sg ? `${sg.start}:${sg.end}` : undefined}
      >
        {text.slice(seg.start, seg.end)}
      </span>
    )
  })
}

/**
 * A table block as a table: its rows and cells come from the text (tab and
 * line-break separated), each cell's runs carry their canonical offsets. The
 * header rows the import found become a <thead> of column headers, and
 * merged cells (block.spans) span their columns and rows, so the columns
 * line up though those rows hold fewer cells in the text.
 */
function tableBody(text: string, block: Block, draw: (start: number, end: number) => JSX.Element[]): JSX.Element[] {
  const rows = tableRows(text, block)
  const head = Math.min(block.head ?? 0, rows.length)
  const tr = (r: (typeof rows)[number], header: boolean) => (
    <tr key={r.start}>
      {r.cells.map((c) =>
        header ? (
          <th key={c.start} scope="col" colSpan={c.colSpan} rowSpan={c.rowSpan}>
            {draw(c.start, c.end)}
          </th>
        ) : (
          <td key={c.start} colSpan={c.colSpan} rowSpan={c.rowSpan}>
            {draw(c.start, c.end)}
          </td>
        )
      )}
    </tr>
  )
  return [
    ...(head ? [<thead key="h">{rows.slice(0, head).map((r) => tr(r, true))}</thead>] : []),
    <tbody key="b">{rows.slice(head).map((r) => tr(r, false))}</tbody>
  ]
}

/** One block of the document; re-renders only when its own highlights change. */
export const BlockView = memo(function BlockView({ block, text, highlights, suggestions, finds, currentFind, flash, pageStart, claims, claimSpans, ocr }: Props) {
  const Tag = TAGS[block.kind]
  // A list item that carries its own bullet in the text needs no second one.
  const ownMarker = block.kind === 'li' && /^[•●▪◦‣∙·*\-–]/.test(text.slice(block.start, block.start + 1))
  const layers: Layer[] = [...highlights, ...(suggestions ?? []), ...finds.map((f) => ({ ...f, id: -1 - f.id }))]
  if (flash && flash.end > block.start && flash.start < block.end) layers.push({ start: flash.start, end: flash.end, id: FLASH_ID })
  claimSpans?.forEach((c, i) => layers.push({ start: c.start, end: c.end, id: CLAIM_ID - i }))
  const draw = (start: number, end: number) => runs(text, start, end, layers, currentFind, flash?.nonce)
  const listStyle: CSSProperties | undefined = block.level ? { marginLeft: `${1.4 * (block.level + 1)}em` } : undefined
  const body = (
    <Tag
      className={`blk blk-${block.kind}${ownMarker ? ' own-marker' : ''}${claims ? ' has-claim' : ''}${block.level ? ` li-level-${Math.min(block.level, 3)}` : ''}${ocr !== undefined ? ' blk-ocr' : ''}`}
      data-block-start={block.start}
      data-ocr={ocr !== undefined ? Math.round(ocr) : undefined}
      data-claims={claims ? claims.split('\n').length : undefined}
      data-n={block.n}
      {...(block.kind === 'li' && block.n !== undefined ? { value: block.n } : {})}
      style={listStyle}
      aria-description={claims ? `Claims from this passage: ${claims.replace(/\n/g, '; ')}` : undefined}
    >
      {block.kind === 'table' ? tableBody(text, block, draw) : draw(block.start, block.end)}
    </Tag>
  )
  // A list item is a block of its own (the virtualised chunks cut anywhere), so each sits in a list of its own:
  // an <li> outside a list is no list item to assistive technology (axe: listitem).
  const item = block.kind === 'li' ? <ul className="blk-list">{body}</ul> : body
  // The first block of each PDF page carries a page marker (not part of the text).
  return pageStart ? (
    <>
      <div className="page-marker" aria-label={`Page ${pageStart}${ocr !== undefined ? ', text recognised by OCR' : ''}`} contentEditable={false}>
        Page {pageStart}
        {ocr !== undefined && (
          <span className="ocr-badge" title={`This page is a scan: its text was recognised by OCR (mean word confidence ${Math.round(ocr)} %). Check quotes against the original.`}>
            OCR · {Math.round(ocr)} %
          </span>
        )}
      </div>
      {item}
    </>
  ) : (
    item
  )
}, (a, b) => a.block === b.block && a.text === b.text && a.hlKey === b.hlKey && a.findKey === b.findKey && a.flash === b.flash && a.pageStart === b.pageStart && a.claims === b.claims && a.claimKey === b.claimKey && a.ocr === b.ocr)
