import { memo, type CSSProperties, type JSX } from 'react'
import type { Block } from '@contract/types'
import { tint } from '../colors'
import { segmentRange, type Layer } from './segments'

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
  finds: Layer[]
  currentFind: number | null
  /** Set on the first block of a PDF page: that page's number. */
  pageStart?: number
  /** The span a jump landed on: shown with a brief flash. */
  flash: { start: number; end: number; nonce: number } | null
  /** The claims whose passage starts in this block, one per line (shown as a margin mark). */
  claims?: string
  /** Summaries of highlights and finds: the block re-renders only when they change. */
  hlKey: string
  findKey: string
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
  row: 'div'
}

const FLASH_ID = -1_000_000_000

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

/** One block of the document; re-renders only when its own highlights change. */

export const BlockView = memo(function BlockView({ block, text, highlights, finds, currentFind, flash, pageStart, claims }: Props) {
  const Tag = TAGS[block.kind]
  // A list item that carries its own bullet in the text needs no second one.
  const ownMarker = block.kind === 'li' && /^[•●▪◦‣∙·*\-–]/.test(text.slice(block.start, block.start + 1))
  const layers: Layer[] = [...highlights, ...finds.map((f) => ({ ...f, id: -1 - f.id }))]
  if (flash && flash.end > block.start && flash.start < block.end) layers.push({ start: flash.start, end: flash.end, id: FLASH_ID })
  const segments = segmentRange(block.start, block.end, layers)
  const body = (
    <Tag
      className={`blk blk-${block.kind}${ownMarker ? ' own-marker' : ''}${claims ? ' has-claim' : ''}`}
      data-block-start={block.start}
      data-claims={claims ? claims.split('\n').length : undefined}
      aria-description={claims ? `Claims from this passage: ${claims.replace(/\n/g, '; ')}` : undefined}
    >
      {segments.map((seg) => {
        const marks = seg.covers.filter((c) => c.id >= 0) as HighlightLayer[]
        const find = seg.covers.find((c) => c.id < 0 && c.id !== FLASH_ID)
        const flashed = seg.covers.some((c) => c.id === FLASH_ID)
        const inner = marks.at(-1)
        const cls = [
          inner ? 'hl' : '',
          marks.length > 1 ? 'hl-nested' : '',
          find ? 'find' : '',
          flashed ? 'flash' : '',
          find && -1 - find.id === currentFind ? 'find-current' : '',
          marks.some((m) => m.selected) ? 'hl-selected' : '',
          marks.some((m) => m.pending) ? 'hl-pending' : ''
        ]
          .filter(Boolean)
          .join(' ')
        return (
          <span
            key={`${seg.start}${flashed ? `f${flash!.nonce}` : ''}`}
            data-s={seg.start}
            // Innermost first: a click on nested words opens the innermost mention first, the outer ones below it.
            data-mentions={marks.some((m) => !m.pending) ? marks.filter((m) => !m.pending).map((m) => m.id).reverse().join(' ') : undefined}
            data-depth={marks.length > 1 ? marks.length : undefined}
            className={cls || undefined}
            title={marks.length ? marks.map((m) => m.title).reverse().join('\n') : undefined}
            style={inner ? nestedStyle(marks) : undefined}
          >
            {text.slice(seg.start, seg.end)}
          </span>
        )
      })}
    </Tag>
  )
  // A list item is a block of its own (the virtualised chunks cut anywhere), so each sits in a list of its own:
  // an <li> outside a list is no list item to assistive technology (axe: listitem).
  const item = block.kind === 'li' ? <ul className="blk-list">{body}</ul> : body
  // The first block of each PDF page carries a page marker (not part of the text).
  return pageStart ? (
    <>
      <div className="page-marker" aria-label={`Page ${pageStart}`} contentEditable={false}>
        Page {pageStart}
      </div>
      {item}
    </>
  ) : (
    item
  )
}, (a, b) => a.block === b.block && a.text === b.text && a.hlKey === b.hlKey && a.findKey === b.findKey && a.flash === b.flash && a.pageStart === b.pageStart && a.claims === b.claims)
