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

function concat(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
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

/** PDF text string: printable ASCII as is, anything else as UTF-16BE hex. */
function pdfString(s: string): string {
  if (/^[\x20-\x7e]*$/.test(s)) return `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`
  let hex = 'FEFF'
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).padStart(4, '0')
  return `<${hex}>`
}

/**
 * A one-page PDF (page size in points) showing an RGB image (from a
 * ScanlineDeflater with 3 channels) across the whole page.
 */
export function pdfFile(a: { pageWidth: number; pageHeight: number; imageWidth: number; imageHeight: number; zlib: Uint8Array; title: string }): Uint8Array<ArrayBuffer> {
  const enc = new TextEncoder()
  const pw = a.pageWidth.toFixed(2)
  const ph = a.pageHeight.toFixed(2)
  const content = `q ${pw} 0 0 ${ph} 0 0 cm /Im0 Do Q\n`
  const parts: Uint8Array[] = []
  const offsets: number[] = []
  let size = 0
  const push = (b: Uint8Array) => {
    parts.push(b)
    size += b.length
  }
  const text = (s: string) => push(enc.encode(s))
  const obj = (n: number, body: string) => {
    offsets[n] = size
    text(`${n} 0 obj\n${body}\nendobj\n`)
  }
  text('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')
  obj(1, '<< /Type /Catalog /Pages 2 0 R >>')
  obj(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>')
  obj(3, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${pw} ${ph}] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>`)
  offsets[4] = size
  text(
    `4 0 obj\n<< /Type /XObject /Subtype /Image /Width ${a.imageWidth} /Height ${a.imageHeight} /ColorSpace /DeviceRGB /BitsPerComponent 8 ` +
      `/Filter /FlateDecode /DecodeParms << /Predictor 15 /Colors 3 /BitsPerComponent 8 /Columns ${a.imageWidth} >> /Length ${a.zlib.length} >>\nstream\n`
  )
  push(a.zlib)
  text('\nendstream\nendobj\n')
  obj(5, `<< /Length ${content.length} >>\nstream\n${content}endstream`)
  obj(6, `<< /Title ${pdfString(a.title)} /Producer (Research Workbench) /CreationDate (D:${new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z) >>`)
  const xref = size
  let table = `xref\n0 7\n0000000000 65535 f \n`
  for (let n = 1; n <= 6; n++) table += `${String(offsets[n]).padStart(10, '0')} 00000 n \n`
  text(`${table}trailer\n<< /Size 7 /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xref}\n%%EOF\n`)
  return concat(parts)
}
