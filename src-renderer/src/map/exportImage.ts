// Map → PNG, PDF or SVG, as an analyst would put it in a report: an
// optional title, the map, a legend and a footer listing the sources.
//
// PNG is drawn tile by tile with Cytoscape's own element renderer at the
// export's zoom, band by band into a streaming encoder, so images larger
// than Chromium's canvas limits (32,767 px a side, 268 M pixels) still come
// out whole. SVG is vector, with labels as <text> (cytoscape-svg); PDF is
// vector too, with labels as PDF text (pdfCanvas.ts); both on the same sheet.
import type { Core } from 'cytoscape'
import { iconSvg } from './icons'
import { pngFile } from './imageEncoder'
import { rowSink } from './pngEncoderClient'
import { PdfCanvas } from './pdfCanvas'
import { pdfDocument } from './pdfDocument'
import { bands, PAPER_MM, paperPixels, paperPoints, planSheet, planTiles, type LegendEntry, type Orientation, type Paper, type Rect, type Sheet } from './tiling'

export const EXPORT_FONT = 'Inter, "Segoe UI", "DejaVu Sans", system-ui, sans-serif'

export type ExportSize = { kind: 'scale'; scale: number } | { kind: 'paper'; paper: Paper; dpi: number; orientation: Orientation }

export interface ExportSpec {
  region: 'whole' | 'view'
  size: ExportSize
  background: 'white' | 'transparent'
  title: string | null
  legend: LegendEntry[] | null
  footer: string[] | null
}

interface CanvasRenderer {
  getCachedZSortedEles(force?: boolean): unknown[]
  drawElements(ctx: CanvasRenderingContext2D, eles: unknown[]): void
}

let measureCtx: CanvasRenderingContext2D | null = null
export function measureText(text: string, fontPx: number, weight = 400): number {
  measureCtx ??= document.createElement('canvas').getContext('2d')!
  measureCtx.font = `${weight} ${fontPx}px ${EXPORT_FONT}`
  return measureCtx.measureText(text).width
}

/** The part of the map to export, in model coordinates. */
export function contentRect(cy: Core, region: ExportSpec['region']): Rect {
  if (region === 'view') {
    const e = cy.extent()
    return { x: e.x1, y: e.y1, w: e.w, h: e.h }
  }
  const bb = cy.elements().boundingBox()
  // Cytoscape's own whole-map PNG is ceil(w) × ceil(h): the same here.
  return { x: bb.x1, y: bb.y1, w: Math.ceil(bb.w), h: Math.ceil(bb.h) }
}

export function planExport(cy: Core, spec: ExportSpec): Sheet {
  const content = contentRect(cy, spec.region)
  const size =
    spec.size.kind === 'scale'
      ? spec.size
      : { kind: 'paper' as const, ...paperPixels(spec.size.paper, spec.size.dpi, spec.size.orientation), pxPerPt: spec.size.dpi / 72 }
  return planSheet({ content, size, title: spec.title, legend: spec.legend, footer: spec.footer, measure: (t, f) => measureText(t, f) })
}

/** The orientation that suits the map's shape. */
export function bestOrientation(cy: Core, region: ExportSpec['region']): Orientation {
  const c = contentRect(cy, region)
  return c.w >= c.h ? 'landscape' : 'portrait'
}

// ---- Decorations (title, legend, footer) on a canvas ----------------------

const iconImages = new Map<string, HTMLImageElement>()

/** Loads the legend's type icons before drawing (drawImage skips images still loading). */
async function loadIcons(legend: LegendEntry[] | null): Promise<void> {
  for (const e of legend ?? []) {
    if (e.swatch.kind !== 'node' || iconImages.has(e.swatch.type)) continue
    const img = new Image()
    img.src = `data:image/svg+xml;utf8,${encodeURIComponent(iconSvg(e.swatch.type, 64))}`
    try {
      await img.decode()
      iconImages.set(e.swatch.type, img)
    } catch {
      // no icon: the swatch is drawn without it
    }
  }
}

function drawDecorations(ctx: CanvasRenderingContext2D, sheet: Sheet): void {
  ctx.textBaseline = 'top'
  ctx.textAlign = 'left'
  if (sheet.title) {
    ctx.fillStyle = '#1f2328'
    ctx.font = `700 ${sheet.title.font}px ${EXPORT_FONT}`
    ctx.fillText(sheet.title.text, sheet.title.x, sheet.title.y)
  }
  if (sheet.legend) {
    const { font, swatch } = sheet.legend
    ctx.font = `400 ${font}px ${EXPORT_FONT}`
    const lineH = Math.max(swatch, font)
    for (const { entry, x, y } of sheet.legend.entries) {
      const cy = y + lineH / 2
      let tx = x
      if (entry.swatch.kind === 'node') {
        ctx.beginPath()
        ctx.fillStyle = entry.swatch.color
        ctx.arc(x + swatch / 2, cy, swatch / 2, 0, Math.PI * 2)
        ctx.fill()
        const icon = iconImages.get(entry.swatch.type)
        if (icon) ctx.drawImage(icon, x + swatch * 0.2, cy - swatch * 0.3, swatch * 0.6, swatch * 0.6)
        tx += swatch
      } else {
        const w = swatch * 2.4
        const unit = swatch / 12
        ctx.save()
        ctx.strokeStyle = entry.swatch.color
        ctx.fillStyle = entry.swatch.color
        ctx.lineWidth = entry.swatch.width * unit
        ctx.setLineDash(entry.swatch.dash.map((d) => d * unit))
        ctx.beginPath()
        ctx.moveTo(x, cy)
        ctx.lineTo(x + w - (entry.swatch.arrow ? 5 * unit : 0), cy)
        ctx.stroke()
        if (entry.swatch.arrow) {
          ctx.setLineDash([])
          ctx.beginPath()
          ctx.moveTo(x + w, cy)
          ctx.lineTo(x + w - 7 * unit, cy - 4 * unit)
          ctx.lineTo(x + w - 7 * unit, cy + 4 * unit)
          ctx.closePath()
          ctx.fill()
        }
        ctx.restore()
        tx += w
      }
      ctx.fillStyle = '#1f2328'
      ctx.textBaseline = 'middle'
      ctx.fillText(entry.label, tx + swatch / 3, cy)
      ctx.textBaseline = 'top'
    }
  }
  if (sheet.footer) {
    ctx.fillStyle = '#57606a'
    ctx.font = `400 ${sheet.footer.font}px ${EXPORT_FONT}`
    sheet.footer.lines.forEach((line, i) => ctx.fillText(line, sheet.footer!.x, sheet.footer!.y + i * sheet.footer!.lineHeight))
  }
}

// ---- Raster ---------------------------------------------------------------

export interface RasterOptions {
  /** Largest tile side (tests force small tiles to check the stitching). */
  maxTile?: number
  onProgress?(done: number, total: number): void
  /** Filled with milliseconds per step (the benchmark reports them). */
  timings?: Record<string, number>
  /** Encode in a worker while the next band draws (default); false: on this thread. */
  inWorker?: boolean
}

/**
 * Tiles up to 8,192 px wide, in bands of at most 12 MB of pixels: A3 at
 * 300 DPI is six bands of one tile (4,961 × 634), so the worker deflates
 * one band while the next is drawn, and what is left to encode once the
 * last band is drawn is small. (Measured at 3,000 nodes / 20,000 edges:
 * 24 MB bands left ~0.6 s of encoding at the end, 12 MB ~0.15 s, for a
 * little more drawing of edges that cross several bands.)
 */
export const EXPORT_MAX_TILE = 8192
export const EXPORT_BAND_BYTES = 12 * 1024 * 1024

interface Culled {
  ele: unknown
  x1: number
  y1: number
  x2: number
  y2: number
}

/** Draws the sheet tile by tile into a deflater; returns it finished with the sheet. */
async function rasterise(cy: Core, spec: ExportSpec, alpha: boolean, opts: RasterOptions): Promise<{ sheet: Sheet; channels: 3 | 4; zlib: Uint8Array }> {
  const tm = opts.timings ?? {}
  const lap = (k: string, t0: number) => (tm[k] = (tm[k] ?? 0) + performance.now() - t0)
  let tStep = performance.now()
  const sheet = planExport(cy, spec)
  const content = contentRect(cy, spec.region)
  await loadIcons(spec.legend)
  const r = (cy as unknown as { renderer(): CanvasRenderer }).renderer()
  lap('plan', tStep)
  tStep = performance.now()
  const zsorted = r.getCachedZSortedEles()
  const tiles = planTiles(sheet.width, sheet.height, opts.maxTile ?? EXPORT_MAX_TILE, EXPORT_BAND_BYTES)
  // With several tiles, each draws only the elements that reach into it.
  const boxes: Culled[] | null =
    tiles.length > 1
      ? zsorted.map((ele) => {
          const bb = (ele as { boundingBox(): { x1: number; y1: number; x2: number; y2: number } }).boundingBox()
          return { ele, x1: bb.x1, y1: bb.y1, x2: bb.x2, y2: bb.y2 }
        })
      : null
  lap('bounds', tStep)
  const sink = rowSink(sheet.width, sheet.height, alpha, opts.inWorker ?? true)
  const canvas = document.createElement('canvas')
  let done = 0
  let t0 = 0
  for (const band of bands(tiles)) {
    const bandH = band[0]!.h
    // A band of one tile is handed over as is; several are copied side by side.
    let buf: Uint8ClampedArray | null = band.length > 1 ? new Uint8ClampedArray(sheet.width * bandH * 4) : null
    for (const t of band) {
      if (canvas.width !== t.w || canvas.height !== t.h) {
        canvas.width = t.w
        canvas.height = t.h
      }
      const ctx = canvas.getContext('2d', { willReadFrequently: true })!
      ctx.setTransform(1, 0, 0, 1, 0, 0)
      ctx.clearRect(0, 0, t.w, t.h)
      if (spec.background === 'white' || !alpha) {
        ctx.fillStyle = '#ffffff'
        ctx.fillRect(0, 0, t.w, t.h)
      }
      ctx.translate(-t.x, -t.y)
      ctx.save()
      ctx.beginPath()
      ctx.rect(sheet.mapRect.x, sheet.mapRect.y, sheet.mapRect.w, sheet.mapRect.h)
      ctx.clip()
      ctx.translate(sheet.offsetX, sheet.offsetY)
      ctx.scale(sheet.k, sheet.k)
      ctx.translate(-content.x, -content.y)
      let eles = zsorted
      if (boxes) {
        // The tile in model coordinates, widened a little for arrows and line caps.
        const pad = 4 / sheet.k + 4
        const mx1 = (t.x - sheet.offsetX) / sheet.k + content.x - pad
        const my1 = (t.y - sheet.offsetY) / sheet.k + content.y - pad
        const mx2 = (t.x + t.w - sheet.offsetX) / sheet.k + content.x + pad
        const my2 = (t.y + t.h - sheet.offsetY) / sheet.k + content.y + pad
        eles = boxes.filter((b) => b.x2 >= mx1 && b.x1 <= mx2 && b.y2 >= my1 && b.y1 <= my2).map((b) => b.ele)
      }
      t0 = performance.now()
      r.drawElements(ctx, eles)
      ctx.restore()
      drawDecorations(ctx, sheet)
      lap('draw', t0)
      t0 = performance.now()
      const img = ctx.getImageData(0, 0, t.w, t.h).data
      if (!buf) buf = img
      else for (let row = 0; row < t.h; row++) buf.set(img.subarray(row * t.w * 4, (row + 1) * t.w * 4), (row * sheet.width + t.x) * 4)
      lap('pixels', t0)
      opts.onProgress?.(++done, tiles.length)
      // Let the page breathe between tiles of a long export.
      t0 = performance.now()
      if (tiles.length > 1) await new Promise((ok) => setTimeout(ok, 0))
      lap('yield', t0)
    }
    tStep = performance.now()
    await sink.addRows(buf!, bandH)
    lap('encode', tStep)
  }
  tStep = performance.now()
  const zlib = await sink.finish()
  // With the worker, this is only what is left once the last band is drawn.
  lap('encode', tStep)
  return { sheet, channels: sink.channels, zlib }
}

/**
 * The map as it is exported: nothing selected (a selection is the analyst's,
 * not the report's, and a selected node's wider border changes the bounds).
 * Every label is drawn whatever the zoom: Cytoscape's drawElements forces
 * labels on, past the zoomed-out level of detail (labelLod.ts).
 */
function exportLook(cy: Core): () => void {
  const selected = cy.$(':selected')
  selected.unselect()
  // No frame on screen while the export draws: between tiles, Cytoscape
  // would redraw (or build textures for) a big map for nothing.
  cy.startBatch()
  return () => {
    cy.endBatch()
    selected.select()
  }
}

/** The sheet's size as exported. */
export function sheetSize(cy: Core, spec: ExportSpec): { width: number; height: number } {
  const restore = exportLook(cy)
  try {
    const s = planExport(cy, spec)
    return { width: s.width, height: s.height }
  } finally {
    restore()
  }
}

async function unselected<T>(cy: Core, fn: () => Promise<T> | T): Promise<T> {
  const restore = exportLook(cy)
  try {
    return await fn()
  } finally {
    restore()
  }
}

export async function exportPng(cy: Core, spec: ExportSpec, opts: RasterOptions = {}): Promise<Uint8Array<ArrayBuffer>> {
  const t0 = performance.now()
  const { sheet, channels, zlib } = await unselected(cy, () => rasterise(cy, spec, spec.background === 'transparent', opts))
  if (opts.timings) opts.timings.all = performance.now() - t0
  return pngFile(sheet.width, sheet.height, channels, zlib, spec.size.kind === 'paper' ? spec.size.dpi : undefined)
}

/**
 * A one-page vector PDF: Cytoscape draws the map into a PdfCanvas (paths and
 * Helvetica text, not pixels), then the title, legend and footer are drawn
 * on it as on the PNG. Planned in points (a paper sheet at 72 "DPI"; a
 * scaled sheet at 96 px to the inch).
 */
export async function exportPdf(cy: Core, spec: ExportSpec, opts: RasterOptions = {}): Promise<Uint8Array<ArrayBuffer>> {
  return unselected(cy, async () => {
    const tm = opts.timings ?? {}
    let t0 = performance.now()
    const pdfSpec: ExportSpec = spec.size.kind === 'paper' ? { ...spec, size: { ...spec.size, dpi: 72 } } : spec
    const sheet = planExport(cy, pdfSpec)
    const content = contentRect(cy, spec.region)
    await loadIcons(spec.legend)
    const ptPerUnit = spec.size.kind === 'paper' ? 1 : 72 / 96
    const page = spec.size.kind === 'paper' ? paperPoints(spec.size.paper, spec.size.orientation) : { width: sheet.width * ptPerUnit, height: sheet.height * ptPerUnit }
    const ctx = new PdfCanvas(page.height, ptPerUnit)
    ctx.save()
    ctx.beginPath()
    ctx.rect(sheet.mapRect.x, sheet.mapRect.y, sheet.mapRect.w, sheet.mapRect.h)
    ctx.clip()
    ctx.translate(sheet.offsetX, sheet.offsetY)
    ctx.scale(sheet.k, sheet.k)
    ctx.translate(-content.x, -content.y)
    drawVector(cy, ctx)
    ctx.restore()
    drawDecorations(ctx as unknown as CanvasRenderingContext2D, sheet)
    tm.draw = performance.now() - t0
    t0 = performance.now()
    const bytes = await pdfDocument(ctx, page, spec.title ?? 'Relationship map')
    tm.encode = performance.now() - t0
    opts.onProgress?.(1, 1)
    return bytes
  })
}

/**
 * Cytoscape's element renderer into a non-canvas context, as cytoscape-svg
 * does: Path2D caching off (the context must see every path command), and
 * the path caches flushed so none made for the screen is reused.
 */
function drawVector(cy: Core, ctx: PdfCanvas): void {
  const r = (cy as unknown as { renderer(): CanvasRenderer & { usePaths(): boolean } }).renderer()
  const usePaths = r.usePaths
  const flush = () =>
    cy.elements().forEach((ele) => {
      const rs = (ele as unknown as { _private: { rscratch: Record<string, unknown> } })._private.rscratch
      rs.pathCacheKey = null
      rs.pathCache = null
    })
  r.usePaths = () => false
  flush()
  try {
    r.drawElements(ctx as unknown as CanvasRenderingContext2D, r.getCachedZSortedEles())
  } finally {
    r.usePaths = usePaths
    flush()
  }
}

// ---- SVG ------------------------------------------------------------------

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

function svgDecorations(sheet: Sheet): string {
  const out: string[] = []
  if (sheet.title) {
    const t = sheet.title
    out.push(`<text x="${t.x}" y="${t.y + t.font * 0.85}" font-family="${esc(EXPORT_FONT)}" font-size="${t.font}" font-weight="700" fill="#1f2328">${esc(t.text)}</text>`)
  }
  if (sheet.legend) {
    const { font, swatch } = sheet.legend
    const lineH = Math.max(swatch, font)
    out.push('<g class="legend">')
    for (const { entry, x, y } of sheet.legend.entries) {
      const cy = y + lineH / 2
      let tx = x
      if (entry.swatch.kind === 'node') {
        out.push(`<circle cx="${x + swatch / 2}" cy="${cy}" r="${swatch / 2}" fill="${entry.swatch.color}"/>`)
        const icon = `data:image/svg+xml;utf8,${encodeURIComponent(iconSvg(entry.swatch.type, 64))}`
        out.push(`<image x="${x + swatch * 0.2}" y="${cy - swatch * 0.3}" width="${swatch * 0.6}" height="${swatch * 0.6}" href="${esc(icon)}"/>`)
        tx += swatch
      } else {
        const w = swatch * 2.4
        const unit = swatch / 12
        const dash = entry.swatch.dash.length ? ` stroke-dasharray="${entry.swatch.dash.map((d) => d * unit).join(' ')}"` : ''
        out.push(`<line x1="${x}" y1="${cy}" x2="${x + w - (entry.swatch.arrow ? 5 * unit : 0)}" y2="${cy}" stroke="${entry.swatch.color}" stroke-width="${entry.swatch.width * unit}"${dash}/>`)
        if (entry.swatch.arrow) out.push(`<path d="M${x + w} ${cy}L${x + w - 7 * unit} ${cy - 4 * unit}L${x + w - 7 * unit} ${cy + 4 * unit}Z" fill="${entry.swatch.color}"/>`)
        tx += w
      }
      out.push(`<text x="${tx + swatch / 3}" y="${cy}" dominant-baseline="central" font-family="${esc(EXPORT_FONT)}" font-size="${font}" fill="#1f2328">${esc(entry.label)}</text>`)
    }
    out.push('</g>')
  }
  if (sheet.footer) {
    const f = sheet.footer
    f.lines.forEach((line, i) =>
      out.push(`<text x="${f.x}" y="${f.y + i * f.lineHeight + f.font * 0.85}" font-family="${esc(EXPORT_FONT)}" font-size="${f.font}" fill="#57606a">${esc(line)}</text>`)
    )
  }
  return out.join('\n')
}

interface C2SProto {
  __currentElement: Element
  __currentDefaultPath: string
  __createElement(name: string, attrs: Record<string, string>, reset: boolean): Element
  __closestGroupOrSvg(): Element
  __applyCurrentDefaultPath(): void
  __rwbPatched?: boolean
}

/**
 * canvas2svg (inside cytoscape-svg) drops a fill or stroke that follows a
 * restore(): the path it was building is no longer the current element, so
 * it logs "Attempted to apply path command to node g" and the node's border
 * is lost. Re-create the path element there instead.
 */
function patchCanvas2Svg(): void {
  const C2S = (window as unknown as { C2S?: { prototype: C2SProto } }).C2S
  if (!C2S || C2S.prototype.__rwbPatched) return
  const original = C2S.prototype.__applyCurrentDefaultPath
  C2S.prototype.__applyCurrentDefaultPath = function (this: C2SProto) {
    if (this.__currentElement.nodeName !== 'path') {
      if (!this.__currentDefaultPath) return
      const path = this.__createElement('path', {}, true)
      this.__closestGroupOrSvg().appendChild(path)
      this.__currentElement = path
    }
    original.call(this)
  }
  C2S.prototype.__rwbPatched = true
}

/** The map as SVG (vector; labels as text) on the sheet, with title, legend and footer. */
export function exportSvg(cy: Core, spec: ExportSpec): Promise<string> {
  return unselected(cy, () => svgNow(cy, spec))
}

function svgNow(cy: Core, spec: ExportSpec): string {
  patchCanvas2Svg()
  const sheet = planExport(cy, spec)
  const content = contentRect(cy, spec.region)
  const svgFn = (cy as unknown as { svg(o: Record<string, unknown>): string }).svg
  if (typeof svgFn !== 'function') throw new Error('SVG export is not available (cytoscape-svg is not registered).')
  const inner = svgFn.call(cy, { full: spec.region === 'whole', scale: 1, maxWidth: Number.MAX_SAFE_INTEGER, bg: undefined })
  const doc = new DOMParser().parseFromString(inner, 'image/svg+xml')
  const root = doc.documentElement
  if (root.nodeName !== 'svg') throw new Error('SVG export failed: cytoscape-svg returned no <svg>.')
  const innerW = Number(root.getAttribute('width')) || content.w
  const innerH = Number(root.getAttribute('height')) || content.h
  root.setAttribute('x', String(sheet.offsetX))
  root.setAttribute('y', String(sheet.offsetY))
  root.setAttribute('width', String(content.w * sheet.k))
  root.setAttribute('height', String(content.h * sheet.k))
  root.setAttribute('viewBox', `0 0 ${innerW} ${innerH}`)
  root.setAttribute('overflow', 'hidden')
  const mapSvg = new XMLSerializer().serializeToString(root)
  // On paper, the SVG says its size in millimetres so it prints at that size.
  const mm = spec.size.kind === 'paper' ? PAPER_MM[spec.size.paper] : null
  const outer =
    mm && spec.size.kind === 'paper'
      ? spec.size.orientation === 'landscape'
        ? { width: `${mm.h}mm`, height: `${mm.w}mm` }
        : { width: `${mm.w}mm`, height: `${mm.h}mm` }
      : { width: String(sheet.width), height: String(sheet.height) }
  const bg = spec.background === 'white' ? `<rect width="100%" height="100%" fill="#ffffff"/>` : ''
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${outer.width}" height="${outer.height}" viewBox="0 0 ${sheet.width} ${sheet.height}">`,
    spec.title ? `<title>${esc(spec.title)}</title>` : '',
    bg,
    mapSvg,
    svgDecorations(sheet),
    '</svg>'
  ]
    .filter(Boolean)
    .join('\n')
}
