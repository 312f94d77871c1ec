// Which chunks of a long document are in the DOM: those within a screen of
// the viewport, plus pinned ones (a jump's target, the current find, an open
// popover, the words selected). Every other chunk is an empty box of its
// height: measured (ResizeObserver) once it has been shown, estimated from
// its text length before that. Chromium's scroll anchoring keeps the text in
// view still when a box above it turns into text of a slightly different height.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react'
import { flushSync } from 'react-dom'
import { chunksInWindow, defaultHeightModel, estimateHeight, type Chunk, type HeightModel } from './chunks'

interface Options {
  scrollRef: RefObject<HTMLDivElement | null>
  textRef: RefObject<HTMLDivElement | null>
  chunks: readonly Chunk[]
  enabled: boolean
  /** Chunks that stay in the DOM wherever the view is. */
  pinned: readonly number[]
  /** True while the mouse is selecting: chunks are then added, never removed. */
  holdRef: RefObject<boolean>
}

export interface VirtualChunks {
  /** null: every chunk is rendered (a short document). */
  rendered: ReadonlySet<number> | null
  /** The height a chunk's empty box has. */
  height(i: number): number
  /** Observes rendered chunk elements (each carries data-chunk="index"). */
  observer: ResizeObserver | null
}

const DEFAULT_WIDTH = 680

/** Chunks whose estimated heights fill about two screens from the top: what the first render shows. */
function initialWindow(heights: Float64Array, pinned: readonly number[]): Set<number> {
  const out = new Set<number>(pinned)
  let y = 0
  for (let i = 0; i < heights.length && y < 2000; i++) {
    out.add(i)
    y += heights[i]!
  }
  return out
}

/** The chunks that hold the current selection's ends (and those between them). */
function selectionChunks(root: HTMLElement): number[] {
  const sel = window.getSelection()
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return []
  const at = (n: Node | null) => {
    const el = n?.nodeType === Node.TEXT_NODE ? n.parentElement : (n as HTMLElement | null)
    const c = el?.closest<HTMLElement>('[data-chunk]')
    return c && root.contains(c) ? Number(c.dataset.chunk) : -1
  }
  const a = at(sel.anchorNode)
  const b = at(sel.focusNode)
  if (a < 0 && b < 0) return []
  const lo = Math.min(a < 0 ? b : a, b < 0 ? a : b)
  const hi = Math.max(a, b)
  return Array.from({ length: Math.min(hi - lo + 1, 50) }, (_, k) => lo + k)
}

const sameSet = (a: ReadonlySet<number>, b: ReadonlySet<number>) => a.size === b.size && [...a].every((x) => b.has(x))

export function useVirtualChunks({ scrollRef, textRef, chunks, enabled, pinned, holdRef }: Options): VirtualChunks {
  // Heights per chunk, reset for each document. `measured` marks the ones laid out at least once at this width.
  const geo = useMemo(() => {
    const model: HeightModel = defaultHeightModel(DEFAULT_WIDTH)
    const heights = new Float64Array(chunks.length)
    chunks.forEach((c, i) => (heights[i] = estimateHeight(c, model)))
    return { heights, measured: new Uint8Array(chunks.length), model, factor: 1, width: 0 }
  }, [chunks])
  const [state, setState] = useState<{ geo: typeof geo; win: ReadonlySet<number> }>(() => ({ geo, win: initialWindow(geo.heights, pinned) }))
  const win = state.geo === geo ? state.win : initialWindow(geo.heights, pinned)
  const winRef = useRef(win)
  winRef.current = win
  const renderedRef = useRef<ReadonlySet<number> | null>(null)
  const pinnedRef = useRef(pinned)
  pinnedRef.current = pinned
  const [, setVersion] = useState(0)

  /**
   * Recomputes the window from the scroll position. From a scroll or resize
   * event it renders at once (`sync`), so the new text is there before paint;
   * from an effect React does that by itself (flushSync is not allowed there).
   */
  const update = useCallback((sync: boolean) => {
    const sc = scrollRef.current
    const tx = textRef.current
    if (!enabled || !sc || !tx) return
    const top = sc.getBoundingClientRect().top - tx.getBoundingClientRect().top
    const view = sc.clientHeight
    const [a, b] = chunksInWindow(geo.heights, top - view, top + 2 * view)
    const [ka, kb] = chunksInWindow(geo.heights, top - 2 * view, top + 3 * view)
    const next = new Set<number>()
    for (let i = a; i < b; i++) next.add(i)
    // Hysteresis: a chunk shown stays while it is within two screens, so scrolling to and fro does not rebuild it.
    for (const i of winRef.current) if (holdRef.current || (i >= ka && i < kb)) next.add(i)
    for (const i of pinnedRef.current) next.add(i)
    for (const i of selectionChunks(tx)) next.add(i)
    if (!sameSet(next, winRef.current)) {
      winRef.current = next
      if (sync) flushSync(() => setState({ geo, win: next }))
      else setState({ geo, win: next })
    }
  }, [enabled, geo, scrollRef, textRef, holdRef])

  const observer = useMemo(() => {
    if (!enabled || typeof ResizeObserver === 'undefined') return null
    return new ResizeObserver((entries) => {
      let changed = false
      for (const e of entries) {
        const el = e.target as HTMLElement
        if (el === textRef.current) {
          const width = e.contentRect.width
          // A hidden reader reports 0: nothing to learn from that.
          if (width > 0 && Math.abs(width - geo.width) > 1) {
            // A new column width: heights measured at the old one no longer hold for the boxes
            // away from the view (those on screen are measured again as they reflow).
            if (geo.width > 0) for (let i = 0; i < chunks.length; i++) if (!renderedRef.current?.has(i)) geo.measured[i] = 0
            geo.width = width
            geo.model = defaultHeightModel(width)
            for (let i = 0; i < chunks.length; i++) if (!geo.measured[i]) geo.heights[i] = estimateHeight(chunks[i]!, geo.model) * geo.factor
            changed = true
          }
          continue
        }
        const i = Number(el.dataset.chunk)
        const h = e.borderBoxSize?.[0]?.blockSize ?? el.getBoundingClientRect().height
        if (!Number.isInteger(i) || i >= chunks.length || h <= 0) continue
        geo.measured[i] = 1
        if (Math.abs(geo.heights[i]! - h) > 0.5) geo.heights[i] = h
      }
      // Calibrates the estimate on what has been measured, so the scroll bar tells the truth.
      let sumM = 0
      let sumE = 0
      for (let i = 0; i < chunks.length; i++) {
        if (!geo.measured[i]) continue
        sumM += geo.heights[i]!
        sumE += estimateHeight(chunks[i]!, geo.model)
      }
      const factor = sumE > 0 ? sumM / sumE : geo.factor
      if (Math.abs(factor - geo.factor) > 0.03 * geo.factor) {
        geo.factor = factor
        for (let i = 0; i < chunks.length; i++) if (!geo.measured[i]) geo.heights[i] = estimateHeight(chunks[i]!, geo.model) * factor
        changed = true
      }
      if (changed) flushSync(() => setVersion((v) => v + 1))
      update(true)
    })
  }, [enabled, geo, chunks, textRef, update])

  useEffect(() => () => observer?.disconnect(), [observer])

  useLayoutEffect(() => {
    const sc = scrollRef.current
    const tx = textRef.current
    if (!enabled || !sc || !tx) return
    observer?.observe(tx)
    const onScroll = () => update(true)
    sc.addEventListener('scroll', onScroll, { passive: true })
    window.addEventListener('resize', onScroll)
    update(false)
    return () => {
      sc.removeEventListener('scroll', onScroll)
      window.removeEventListener('resize', onScroll)
      observer?.unobserve(tx)
    }
  }, [enabled, observer, scrollRef, textRef, update])

  const rendered = useMemo(() => {
    if (!enabled) return null
    const out = new Set(win)
    for (const i of pinned) out.add(i)
    return out
  }, [enabled, win, pinned])
  renderedRef.current = rendered

  return { rendered, height: (i) => geo.heights[i] ?? 0, observer }
}
