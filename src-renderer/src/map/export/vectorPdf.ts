// The vector PDF export: Cytoscape's element renderer draws the map into a
// PdfCanvas (paths and Helvetica text, not pixels), then the title, legend
// and footer are drawn on it as on the PNG. The renderer is borrowed with
// its Path2D caching switched off for the duration, which costs the screen
// a rebuild of its path caches afterwards.
import type { Core } from 'cytoscape'
import { PdfCanvas } from '../pdf/pdfCanvas'
import { pdfDocument } from '../pdf/pdfDocument'
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
    const ctx = new PdfCanvas(page.height, ptPerUnit)
    enterMapFrame(ctx, sheet, content)
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
