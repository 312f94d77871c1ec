import { memo, type JSX } from 'react'
import type { Block } from '@contract/types'
import { tint } from '../colors'
import { segmentRange, type Layer } from './segments'

export interface HighlightLayer extends Layer {
  color: string
  title: string
  /** The entity selected in the entities pane or on the map. */
  selected: boolean
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

/** One block of the document; re-renders only when its own highlights change. */
const FLASH_ID = -1_000_000_000

export const BlockView = memo(function BlockView({ block, text, highlights, finds, currentFind, flash, pageStart }: Props) {
  const Tag = TAGS[block.kind]
  // A list item that carries its own bullet in the text needs no second one.
  const ownMarker = block.kind === 'li' && /^[•●▪◦‣∙·*\-–]/.test(text.slice(block.start, block.start + 1))
  const layers: Layer[] = [...highlights, ...finds.map((f) => ({ ...f, id: -1 - f.id }))]
  if (flash && flash.end > block.start && flash.start < block.end) layers.push({ start: flash.start, end: flash.end, id: FLASH_ID })
  const segments = segmentRange(block.start, block.end, layers)
  const body = (
    <Tag className={`blk blk-${block.kind}${ownMarker ? ' own-marker' : ''}`} data-block-start={block.start}>
      {segments.map((seg) => {
        const marks = seg.covers.filter((c) => c.id >= 0) as HighlightLayer[]
        const find = seg.covers.find((c) => c.id < 0 && c.id !== FLASH_ID)
        const flashed = seg.covers.some((c) => c.id === FLASH_ID)
        const inner = marks.at(-1)
        const outer = marks.length > 1 ? marks[0] : undefined
        const cls = [inner ? 'hl' : '', find ? 'find' : '', flashed ? 'flash' : '', find && -1 - find.id === currentFind ? 'find-current' : ''].filter(Boolean).join(' ')
        return (
          <span
            key={`${seg.start}${flashed ? `f${flash!.nonce}` : ''}`}
            data-s={seg.start}
            data-mentions={marks.length ? marks.map((m) => m.id).join(' ') : undefined}
            className={[cls, marks.some((m) => m.selected) ? 'hl-selected' : ''].filter(Boolean).join(' ') || undefined}
            title={marks.length ? marks.map((m) => m.title).join('\n') : undefined}
            style={
              inner
                ? {
                    backgroundColor: tint(inner.color, marks.length > 1 ? 0.34 : 0.22),
                    boxShadow: `inset 0 -2px 0 ${(outer ?? inner).color}`
                  }
                : undefined
            }
          >
            {text.slice(seg.start, seg.end)}
          </span>
        )
      })}
    </Tag>
  )
  // The first block of each PDF page carries a page marker (not part of the text).
  return pageStart ? (
    <>
      <div className="page-marker" aria-label={`Page ${pageStart}`} contentEditable={false}>
        Page {pageStart}
      </div>
      {body}
    </>
  ) : (
    body
  )
}, (a, b) => a.block === b.block && a.text === b.text && a.hlKey === b.hlKey && a.findKey === b.findKey && a.flash === b.flash && a.pageStart === b.pageStart)
