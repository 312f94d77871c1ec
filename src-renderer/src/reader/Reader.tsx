// The reader: the document's canonical text as blocks, with mentions
// highlighted in their entity type's colour. Select words to tag them; click
// a highlight to see or remove its mention.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { Mention } from '@contract/types'
import { entityType } from '@contract/vocabulary'
import { useStore } from '../store'
import { BlockView, type HighlightLayer } from './BlockView'
import { FindBar } from './FindBar'
import { MentionPopover } from './MentionPopover'
import { findAll, type Layer } from './segments'
import { selectOffsets, selectionOffsets } from './selection'
import { TagPopover } from './TagPopover'

type Popover =
  | { kind: 'tag'; x: number; y: number; start: number; end: number; text: string }
  | { kind: 'mention'; x: number; y: number; mentions: Mention[] }
  | null

function formatDate(iso: string | null): string | null {
  if (!iso) return null
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' })
}

export function Reader() {
  const doc = useStore((s) => s.doc)
  const mentions = useStore((s) => s.mentions)
  const entities = useStore((s) => s.entities)
  const jump = useStore((s) => s.jump)
  const tagSpan = useStore((s) => s.tagSpan)
  const guard = useStore((s) => s.guard)
  const findOpen = useStore((s) => s.findOpen)
  const setFindOpen = useStore((s) => s.setFindOpen)
  const openDialog = useStore((s) => s.openDialog)
  const scrollRef = useRef<HTMLDivElement>(null)
  const textRef = useRef<HTMLDivElement>(null)
  const [popover, setPopover] = useState<Popover>(null)
  const [findQuery, setFindQuery] = useState('')
  const [findIndex, setFindIndex] = useState(0)

  const selectedEntityId = useStore((s) => s.selectedEntityId)
  const entityById = useMemo(() => new Map(entities.map((e) => [e.id, e])), [entities])

  // Highlights grouped per block, each block with a key of what it shows.
  const perBlock = useMemo(() => {
    const out = new Map<number, { layers: HighlightLayer[]; key: string }>()
    if (!doc) return out
    let bi = 0
    for (const m of mentions) {
      while (bi < doc.blocks.length && doc.blocks[bi]!.end <= m.start) bi++
      for (let j = bi; j < doc.blocks.length && doc.blocks[j]!.start < m.end; j++) {
        const ent = entityById.get(m.entityId)
        const t = entityType(ent?.type ?? '')
        const selected = m.entityId === selectedEntityId
        const layer = { id: m.id, start: m.start, end: m.end, color: t.color, title: `${ent?.name ?? '?'} (${t.label})`, selected }
        const slot = out.get(j) ?? { layers: [], key: '' }
        slot.layers.push(layer)
        slot.key += `${m.id}:${layer.color}:${layer.title}:${selected ? 1 : 0};`
        out.set(j, slot)
      }
    }
    return out
  }, [doc, mentions, entityById, selectedEntityId])

  const finds = useMemo(() => (doc && findOpen ? findAll(doc.text, findQuery) : []), [doc, findOpen, findQuery])
  const findLayers = useMemo(() => finds.map((f, i) => ({ ...f, id: i })), [finds])

  const scrollToOffset = useCallback((start: number) => {
    const runs = textRef.current?.querySelectorAll<HTMLElement>('[data-s]')
    if (!runs) return
    let target: HTMLElement | null = null
    for (const r of runs) {
      if (Number(r.dataset.s) <= start) target = r
      else break
    }
    target?.scrollIntoView({ block: 'center' })
  }, [])

  useLayoutEffect(() => {
    if (jump) scrollToOffset(jump.start)
    else scrollRef.current?.scrollTo({ top: 0 })
  }, [jump, doc?.id, scrollToOffset])

  useEffect(() => setPopover(null), [doc?.id])

  useEffect(() => {
    if (finds.length) scrollToOffset(finds[Math.min(findIndex, finds.length - 1)]!.start)
  }, [finds, findIndex, scrollToOffset])

  /** Where a popover goes: just below a point, kept inside the reader. */
  const popoverAt = useCallback((x: number, y: number) => {
    const scroller = scrollRef.current!
    const box = scroller.getBoundingClientRect()
    return { x: Math.max(8, Math.min(x - box.left + scroller.scrollLeft, box.width - 340)), y: y - box.top + scroller.scrollTop + 8 }
  }, [])

  /** Opens the tag popover on the reader's current selection, if there is one. */
  const tagSelection = useCallback((): boolean => {
    if (!textRef.current || !scrollRef.current) return false
    const sel = selectionOffsets(textRef.current)
    if (!sel) return false
    const rect = window.getSelection()!.getRangeAt(0).getBoundingClientRect()
    setPopover({ kind: 'tag', ...popoverAt(rect.left, rect.bottom), ...sel })
    return true
  }, [popoverAt])

  // T (or the menu's Tag Selection) tags the selection without the mouse.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return
      if (e.key.toLowerCase() === 't' && !e.ctrlKey && !e.metaKey && !e.altKey && tagSelection()) e.preventDefault()
    }
    const onCommand = () => void tagSelection()
    window.addEventListener('keydown', onKey)
    window.addEventListener('rwb:tag-selection', onCommand)
    return () => {
      window.removeEventListener('keydown', onKey)
      window.removeEventListener('rwb:tag-selection', onCommand)
    }
  }, [tagSelection])

  const onMouseUp = (e: React.MouseEvent) => {
    if (!textRef.current || !scrollRef.current) return
    if ((e.target as HTMLElement).closest('.popover')) return
    if (tagSelection()) return
    const run = (e.target as HTMLElement).closest<HTMLElement>('[data-mentions]')
    if (run) {
      const ids = run.dataset.mentions!.split(' ').map(Number)
      const ms = mentions.filter((m) => ids.includes(m.id))
      setPopover({ kind: 'mention', ...popoverAt(e.clientX, e.clientY), mentions: ms })
    } else {
      setPopover(null)
    }
  }

  if (!doc) {
    return (
      <div className="reader empty-state">
        <p>Open an article from the library, or add files with File → Open (Ctrl+O).</p>
      </div>
    )
  }

  // Plain-text articles carry their masthead and headline in the text itself: show them once.
  const leading = doc.blocks.slice(0, 3).map((b) => doc.text.slice(b.start, b.end))
  const titleInText = doc.blocks.slice(0, 3).some((b, i) => b.kind === 'h1' && leading[i] === doc.title)
  const site = titleInText && doc.siteName && leading.includes(doc.siteName) ? null : doc.siteName
  const meta = [...new Set([doc.byline, site, formatDate(doc.publishedTime)].filter(Boolean))]
  return (
    <div className="reader">
      {findOpen && (
        <FindBar
          query={findQuery}
          count={finds.length}
          current={Math.min(findIndex, Math.max(0, finds.length - 1))}
          onQuery={(q) => {
            setFindQuery(q)
            setFindIndex(0)
          }}
          onStep={(d) => setFindIndex((i) => (finds.length ? (i + d + finds.length) % finds.length : 0))}
          onClose={() => setFindOpen(false)}
        />
      )}
      <div className="reader-scroll" ref={scrollRef} onMouseUp={onMouseUp} onMouseDown={() => popover?.kind === 'mention' && setPopover(null)}>
        <article className="reader-page" lang={doc.lang ?? undefined} dir={doc.dir ?? 'auto'}>
          <header className="doc-header">
            {titleInText ? null : <h1 className="doc-title">{doc.title}</h1>}
            {meta.length > 0 && <div className="doc-meta">{meta.join(' · ')}</div>}
            <div className="doc-source" title={doc.sourcePath}>
              {doc.sourcePath.split(/[\\/]/).pop()} · sha256 {doc.sha256.slice(0, 12)}…
              <button type="button" className="link edit-meta" onClick={() => openDialog({ kind: 'docMeta', documentId: doc.id })}>
                Edit details
              </button>
            </div>
          </header>
          <div className="doc-text" ref={textRef} aria-label="Document text">
            {doc.blocks.map((b, i) => {
              const hl = perBlock.get(i)
              const blockFinds = findLayers.filter((f) => f.end > b.start && f.start < b.end)
              return (
                <BlockView
                  key={b.start}
                  block={b}
                  text={doc.text}
                  highlights={hl?.layers ?? []}
                  hlKey={hl?.key ?? ''}
                  finds={blockFinds}
                  findKey={blockFinds.map((f) => `${f.id}${f.id === findIndex ? '*' : ''}`).join(',')}
                  currentFind={findIndex}
                  flash={jump && jump.end > b.start && jump.start < b.end ? jump : null}
                  pageStart={b.page !== undefined && b.page !== doc.blocks[i - 1]?.page ? b.page : undefined}
                />
              )
            })}
          </div>
        </article>
        {popover?.kind === 'tag' && (
          <TagPopover
            x={popover.x}
            y={popover.y}
            selectedText={popover.text}
            onClose={() => {
              // Esc cancels the tag but keeps the words selected (T reopens it).
              setPopover(null)
              if (textRef.current) selectOffsets(textRef.current, popover.start, popover.end)
            }}
            onPick={(target) => {
              const span = { start: popover.start, end: popover.end }
              setPopover(null)
              window.getSelection()?.removeAllRanges()
              void guard(() => tagSpan(span, target))
            }}
          />
        )}
        {popover?.kind === 'mention' && <MentionPopover x={popover.x} y={popover.y} mentions={popover.mentions} onClose={() => setPopover(null)} />}
      </div>
    </div>
  )
}
