// The two icon containers electron-builder wants, written by hand: both are a
// short index in front of images, so a dependency (and its native or Go
// binary) would buy nothing. make-icons.mjs feeds them; test/unit/icons.test.ts
// reads the results back with its own parser.
//
// ICO (Windows): sizes below 256 are stored as 32-bit BMP (DIB) images, 256 as
// PNG — Microsoft's recommended layout. PNG entries are smaller, but older
// readers of .ico files (resource compilers, installer builders) still only take
// BMP for the small sizes; BMP there costs ~100 kB and removes that doubt.
// ICNS (macOS): PNG-only entry types (ic07–ic14), which macOS has read since
// 10.7; the legacy 16/32 px RLE types are left out, so Finder scales those
// down from 128.
import { PNG } from 'pngjs'

/** ICNS entry type → pixel size of the PNG it holds (ic11–ic14 are the @2x variants). */
export const ICNS_TYPES = { ic11: 32, ic12: 64, ic07: 128, ic13: 256, ic08: 256, ic14: 512, ic09: 512, ic10: 1024 }

/** The sizes the .ico carries (Windows picks per DPI; 256 is electron-builder's minimum). */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]

/**
 * A 32-bit bottom-up DIB as stored in an .ico: header with doubled height
 * (colour rows + AND-mask rows), BGRA rows, then a 1-bit AND mask (all 0: the
 * alpha channel already says what is transparent).
 */
function dib(png) {
  const { width: w, height: h, data } = PNG.sync.read(png)
  const header = Buffer.alloc(40)
  header.writeUInt32LE(40, 0) // biSize
  header.writeInt32LE(w, 4)
  header.writeInt32LE(h * 2, 8) // colour + mask
  header.writeUInt16LE(1, 12) // planes
  header.writeUInt16LE(32, 14) // bits per pixel
  header.writeUInt32LE(w * h * 4, 20) // biSizeImage (colour part)
  const pixels = Buffer.alloc(w * h * 4)
  for (let y = 0; y < h; y++) {
    const from = y * w * 4
    const to = (h - 1 - y) * w * 4 // bottom-up
    for (let x = 0; x < w * 4; x += 4) {
      pixels[to + x] = data[from + x + 2] // B
      pixels[to + x + 1] = data[from + x + 1] // G
      pixels[to + x + 2] = data[from + x] // R
      pixels[to + x + 3] = data[from + x + 3] // A
    }
  }
  const maskRow = Math.ceil(w / 32) * 4 // rows padded to 32 bits
  return Buffer.concat([header, pixels, Buffer.alloc(maskRow * h)])
}

/** An .ico from `{size → PNG bytes}`; `ICO_SIZES` decides which go in. */
export function writeIco(pngs) {
  const images = ICO_SIZES.map((size) => ({ size, data: size >= 256 ? pngs[size] : dib(pngs[size]) }))
  const head = Buffer.alloc(6 + 16 * images.length)
  head.writeUInt16LE(0, 0)
  head.writeUInt16LE(1, 2) // type 1 = icon
  head.writeUInt16LE(images.length, 4)
  let offset = head.length
  images.forEach(({ size, data }, i) => {
    const e = 6 + 16 * i
    head.writeUInt8(size >= 256 ? 0 : size, e) // 0 means 256
    head.writeUInt8(size >= 256 ? 0 : size, e + 1)
    head.writeUInt8(0, e + 2) // no palette
    head.writeUInt8(0, e + 3)
    head.writeUInt16LE(1, e + 4) // planes
    head.writeUInt16LE(32, e + 6) // bits per pixel
    head.writeUInt32LE(data.length, e + 8)
    head.writeUInt32LE(offset, e + 12)
    offset += data.length
  })
  return Buffer.concat([head, ...images.map((i) => i.data)])
}

/** An .icns from `{size → PNG bytes}`: 'icns', total length, then type + length + PNG per entry (big-endian). */
export function writeIcns(pngs) {
  const entries = Object.entries(ICNS_TYPES).map(([type, size]) => {
    const head = Buffer.alloc(8)
    head.write(type, 0, 'latin1')
    head.writeUInt32BE(8 + pngs[size].length, 4)
    return Buffer.concat([head, pngs[size]])
  })
  const head = Buffer.alloc(8)
  head.write('icns', 0, 'latin1')
  head.writeUInt32BE(8 + entries.reduce((n, e) => n + e.length, 0), 4)
  return Buffer.concat([head, ...entries])
}
