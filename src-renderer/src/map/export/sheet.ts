// What every export format shares: the spec the dialog fills in, the part
// of the map exported, the sheet planned around it (tiling.ts), and the
// export "look" (nothing selected, no screen frames while drawing).
//
// Text is measured with a canvas in the export font, so the sheet's title,
// legend and footer are laid out as they will be drawn; the PDF, which
// draws in its embedded Noto Sans, accepts the small difference in width.
import type { Core } from 'cytoscape'
import { paperPixels, planSheet, type LegendEntry, type Orientation, type Paper, type Rect, type Sheet } from '../tiling'

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

/** The parts of Cytoscape's canvas renderer the exports draw with (not in its typings). */
export interface CanvasRenderer {
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

/** The drawing calls entering the map's frame need (a canvas, or the PDF canvas). */
interface FrameContext {
  save(): void
  beginPath(): void
  rect(x: number, y: number, w: number, h: number): void
  clip(): void
  translate(x: number, y: number): void
  scale(x: number, y: number): void
}

/**
 * Saves the context, clips it to the sheet's map frame and maps model
 * coordinates into it; the caller draws the elements, then restores.
 */
export function enterMapFrame(ctx: FrameContext, sheet: Sheet, content: Rect): void {
  ctx.save()
  ctx.beginPath()
  ctx.rect(sheet.mapRect.x, sheet.mapRect.y, sheet.mapRect.w, sheet.mapRect.h)
  ctx.clip()
  ctx.translate(sheet.offsetX, sheet.offsetY)
  ctx.scale(sheet.k, sheet.k)
  ctx.translate(-content.x, -content.y)
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

/** Runs an export in the export look, and puts the analyst's selection back after. */
export async function unselected<T>(cy: Core, fn: () => Promise<T> | T): Promise<T> {
  const restore = exportLook(cy)
  try {
    return await fn()
  } finally {
    restore()
  }
}
