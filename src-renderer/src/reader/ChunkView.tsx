// A run of consecutive blocks of the document: what the virtualised reader
// adds to or takes out of the DOM as one piece. It re-renders only when its
// own mentions, finds or flash change (or the entities' names/types), and
// then each block inside re-renders only if its own highlights changed.
import { memo, useLayoutEffect, useRef } from 'react'
import type { Claim, DocumentContent, Entity, EntitySuggestion, Mention } from '@contract/types'
import type { TypeLook } from '../colors'
import { BlockView, type HighlightLayer } from './BlockView'
import type { Chunk } from './chunks'
import { SUGGESTION_ID_BASE, type Layer, type SuggestionLayer } from './segments'
import './virtual.css'
import './ocr.css'

/** A tag confirmed but not yet recorded: shown at once, in its type's colour. */
export interface PendingTag {
  start: number
  end: number
  color: string
  title: string
}

/** A claim's quoted passage in the open document. */
export interface ClaimSpan {
  start: number
  end: number
  label: string
}

/** The passages of `documentId` that back claims, sorted by start. */
export function claimSpans(claims: readonly Claim[], documentId: number | null): ClaimSpan[] {
  const out: ClaimSpan[] = []
  for (const c of claims) {
    const p = c.passage
    if (!p || p.documentId !== documentId) continue
    out.push({ start: p.start, end: p.end, label: `${c.subjectName} — ${c.predicate} — ${c.qualifier !== 'exact' ? `${c.qualifier} ` : ''}${c.objectLabel} (${c.grade})` })
  }
  return out.sort((a, b) => a.start - b.start)
}

/** The layer id of a pending tag (real mention ids are positive, finds negative). */
const PENDING_ID = 2 ** 31 - 1

interface Props {
  index: number
  chunk: Chunk
  doc: DocumentContent
  /** Mentions that overlap the chunk, sorted by start. */
  mentions: readonly Mention[]
  /** Claim passages that overlap the chunk, sorted by start. */
  claims: readonly ClaimSpan[]
  /** Entity suggestions that overlap the chunk, sorted by start. */
  suggestions?: readonly EntitySuggestion[]
  entityById: ReadonlyMap<number, Entity>
  typeOf(key: string): TypeLook
  selectedEntityId: number | null
  /** Find matches in the chunk, with their global index as id. */
  finds: readonly Layer[]
  currentFind: number
  flash: { start: number; end: number; nonce: number } | null
  pending: PendingTag | null
  /** A short document: the blocks go straight into .doc-text, with no wrapper (nothing is virtualised). */
  bare: boolean
  observer: ResizeObserver | null
}

const NONE: readonly EntitySuggestion[] = []

function ChunkViewImpl({ index, chunk, doc, mentions, claims, suggestions = NONE, entityById, typeOf, selectedEntityId, finds, currentFind, flash, pending, bare, observer }: Props) {
  const ref = useRef<HTMLDivElement>(null)
  useLayoutEffect(() => {
    const el = ref.current
    if (!el || !observer) return
    observer.observe(el)
    return () => observer.unobserve(el)
  }, [observer])

  const ocrPages = new Map(doc.ocr?.pages.map((p) => [p.page, p.confidence]))
  const blocks = []
  let m = 0
  let f = 0
  for (let i = chunk.first; i < chunk.last; i++) {
    const b = doc.blocks[i]!
    // Mentions are sorted by start: skip those that ended before this block, take those that reach into it.
    while (m < mentions.length && mentions[m]!.end <= b.start && mentions[m]!.start < b.start) m++
    const layers: HighlightLayer[] = []
    let hlKey = ''
    for (let k = m; k < mentions.length && mentions[k]!.start < b.end; k++) {
      const x = mentions[k]!
      if (x.end <= b.start) continue
      const ent = entityById.get(x.entityId)
      const t = typeOf(ent?.type ?? '')
      const selected = x.entityId === selectedEntityId
      const title = `${ent?.name ?? '?'} (${t.label})`
      layers.push({ id: x.id, start: x.start, end: x.end, color: t.color, title, selected })
      hlKey += `${x.id}:${t.color}:${title}:${selected ? 1 : 0};`
    }
    // The pending tag, until the real mention on the same words has arrived.
    if (pending && pending.end > b.start && pending.start < b.end && !mentions.some((x) => x.start === pending.start && x.end === pending.end)) {
      layers.push({ id: PENDING_ID, start: pending.start, end: pending.end, color: pending.color, title: pending.title, selected: false, pending: true })
      layers.sort((x, y) => x.start - y.start || y.end - x.end)
      hlKey += `pending:${pending.start}:${pending.end}:${pending.color};`
    }
    const sgs: SuggestionLayer[] = []
    for (const x of suggestions) {
      if (x.end <= b.start || x.start >= b.end) continue
      const t = typeOf(x.type === 'Percent' ? 'Other' : x.type)
      const label = x.type === 'Percent' ? 'Percent' : t.label
      sgs.push({ id: SUGGESTION_ID_BASE - x.start, start: x.start, end: x.end, color: t.color, label })
      hlKey += `s${x.start}:${x.end}:${t.color}:${label};`
    }
    while (f < finds.length && finds[f]!.end <= b.start) f++
    const blockFinds: Layer[] = []
    for (let k = f; k < finds.length && finds[k]!.start < b.end; k++) if (finds[k]!.end > b.start) blockFinds.push(finds[k]!)
    const flashed = flash && flash.end > b.start && flash.start < b.end ? flash : null
    // A claim is marked at the block its passage starts in.
    const claimLabels = claims.filter((c) => c.start >= b.start && c.start < b.end).map((c) => c.label)
    // Every passage that reaches into the block is underlined there (a passage may run over several blocks).
    const passages = claims.filter((c) => c.end > b.start && c.start < b.end)
    blocks.push(
      <BlockView
        key={b.start}
        block={b}
        text={doc.text}
        highlights={layers}
        suggestions={sgs}
        hlKey={hlKey}
        finds={blockFinds}
        findKey={blockFinds.map((x) => `${x.id}${x.id === currentFind ? '*' : ''}`).join(',')}
        currentFind={currentFind}
        flash={flashed}
        pageStart={b.page !== undefined && b.page !== doc.blocks[i - 1]?.page ? b.page : undefined}
        claims={claimLabels.length ? claimLabels.join('\n') : undefined}
        claimSpans={passages.length ? passages.map((c, k) => ({ start: c.start, end: c.end, id: k })) : undefined}
        claimKey={passages.map((c) => `${c.start}-${c.end}`).join(',')}
        ocr={b.page !== undefined ? ocrPages.get(b.page) : undefined}
      />
    )
  }
  if (bare) return <>{blocks}</>
  return (
    <div className="doc-chunk" data-chunk={index} ref={ref}>
      {blocks}
    </div>
  )
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

const findKey = (finds: readonly Layer[], current: number) => finds.map((x) => `${x.id}${x.id === current ? '*' : ''}`).join(',')

export const ChunkView = memo(
  ChunkViewImpl,
  (a, b) =>
    a.index === b.index &&
    a.chunk === b.chunk &&
    // Only the text and blocks are drawn: a new title or count must not redraw every chunk.
    a.doc.text === b.doc.text &&
    a.doc.blocks === b.doc.blocks &&
    a.bare === b.bare &&
    a.observer === b.observer &&
    a.entityById === b.entityById &&
    a.typeOf === b.typeOf &&
    a.selectedEntityId === b.selectedEntityId &&
    a.flash === b.flash &&
    a.pending === b.pending &&
    sameItems(a.mentions, b.mentions) &&
    sameItems(a.claims, b.claims) &&
    sameItems(a.suggestions ?? NONE, b.suggestions ?? NONE) &&
    findKey(a.finds, a.currentFind) === findKey(b.finds, b.currentFind)
)
