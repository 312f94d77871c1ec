// The vector PDF export: Cytoscape's element renderer draws the map into a
// PdfCanvas (paths and text in embedded Noto subsets, not pixels), then the
// title, legend and footer are drawn on it as on the PNG. The renderer is
// borrowed with its Path2D caching switched off for the duration, which
// costs the screen a rebuild of its path caches afterwards.
//
// The fonts a PDF needs are picked from its texts before drawing (the CJK
// face is 8 MB: read only for a map that has such characters); if a text
// drawn still had characters no loaded face has, every face is loaded and
// the page drawn again, once.
import type { Core } from 'cytoscape'
import type { Font } from 'fontkit'
import { pdfFaces } from '../pdf/fontFiles'
import { PdfCanvas } from '../pdf/pdfCanvas'
import { pdfDocument } from '../pdf/pdfDocument'
import { PdfFontSet } from '../pdf/pdfFonts'
import { paperPoints } from '../tiling'
import { drawDecorations, loadIcons } from './decorations'
import type { RasterOptions } from './raster'
import { contentRect, enterMapFrame, planExport, unselected, type CanvasRenderer, type ExportSpec } from './sheet'

/**
 * A one-page vector PDF. Planned in points (a paper sheet at 72 "DPI"; a
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
    const texts = textsOf(cy, spec)
    tm.plan = performance.now() - t0
    t0 = performance.now()
    let faces = await pdfFaces(texts)
    tm.fonts = performance.now() - t0
    t0 = performance.now()
    const draw = () => {
      const ctx = new PdfCanvas(page.height, ptPerUnit, new PdfFontSet(faces, parsedFonts))
      enterMapFrame(ctx, sheet, content)
      drawVector(cy, ctx)
      ctx.restore()
      drawDecorations(ctx as unknown as CanvasRenderingContext2D, sheet)
      return ctx
    }
    let ctx = draw()
    if (ctx.fonts.uncovered) {
      const all = await pdfFaces([], true)
      if (all.fallbacks.length > faces.fallbacks.length) {
        faces = all
        ctx = draw()
      }
    }
    tm.draw = performance.now() - t0
    t0 = performance.now()
    const bytes = await pdfDocument(ctx, page, spec.title ?? 'Relationship map')
    tm.encode = performance.now() - t0
    opts.onProgress?.(1, 1)
    return bytes
  })
}

/** Fonts parsed once per app session (fontkit reads tables lazily; the CJK face is not read twice). */
const parsedFonts = new Map<Uint8Array, Font>()

/** Every text the page will draw: labels as styled, title, legend and footer. */
function textsOf(cy: Core, spec: ExportSpec): string[] {
  const out: string[] = []
  cy.elements().forEach((ele) => {
    const label = (ele as unknown as { pstyle(p: string): { strValue?: string } | undefined }).pstyle('label')?.strValue
    if (label) out.push(label)
  })
  if (spec.title) out.push(spec.title)
  for (const e of spec.legend ?? []) out.push(e.label)
  out.push(...(spec.footer ?? []))
  return out
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
