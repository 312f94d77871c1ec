// The geometry half of the PDF canvas: the canvas state (styles, line and
// text settings) with save/restore, the current transform, and path
// building. Every point is mapped through the current transform here, so
// the path is already in page space when it is painted (pdfCanvas.ts);
// save/restore write q/Q so clipping nests as on a canvas.
//
// Arcs, ellipses and rounded corners become cubic Béziers (at most a
// quarter turn each), which PDF paths draw exactly enough at print size.
import { f } from './pdfColor'

export type M = [number, number, number, number, number, number]

export interface State {
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
export interface Emitted {
  fill: string
  stroke: string
  width: string
  cap: number
  join: number
  dash: string
  fa: string
  sa: string
}

export const mul = (a: M, b: M): M => [
  a[0] * b[0] + a[2] * b[1],
  a[1] * b[0] + a[3] * b[1],
  a[0] * b[2] + a[2] * b[3],
  a[1] * b[2] + a[3] * b[3],
  a[0] * b[4] + a[2] * b[5] + a[4],
  a[1] * b[4] + a[3] * b[5] + a[5]
]

export function invert(m: M): M {
  const det = m[0] * m[3] - m[1] * m[2]
  return [m[3] / det, -m[1] / det, -m[2] / det, m[0] / det, (m[2] * m[5] - m[3] * m[4]) / det, (m[1] * m[4] - m[0] * m[5]) / det]
}

/** The two control points of the cubic Bézier that draws a quadratic one from (x0, y0) over (qx, qy) to (x, y). */
export function quadToCubic(x0: number, y0: number, qx: number, qy: number, x: number, y: number): [number, number, number, number] {
  return [x0 + (2 / 3) * (qx - x0), y0 + (2 / 3) * (qy - y0), x + (2 / 3) * (qx - x), y + (2 / 3) * (qy - y)]
}

export class PdfPath {
  protected readonly out: string[] = []
  protected readonly base: M
  protected s: State
  private readonly stack: State[] = []
  protected e: Emitted = { fill: '0 0 0', stroke: '0 0 0', width: '1', cap: 0, join: 0, dash: '[] 0', fa: '1', sa: '1' }
  private readonly emittedStack: Emitted[] = []
  protected path: string[] = []
  /** Current point and subpath start, in user space at the time they were set. */
  protected cx = 0
  protected cy = 0
  protected hasPoint = false
  protected startX = 0
  protected startY = 0

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

  protected pt(x: number, y: number): string {
    const m = this.s.m
    return `${f(m[0] * x + m[2] * y + m[4])} ${f(m[1] * x + m[3] * y + m[5])}`
  }
  /** How much the current transform scales lengths (line widths, dashes, font sizes). */
  protected unit(): number {
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
    const [c1x, c1y, c2x, c2y] = quadToCubic(this.cx, this.cy, qx, qy, x, y)
    this.bezierCurveTo(c1x, c1y, c2x, c2y, x, y)
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
}
