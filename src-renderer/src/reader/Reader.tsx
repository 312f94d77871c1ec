// The reader: the document's canonical text as blocks, with mentions
// highlighted in their entity type's colour. Select words to tag them; click
// a highlight to see or remove its mention. A long document is virtualised:
// only the chunks of blocks near the view are in the DOM (useVirtualChunks);
// find, jump and tagging work on the canonical text and pin their chunk.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { Mention } from '@contract/types'
import { useTypeLookup } from '../colors'
import { withHint } from '../commands'
import { useStore } from '../store'
import { formatDay } from '../ui/format'
import { AnchorReview } from '../history'
import { SuggestionPopover, SuggestPanel, useDocumentSuggestions, useSuggestionEvents } from '../suggest'
import { bucketByChunk, chunkAt, makeChunks, shouldVirtualise } from './chunks'
import { useReaderCommands } from './commands'
import { ChunkView, claimSpans, type PendingTag } from './ChunkView'
import { FindBar } from './FindBar'
import { MentionPopover } from './MentionPopover'
import { ReimportNotice } from './ReimportNotice'
import { findAll, type Layer } from './segments'
import { selectOffsets, selectionOffsets } from './selection'
import { TagPopover } from './TagPopover'
import { useHeldWhilePressed } from './useHeldWhilePressed'
import { useSelectionKept } from './useSelectionKept'
import { useCaret } from './useCaret'
import { useReadingPlace } from './useReadingPlace'
import { useVirtualChunks } from './useVirtualChunks'
import { OriginalView, ViewSwitch, hasOriginalView, useReaderMode } from './original'
import { OcrNote } from './OcrNote'

type Popover =
  | { kind: 'tag'; x: number; y: number; start: number; end: number; text: string; fromText?: boolean }
  | { kind: 'mention'; x: number; y: number; mentions: Mention[] }
  | null

/** The reader: a PDF's original pages when that view is chosen (Text | Original), else the text. */
export function Reader() {
  const doc = useStore((s) => s.doc)
  const mode = useReaderMode()
  return doc && mode === 'original' && hasOriginalView(doc) ? <OriginalView doc={doc} /> : <TextReader />
}

function TextReader() {
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
  // The words just tagged, highlighted at once while the project records the tag (replaced by the real highlight, or removed if it fails).
  const [pending, setPending] = useState<PendingTag | null>(null)
  const [findQuery, setFindQuery] = useState('')
  const [findIndex, setFindIndex] = useState(0)

  const selectedEntityId = useStore((s) => s.selectedEntityId)
  const entityById = useMemo(() => new Map(entities.map((e) => [e.id, e])), [entities])
  // The project's types, custom ones included, colour the highlights.
  const typeOf = useTypeLookup()

  // A long document is cut into chunks, and only those near the view are in
  // the DOM; a short one is one chunk, rendered whole.
  const virtual = !!doc && shouldVirtualise(doc.text, doc.blocks)
  // Keyed on the blocks, not the document object: a new title or byline (the
  // documents list refreshed after a tag) must not re-cut the chunks, which
  // would drop their measured heights and make the text jump under the reader.
  const blocks = doc?.blocks
  const chunks = useMemo(() => (blocks ? (virtual ? makeChunks(blocks) : makeChunks(blocks, Infinity, Infinity)) : []), [blocks, virtual])
  // Mentions per chunk (a pass over the sorted list): a new mention changes one chunk's list only, so only that chunk re-renders.
  const mentionsPerChunk = useMemo(() => bucketByChunk(chunks, mentions), [chunks, mentions])
  // Passages of this document that back a claim: their blocks carry a mark in the margin.
  const claimList = useStore((s) => s.claimList)
  const claimsLoaded = useStore((s) => s.claimsLoaded)
  const refreshClaims = useStore((s) => s.refreshClaims)
  const docOpen = !!doc
  useEffect(() => {
    // Only once a document (so a project) is open: before that there is nothing to ask.
    if (docOpen && !claimsLoaded) void guard(refreshClaims)
  }, [docOpen, claimsLoaded, guard, refreshClaims])
  // True while the mouse button is down in the text (a drag): chunks stay in the DOM, suggestions stay still (./useHeldWhilePressed.ts).
  const holdRef = useRef(false)
  // Entity suggestions (src-renderer/src/suggest): dotted words; that feature handles their clicks and keys.
  const suggestions = useHeldWhilePressed(useDocumentSuggestions(doc?.id ?? null), holdRef)
  const suggestionsPerChunk = useMemo(() => bucketByChunk(chunks, suggestions), [chunks, suggestions])
  // A selection or the caret stays put when suggestions arrive under it (./useSelectionKept.ts).
  useSelectionKept(textRef, suggestions)
  const { focusSuggestion, announcement: suggestionSpoken } = useSuggestionEvents(textRef, scrollRef, doc?.id ?? null, suggestions)
  const claimsPerChunk = useMemo(() => bucketByChunk(chunks, claimSpans(claimList, doc?.id ?? null)), [chunks, claimList, doc?.id])

  const text = doc?.text
  const finds = useMemo(() => (text !== undefined && findOpen ? findAll(text, findQuery) : []), [text, findOpen, findQuery])
  const findsPerChunk = useMemo(() => bucketByChunk(chunks, finds.map((f, i): Layer => ({ ...f, id: i }))), [chunks, finds])
  const currentFind = finds.length ? Math.min(findIndex, finds.length - 1) : -1

  // Chunks that must be in the DOM wherever the view is: the jump's target, the current find, the words being tagged.
  const jumpChunk = jump && chunks.length ? chunkAt(chunks, jump.start) : -1
  const findChunk = currentFind >= 0 && chunks.length ? chunkAt(chunks, finds[currentFind]!.start) : -1
  const tagChunk = popover?.kind === 'tag' && chunks.length ? chunkAt(chunks, popover.start) : -1
  const pinned = useMemo(() => [jumpChunk, findChunk, tagChunk].filter((i) => i >= 0), [jumpChunk, findChunk, tagChunk])
  const virt = useVirtualChunks({ scrollRef, textRef, chunks, enabled: virtual, pinned, holdRef })
  // Caret browsing: the text is a Tab stop with a caret that arrows move and Shift+arrows extend into a selection (./useCaret.ts).
  const caret = useCaret(textRef, scrollRef)
  // Where reading stopped is remembered, and restored when the app reopens (./useReadingPlace.ts).
  const restorePlace = useReadingPlace(scrollRef, textRef, doc?.id ?? null)

  // A mouse selection may run past the rendered chunks: none is taken out until the button is released.
  useEffect(() => {
    const release = () => (holdRef.current = false)
    window.addEventListener('mouseup', release)
    return () => window.removeEventListener('mouseup', release)
  }, [])

  /** Scrolls a text offset to the middle of the view (its chunk is pinned, so in the DOM, by then). */
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
    if (jump?.restore) restorePlace(jump.start, jump.restore.dy)
    else if (jump) scrollToOffset(jump.start)
    else scrollRef.current?.scrollTo({ top: 0 })
  }, [jump, doc?.id, scrollToOffset, restorePlace])

  useEffect(() => {
    setPopover(null)
    setPending(null)
  }, [doc?.id])

  useEffect(() => {
    if (currentFind >= 0) scrollToOffset(finds[currentFind]!.start)
  }, [finds, currentFind, scrollToOffset])

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
    // Opened from the caret (T with the text focused): closing it gives the focus back to the text.
    setPopover({ kind: 'tag', ...popoverAt(rect.left, rect.bottom), ...sel, fromText: document.activeElement === textRef.current })
    return true
  }, [popoverAt])

  /** Opens the claim form on a span of this document (src-renderer/src/claims/ClaimDialog.tsx). */
  const claimOn = useCallback(
    (span: { start: number; end: number; text: string }) => {
      if (!doc) return
      setPopover(null)
      window.getSelection()?.removeAllRanges()
      openDialog({ kind: 'claim', mode: 'new', passage: { documentId: doc.id, start: span.start, end: span.end, text: span.text } })
    },
    [doc, openDialog]
  )
  const claimSelection = useCallback((): boolean => {
    const sel = textRef.current ? selectionOffsets(textRef.current) : null
    if (sel) claimOn(sel)
    return !!sel
  }, [claimOn])

  // T, C and the menu's Tag Selection / New Claim reach the reader through its command handle (./commands.ts).
  const commandHandle = useMemo(
    () => ({
      hasSelection: () => !!textRef.current && !!selectionOffsets(textRef.current),
      tagSelection: () => void tagSelection(),
      claimSelection: () => void claimSelection()
    }),
    [tagSelection, claimSelection]
  )
  useReaderCommands(commandHandle)

  const onMouseUp = (e: React.MouseEvent) => {
    if (!textRef.current || !scrollRef.current) return
    if ((e.target as HTMLElement).closest('.popover')) return
    if (tagSelection()) return
    const run = (e.target as HTMLElement).closest<HTMLElement>('[data-mentions]')
    if (run) {
      // Innermost mention first (the order of data-mentions), then the ones it is nested in.
      const ids = run.dataset.mentions!.split(' ').map(Number)
      const ms = ids.map((id) => mentions.find((m) => m.id === id)).filter((m): m is Mention => !!m)
      setPopover({ kind: 'mention', ...popoverAt(e.clientX, e.clientY), mentions: ms })
    } else {
      setPopover(null)
    }
  }

  if (!doc) {
    return (
      <div className="reader empty-state">
        {/* Names buttons on screen: "File → Open" exists only in the native menu, which the harness and some desktops hide. */}
        <p>Open an article from the library, or add files with the {withHint('Open…', 'file.open')} button above, + Files in the library, or by dropping them on the window.</p>
      </div>
    )
  }

  // Plain-text articles carry their masthead and headline in the text itself: show them once.
  const leading = doc.blocks.slice(0, 3).map((b) => doc.text.slice(b.start, b.end))
  const titleInText = doc.blocks.slice(0, 3).some((b, i) => b.kind === 'h1' && leading[i] === doc.title)
  const site = titleInText && doc.siteName && leading.includes(doc.siteName) ? null : doc.siteName
  const meta = [...new Set([doc.byline, site, formatDay(doc.publishedTime)].filter(Boolean))]
  return (
    <div className="reader">
      <AnchorReview />
      <ReimportNotice />
      <SuggestPanel documentId={doc.id} suggestions={suggestions} />
      {findOpen && (
        <FindBar
          query={findQuery}
          count={finds.length}
          current={Math.max(0, currentFind)}
          onQuery={(q) => {
            setFindQuery(q)
            setFindIndex(0)
          }}
          onStep={(d) => setFindIndex((i) => (finds.length ? (i + d + finds.length) % finds.length : 0))}
          onClose={() => setFindOpen(false)}
        />
      )}
      <div className="reader-scroll" ref={scrollRef} onMouseUp={onMouseUp} onMouseDown={(e) => {
          if (e.button === 0 && (e.target as HTMLElement).closest('.doc-text')) holdRef.current = true
          if (popover?.kind === 'mention') setPopover(null)
        }}
      >
        <article className="reader-page" lang={doc.lang ?? undefined} dir={doc.dir ?? 'auto'}>
          <header className="doc-header">
            <ViewSwitch doc={doc} />
            {titleInText ? null : <h1 className="doc-title">{doc.title}</h1>}
            {meta.length > 0 && <div className="doc-meta">{meta.join(' · ')}</div>}
            {/* The file and its hash matter when checking provenance, not while reading: folded into Details. */}
            <div className="doc-tools">
              <details className="doc-details">
                <summary>Details</summary>
                <div className="doc-source">
                  <span title={doc.sourcePath}>{doc.sourcePath}</span>
                  <span className="doc-hash">SHA-256 {doc.sha256}</span>
                </div>
              </details>
              <button type="button" className="link edit-meta" onClick={() => openDialog({ kind: 'docMeta', documentId: doc.id })}>
                Edit details
              </button>
            </div>
            <OcrNote doc={doc} />
          </header>
          <div className="doc-text" ref={textRef} aria-label="Document text" {...caret.textProps}>
            {chunks.map((c, i) => {
              if (virt.rendered !== null && !virt.rendered.has(i)) {
                // Away from the view: one empty box as tall as the run of chunks it stands for (drawn at the run's first chunk).
                if (i > 0 && !virt.rendered.has(i - 1)) return null
                let h = 0
                for (let k = i; k < chunks.length && !virt.rendered.has(k); k++) h += virt.height(k)
                return <div key={`gap${i}`} className="doc-chunk-gap" data-chunk-gap={i} style={{ height: h }} aria-hidden="true" />
              }
              return (
                <ChunkView
                  key={i}
                  index={i}
                  chunk={c}
                  doc={doc}
                  mentions={mentionsPerChunk[i]!}
                  claims={claimsPerChunk[i]!}
                  suggestions={suggestionsPerChunk[i]!}
                  entityById={entityById}
                  typeOf={typeOf}
                  selectedEntityId={selectedEntityId}
                  finds={findsPerChunk[i]!}
                  currentFind={currentFind}
                  flash={jump && !jump.restore && jump.end > c.start && jump.start < c.end ? jump : null}
                  pending={pending && pending.end > c.start && pending.start < c.end ? pending : null}
                  bare={!virtual}
                  observer={virt.observer}
                />
              )
            })}
          </div>
        </article>
        {caret.box && !popover && <div className="reader-caret" style={{ left: caret.box.left, top: caret.box.top, height: caret.box.height }} aria-hidden="true" />}
        {popover?.kind === 'tag' && (
          <TagPopover
            x={popover.x}
            y={popover.y}
            selectedText={popover.text}
            onNewClaim={() => claimOn(popover)}
            onClose={() => {
              // Esc cancels the tag but keeps the words selected (T reopens it).
              setPopover(null)
              if (textRef.current) selectOffsets(textRef.current, popover.start, popover.end)
              if (popover.fromText) textRef.current?.focus({ preventScroll: true })
            }}
            onPick={(target) => {
              const span = { start: popover.start, end: popover.end }
              const ent = 'entityId' in target ? entityById.get(target.entityId) : undefined
              const look = typeOf('entityId' in target ? (ent?.type ?? '') : target.type)
              const mine: PendingTag = { ...span, color: look.color, title: `${'entityId' in target ? (ent?.name ?? '?') : target.name} (${look.label}), saving…` }
              setPopover(null)
              setPending(mine)
              // From the caret: it stays where the tagged words end, so the keyboard carries on from there.
              if (popover.fromText && textRef.current && selectOffsets(textRef.current, popover.end, popover.end)) textRef.current.focus({ preventScroll: true })
              else window.getSelection()?.removeAllRanges()
              void guard(() => tagSpan(span, target)).finally(() => setPending((p) => (p === mine ? null : p)))
            }}
          />
        )}
        <SuggestionPopover documentId={doc.id} suggestions={suggestions} onDone={focusSuggestion} />
        <div className="sr-only" aria-live="polite" aria-atomic="true">
          {suggestionSpoken}
        </div>
        {popover?.kind === 'mention' && <MentionPopover x={popover.x} y={popover.y} mentions={popover.mentions} onClose={() => setPopover(null)} />}
      </div>
    </div>
  )
}
