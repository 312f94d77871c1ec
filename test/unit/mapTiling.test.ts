// Export arithmetic (paper sizes, the sheet, tiles) and the streaming PNG /
// PDF encoder, checked by decoding its output with independent code (pngjs,
// zlib).
import { inflateSync } from 'node:zlib'
import { PNG } from 'pngjs'
import { describe, expect, it } from 'vitest'
import { crc32, pngFile, ScanlineDeflater } from '../../src-renderer/src/map/imageEncoder'
import { BAND_BYTES, bands, fitsOneCanvas, MAX_FOOTER_LINES, MAX_PT_PER_PX, paperPixels, paperPoints, planSheet, planTiles, wrapText, type SheetInput } from '../../src-renderer/src/map/tiling'

const measure = (t: string, f: number) => t.length * f * 0.55

describe('paper sizes', () => {
  it('A3 at 300 DPI is 4961 × 3508 landscape and 3508 × 4961 portrait', () => {
    expect(paperPixels('A3', 300, 'landscape')).toEqual({ width: 4961, height: 3508 })
    expect(paperPixels('A3', 300, 'portrait')).toEqual({ width: 3508, height: 4961 })
  })
  it('A4 and Letter at 150 and 300 DPI', () => {
    expect(paperPixels('A4', 300, 'portrait')).toEqual({ width: 2480, height: 3508 })
    expect(paperPixels('A4', 150, 'landscape')).toEqual({ width: 1754, height: 1240 })
    expect(paperPixels('Letter', 300, 'portrait')).toEqual({ width: 2550, height: 3300 })
    expect(paperPixels('Letter', 150, 'landscape')).toEqual({ width: 1650, height: 1275 })
  })
  it('page sizes in points for the PDF', () => {
    const a4 = paperPoints('A4', 'portrait')
    expect(a4.width).toBeCloseTo(595.28, 1)
    expect(a4.height).toBeCloseTo(841.89, 1)
    expect(paperPoints('Letter', 'landscape')).toEqual({ width: 792, height: 612 })
  })
})

describe('planTiles', () => {
  function checkCover(w: number, h: number, maxTile: number, maxBand?: number) {
    const tiles = planTiles(w, h, maxTile, maxBand)
    const hits = new Uint8Array(w * h)
    for (const t of tiles) {
      expect(t.w).toBeGreaterThan(0)
      expect(t.h).toBeGreaterThan(0)
      expect(t.w).toBeLessThanOrEqual(maxTile)
      expect(t.h).toBeLessThanOrEqual(maxTile)
      expect(fitsOneCanvas(t.w, t.h)).toBe(true)
      for (let y = t.y; y < t.y + t.h; y++) for (let x = t.x; x < t.x + t.w; x++) hits[y * w + x]!++
    }
    // every pixel exactly once
    expect(hits.every((v) => v === 1)).toBe(true)
    return tiles
  }
  it('covers the image exactly once, whatever the sizes', () => {
    checkCover(1, 1, 4)
    checkCover(10, 7, 4)
    checkCover(17, 33, 5)
    checkCover(64, 64, 64)
    checkCover(100, 3, 7, 100 * 4 * 2)
  })
  it('one tile when it fits, several for A3 at 300 DPI with 4096 tiles', () => {
    expect(planTiles(800, 600)).toEqual([{ x: 0, y: 0, w: 800, h: 600 }])
    const a3 = planTiles(4961, 3508)
    expect(a3).toEqual([
      { x: 0, y: 0, w: 4096, h: 3508 },
      { x: 4096, y: 0, w: 865, h: 3508 }
    ])
    expect(bands(a3).map((b) => b.length)).toEqual([2])
    // with a smaller band budget the same image takes two bands
    expect(bands(planTiles(4961, 3508, 4096, 64 * 1024 * 1024)).map((b) => b.map((t) => t.h))).toEqual([
      [3381, 3381],
      [127, 127]
    ])
  })
  it('keeps a band’s pixel buffer bounded for an image wider than any canvas', () => {
    const w = 60_000
    const h = 40_000
    expect(fitsOneCanvas(w, h)).toBe(false)
    const tiles = planTiles(w, h)
    for (const b of bands(tiles)) {
      expect(b.reduce((s, t) => s + t.w, 0)).toBe(w)
      expect(w * b[0]!.h * 4).toBeLessThanOrEqual(BAND_BYTES)
    }
    expect(tiles.reduce((s, t) => s + t.w * t.h, 0)).toBe(w * h)
  })
  it('nothing for an empty image', () => {
    expect(planTiles(0, 10)).toEqual([])
  })
})

describe('planSheet', () => {
  const legend: SheetInput['legend'] = [
    { label: 'Person', swatch: { kind: 'node', color: '#d9480f', type: 'Person' } },
    { label: 'Your link', swatch: { kind: 'edge', color: '#3d6fb6', dash: [], width: 2, arrow: true } }
  ]
  it('paper: the sheet is the paper; the map fits between title and legend, centred', () => {
    const s = planSheet({ content: { x: -100, y: -50, w: 800, h: 400 }, size: { kind: 'paper', width: 4961, height: 3508, pxPerPt: 300 / 72 }, title: 'T', legend, footer: ['Sources: a; b'], measure })
    expect([s.width, s.height]).toEqual([4961, 3508])
    expect(s.title!.y).toBeLessThan(s.mapRect.y)
    expect(s.mapRect.y + s.mapRect.h).toBeLessThanOrEqual(s.legend!.rect.y)
    expect(s.legend!.rect.y + s.legend!.rect.h).toBeLessThanOrEqual(s.footer!.y)
    expect(s.footer!.y + s.footer!.lineHeight).toBeLessThanOrEqual(s.height)
    // the content, scaled by k, fits in the map rectangle and is centred in it
    expect(800 * s.k).toBeLessThanOrEqual(s.mapRect.w + 1e-6)
    expect(400 * s.k).toBeLessThanOrEqual(s.mapRect.h + 1e-6)
    expect(s.offsetX - s.mapRect.x).toBeCloseTo(s.mapRect.x + s.mapRect.w - (s.offsetX + 800 * s.k), 6)
    expect(Math.min(s.mapRect.w - 800 * s.k, s.mapRect.h - 400 * s.k)).toBeCloseTo(0, 6)
  })
  it('paper: a small map is centred, not blown up past 1.5 pt per pixel', () => {
    const s = planSheet({ content: { x: 0, y: 0, w: 200, h: 100 }, size: { kind: 'paper', width: 4961, height: 3508, pxPerPt: 300 / 72 }, title: null, legend: null, footer: null, measure })
    expect(s.k).toBeCloseTo(MAX_PT_PER_PX * (300 / 72), 9)
    expect(s.offsetX + 200 * s.k / 2).toBeCloseTo(s.mapRect.x + s.mapRect.w / 2, 6)
    expect(s.offsetY + 100 * s.k / 2).toBeCloseTo(s.mapRect.y + s.mapRect.h / 2, 6)
  })
  it('scale without decorations: exactly the map at that scale', () => {
    const s = planSheet({ content: { x: 10, y: 20, w: 301, h: 99 }, size: { kind: 'scale', scale: 3 }, title: null, legend: null, footer: null, measure })
    expect([s.width, s.height, s.k, s.offsetX, s.offsetY]).toEqual([903, 297, 3, 0, 0])
  })
  it('scale with decorations: the sheet grows around the map', () => {
    const s = planSheet({ content: { x: 0, y: 0, w: 300, h: 100 }, size: { kind: 'scale', scale: 2 }, title: 'Title', legend, footer: ['x'], measure })
    expect(s.width).toBeGreaterThanOrEqual(600)
    expect(s.height).toBeGreaterThan(200)
    expect(s.mapRect.h).toBe(200)
    expect(s.k).toBe(2)
  })
  it('wraps the legend into rows and the footer into lines, within the width', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ label: `Type number ${i}`, swatch: { kind: 'node' as const, color: '#000000', type: 'Person' } }))
    const s = planSheet({ content: { x: 0, y: 0, w: 100, h: 100 }, size: { kind: 'paper', width: 1000, height: 800, pxPerPt: 1 }, title: null, legend: many, footer: ['word '.repeat(400)], measure })
    const rows = new Set(s.legend!.entries.map((e) => e.y))
    expect(rows.size).toBeGreaterThan(1)
    for (const e of s.legend!.entries) expect(e.x).toBeLessThan(1000 - s.margin)
    expect(s.footer!.lines.length).toBe(MAX_FOOTER_LINES)
    expect(s.footer!.lines.at(-1)!.endsWith('…')).toBe(true)
  })
  it('wrapText breaks at words and cuts words longer than a line', () => {
    expect(wrapText('aa bb cc', 5 * 10 * 0.55, 10, measure)).toEqual(['aa bb', 'cc'])
    const lines = wrapText('x'.repeat(25), 10 * 10 * 0.55, 10, measure)
    expect(lines.join('')).toBe('x'.repeat(25))
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(10)
  })
})

function randomImage(w: number, h: number, seed: number, alpha: boolean): Uint8Array {
  let s = seed
  const r = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) % 256)
  const px = new Uint8Array(w * h * 4)
  for (let i = 0; i < px.length; i += 4) {
    px[i] = r()
    px[i + 1] = r()
    px[i + 2] = i % 3 ? 255 : r()
    px[i + 3] = alpha ? r() : 255
  }
  return px
}

async function encode(w: number, h: number, px: Uint8Array, alpha: boolean, bandRows: number) {
  const d = new ScanlineDeflater(w, h, alpha)
  for (let y = 0; y < h; y += bandRows) {
    const rows = Math.min(bandRows, h - y)
    await d.addRows(px.subarray(y * w * 4, (y + rows) * w * 4), rows)
  }
  return { d, zlib: await d.finish() }
}

describe('streaming PNG encoder', () => {
  it('crc32 matches the known value', () => {
    expect((crc32(new TextEncoder().encode('123456789')) ^ 0xffffffff) >>> 0).toBe(0xcbf43926)
  })

  for (const alpha of [false, true])
    it(`encodes ${alpha ? 'RGBA' : 'RGB'} fed in bands that pngjs decodes to the same pixels`, async () => {
      const w = 37
      const h = 23
      const px = randomImage(w, h, 42, alpha)
      const { d, zlib } = await encode(w, h, px, alpha, 5)
      const png = PNG.sync.read(Buffer.from(pngFile(w, h, d.channels, zlib, 300)))
      expect([png.width, png.height]).toEqual([w, h])
      expect(Buffer.from(png.data).equals(Buffer.from(px))).toBe(true)
    })

  it('records the DPI (pHYs) when given', async () => {
    const { d, zlib } = await encode(2, 2, new Uint8Array(16).fill(255), false, 2)
    const bytes = pngFile(2, 2, d.channels, zlib, 300)
    const i = Buffer.from(bytes).indexOf('pHYs')
    expect(i).toBeGreaterThan(0)
    expect(Buffer.from(bytes).readUInt32BE(i + 4)).toBe(11811) // 300 dpi in pixels per metre
    expect(Buffer.from(pngFile(2, 2, d.channels, zlib)).indexOf('pHYs')).toBe(-1)
  })

  it('refuses too few or too many rows', async () => {
    const d = new ScanlineDeflater(2, 2, false)
    await d.addRows(new Uint8Array(8), 1)
    await expect(d.finish()).rejects.toThrow(/2 rows, 1 were given/)
    const e = new ScanlineDeflater(2, 1, false)
    await expect(e.addRows(new Uint8Array(16), 2)).rejects.toThrow(/more rows/)
  })
})
