// A canvas-like 2D context that writes PDF drawing operators instead of
// pixels, so the map's vector PDF is drawn by Cytoscape's own element
// renderer (as the SVG export is, through canvas2svg) and by the same
// decoration code as the PNG. Paths, fills, strokes, dashes, clips and
// transparency become PDF paths; text becomes real PDF text in embedded
// Noto subsets (pdfFonts.ts: any script the fonts cover stays searchable
// and selectable); SVG images (the type icons) are replayed as vector
// paths. Only characters no embedded font has (emoji) are drawn as a small
// picture of the text, so nothing the analyst typed is lost.
//
// Why a canvas and not a PDF library's drawing calls: Cytoscape draws
// through the canvas API, so something must translate canvas calls; pdf-lib,
// jsPDF and pdfkit would each add an object per call on top of this (and
// jsPDF's own canvas emulation is far slower at 20,000 edges). The font
// work, the hard part, is fontkit's (pdfFonts.ts).
//
// It is split in two: pdfPath.ts keeps the state, the transform (applied to
// every point, so the content stream is in page space) and the path
// geometry; this class paints (fill, stroke, clip), writes text and replays
// images. Only the canvas calls Cytoscape's renderer and the export's
// decorations make are implemented; the rest are harmless no-ops.
import { f, f3, gradient, parseColor, type Gradient } from './pdfColor'
import { fontOf, type PdfFontSet } from './pdfFonts'
import { mul, PdfPath, type Emitted } from './pdfPath'
import { svgPicture } from './svgReplay'

/** A picture of a text (for characters the standard fonts lack), to embed as an image. */
export interface TextImage {
  name: string
  width: number
  height: number
  rgba: Uint8ClampedArray
}

export class PdfCanvas extends PdfPath {
  constructor(
    pageHeight: number,
    ptPerUnit: number,
    readonly fonts: PdfFontSet
  ) {
    super(pageHeight, ptPerUnit)
  }
  /** Alpha values used (for the page's ExtGState resources). */
  readonly alphas = new Set<string>()
  readonly images: TextImage[] = []
  /** Text direction, as on a canvas (other canvas properties Cytoscape sets, such as shadows, are ignored). */
  direction: CanvasDirection = 'ltr'

  // ---- Painting --------------------------------------------------------------
  /** Writes `value op` only when the stream does not have that value already. */
  private emit<K extends keyof Emitted>(key: K, value: Emitted[K], op: string): void {
    if (this.e[key] === value) return
    this.e[key] = value
    this.out.push(`${value} ${op}`)
  }
  private alpha(kind: 'fa' | 'sa', a: number): void {
    const v = (Math.round(a * 1000) / 1000).toString()
    if (this.e[kind] === v) return
    this.e[kind] = v
    this.alphas.add(v)
    this.out.push(`/${kind === 'fa' ? 'Gf' : 'Gs'}${v.replace('.', '_')} gs`)
  }
  /** Sets the fill or stroke colour and alpha; false if nothing would show. */
  private usePaint(kind: 'fill' | 'stroke', style: unknown): boolean {
    const [r, g, b, a] = parseColor(style)
    const alpha = a * this.s.globalAlpha
    if (alpha <= 0) return false
    this.emit(kind, `${f3(r)} ${f3(g)} ${f3(b)}`, kind === 'fill' ? 'rg' : 'RG')
    this.alpha(kind === 'fill' ? 'fa' : 'sa', alpha)
    return true
  }
  private useStroke(): boolean {
    if (!this.usePaint('stroke', this.s.strokeStyle)) return false
    const u = this.unit()
    this.emit('width', f(this.s.lineWidth * u), 'w')
    this.emit('cap', this.s.lineCap === 'round' ? 1 : this.s.lineCap === 'square' ? 2 : 0, 'J')
    this.emit('join', this.s.lineJoin === 'round' ? 1 : this.s.lineJoin === 'bevel' ? 2 : 0, 'j')
    const dash = this.s.dash.length && this.s.dash.some((d) => d > 0) ? `[${this.s.dash.map((d) => f(d * u)).join(' ')}] ${f(this.s.lineDashOffset * u)}` : '[] 0'
    this.emit('dash', dash, 'd')
    return true
  }
  fill(a?: unknown, b?: unknown): void {
    if (a !== undefined && typeof a !== 'string') return // a Path2D: not used (usePaths is off while exporting)
    if (!this.path.length || !this.usePaint('fill', this.s.fillStyle)) return
    this.out.push(this.path.join(' '), (a ?? b) === 'evenodd' ? 'f*' : 'f')
  }
  stroke(a?: unknown): void {
    if (a !== undefined) return
    if (!this.path.length || !this.useStroke()) return
    this.out.push(this.path.join(' '), 'S')
  }
  clip(a?: unknown, b?: unknown): void {
    if (a !== undefined && typeof a !== 'string') return
    this.out.push(this.path.length ? this.path.join(' ') : `0 0 m`, (a ?? b) === 'evenodd' ? 'W* n' : 'W n')
  }
  /** Paints a rectangle as a canvas does: the current path and point stay as they were. */
  private paintRect(x: number, y: number, w: number, h: number, paint: () => void): void {
    const saved = this.path
    const had = [this.hasPoint, this.cx, this.cy, this.startX, this.startY] as const
    this.beginPath()
    this.rect(x, y, w, h)
    paint()
    this.path = saved
    ;[this.hasPoint, this.cx, this.cy, this.startX, this.startY] = had
  }
  fillRect(x: number, y: number, w: number, h: number): void {
    this.paintRect(x, y, w, h, () => this.fill())
  }
  strokeRect(x: number, y: number, w: number, h: number): void {
    this.paintRect(x, y, w, h, () => this.stroke())
  }
  clearRect(): void {
    // The page is white; an export draws on it from an empty start.
  }
  createLinearGradient(): Gradient {
    return gradient()
  }
  createRadialGradient(): Gradient {
    return gradient()
  }
  createPattern(): null {
    return null
  }
  isPointInPath(): boolean {
    return false
  }

  // ---- Text ------------------------------------------------------------------
  /** Width of a text in canvas units: the embedded faces' advances, the canvas's for runs no face has. */
  private widthOf(text: string): { width: number; size: number; runs: { run: ReturnType<PdfFontSet['runs']>[number]; w: number }[] } {
    const { size, bold } = fontOf(this.s.font)
    const runs = this.fonts.runs(text, bold).map((run) => ({ run, w: run.face ? this.fonts.widthEm(run) * size : measureWithCanvas(run.text, this.s.font) }))
    return { width: runs.reduce((a, r) => a + r.w, 0), size, runs }
  }
  measureText(text: string): TextMetrics {
    const { width, size } = this.widthOf(text)
    return { width, actualBoundingBoxAscent: size * 0.72, actualBoundingBoxDescent: size * 0.21 } as TextMetrics
  }
  fillText(text: string, x: number, y: number): void {
    this.text(text, x, y, false)
  }
  strokeText(text: string, x: number, y: number): void {
    this.text(text, x, y, true)
  }
  private text(text: string, x: number, y: number, outline: boolean): void {
    if (!text) return
    const { width, size, runs } = this.widthOf(text)
    const align = this.s.textAlign
    const dir = this.dirIsRtl()
    let x0 = align === 'center' ? x - width / 2 : align === 'right' || (align === 'end' && !dir) || (align === 'start' && dir) ? x - width : x
    // Baseline offsets of the em box as a canvas places it: Noto Sans's ascent and descent (1.069, 0.293) scaled to one em.
    const bl = this.s.textBaseline
    const y0 = bl === 'top' || bl === 'hanging' ? y + 0.785 * size : bl === 'middle' ? y + 0.285 * size : bl === 'bottom' || bl === 'ideographic' ? y - 0.215 * size : y
    const m = this.s.m
    for (const { run, w } of runs) {
      if (!run.face) this.textPicture(run.text, x0, y0, w, size, outline)
      else if (outline ? this.useStroke() : this.usePaint('fill', this.s.fillStyle)) {
        const shown = this.fonts.show(run.face, run.text)
        const tm = [m[0] * size, m[1] * size, -m[2] * size, -m[3] * size, m[0] * x0 + m[2] * y0 + m[4], m[1] * x0 + m[3] * y0 + m[5]].map(f).join(' ')
        // Tr outlasts ET (it is graphics state): every text says its render mode.
        this.out.push(`BT /${shown.key} 1 Tf ${outline ? 1 : 0} Tr ${tm} Tm <${shown.hex}> Tj ET`)
      }
      x0 += w
    }
  }
  private dirIsRtl(): boolean {
    return this.direction === 'rtl'
  }
  /** Text no embedded font can show, as a picture (4× the print size of a 300 DPI page) in its place. */
  private textPicture(text: string, x0: number, y0: number, width: number, size: number, outline: boolean): void {
    if (outline) return // the outline is a halo around the filled text; the picture has none
    const [r, g, b, a] = parseColor(this.s.fillStyle)
    const alpha = a * this.s.globalAlpha
    if (alpha <= 0 || width <= 0) return
    const px = Math.min(16, Math.max(2, (this.unit() * 300) / 72)) // pixels per text unit
    const h = size * 1.25
    const cw = Math.max(1, Math.ceil(width * px) + 2)
    const ch = Math.max(1, Math.ceil(h * px))
    const c = document.createElement('canvas')
    c.width = cw
    c.height = ch
    const ctx = c.getContext('2d', { willReadFrequently: true })!
    ctx.font = this.s.font.replace(/(\d+(?:\.\d+)?)px/, `${size * px}px`)
    ctx.textBaseline = 'alphabetic'
    ctx.fillStyle = `rgba(${Math.round(r * 255)},${Math.round(g * 255)},${Math.round(b * 255)},${alpha})`
    ctx.fillText(text, 1, size * 0.95 * px)
    const name = `Tx${this.images.length}`
    this.images.push({ name, width: cw, height: ch, rgba: ctx.getImageData(0, 0, cw, ch).data })
    // The picture's box: from (x0, y0 - 0.95 size) over width × 1.25 size, in user space.
    const top = y0 - size * 0.95
    const w = cw / px
    const m = mul(this.s.m, [w, 0, 0, -h, x0 - 1 / px, top + h])
    this.out.push(`q ${m.map(f).join(' ')} cm /${name} Do Q`)
  }

  // ---- Images ----------------------------------------------------------------
  drawImage(img: CanvasImageSource, ...a: number[]): void {
    const src = (img as HTMLImageElement).src
    const pic = typeof src === 'string' ? svgPicture(src) : null
    if (!pic) return // only the map's own SVG icons are drawn as images
    let [sx, sy, sw, sh, dx, dy, dw, dh] = [0, 0, pic.width, pic.height, 0, 0, pic.width, pic.height]
    if (a.length === 2) [dx, dy] = a as [number, number]
    else if (a.length === 4) [dx, dy, dw, dh] = a as [number, number, number, number]
    else if (a.length >= 8) [sx, sy, sw, sh, dx, dy, dw, dh] = a as [number, number, number, number, number, number, number, number]
    if (!sw || !sh || !dw || !dh) return
    const savedPath = this.path
    this.save()
    // Only the source rectangle shows, in the destination rectangle.
    this.beginPath()
    this.rect(dx, dy, dw, dh)
    this.clip()
    this.translate(dx, dy)
    this.scale(dw / sw, dh / sh)
    this.translate(-sx, -sy)
    pic.draw(this as unknown as Parameters<typeof pic.draw>[0])
    this.restore()
    this.path = savedPath
  }
}

let measureCtx: CanvasRenderingContext2D | null = null
function measureWithCanvas(text: string, font: string): number {
  measureCtx ??= document.createElement('canvas').getContext('2d')!
  measureCtx.font = font
  return measureCtx.measureText(text).width
}
