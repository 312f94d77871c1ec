// The PNG export: drawn tile by tile with Cytoscape's own element renderer
// at the export's zoom, band by band into a streaming encoder, so images
// larger than Chromium's canvas limits (32,767 px a side, 268 M pixels)
// still come out whole. The cost is drawing edges that cross several tiles
// more than once; each tile draws only the elements that reach into it.
import type { Core } from 'cytoscape'
import { pngFile } from '../imageEncoder'
import { rowSink } from '../pngEncoderClient'
import { bands, planTiles, type Sheet } from '../tiling'
import { drawDecorations, loadIcons } from './decorations'
import { contentRect, enterMapFrame, planExport, unselected, type CanvasRenderer, type ExportSpec } from './sheet'

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
      enterMapFrame(ctx, sheet, content)
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
      drawDecorations(ctx, sheet, alpha && spec.background === 'transparent')
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

export async function exportPng(cy: Core, spec: ExportSpec, opts: RasterOptions = {}): Promise<Uint8Array<ArrayBuffer>> {
  const t0 = performance.now()
  const { sheet, channels, zlib } = await unselected(cy, () => rasterise(cy, spec, spec.background === 'transparent', opts))
  if (opts.timings) opts.timings.all = performance.now() - t0
  return pngFile(sheet.width, sheet.height, channels, zlib, spec.size.kind === 'paper' ? spec.size.dpi : undefined)
}
