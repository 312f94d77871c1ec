// One page of the original view: pdf.js draws it on a canvas, its text layer
// (one transparent span per text item, for selecting) lies on top, and the
// highlights (tags, claim passages, the words just jumped to) lie between,
// each placed over the very characters its canonical offsets map to
// (textMap.ts). A page is drawn only while near the view (`live`); away from
// it, it is an empty box of the page's size and its canvas is freed.
import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist'
import type { Block } from '@contract/types'
import { mapPage, spanRuns, type PageTextMap } from './textMap'

/** Something drawn over a span of the canonical text. */
export interface PageSpan {
  key: string
  start: number
  end: number
  kind: 'mention' | 'claim' | 'pending' | 'flash'
  color?: string
  title?: string
  /** Mention ids (for the click popover). */
  mentionId?: number
  selected?: boolean
}

export interface PageText {
  items: string[]
  map: PageTextMap
}

interface Props {
  pdf: PDFDocumentProxy
  page: number
  /** CSS pixels per PDF point. */
  scale: number
  width: number
  height: number
  live: boolean
  text: string
  blocks: readonly Block[]
  spans: readonly PageSpan[]
  /** The page's items and text map, once its text layer is drawn (the view maps selections with them). */
  onText(page: number, t: PageText | null): void
  /** Called with the flash's element once it is drawn (the view scrolls it into the middle). */
  onFlash?(el: HTMLElement, key: string): void
  /** Called once the page's canvas is drawn. */
  onPainted?(page: number): void
}

/**
 * Pages are drawn one at a time, in the order they came into view: pdf.js
 * draws in ~15 ms slices, one per frame for each page being drawn, so four
 * pages drawn at once (a jump into the middle of a document) took four
 * slices of every frame and the scrolling stalled.
 */
let drawing: Promise<unknown> = Promise.resolve()
function oneAtATime<T>(job: () => Promise<T>): Promise<T> {
  const run = drawing.then(job, job)
  drawing = run.catch(() => {}).then(afterAFrame)
  return run
}

/**
 * A page just drawn is shown before the next one starts drawing: pdf.js's
 * slices of page 2 otherwise filled the frames in which page 1 would have
 * been painted (about 100–200 ms later on screen, test/bench/original.mjs).
 * A hidden window gets no frames: the timeout goes on without one.
 */
function afterAFrame(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      setTimeout(resolve, 0)
    }
    const timer = setTimeout(done, 100)
    requestAnimationFrame(done)
  })
}

interface Rect {
  key: string
  kind: PageSpan['kind']
  left: number
  top: number
  width: number
  height: number
  color?: string
  title?: string
  mentionId?: number
  selected?: boolean
}

function PdfPageImpl({ pdf, page, scale, width, height, live, text, blocks, spans, onText, onFlash, onPainted }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const layerRef = useRef<HTMLDivElement>(null)
  const boxRef = useRef<HTMLDivElement>(null)
  const [pageText, setPageText] = useState<PageText | null>(null)
  const [painted, setPainted] = useState(false)
  const [image, setImage] = useState<string | null>(null)
  useEffect(() => () => void (image && URL.revokeObjectURL(image)), [image])

  useEffect(() => {
    if (!live) return
    let cancelled = false
    let task: RenderTask | null = null
    let textLayer: { cancel(): void } | null = null
    void (async () => {
      const [pdfjs, proxy] = await Promise.all([import('pdfjs-dist'), pdf.getPage(page)])
      if (cancelled) return
      performance.mark(`rwb:original:page${page}`)
      const viewport = proxy.getViewport({ scale })
      const canvas = canvasRef.current!
      const dpr = window.devicePixelRatio || 1
      canvas.width = Math.floor(viewport.width * dpr)
      canvas.height = Math.floor(viewport.height * dpr)
      const content = proxy.getTextContent()
      content.catch(() => {}) // read below unless the page goes away first
      const drawn = await oneAtATime(async () => {
        if (cancelled) return false
        task = proxy.render({ canvasContext: canvas.getContext('2d')!, viewport, transform: dpr !== 1 ? [dpr, 0, 0, dpr, 0, 0] : undefined })
        try {
          await task.promise
          return true
        } catch {
          return false // cancelled (scrolled away) or a damaged page: the box stays empty
        }
      })
      if (!drawn) return
      if (cancelled) return
      performance.mark(`rwb:original:drawn${page}`)
      setPainted(true)
      onPainted?.(page)
      // The drawn page becomes an image: a canvas is composited again on every
      // scrolled frame where the GPU is not used (3 to 4 times slower scrolling,
      // measured in test/bench/original.mjs), an image is painted once.
      canvas.toBlob((blob) => {
        if (cancelled || !blob) return
        const url = URL.createObjectURL(blob)
        const img = new Image()
        img.src = url
        // Swapped in once decoded (no blank frame); then the canvas's bitmap is freed.
        void img.decode().then(
          () => {
            if (cancelled) return URL.revokeObjectURL(url)
            setImage(url)
            requestAnimationFrame(() => (canvas.width = canvas.height = 0))
          },
          () => URL.revokeObjectURL(url)
        )
      })
      const tc = await content
      if (cancelled) return
      const layer = layerRef.current!
      layer.replaceChildren()
      layer.style.setProperty('--scale-factor', String(scale))
      const tl = new pdfjs.TextLayer({ textContentSource: tc, container: layer, viewport })
      textLayer = tl
      await tl.render()
      if (cancelled) return
      const items = tc.items.map((it) => ('str' in it ? it.str : ''))
      const map = mapPage(items, text, blocks, page)
      tl.textDivs.forEach((span, i) => {
        span.dataset.i = String(i)
        if (map.unmappedItems.includes(i)) span.classList.add('unmapped')
      })
      const t = { items, map }
      setPageText(t)
      onText(page, t)
    })().catch(() => {}) // the document was closed while this page was being read: nothing to show
    return () => {
      cancelled = true
      task?.cancel()
      textLayer?.cancel()
      setPainted(false)
      setImage(null)
      setPageText(null)
      onText(page, null)
      layerRef.current?.replaceChildren()
      // Frees the bitmap of a page scrolled away.
      if (canvasRef.current) canvasRef.current.width = canvasRef.current.height = 0
    }
  }, [pdf, page, scale, live, text, blocks, onText, onPainted])

  // Highlights: rectangles of the characters each span maps to, in the page box's coordinates.
  const [rects, setRects] = useState<Rect[]>([])
  useLayoutEffect(() => {
    const layer = layerRef.current
    const box = boxRef.current
    if (!pageText || !layer || !box) {
      setRects([])
      return
    }
    const origin = box.getBoundingClientRect()
    const divs = layer.querySelectorAll<HTMLElement>('span[data-i]')
    const byItem = new Map<number, HTMLElement>()
    for (const d of divs) byItem.set(Number(d.dataset.i), d)
    const out: Rect[] = []
    const range = document.createRange()
    for (const s of spans) {
      spanRuns(pageText.map, s.start, s.end).forEach((run, n) => {
        const node = byItem.get(run.item)?.firstChild
        if (!node || node.nodeType !== Node.TEXT_NODE) return
        range.setStart(node, run.from)
        range.setEnd(node, Math.min(run.to, node.textContent!.length))
        let m = 0
        for (const r of range.getClientRects()) {
          if (r.width < 0.5) continue
          out.push({ ...s, key: `${s.key}:${n}:${m++}`, left: r.left - origin.left, top: r.top - origin.top, width: r.width, height: r.height })
        }
      })
    }
    setRects(out)
  }, [pageText, spans])

  const flashRef = useRef<HTMLDivElement | null>(null)
  const flashKey = rects.find((r) => r.kind === 'flash')?.key
  useEffect(() => {
    if (flashKey && flashRef.current) onFlash?.(flashRef.current, flashKey.split(':')[0]!)
  }, [flashKey, onFlash])

  return (
    <div
      className="pdf-page"
      ref={boxRef}
      data-page={page}
      data-painted={painted ? 'true' : undefined}
      data-mapped={pageText ? 'true' : undefined}
      style={{ width, height }}
      aria-label={`Page ${page}`}
      role="region"
    >
      {image && <img src={image} alt="" style={{ width, height }} aria-hidden="true" draggable={false} />}
      <canvas ref={canvasRef} style={{ width, height, display: image ? 'none' : undefined }} aria-hidden="true" />
      <div className="pdf-highlights" aria-hidden="true">
        {rects.map((r) => (
          <div
            key={r.key}
            ref={r.kind === 'flash' && r.key === flashKey ? flashRef : undefined}
            className={`pdf-hl pdf-hl-${r.kind}${r.selected ? ' selected' : ''}`}
            data-mention={r.mentionId}
            title={r.title}
            style={{ left: r.left, top: r.top, width: r.width, height: r.height, ...(r.color ? { ['--hl' as string]: r.color } : {}) }}
          />
        ))}
      </div>
      <div className="textLayer" ref={layerRef} data-page={page} />
      {!painted && live && <div className="pdf-page-loading">Page {page}…</div>}
    </div>
  )
}

export const PdfPage = memo(PdfPageImpl)
