// Colours and numbers as PDF operators write them. CSS colours become RGB
// 0..1 plus alpha; the common syntaxes are parsed here, anything else (a
// colour name, hsl()) is normalised by a canvas once and cached. Gradients
// and patterns are not drawn: a gradient paints as its first stop.

export type Rgba = [number, number, number, number]

/** A coordinate or length: two decimals (a hundredth of a point), never "-0". */
export const f = (n: number) => {
  const r = Math.round(n * 100) / 100
  return Object.is(r, -0) ? '0' : String(r)
}

/** A colour component: three decimals. */
export const f3 = (n: number) => String(Math.round(n * 1000) / 1000)

let colorCtx: CanvasRenderingContext2D | null = null
const colors = new Map<string, Rgba>()

/** A CSS colour as RGB 0..1 and alpha. */
export function parseColor(c: unknown): Rgba {
  if (typeof c !== 'string') {
    const stop = (c as { __first?: string } | null)?.__first
    return stop ? parseColor(stop) : [0.5, 0.5, 0.5, 1]
  }
  const hit = colors.get(c)
  if (hit) return hit
  let out: Rgba = [0, 0, 0, 1]
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

export interface Gradient {
  addColorStop(o: number, c: string): void
  __first?: string
}

/** A gradient that remembers only its first stop (what parseColor paints it as). */
export function gradient(): Gradient {
  const g: Gradient = {
    addColorStop(_o: number, c: string) {
      g.__first ??= c
    }
  }
  return g
}
