// A streaming PNG encoder (and a one-page PDF around the same data): rows
// go in band by band, are filtered (PNG "Sub") and deflated (fastDeflate.ts:
// the platform's CompressionStream is several times slower on a 50 MB map
// and has no faster level), so an image far bigger than any canvas is never
// whole in memory as pixels. The PDF embeds the identical zlib stream
// as an image XObject (FlateDecode with PNG predictors): a page of a chosen
// paper size with the picture on it.
import { FastDeflate } from './fastDeflate'

const CRC_TABLE = (() => {
  const t = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    t[n] = c >>> 0
  }
  return t
})()

export function crc32(bytes: Uint8Array, crc = 0xffffffff): number {
  let c = crc
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8)
  return c
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length)
  const dv = new DataView(out.buffer)
  dv.setUint32(0, data.length)
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i)
  out.set(data, 8)
  dv.setUint32(8 + data.length, (crc32(out.subarray(4, 8 + data.length)) ^ 0xffffffff) >>> 0)
  return out
}

/** The parts one after another, in one buffer. */
export function concat(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  let n = 0
  for (const p of parts) n += p.length
  const out = new Uint8Array(n)
  let o = 0
  for (const p of parts) {
    out.set(p, o)
    o += p.length
  }
  return out
}

/**
 * Takes RGBA rows top to bottom, writes them as RGB (opaque) or RGBA,
 * filtered and zlib-deflated. `finish()` returns the zlib stream.
 */
export class ScanlineDeflater {
  private readonly z = new FastDeflate()
  private rows = 0
  readonly channels: 3 | 4

  constructor(
    readonly width: number,
    readonly height: number,
    alpha: boolean
  ) {
    this.channels = alpha ? 4 : 3
  }

  /** Adds `rows` rows of RGBA pixels (width × rows × 4 bytes). */
  async addRows(rgba: Uint8Array | Uint8ClampedArray, rows: number): Promise<void> {
    const w = this.width
    const ch = this.channels
    const stride = 1 + w * ch
    const out = new Uint8Array(stride * rows)
    for (let r = 0; r < rows; r++) {
      const o = r * stride
      out[o] = 1 // filter: Sub (each byte minus the byte of the pixel to its left)
      const src = r * w * 4
      let pr = 0
      let pg = 0
      let pb = 0
      let pa = 0
      for (let x = 0, s = src, d = o + 1; x < w; x++, s += 4, d += ch) {
        const R = rgba[s]!
        const G = rgba[s + 1]!
        const B = rgba[s + 2]!
        out[d] = (R - pr) & 0xff
        out[d + 1] = (G - pg) & 0xff
        out[d + 2] = (B - pb) & 0xff
        pr = R
        pg = G
        pb = B
        if (ch === 4) {
          const A = rgba[s + 3]!
          out[d + 3] = (A - pa) & 0xff
          pa = A
        }
      }
    }
    this.rows += rows
    if (this.rows > this.height) throw new Error(`more rows than the image has (${this.rows} > ${this.height})`)
    this.z.push(out)
  }

  async finish(): Promise<Uint8Array<ArrayBuffer>> {
    if (this.rows !== this.height) throw new Error(`the image has ${this.height} rows, ${this.rows} were given`)
    return this.z.finish()
  }
}

/** A PNG file from a finished zlib stream. `dpi` is recorded (pHYs) so word processors place it at its real size. */
export function pngFile(width: number, height: number, channels: 3 | 4, zlib: Uint8Array, dpi?: number): Uint8Array<ArrayBuffer> {
  const ihdr = new Uint8Array(13)
  const dv = new DataView(ihdr.buffer)
  dv.setUint32(0, width)
  dv.setUint32(4, height)
  ihdr[8] = 8 // bit depth
  ihdr[9] = channels === 4 ? 6 : 2 // RGBA or RGB
  ihdr[10] = 0
  ihdr[11] = 0
  ihdr[12] = 0
  const parts = [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr)]
  if (dpi) {
    const phys = new Uint8Array(9)
    const pdv = new DataView(phys.buffer)
    const ppm = Math.round(dpi / 0.0254)
    pdv.setUint32(0, ppm)
    pdv.setUint32(4, ppm)
    phys[8] = 1 // unit: metre
    parts.push(chunk('pHYs', phys))
  }
  // IDAT chunks of at most 1 MiB each.
  for (let o = 0; o < zlib.length; o += 1 << 20) parts.push(chunk('IDAT', zlib.subarray(o, Math.min(zlib.length, o + (1 << 20)))))
  parts.push(chunk('IEND', new Uint8Array(0)))
  return concat(parts)
}
