// The reader's Original view of a PDF: its pages as published, drawn by
// pdf.js from the bytes stored in the project (`documents.original`, never
// the file's path), lazily: only pages near the view are drawn; the others
// are empty boxes of their size. Tags and claim passages are drawn over the
// words their offsets map to; a selection on a page tags or claims the same
// canonical offsets the text view would (textMap.ts). A page box jumps to a
// page; a jump (search hit, claim, mention) lands on its page and flashes.
//
// Trade-off: in-document find (Ctrl/Cmd+F) stays a text-view tool: opening
// it switches to the text view rather than searching a second way here.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { PDFDocumentProxy } from 'pdfjs-dist'
import type { DocumentContent, Mention } from '@contract/types'
import { useTypeLookup } from '../../colors'
import { useStore } from '../../store'
import { claimSpans, type PendingTag } from '../ChunkView'
import { useReaderCommands } from '../commands'
import { MentionPopover } from '../MentionPopover'
import { TagPopover } from '../TagPopover'
import { pdfFor } from './pdfCache'
import { PdfPage, type PageSpan, type PageText } from './PdfPage'
import { selectionToSpan } from './pageSelection'
import { pageOf, pageRange } from './textMap'
import { setReaderMode } from './viewMode'
import { ViewSwitch } from './ViewSwitch'
import './original.css'

type Popover =
  | { kind: 'tag'; x: number; y: number; start: number; end: number; text: string }
  | { kind: 'mention'; x: number; y: number; mentions: Mention[] }
  | null

const GAP = 16

export function OriginalView({ doc }: { doc: DocumentContent }) {
  const mentions = useStore((s) => s.mentions)
  const entities = useStore((s) => s.entities)
  const jump = useStore((s) => s.jump)
  const tagSpan = useStore((s) => s.tagSpan)
  const guard = useStore((s) => s.guard)
  const openDialog = useStore((s) => s.openDialog)
  const claimList = useStore((s) => s.claimList)
  const selectedEntityId = useStore((s) => s.selectedEntityId)
  const findOpen = useStore((s) => s.findOpen)
  const typeOf = useTypeLookup()
  const scrollRef = useRef<HTMLDivElement>(null)
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [sizes, setSizes] = useState<[number, number][]>([])
  const [width, setWidth] = useState(0)
  const [live, setLive] = useState<ReadonlySet<number>>(new Set([1]))
  const [current, setCurrent] = useState(1)
  // What is typed in the page box, until it is left (the box shows the page at the top otherwise).
  const [draft, setDraft] = useState<string | null>(null)
  const [popover, setPopover] = useState<Popover>(null)
  const [pending, setPending] = useState<PendingTag | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const pageTexts = useRef(new Map<number, PageText>())
  const [firstPainted, setFirstPainted] = useState(false)

  // The document's bytes, from the project; page 1's size stands for every page's until all are known.
  useEffect(() => {
    let cancelled = false
    setPdf(null)
    setFirstPainted(false)
    setError(null)
    setSizes([])
    pageTexts.current.clear()
    void (async () => {
      try {
        performance.mark('rwb:original:start')
        // Usually read ahead while the text view was shown (pdfCache.ts); it stays open for the next switch.
        const p = await pdfFor(doc)
        performance.mark('rwb:original:opened')
        if (cancelled) return
        const first = (await p.getPage(1)).view
        if (cancelled) return
        const size: [number, number] = [first[2]! - first[0]!, first[3]! - first[1]!]
        setSizes(Array.from({ length: p.numPages }, () => size))
        setPdf(p)
      } catch (e) {
        if (!cancelled) setError(e instanceof Error ? e.message : String(e))
      }
    })()
    return () => {
      cancelled = true
    }
  }, [doc.id, doc.sha256])

  // Every page's own size, once the first page is painted (asking earlier would queue
  // a hundred requests in pdf.js's worker ahead of the first page's drawing).
  const onPainted = useCallback(() => setFirstPainted(true), [])
  useEffect(() => {
    if (!pdf || !firstPainted) return
    let cancelled = false
    void (async () => {
      const all: [number, number][] = []
      for (let n = 1; n <= pdf.numPages && !cancelled; n++) {
        const v = (await pdf.getPage(n)).view
        all.push([v[2]! - v[0]!, v[3]! - v[1]!])
      }
      if (!cancelled) setSizes((prev) => (all.some(([w, h], i) => w !== prev[i]?.[0] || h !== prev[i]?.[1]) ? all : prev))
    })().catch(() => {}) // a page that cannot be read keeps the first page's size
    return () => {
      cancelled = true
    }
  }, [pdf, firstPainted])

  useEffect(() => {
    const el = scrollRef.current
    if (!el) return
    const ro = new ResizeObserver(() => setWidth(el.clientWidth))
    ro.observe(el)
    return () => ro.disconnect()
  }, [])

  // Fit the widest page to the pane (between 50 % and 200 %).
  const widest = sizes.reduce((m, [w]) => Math.max(m, w), 0)
  const scale = widest && width ? Math.round(Math.min(2, Math.max(0.5, (width - 2 * GAP) / widest)) * 100) / 100 : 0
  const tops = useMemo(() => {
    const out: number[] = []
    let y = GAP
    for (const [, h] of sizes) {
      out.push(y)
      y += Math.round(h * scale) + GAP
    }
    out.push(y)
    return out
  }, [sizes, scale])

  // Which pages are near the view (a screenful either side), and which one is at its middle.
  const onScroll = useCallback(() => {
    const el = scrollRef.current
    if (!el || tops.length < 2) return
    const lo = el.scrollTop - el.clientHeight
    const hi = el.scrollTop + 2 * el.clientHeight
    const next = new Set<number>()
    let top = 1
    for (let i = 0; i + 1 < tops.length; i++) {
      if (tops[i + 1]! > lo && tops[i]! < hi) next.add(i + 1)
      if (tops[i]! <= el.scrollTop + el.clientHeight / 2) top = i + 1
    }
    setCurrent(top)
    setLive((prev) => (prev.size === next.size && [...next].every((p) => prev.has(p)) ? prev : next))
  }, [tops])
  useEffect(onScroll, [onScroll])

  const goToPage = useCallback(
    (n: number) => {
      const p = Math.max(1, Math.min(sizes.length, Math.round(n)))
      scrollRef.current?.scrollTo({ top: tops[p - 1]! - GAP })
    },
    [sizes.length, tops]
  )

  // A jump lands on its page, once (the flash then scrolls itself into the middle, once).
  const jumped = useRef<number | null>(null)
  useEffect(() => {
    if (!jump || !pdf || tops.length < 2 || jumped.current === jump.nonce) return
    jumped.current = jump.nonce
    goToPage(pageOf(doc.blocks, jump.start))
  }, [jump, pdf, tops, doc.blocks, goToPage])
  const flashed = useRef<string | null>(null)
  const onFlash = useCallback((el: HTMLElement, key: string) => {
    if (flashed.current === key) return // the page was drawn again (scrolled back to): leave the view alone
    flashed.current = key
    el.scrollIntoView({ block: 'center' })
  }, [])
  useEffect(() => {
    if (!jump) scrollRef.current?.scrollTo({ top: 0 })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc.id])

  // Find in the document is the text view's: opening it goes there.
  useEffect(() => {
    if (findOpen) setReaderMode('text')
  }, [findOpen])

  // Claim passages are drawn too: load the claims if no view has yet.
  const claimsLoaded = useStore((s) => s.claimsLoaded)
  const refreshClaims = useStore((s) => s.refreshClaims)
  useEffect(() => {
    if (!claimsLoaded) void guard(refreshClaims)
  }, [claimsLoaded, guard, refreshClaims])

  // What is drawn on each page: mentions, claim passages, the pending tag, the jump's flash.
  const spansByPage = useMemo(() => {
    const entityById = new Map(entities.map((e) => [e.id, e]))
    const all: PageSpan[] = []
    for (const m of mentions) {
      const ent = entityById.get(m.entityId)
      const t = typeOf(ent?.type ?? '')
      all.push({ key: `m${m.id}`, start: m.start, end: m.end, kind: 'mention', color: t.color, title: `${ent?.name ?? '?'} (${t.label})`, mentionId: m.id, selected: m.entityId === selectedEntityId })
    }
    for (const [i, c] of claimSpans(claimList, doc.id).entries()) all.push({ key: `c${i}`, start: c.start, end: c.end, kind: 'claim', title: `Claim: ${c.label}` })
    if (pending && !mentions.some((m) => m.start === pending.start && m.end === pending.end)) {
      all.push({ key: 'pending', start: pending.start, end: pending.end, kind: 'pending', color: pending.color, title: pending.title })
    }
    if (jump) all.push({ key: `flash${jump.nonce}`, start: jump.start, end: jump.end, kind: 'flash' })
    const ranges = sizes.map((_, i) => pageRange(doc.blocks, i + 1))
    return ranges.map((r) => all.filter((s) => s.end > r.start && s.start < r.end))
  }, [mentions, entities, typeOf, selectedEntityId, claimList, doc.id, doc.blocks, pending, jump, sizes])

  const onText = useCallback((page: number, t: PageText | null) => {
    if (t) pageTexts.current.set(page, t)
    else pageTexts.current.delete(page)
  }, [])

  const popoverAt = useCallback((x: number, y: number) => {
    const scroller = scrollRef.current!
    const box = scroller.getBoundingClientRect()
    return { x: Math.max(8, Math.min(x - box.left + scroller.scrollLeft, box.width - 340)), y: y - box.top + scroller.scrollTop + 8 }
  }, [])

  /** The selection as canonical offsets; says why not when it cannot be mapped. */
  const selected = useCallback((): { start: number; end: number; text: string; rect?: DOMRect } | null => {
    const root = scrollRef.current
    const s = root ? selectionToSpan(root, pageTexts.current) : null
    if (!s) return null
    if (!s.ok) {
      setNotice(
        s.unmapped
          ? `The selection includes ${s.unmapped} character${s.unmapped === 1 ? '' : 's'} (“${s.text}”) that are not in the document's text — a running header, page number or unreadable glyphs. Select within the text, or tag in the Text view.`
          : 'This page is still being read; select again in a moment.'
      )
      return null
    }
    setNotice(null)
    return { start: s.start, end: s.end, text: doc.text.slice(s.start, s.end), rect: s.rect }
  }, [doc.text])

  const tagSelection = useCallback((): boolean => {
    const s = selected()
    if (!s) return false
    const r = s.rect!
    setPopover({ kind: 'tag', ...popoverAt(r.left, r.bottom), start: s.start, end: s.end, text: s.text })
    return true
  }, [selected, popoverAt])

  const claimOn = useCallback(
    (span: { start: number; end: number; text: string }) => {
      setPopover(null)
      window.getSelection()?.removeAllRanges()
      openDialog({ kind: 'claim', mode: 'new', passage: { documentId: doc.id, start: span.start, end: span.end, text: span.text } })
    },
    [doc.id, openDialog]
  )

  const handle = useMemo(
    () => ({
      hasSelection: () => !!scrollRef.current && !!selectionToSpan(scrollRef.current, pageTexts.current),
      tagSelection: () => void tagSelection(),
      claimSelection: () => {
        const s = selected()
        if (s) claimOn(s)
      }
    }),
    [tagSelection, selected, claimOn]
  )
  useReaderCommands(handle)

  const onMouseUp = (e: React.MouseEvent) => {
    if ((e.target as HTMLElement).closest('.popover')) return
    if (tagSelection()) return
    // A click on a highlight (under the text layer): the mentions drawn at that point.
    const ids = document
      .elementsFromPoint(e.clientX, e.clientY)
      .map((el) => (el as HTMLElement).dataset?.mention)
      .filter((x): x is string => !!x)
      .map(Number)
    const ms = ids.map((id) => mentions.find((m) => m.id === id)).filter((m): m is Mention => !!m)
    setPopover(ms.length ? { kind: 'mention', ...popoverAt(e.clientX, e.clientY), mentions: ms } : null)
  }

  const n = sizes.length
  return (
    <div className="reader original-view">
      <div className="original-bar" role="toolbar" aria-label="Original view">
        <ViewSwitch doc={doc} />
        <label className="page-box">
          Page{' '}
          <input
            type="number"
            min={1}
            max={n || 1}
            value={draft ?? current}
            aria-label="Page number"
            onChange={(e) => {
              setDraft(e.target.value)
              const v = Number(e.target.value)
              if (Number.isInteger(v) && v >= 1 && v <= n) goToPage(v)
            }}
            onBlur={() => setDraft(null)}
            onKeyDown={(e) => e.key === 'Enter' && setDraft(null)}
          />{' '}
          of {n || '…'}
        </label>
        <span className="original-title" title={doc.title}>{doc.title}</span>
      </div>
      {notice && (
        <div className="original-notice" role="status">
          {notice}
          <button type="button" className="link" onClick={() => setNotice(null)}>Dismiss</button>
        </div>
      )}
      {/* A Tab stop of its own, so the pages scroll from the keyboard (arrows, Page Up/Down) as well. */}
      <div className="reader-scroll original-scroll" ref={scrollRef} tabIndex={0} role="region" aria-label="Original pages" onScroll={onScroll} onMouseUp={onMouseUp} onMouseDown={() => popover?.kind === 'mention' && setPopover(null)}>
        {error && <p className="original-error">The original could not be shown: {error}. The Text view still has the document.</p>}
        {pdf && scale > 0 && (
          <div className="pdf-pages" style={{ height: tops[n] }}>
            {sizes.map(([w, h], i) => (
              <div key={i} className="pdf-slot" style={{ top: tops[i], width: Math.round(w * scale), height: Math.round(h * scale) }}>
                {live.has(i + 1) ? (
                  <PdfPage
                    pdf={pdf}
                    page={i + 1}
                    scale={scale}
                    width={Math.round(w * scale)}
                    height={Math.round(h * scale)}
                    live
                    text={doc.text}
                    blocks={doc.blocks}
                    spans={spansByPage[i] ?? []}
                    onText={onText}
                    onFlash={onFlash}
                    onPainted={onPainted}
                  />
                ) : null}
              </div>
            ))}
          </div>
        )}
        {!pdf && !error && <p className="original-loading">Opening the original…</p>}
        {popover?.kind === 'tag' && (
          <TagPopover
            x={popover.x}
            y={popover.y}
            selectedText={popover.text}
            onNewClaim={() => claimOn(popover)}
            onClose={() => setPopover(null)}
            onPick={(target) => {
              const span = { start: popover.start, end: popover.end }
              const ent = 'entityId' in target ? entities.find((x) => x.id === target.entityId) : undefined
              const look = typeOf('entityId' in target ? (ent?.type ?? '') : target.type)
              const mine: PendingTag = { ...span, color: look.color, title: `${'entityId' in target ? (ent?.name ?? '?') : target.name} (${look.label}), saving…` }
              setPopover(null)
              setPending(mine)
              window.getSelection()?.removeAllRanges()
              void guard(() => tagSpan(span, target)).finally(() => setPending((p) => (p === mine ? null : p)))
            }}
          />
        )}
        {popover?.kind === 'mention' && <MentionPopover x={popover.x} y={popover.y} mentions={popover.mentions} onClose={() => setPopover(null)} />}
      </div>
    </div>
  )
}
