// The app icons in resources/: every file icons.json lists exists and is what
// its name says, at the sizes it declares, read with parsers written here from
// the formats' layouts (not with the writer in resources/iconFormats.mjs); the
// sizes electron-builder needs are there; and the files were made from the
// icon.svg that is committed now (icons.json holds its hash).
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PNG } from 'pngjs'
import { describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../support/tempDir'

const RES = join(REPO_ROOT, 'resources')
const manifest = JSON.parse(readFileSync(join(RES, 'icons.json'), 'utf8')) as { source: string; sourceSha256: string; files: Record<string, number[]> }
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** Width and height from a PNG's IHDR, checking the signature and that IHDR comes first. */
function pngSize(buf: Buffer): { width: number; height: number; depth: number; colorType: number } {
  expect(buf.subarray(0, 8).equals(PNG_SIGNATURE), 'PNG signature').toBe(true)
  expect(buf.toString('latin1', 12, 16)).toBe('IHDR')
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20), depth: buf[24]!, colorType: buf[25]! }
}

type IcoImage = { size: number; kind: 'png' | 'bmp'; data: Buffer }

/** An .ico's images: the 6-byte header, 16-byte entries, each pointing at a PNG or a DIB. */
function readIco(buf: Buffer): IcoImage[] {
  expect([buf.readUInt16LE(0), buf.readUInt16LE(2)]).toEqual([0, 1]) // reserved, type icon
  const count = buf.readUInt16LE(4)
  const images: IcoImage[] = []
  let end = 6 + 16 * count
  for (let i = 0; i < count; i++) {
    const e = 6 + 16 * i
    const w = buf[e] || 256
    const h = buf[e + 1] || 256
    expect(h).toBe(w)
    const length = buf.readUInt32LE(e + 8)
    const offset = buf.readUInt32LE(e + 12)
    expect(offset, 'images follow each other, no overlap').toBe(end)
    end = offset + length
    expect(end).toBeLessThanOrEqual(buf.length)
    const data = buf.subarray(offset, end)
    if (data.subarray(0, 8).equals(PNG_SIGNATURE)) {
      const { width, height } = pngSize(data)
      expect([width, height]).toEqual([w, w])
      images.push({ size: w, kind: 'png', data })
    } else {
      expect(data.readUInt32LE(0), 'BITMAPINFOHEADER').toBe(40)
      expect(data.readInt32LE(4)).toBe(w)
      expect(data.readInt32LE(8), 'height counts colour and mask rows').toBe(2 * w)
      expect(data.readUInt16LE(14), 'bits per pixel').toBe(32)
      expect(data.length).toBe(40 + w * w * 4 + Math.ceil(w / 32) * 4 * w)
      images.push({ size: w, kind: 'bmp', data })
    }
  }
  expect(end).toBe(buf.length)
  return images
}

/** PNG-only ICNS types (Apple's icns layout) and the pixel size each must hold. */
const ICNS_PNG_TYPES: Record<string, number> = { ic07: 128, ic08: 256, ic09: 512, ic10: 1024, ic11: 32, ic12: 64, ic13: 256, ic14: 512 }

/** An .icns's entries: 'icns' + total length, then type + length (both including the 8-byte header). */
function readIcns(buf: Buffer): { type: string; size: number }[] {
  expect(buf.toString('latin1', 0, 4)).toBe('icns')
  expect(buf.readUInt32BE(4)).toBe(buf.length)
  const entries: { type: string; size: number }[] = []
  for (let at = 8; at < buf.length; ) {
    const type = buf.toString('latin1', at, at + 4)
    const length = buf.readUInt32BE(at + 4)
    expect(length).toBeGreaterThan(8)
    expect(at + length).toBeLessThanOrEqual(buf.length)
    expect(Object.keys(ICNS_PNG_TYPES), `entry type ${type}`).toContain(type)
    const { width, height } = pngSize(buf.subarray(at + 8, at + length))
    expect([width, height], type).toEqual([ICNS_PNG_TYPES[type], ICNS_PNG_TYPES[type]])
    entries.push({ type, size: width })
    at += length
  }
  return entries
}

describe('resources/icon.svg, the one source', () => {
  const svg = readFileSync(join(RES, 'icon.svg'), 'utf8')

  it('is a square SVG with no text, script or outside reference', () => {
    const viewBox = /<svg[^>]*\bviewBox="0 0 (\d+) (\d+)"/.exec(svg)
    expect(viewBox?.[1]).toBe(viewBox?.[2])
    expect(svg).not.toMatch(/<(text|script|image|foreignObject)\b|href=/i)
  })

  it('is the SVG the committed icons were made from (run `node resources/make-icons.mjs` after editing it)', () => {
    expect(manifest.source).toBe('icon.svg')
    expect(createHash('sha256').update(svg.replace(/\r\n/g, '\n')).digest('hex')).toBe(manifest.sourceSha256)
  })
})

describe('resources/ icon files', () => {
  it.each(Object.entries(manifest.files))('%s is valid and holds the sizes it declares', (file, sizes) => {
    const path = join(RES, file)
    expect(existsSync(path), file).toBe(true)
    const buf = readFileSync(path)
    if (file.endsWith('.png')) {
      const { width, height, depth, colorType } = pngSize(buf)
      expect([[width], [height]]).toEqual([sizes, sizes])
      expect([depth, colorType], '8-bit RGBA').toEqual([8, 6])
      const png = PNG.sync.read(buf) // checks every chunk's CRC and inflates the pixels
      const alpha = (x: number, y: number) => png.data[(y * width + x) * 4 + 3]!
      expect(alpha(0, 0), 'rounded corner is transparent').toBeLessThan(128)
      expect(alpha(width >> 1, height >> 1), 'the middle is drawn').toBe(255)
    } else if (file.endsWith('.ico')) {
      expect(readIco(buf).map((i) => i.size)).toEqual(sizes)
    } else if (file.endsWith('.icns')) {
      expect(readIcns(buf).map((e) => e.size)).toEqual(sizes)
    } else {
      throw new Error(`unexpected icon file ${file}`)
    }
  })

  it('the .ico bitmaps hold the same pixels as the PNGs of those sizes (BGRA, bottom-up)', () => {
    const images = readIco(readFileSync(join(RES, 'icon.ico')))
    expect(images.filter((i) => i.kind === 'png').map((i) => i.size)).toEqual([256])
    for (const { size, kind, data } of images) {
      if (kind !== 'bmp') continue
      const png = PNG.sync.read(readFileSync(join(RES, 'icons', `${size}x${size}.png`)))
      for (let y = 0; y < size; y++) {
        for (let x = 0; x < size; x++) {
          const p = (y * size + x) * 4
          const b = 40 + ((size - 1 - y) * size + x) * 4
          const bgra = [data[b + 2], data[b + 1], data[b], data[b + 3]]
          if (bgra.join() !== [...png.data.subarray(p, p + 4)].join()) throw new Error(`${size}px differs at ${x},${y}`)
        }
      }
    }
  })

  it('has the sizes electron-builder needs on each platform', () => {
    const set = Object.keys(manifest.files).filter((f) => f.startsWith('icons/'))
    // Linux: an NxN.png set up to at least 512 (the desktop entry's hicolor sizes)
    for (const s of [16, 32, 48, 64, 128, 256, 512]) expect(set).toContain(`icons/${s}x${s}.png`)
    // Windows: the .ico must have a 256 image; macOS: 512 and 1024 (512@2x)
    expect(manifest.files['icon.ico']).toContain(256)
    expect(manifest.files['icon.icns']).toEqual(expect.arrayContaining([512, 1024]))
    expect(manifest.files['icon.png']![0]).toBeGreaterThanOrEqual(512)
  })
})
