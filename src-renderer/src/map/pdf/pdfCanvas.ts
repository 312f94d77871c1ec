// A canvas-like 2D context that writes PDF drawing operators instead of
// pixels, so the map's vector PDF is drawn by Cytoscape's own element
// renderer (as the SVG export is, through canvas2svg) and by the same
// decoration code as the PNG. Paths, fills, strokes, dashes, clips and
// transparency become PDF paths; text becomes real PDF text in Helvetica
// (searchable, selectable); SVG images (the type icons) are replayed as
// vector paths. Text no standard font can show (e.g. Cyrillic) is drawn as
// a small picture of the text, so nothing the analyst typed is lost.
//
// The current transform is kept here and applied to every point, so the
// content stream is in page space; q/Q wrap save/restore for clipping.
import { fontOf, pdfLiteral, textWidthEm, winAnsi, type PdfFontKey } from './pdfFonts'
import { svgPicture } from './svgReplay'

type M = [number, number, number, number, number, number]

interface State {
  m: M
  fillStyle: unknown
  strokeStyle: unknown
  lineWidth: number
  lineCap: CanvasLineCap
  lineJoin: CanvasLineJoin
  miterLimit: number
  dash: number[]
  lineDashOffset: number
  globalAlpha: number
  font: string
  textAlign: CanvasTextAlign
  textBaseline: CanvasTextBaseline
}

/** What has been written to the stream (so it is not repeated); saved with q, restored with Q. */
interface Emitted {
  fill: string
  stroke: string
  width: string
  cap: number
  join: number
  dash: string
  fa: string
  sa: string
}

/** A picture of a text (for characters the standard fonts lack), to embed as an image. */
export interface TextImage {
  name: string
  width: number
  height: number
  rgba: Uint8ClampedArray
}

const f = (n: number) => {
  const r = Math.round(n * 100) / 100
  return Object.is(r, -0) ? '0' : String(r)
}

let colorCtx: CanvasRenderingContext2D | null = null
const colors = new Map<string, [number, number, number, number]>()

/** A CSS colour as RGB 0..1 and alpha. */
export function parseColor(c: unknown): [number, number, number, number] {
  if (typeof c !== 'string') {
    const stop = (c as { __first?: string } | null)?.__first
    return stop ? parseColor(stop) : [0.5, 0.5, 0.5, 1]
  }
  const hit = colors.get(c)
  if (hit) return hit
  let out: [number, number, number, number] = [0, 0, 0, 1]
  const hex = /^#([0-9a-f]{3,8})$/i.exec(c.trim())
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/i.exec(c.trim())
  if (hex && [3, 6, 8].includes(hex[1]!.length)) {
    const h = hex[1]!.length === 3 ? [...hex[1]!].map((d) => d + d).join('') : hex[1]!
    out = [parseInt(h.slice(0, 2), 16) / 255, parseInt(h.slice(2, 4), 16) / 255, parseInt(h.slice(4, 6), 16) / 255, h.length === 8 ? parseInt(h.slice(6, 8), 16) / 255 : 1]
  } else if (rgb) {
    const a = rgb[4] === undefined ? 1 : rgb[4].endsWith('%') ? parseFloat(rgb[4]) / 100 : Number(rgb[4])
    out = [Number(rgb[1]) / 255, Number(rgb[2]) / 255, Number(rgb[3]) / 255, a]
  } else if (c.trim() === 'transparent') out = [0, 0, 0, 0]
  else {
    // A colour name or another syntax: let the browser normalise it.
    colorCtx ??= document.createElement('canvas').getContext('2d')!
    colorCtx.fillStyle = '#000000'
    colorCtx.fillStyle = c
    const n = String(colorCtx.fillStyle)
    out = n === c ? [0, 0, 0, 1] : parseColor(n)
  }
  colors.set(c, out)
  return out
}

const mul = (a: M, b: M): M => [
  a[0] * b[0] + a[2] * b[1],
  a[1] * b[0] + a[3] * b[1],
  a[0] * b[2] + a[2] * b[3],
  a[1] * b[2] + a[3] * b[3],
  a[0] * b[4] + a[2] * b[5] + a[4],
  a[1] * b[4] + a[3] * b[5] + a[5]
]

export class PdfCanvas {
  private readonly out: string[] = []
  private readonly base: M
  private s: State
  private readonly stack: State[] = []
  private e: Emitted = { fill: '0 0 0', stroke: '0 0 0', width: '1', cap: 0, join: 0, dash: '[] 0', fa: '1', sa: '1' }
  private readonly emittedStack: Emitted[] = []
  private path: string[] = []
  /** Current point and subpath start, in user space at the time they were set. */
  private cx = 0
  private cy = 0
  private hasPoint = false
  private startX = 0
  private startY = 0
  /** Alpha values used (for the page's ExtGState resources). */
  readonly alphas = new Set<string>()
  readonly fontsUsed = new Set<PdfFontKey>()
  readonly images: TextImage[] = []
  /** Text direction, as on a canvas (other canvas properties Cytoscape sets, such as shadows, are ignored). */
  direction: CanvasDirection = 'ltr'

  /**
   * @param pageHeight page height in points
   * @param ptPerUnit points per canvas unit (the sheet's pixels)
   */
  constructor(pageHeight: number, ptPerUnit: number) {
    this.base = [ptPerUnit, 0, 0, -ptPerUnit, 0, pageHeight]
    this.s = {
      m: [...this.base],
      fillStyle: '#000000',
      strokeStyle: '#000000',
      lineWidth: 1,
      lineCap: 'butt',
      lineJoin: 'miter',
      miterLimit: 10,
      dash: [],
      lineDashOffset: 0,
      globalAlpha: 1,
      font: '10px sans-serif',
      textAlign: 'start',
      textBaseline: 'alphabetic'
    }
  }

  /** The content stream so far. */
  content(): string {
    return this.out.join('\n')
  }

  // ---- State ---------------------------------------------------------------
  get fillStyle(): unknown { return this.s.fillStyle }
  set fillStyle(v: unknown) { this.s.fillStyle = v }
  get strokeStyle(): unknown { return this.s.strokeStyle }
  set strokeStyle(v: unknown) { this.s.strokeStyle = v }
  get lineWidth(): number { return this.s.lineWidth }
  set lineWidth(v: number) { if (Number.isFinite(v) && v > 0) this.s.lineWidth = v }
  get lineCap(): CanvasLineCap { return this.s.lineCap }
  set lineCap(v: CanvasLineCap) { this.s.lineCap = v }
  get lineJoin(): CanvasLineJoin { return this.s.lineJoin }
  set lineJoin(v: CanvasLineJoin) { this.s.lineJoin = v }
  get miterLimit(): number { return this.s.miterLimit }
  set miterLimit(v: number) { this.s.miterLimit = v }
  get lineDashOffset(): number { return this.s.lineDashOffset }
  set lineDashOffset(v: number) { this.s.lineDashOffset = v }
  get globalAlpha(): number { return this.s.globalAlpha }
  set globalAlpha(v: number) { if (Number.isFinite(v)) this.s.globalAlpha = Math.min(1, Math.max(0, v)) }
  get font(): string { return this.s.font }
  set font(v: string) { this.s.font = v }
  get textAlign(): CanvasTextAlign { return this.s.textAlign }
  set textAlign(v: CanvasTextAlign) { this.s.textAlign = v }
  get textBaseline(): CanvasTextBaseline { return this.s.textBaseline }
  set textBaseline(v: CanvasTextBaseline) { this.s.textBaseline = v }

  setLineDash(d: number[]): void {
    this.s.dash = d.length % 2 ? [...d, ...d] : [...d]
  }
  getLineDash(): number[] {
    return [...this.s.dash]
  }

  save(): void {
    this.stack.push({ ...this.s, m: [...this.s.m] as M, dash: [...this.s.dash] })
    this.emittedStack.push({ ...this.e })
    this.out.push('q')
  }
  restore(): void {
    const s = this.stack.pop()
    const e = this.emittedStack.pop()
    if (!s || !e) return
    this.s = s
    this.e = e
    this.out.push('Q')
  }

  // ---- Transform -------------------------------------------------------------
  translate(x: number, y: number): void {
    this.transform(1, 0, 0, 1, x, y)
  }
  scale(x: number, y: number): void {
    this.transform(x, 0, 0, y, 0, 0)
  }
  rotate(t: number): void {
    const c = Math.cos(t)
    const s = Math.sin(t)
    this.transform(c, s, -s, c, 0, 0)
  }
  transform(a: number, b: number, c: number, d: number, e: number, f: number): void {
    this.s.m = mul(this.s.m, [a, b, c, d, e, f])
  }
  setTransform(a: number | DOMMatrix2DInit = 1, b = 0, c = 0, d = 1, e = 0, f = 0): void {
    if (typeof a === 'object') this.s.m = mul(this.base, [a.a ?? 1, a.b ?? 0, a.c ?? 0, a.d ?? 1, a.e ?? 0, a.f ?? 0])
    else this.s.m = mul(this.base, [a, b, c, d, e, f])
  }
  resetTransform(): void {
    this.s.m = [...this.base]
  }
  getTransform(): DOMMatrix {
    const [a, b, c, d, e, f] = mul(invert(this.base), this.s.m)
    return new DOMMatrix([a, b, c, d, e, f])
  }

  private pt(x: number, y: number): string {
    const m = this.s.m
    return `${f(m[0] * x + m[2] * y + m[4])} ${f(m[1] * x + m[3] * y + m[5])}`
  }
  /** How much the current transform scales lengths (line widths, dashes, font sizes). */
  private unit(): number {
    const m = this.s.m
    return Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2]))
  }

  // ---- Paths ---------------------------------------------------------------
  beginPath(): void {
    this.path = []
    this.hasPoint = false
  }
  moveTo(x: number, y: number): void {
    this.path.push(`${this.pt(x, y)} m`)
    this.cx = this.startX = x
    this.cy = this.startY = y
    this.hasPoint = true
  }
  lineTo(x: number, y: number): void {
    if (!this.hasPoint) return this.moveTo(x, y)
    this.path.push(`${this.pt(x, y)} l`)
    this.cx = x
    this.cy = y
  }
  bezierCurveTo(a: number, b: number, c: number, d: number, x: number, y: number): void {
    if (!this.hasPoint) this.moveTo(a, b)
    this.path.push(`${this.pt(a, b)} ${this.pt(c, d)} ${this.pt(x, y)} c`)
    this.cx = x
    this.cy = y
  }
  quadraticCurveTo(qx: number, qy: number, x: number, y: number): void {
    if (!this.hasPoint) this.moveTo(qx, qy)
    const x0 = this.cx
    const y0 = this.cy
    this.bezierCurveTo(x0 + (2 / 3) * (qx - x0), y0 + (2 / 3) * (qy - y0), x + (2 / 3) * (qx - x), y + (2 / 3) * (qy - y), x, y)
  }
  closePath(): void {
    if (!this.hasPoint) return
    this.path.push('h')
    this.cx = this.startX
    this.cy = this.startY
  }
  rect(x: number, y: number, w: number, h: number): void {
    this.moveTo(x, y)
    this.lineTo(x + w, y)
    this.lineTo(x + w, y + h)
    this.lineTo(x, y + h)
    this.closePath()
  }
  roundRect(x: number, y: number, w: number, h: number, r: number | number[] = 0): void {
    const rr = Math.min(Math.abs(Array.isArray(r) ? Number(r[0] ?? 0) : r), Math.abs(w) / 2, Math.abs(h) / 2)
    if (!rr) return this.rect(x, y, w, h)
    this.moveTo(x + rr, y)
    this.arcTo(x + w, y, x + w, y + h, rr)
    this.arcTo(x + w, y + h, x, y + h, rr)
    this.arcTo(x, y + h, x, y, rr)
    this.arcTo(x, y, x + w, y, rr)
    this.closePath()
  }
  arc(x: number, y: number, r: number, a0: number, a1: number, ccw = false): void {
    this.ellipse(x, y, r, r, 0, a0, a1, ccw)
  }
  ellipse(x: number, y: number, rx: number, ry: number, rot: number, a0: number, a1: number, ccw = false): void {
    const full = 2 * Math.PI
    let sweep = a1 - a0
    if (!ccw) sweep = sweep >= full ? full : ((sweep % full) + full) % full
    else sweep = sweep <= -full ? -full : -((((a0 - a1) % full) + full) % full)
    const cos = Math.cos(rot)
    const sin = Math.sin(rot)
    const at = (t: number): [number, number] => {
      const px = rx * Math.cos(t)
      const py = ry * Math.sin(t)
      return [x + px * cos - py * sin, y + px * sin + py * cos]
    }
    const d = (t: number): [number, number] => {
      const px = -rx * Math.sin(t)
      const py = ry * Math.cos(t)
      return [px * cos - py * sin, px * sin + py * cos]
    }
    const [sx, sy] = at(a0)
    if (this.hasPoint) this.lineTo(sx, sy)
    else this.moveTo(sx, sy)
    const n = Math.max(1, Math.ceil(Math.abs(sweep) / (Math.PI / 2) - 1e-9))
    const step = sweep / n
    const k = (4 / 3) * Math.tan(step / 4)
    for (let i = 0; i < n; i++) {
      const t0 = a0 + i * step
      const t1 = t0 + step
      const [x0, y0] = at(t0)
      const [x3, y3] = at(t1)
      const [dx0, dy0] = d(t0)
      const [dx1, dy1] = d(t1)
      this.bezierCurveTo(x0 + k * dx0, y0 + k * dy0, x3 - k * dx1, y3 - k * dy1, x3, y3)
    }
  }
  arcTo(x1: number, y1: number, x2: number, y2: number, r: number): void {
    if (!this.hasPoint) return this.moveTo(x1, y1)
    const x0 = this.cx
    const y0 = this.cy
    const v1x = x0 - x1
    const v1y = y0 - y1
    const v2x = x2 - x1
    const v2y = y2 - y1
    const l1 = Math.hypot(v1x, v1y)
    const l2 = Math.hypot(v2x, v2y)
    const cross = v1x * v2y - v1y * v2x
    if (!r || !l1 || !l2 || Math.abs(cross) < 1e-9) return this.lineTo(x1, y1)
    const cosT = (v1x * v2x + v1y * v2y) / (l1 * l2)
    const theta = Math.acos(Math.max(-1, Math.min(1, cosT)))
    const dist = r / Math.tan(theta / 2)
    const t1x = x1 + (v1x / l1) * dist
    const t1y = y1 + (v1y / l1) * dist
    const t2x = x1 + (v2x / l2) * dist
    const t2y = y1 + (v2y / l2) * dist
    const bx = v1x / l1 + v2x / l2
    const by = v1y / l1 + v2y / l2
    const bl = Math.hypot(bx, by)
    const h = r / Math.sin(theta / 2)
    const ccx = x1 + (bx / bl) * h
    const ccy = y1 + (by / bl) * h
    const s = Math.atan2(t1y - ccy, t1x - ccx)
    let e = Math.atan2(t2y - ccy, t2x - ccx) - s
    if (e > Math.PI) e -= 2 * Math.PI
    if (e < -Math.PI) e += 2 * Math.PI
    this.ellipse(ccx, ccy, r, r, 0, s, s + e, e < 0)
  }

  // ---- Painting --------------------------------------------------------------
  private alpha(kind: 'fa' | 'sa', a: number): void {
    const v = (Math.round(a * 1000) / 1000).toString()
    if (this.e[kind] === v) return
    this.e[kind] = v
    this.alphas.add(v)
    this.out.push(`/${kind === 'fa' ? 'Gf' : 'Gs'}${v.replace('.', '_')} gs`)
  }
  /** Sets the fill colour and alpha; false if nothing would show. */
  private useFill(style: unknown): boolean {
    const [r, g, b, a] = parseColor(style)
    const alpha = a * this.s.globalAlpha
    if (alpha <= 0) return false
    const c = `${f3(r)} ${f3(g)} ${f3(b)}`
    if (this.e.fill !== c) {
      this.e.fill = c
      this.out.push(`${c} rg`)
    }
    this.alpha('fa', alpha)
    return true
  }
  private useStroke(): boolean {
    const [r, g, b, a] = parseColor(this.s.strokeStyle)
    const alpha = a * this.s.globalAlpha
    if (alpha <= 0) return false
    const c = `${f3(r)} ${f3(g)} ${f3(b)}`
    if (this.e.stroke !== c) {
      this.e.stroke = c
      this.out.push(`${c} RG`)
    }
    this.alpha('sa', alpha)
    const u = this.unit()
    const w = f(this.s.lineWidth * u)
    if (this.e.width !== w) {
      this.e.width = w
      this.out.push(`${w} w`)
    }
    const cap = this.s.lineCap === 'round' ? 1 : this.s.lineCap === 'square' ? 2 : 0
    if (this.e.cap !== cap) {
      this.e.cap = cap
      this.out.push(`${cap} J`)
    }
    const join = this.s.lineJoin === 'round' ? 1 : this.s.lineJoin === 'bevel' ? 2 : 0
    if (this.e.join !== join) {
      this.e.join = join
      this.out.push(`${join} j`)
    }
    const dash = this.s.dash.length && this.s.dash.some((d) => d > 0) ? `[${this.s.dash.map((d) => f(d * u)).join(' ')}] ${f(this.s.lineDashOffset * u)}` : '[] 0'
    if (this.e.dash !== dash) {
      this.e.dash = dash
      this.out.push(`${dash} d`)
    }
    return true
  }
  fill(a?: unknown, b?: unknown): void {
    if (a !== undefined && typeof a !== 'string') return // a Path2D: not used (usePaths is off while exporting)
    if (!this.path.length || !this.useFill(this.s.fillStyle)) return
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
  fillRect(x: number, y: number, w: number, h: number): void {
    const saved = this.path
    const had = [this.hasPoint, this.cx, this.cy, this.startX, this.startY] as const
    this.beginPath()
    this.rect(x, y, w, h)
    this.fill()
    this.path = saved
    ;[this.hasPoint, this.cx, this.cy, this.startX, this.startY] = had
  }
  strokeRect(x: number, y: number, w: number, h: number): void {
    const saved = this.path
    this.beginPath()
    this.rect(x, y, w, h)
    this.stroke()
    this.path = saved
  }
  clearRect(): void {
    // The page is white; an export draws on it from an empty start.
  }
  createLinearGradient(): { addColorStop(o: number, c: string): void; __first?: string } {
    return gradient()
  }
  createRadialGradient(): { addColorStop(o: number, c: string): void; __first?: string } {
    return gradient()
  }
  createPattern(): null {
    return null
  }
  isPointInPath(): boolean {
    return false
  }

  // ---- Text ------------------------------------------------------------------
  measureText(text: string): TextMetrics {
    const { size, bold } = fontOf(this.s.font)
    const bytes = winAnsi(text)
    const width = bytes ? textWidthEm(bytes, bold) * size : measureWithCanvas(text, this.s.font)
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
    const { key, size, bold } = fontOf(this.s.font)
    const bytes = winAnsi(text)
    const width = bytes ? textWidthEm(bytes, bold) * size : measureWithCanvas(text, this.s.font)
    const align = this.s.textAlign
    const dir = this.dirIsRtl()
    const x0 = align === 'center' ? x - width / 2 : align === 'right' || (align === 'end' && !dir) || (align === 'start' && dir) ? x - width : x
    // Baseline offsets of the em box (ascent 0.81, descent 0.19 of an em, as Chromium places Arial/Helvetica).
    const bl = this.s.textBaseline
    const y0 = bl === 'top' || bl === 'hanging' ? y + 0.81 * size : bl === 'middle' ? y + 0.31 * size : bl === 'bottom' || bl === 'ideographic' ? y - 0.19 * size : y
    if (!bytes) return this.textPicture(text, x0, y0, width, size, outline)
    if (outline ? !this.useStroke() : !this.useFill(this.s.fillStyle)) return
    this.fontsUsed.add(key)
    const m = this.s.m
    const tm = [m[0] * size, m[1] * size, -m[2] * size, -m[3] * size, m[0] * x0 + m[2] * y0 + m[4], m[1] * x0 + m[3] * y0 + m[5]].map(f).join(' ')
    this.out.push(`BT /${key} 1 Tf ${outline ? '1 Tr ' : ''}${tm} Tm ${pdfLiteral(bytes)} Tj ET`)
  }
  private dirIsRtl(): boolean {
    return this.direction === 'rtl'
  }
  /** Text the standard fonts cannot show, as a picture (4× the print size of a 300 DPI page) in its place. */
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

const f3 = (n: number) => String(Math.round(n * 1000) / 1000)

function invert(m: M): M {
  const det = m[0] * m[3] - m[1] * m[2]
  return [m[3] / det, -m[1] / det, -m[2] / det, m[0] / det, (m[2] * m[5] - m[3] * m[4]) / det, (m[1] * m[4] - m[0] * m[5]) / det]
}

function gradient(): { addColorStop(o: number, c: string): void; __first?: string } {
  const g: { addColorStop(o: number, c: string): void; __first?: string } = {
    addColorStop(_o: number, c: string) {
      g.__first ??= c
    }
  }
  return g
}

let measureCtx: CanvasRenderingContext2D | null = null
function measureWithCanvas(text: string, font: string): number {
  measureCtx ??= document.createElement('canvas').getContext('2d')!
  measureCtx.font = font
  return measureCtx.measureText(text).width
}
