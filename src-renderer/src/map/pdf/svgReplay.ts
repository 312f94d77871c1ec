// Replays a small SVG (the map's type icons, the pin) onto a canvas-like
// context as paths, so the vector PDF draws the icons as vector too.
// Handles what icons.ts and mapStyle.ts use: <circle>, <ellipse>, <rect>
// and <path> (all commands, arcs included) with fill and fill-opacity.
import { quadToCubic } from './pdfPath'

export interface PathSink {
  beginPath(): void
  moveTo(x: number, y: number): void
  lineTo(x: number, y: number): void
  bezierCurveTo(a: number, b: number, c: number, d: number, x: number, y: number): void
  ellipse(x: number, y: number, rx: number, ry: number, rot: number, a0: number, a1: number, ccw?: boolean): void
  closePath(): void
  fill(): void
  fillStyle: unknown
  globalAlpha: number
}

export interface SvgPicture {
  /** The picture's own size (width/height attributes), in image pixels. */
  width: number
  height: number
  /** Draws it in the sink's current transform, in image pixels (0..width, 0..height). */
  draw(ctx: PathSink): void
}

const NUM = /[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/g

/** The d attribute as absolute M/L/C/Z and arcs, replayed onto the sink. */
function tracePath(ctx: PathSink, d: string): void {
  let x = 0
  let y = 0
  let sx = 0
  let sy = 0
  // Reflection points for S and T.
  let lcx = 0
  let lcy = 0
  let lqx = 0
  let lqy = 0
  let prev = ''
  for (const seg of d.match(/[MmLlHhVvCcSsQqTtAaZz][^MmLlHhVvCcSsQqTtAaZz]*/g) ?? []) {
    const cmd = seg[0]!
    const n = (seg.slice(1).match(NUM) ?? []).map(Number)
    const rel = cmd === cmd.toLowerCase()
    const C = cmd.toUpperCase()
    const ox = () => (rel ? x : 0)
    const oy = () => (rel ? y : 0)
    let i = 0
    const more = (k: number) => i + k <= n.length
    /** The command's next point (relative commands: from the current point). */
    const next = (): [number, number] => {
      const p: [number, number] = [ox() + n[i]!, oy() + n[i + 1]!]
      i += 2
      return p
    }
    /** S and T: the last control point mirrored through the current point, if the previous command had one (`kinds`). */
    const mirrored = (kinds: RegExp, lx: number, ly: number): [number, number] => (kinds.test(prev) ? [2 * x - lx, 2 * y - ly] : [x, y])
    if (C === 'Z') {
      ctx.closePath()
      x = sx
      y = sy
      prev = 'Z'
      continue
    }
    do {
      if (C === 'M') {
        ;[x, y] = next()
        if (i === 2) {
          ctx.moveTo(x, y)
          sx = x
          sy = y
        } else ctx.lineTo(x, y) // further pairs after M are lines
      } else if (C === 'L') {
        ;[x, y] = next()
        ctx.lineTo(x, y)
      } else if (C === 'H') {
        x = ox() + n[i++]!
        ctx.lineTo(x, y)
      } else if (C === 'V') {
        y = oy() + n[i++]!
        ctx.lineTo(x, y)
      } else if (C === 'C' || C === 'S') {
        const [c1x, c1y] = C === 'C' ? next() : mirrored(/[CS]/, lcx, lcy)
        const [c2x, c2y] = next()
        const [ex, ey] = next()
        ctx.bezierCurveTo(c1x, c1y, c2x, c2y, ex, ey)
        lcx = c2x
        lcy = c2y
        x = ex
        y = ey
        prev = C
        continue
      } else if (C === 'Q' || C === 'T') {
        const [qx, qy] = C === 'Q' ? next() : mirrored(/[QT]/, lqx, lqy)
        const [ex, ey] = next()
        const [c1x, c1y, c2x, c2y] = quadToCubic(x, y, qx, qy, ex, ey)
        ctx.bezierCurveTo(c1x, c1y, c2x, c2y, ex, ey)
        lqx = qx
        lqy = qy
        x = ex
        y = ey
        prev = C
        continue
      } else if (C === 'A') {
        const ex = ox() + n[i + 5]!
        const ey = oy() + n[i + 6]!
        arc(ctx, x, y, n[i]!, n[i + 1]!, n[i + 2]!, n[i + 3]!, n[i + 4]!, ex, ey)
        i += 7
        x = ex
        y = ey
      } else break
      prev = C
    } while (more(C === 'H' || C === 'V' ? 1 : C === 'A' ? 7 : C === 'C' ? 6 : C === 'S' || C === 'Q' ? 4 : 2) && i < n.length)
    prev = C
  }
}

/** An SVG arc (endpoint form) as an ellipse segment (SVG 1.1, appendix F.6.5). */
function arc(ctx: PathSink, x1: number, y1: number, rxIn: number, ryIn: number, deg: number, large: number, sweep: number, x2: number, y2: number): void {
  let rx = Math.abs(rxIn)
  let ry = Math.abs(ryIn)
  if (!rx || !ry || (x1 === x2 && y1 === y2)) {
    ctx.lineTo(x2, y2)
    return
  }
  const phi = (deg * Math.PI) / 180
  const cos = Math.cos(phi)
  const sin = Math.sin(phi)
  const dx = (x1 - x2) / 2
  const dy = (y1 - y2) / 2
  const xp = cos * dx + sin * dy
  const yp = -sin * dx + cos * dy
  const lambda = (xp * xp) / (rx * rx) + (yp * yp) / (ry * ry)
  if (lambda > 1) {
    rx *= Math.sqrt(lambda)
    ry *= Math.sqrt(lambda)
  }
  const num = rx * rx * ry * ry - rx * rx * yp * yp - ry * ry * xp * xp
  const den = rx * rx * yp * yp + ry * ry * xp * xp
  const coef = (large !== sweep ? 1 : -1) * Math.sqrt(Math.max(0, num / den))
  const cxp = (coef * rx * yp) / ry
  const cyp = (-coef * ry * xp) / rx
  const cx = cos * cxp - sin * cyp + (x1 + x2) / 2
  const cy = sin * cxp + cos * cyp + (y1 + y2) / 2
  const t1 = Math.atan2((yp - cyp) / ry, (xp - cxp) / rx)
  let dt = Math.atan2((-yp - cyp) / ry, (-xp - cxp) / rx) - t1
  if (sweep && dt < 0) dt += 2 * Math.PI
  else if (!sweep && dt > 0) dt -= 2 * Math.PI
  ctx.ellipse(cx, cy, rx, ry, phi, t1, t1 + dt, dt < 0)
}

const pictures = new Map<string, SvgPicture | null>()

/** The picture behind an image's src if it is an SVG data URI (cached), else null. */
export function svgPicture(src: string): SvgPicture | null {
  if (pictures.has(src)) return pictures.get(src)!
  let pic: SvgPicture | null = null
  const m = /^data:image\/svg\+xml(;base64)?(?:;[^,]*)?,(.*)$/s.exec(src)
  if (m) {
    try {
      const text = m[1] ? atob(m[2]!) : decodeURIComponent(m[2]!)
      const root = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement
      if (root.nodeName === 'svg') pic = picture(root)
    } catch {
      pic = null
    }
  }
  pictures.set(src, pic)
  return pic
}

function picture(root: Element): SvgPicture {
  const vb = (root.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number)
  const width = Number(root.getAttribute('width')) || vb[2] || 24
  const height = Number(root.getAttribute('height')) || vb[3] || 24
  const [vx, vy, vw, vh] = vb.length === 4 && vb.every(Number.isFinite) ? vb : [0, 0, width, height]
  const rootFill = root.getAttribute('fill') ?? '#000000'
  const shapes = [...root.querySelectorAll('circle, ellipse, rect, path')]
  return {
    width,
    height,
    draw(ctx) {
      const sink = ctx as PathSink & { save(): void; restore(): void; translate(x: number, y: number): void; scale(x: number, y: number): void }
      sink.save()
      sink.scale(width / vw!, height / vh!)
      sink.translate(-vx!, -vy!)
      const alpha = ctx.globalAlpha
      for (const el of shapes) {
        const fill = el.getAttribute('fill') ?? rootFill
        if (fill === 'none') continue
        const a = (k: string) => Number(el.getAttribute(k) ?? 0)
        ctx.beginPath()
        if (el.nodeName === 'circle') ctx.ellipse(a('cx'), a('cy'), a('r'), a('r'), 0, 0, 2 * Math.PI)
        else if (el.nodeName === 'ellipse') ctx.ellipse(a('cx'), a('cy'), a('rx'), a('ry'), 0, 0, 2 * Math.PI)
        else if (el.nodeName === 'rect') {
          ctx.moveTo(a('x'), a('y'))
          ctx.lineTo(a('x') + a('width'), a('y'))
          ctx.lineTo(a('x') + a('width'), a('y') + a('height'))
          ctx.lineTo(a('x'), a('y') + a('height'))
          ctx.closePath()
        } else tracePath(ctx, el.getAttribute('d') ?? '')
        ctx.fillStyle = fill
        ctx.globalAlpha = alpha * Number(el.getAttribute('fill-opacity') ?? 1)
        ctx.fill()
      }
      ctx.globalAlpha = alpha
      sink.restore()
    }
  }
}
