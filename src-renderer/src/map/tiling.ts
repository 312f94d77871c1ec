// The arithmetic of image export: paper sizes, the sheet (title, map,
// legend, footer) and the tiles a big image is drawn in. Pure, unit-tested.

export type Paper = 'A4' | 'A3' | 'Letter'
export type Orientation = 'landscape' | 'portrait'

/** Paper sizes in millimetres, portrait. */
export const PAPER_MM: Record<Paper, { w: number; h: number }> = {
  A4: { w: 210, h: 297 },
  A3: { w: 297, h: 420 },
  Letter: { w: 215.9, h: 279.4 }
}

/** Pixel size of a sheet of paper at a DPI: A3 at 300 DPI is 4961 × 3508 landscape. */
export function paperPixels(paper: Paper, dpi: number, orientation: Orientation): { width: number; height: number } {
  const mm = PAPER_MM[paper]
  const a = Math.round((mm.w / 25.4) * dpi)
  const b = Math.round((mm.h / 25.4) * dpi)
  return orientation === 'landscape' ? { width: b, height: a } : { width: a, height: b }
}

/** Paper size in PDF points (1/72 inch). */
export function paperPoints(paper: Paper, orientation: Orientation): { width: number; height: number } {
  const mm = PAPER_MM[paper]
  const a = (mm.w / 25.4) * 72
  const b = (mm.h / 25.4) * 72
  return orientation === 'landscape' ? { width: b, height: a } : { width: a, height: b }
}

export interface Rect {
  x: number
  y: number
  w: number
  h: number
}

/** The most RGBA bytes one band of tiles holds (A3 at 300 DPI, 70 MB, is one band). */
export const BAND_BYTES = 96 * 1024 * 1024

/**
 * Splits a width × height image into tiles no bigger than maxTile on a
 * side, row by row (a row of tiles is one
 * band of the output, encoded before the next is drawn).
 */
export function planTiles(width: number, height: number, maxTile = 4096, maxBandBytes = BAND_BYTES): Rect[] {
  if (!(width > 0 && height > 0)) return []
  const tileW = Math.min(maxTile, width)
  // A band holds whole rows of the image: keep its RGBA buffer bounded however wide the image is.
  const tileH = Math.max(1, Math.min(maxTile, height, Math.floor(maxBandBytes / (width * 4))))
  const out: Rect[] = []
  for (let y = 0; y < height; y += tileH)
    for (let x = 0; x < width; x += tileW) out.push({ x, y, w: Math.min(tileW, width - x), h: Math.min(tileH, height - y) })
  return out
}

/** Groups tiles into bands (same y), in order. */
export function bands(tiles: Rect[]): Rect[][] {
  const out: Rect[][] = []
  for (const t of tiles) {
    const last = out.at(-1)
    if (last && last[0]!.y === t.y) last.push(t)
    else out.push([t])
  }
  return out
}

export interface LegendEntry {
  label: string
  /** A node swatch (colour) or an edge swatch (line style). */
  swatch: { kind: 'node'; color: string; type: string } | { kind: 'edge'; color: string; dash: number[]; width: number; arrow: boolean }
}

export interface SheetInput {
  /** The part of the map to draw, in model coordinates. */
  content: Rect
  /** Fixed sheet size (paper), or a scale (sheet grows around the map). */
  size: { kind: 'paper'; width: number; height: number; pxPerPt: number } | { kind: 'scale'; scale: number }
  title: string | null
  legend: LegendEntry[] | null
  footer: string[] | null
  /** Width of a text at a font size in px (canvas measureText in the app; an estimate in tests). */
  measure(text: string, fontPx: number): number
}

export interface Sheet {
  width: number
  height: number
  /** Pixels per model unit, and where model point (content.x, content.y) lands. */
  k: number
  mapRect: Rect
  offsetX: number
  offsetY: number
  margin: number
  title: { text: string; x: number; y: number; font: number } | null
  legend: { entries: { entry: LegendEntry; x: number; y: number }[]; font: number; swatch: number; rect: Rect } | null
  footer: { lines: string[]; x: number; y: number; font: number; lineHeight: number } | null
}

export const MAX_FOOTER_LINES = 8

/** On paper, the most a map is enlarged: points per screen pixel. */
export const MAX_PT_PER_PX = 1.5

/** Breaks a text into lines no wider than maxW (a word longer than a line is cut). */
export function wrapText(text: string, maxW: number, fontPx: number, measure: (t: string, f: number) => number): string[] {
  const words = text.split(/\s+/).filter(Boolean)
  const lines: string[] = []
  let line = ''
  for (let word of words) {
    while (measure(word, fontPx) > maxW && word.length > 1) {
      // A word wider than the line: as much as fits, then the rest.
      let n = word.length - 1
      while (n > 1 && measure(word.slice(0, n), fontPx) > maxW) n--
      if (line) lines.push(line)
      lines.push(word.slice(0, n))
      line = ''
      word = word.slice(n)
    }
    const next = line ? `${line} ${word}` : word
    if (line && measure(next, fontPx) > maxW) {
      lines.push(line)
      line = word
    } else line = next
  }
  if (line) lines.push(line)
  return lines
}

/** Places title, map, legend and footer on the sheet. */
export function planSheet(input: SheetInput): Sheet {
  const u = input.size.kind === 'paper' ? input.size.pxPerPt : input.size.scale
  const margin = Math.round((input.size.kind === 'paper' ? 28 : 16) * u)
  const titleFont = Math.round(20 * u)
  const font = Math.round(10.5 * u)
  const footFont = Math.round(8.5 * u)
  const swatch = Math.round(12 * u)
  const gap = Math.round(8 * u)
  const c = input.content
  const cw = Math.max(1, c.w)
  const ch = Math.max(1, c.h)

  // Width available to legend/footer text: known for paper; for scale, the map's own width (at least 480 pt).
  const innerW = input.size.kind === 'paper' ? input.size.width - 2 * margin : Math.max(Math.round(cw * u), Math.round(480 * u))

  // Legend entries flow left to right and wrap.
  let legendH = 0
  let legendEntries: { entry: LegendEntry; x: number; y: number }[] = []
  if (input.legend && input.legend.length) {
    const lineH = Math.round(Math.max(swatch, font) * 1.6)
    let x = 0
    let row = 0
    legendEntries = input.legend.map((entry) => {
      const w = (entry.swatch.kind === 'edge' ? swatch * 2.4 : swatch) + gap / 2 + input.measure(entry.label, font) + gap * 2
      if (x > 0 && x + w > innerW) {
        x = 0
        row++
      }
      const placed = { entry, x, y: row * lineH }
      x += w
      return placed
    })
    legendH = (row + 1) * lineH
  }
  const footLineH = Math.round(footFont * 1.45)
  const wrapped = (input.footer ?? []).flatMap((l) => wrapText(l, innerW, footFont, input.measure))
  const footerLines = wrapped.length ? wrapped.slice(0, MAX_FOOTER_LINES) : null
  if (footerLines && wrapped.length > MAX_FOOTER_LINES) footerLines[MAX_FOOTER_LINES - 1] += ' …'
  const footerH = footerLines ? footerLines.length * footLineH : 0
  const titleH = input.title ? Math.round(titleFont * 1.7) : 0

  const below = (legendH ? legendH + gap : 0) + (footerH ? footerH + gap : 0)
  let width: number
  let height: number
  let mapRect: Rect
  let k: number
  if (input.size.kind === 'paper') {
    width = input.size.width
    height = input.size.height
    mapRect = { x: margin, y: margin + titleH, w: width - 2 * margin, h: Math.max(1, height - 2 * margin - titleH - below) }
    // Fit the page, but a small map is not blown up past 1.5 pt per screen pixel (12 px labels stay at most 18 pt).
    k = Math.min(mapRect.w / cw, mapRect.h / ch, MAX_PT_PER_PX * input.size.pxPerPt)
  } else {
    k = input.size.scale
    const mapW = Math.ceil(cw * k)
    const mapH = Math.ceil(ch * k)
    const decorated = !!(input.title || legendH || footerH)
    const sideMargin = decorated ? margin : 0
    width = Math.max(mapW, decorated ? innerW : 0) + 2 * sideMargin
    height = mapH + (decorated ? 2 * margin + titleH + below : 0)
    mapRect = { x: sideMargin, y: (decorated ? margin : 0) + titleH, w: width - 2 * sideMargin, h: mapH }
  }
  // Centre the content in the map rectangle.
  const offsetX = mapRect.x + (mapRect.w - cw * k) / 2
  const offsetY = mapRect.y + (mapRect.h - ch * k) / 2
  const bottom = height - margin
  const footer = footerLines ? { lines: footerLines, x: margin, y: bottom - footerH, font: footFont, lineHeight: footLineH } : null
  const legendTop = (footer ? footer.y - gap : bottom) - legendH
  const legend = legendH
    ? { entries: legendEntries.map((e) => ({ ...e, x: margin + e.x, y: legendTop + e.y })), font, swatch, rect: { x: margin, y: legendTop, w: innerW, h: legendH } }
    : null
  const title = input.title ? { text: input.title, x: margin, y: margin, font: titleFont } : null
  return { width: Math.round(width), height: Math.round(height), k, mapRect, offsetX, offsetY, margin, title, legend, footer }
}

/** Canvas limits Chromium enforces: a side of at most 32,767 px, an area of at most 268,435,456 px. */
export const CANVAS_MAX_SIDE = 32_767
export const CANVAS_MAX_AREA = 268_435_456

export function fitsOneCanvas(width: number, height: number): boolean {
  return width <= CANVAS_MAX_SIDE && height <= CANVAS_MAX_SIDE && width * height <= CANVAS_MAX_AREA
}
