// The reader's virtualisation arithmetic (chunks, buckets, windows) and how
// nested / overlapping mentions split into runs, on the real plain-text
// importer's blocks of the sample article.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Block } from '@contract/types'
import { parsePlainText } from '../../src-main/core/import/plainText'
import { bucketByChunk, chunkAt, chunksInWindow, defaultHeightModel, estimateHeight, makeChunks, offsetOf, shouldVirtualise } from '../../src-renderer/src/reader/chunks'
import { findAll, segmentRange } from '../../src-renderer/src/reader/segments'

const SEED = readFileSync(join(import.meta.dirname, '../../seeds/NextFin - Scale AI Secures 500 Million Pentagon Deal.txt'), 'utf8')

/** A long document: the sample article as 200 numbered parts, through the real importer. */
function longDoc() {
  const text = Array.from({ length: 200 }, (_, i) => `Part ${i + 1}\n\n${SEED}`).join('\n\n')
  return parsePlainText(text)
}

describe('chunks', () => {
  const doc = longDoc()
  const chunks = makeChunks(doc.blocks)

  it('a long document is virtualised, the sample article alone is not', () => {
    expect(shouldVirtualise(doc.text, doc.blocks)).toBe(true)
    const seed = parsePlainText(SEED)
    expect(shouldVirtualise(seed.text, seed.blocks)).toBe(false)
  })

  it('cover every block once, in order, at about the target size', () => {
    expect(chunks[0]!.first).toBe(0)
    expect(chunks.at(-1)!.last).toBe(doc.blocks.length)
    for (let i = 1; i < chunks.length; i++) expect(chunks[i]!.first).toBe(chunks[i - 1]!.last)
    for (const c of chunks) {
      expect(c.start).toBe(doc.blocks[c.first]!.start)
      expect(c.end).toBe(doc.blocks[c.last - 1]!.end)
      expect(c.chars).toBe(doc.blocks.slice(c.first, c.last).reduce((n, b) => n + b.end - b.start, 0))
    }
    const sizes = chunks.slice(0, -1).map((c) => c.chars)
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(2500)
    expect(Math.max(...sizes)).toBeLessThan(2500 + 3000)
  })

  it('never start with a heading or a new PDF page (their top margins would collapse differently)', () => {
    const blocks: Block[] = []
    let pos = 0
    for (let i = 0; i < 300; i++) {
      const kind = i % 7 === 3 ? 'h2' : 'p'
      blocks.push({ start: pos, end: pos + 400, kind, page: 1 + Math.floor(i / 10) })
      pos += 402
    }
    const cs = makeChunks(blocks, 2500, 40)
    expect(cs.length).toBeGreaterThan(10)
    for (const c of cs.slice(1)) {
      expect(blocks[c.first]!.kind).toBe('p')
      expect(blocks[c.first]!.page).toBe(blocks[c.first - 1]!.page)
    }
  })

  it('chunkAt finds the chunk of any offset, also between blocks', () => {
    for (const [i, c] of chunks.entries()) {
      expect(chunkAt(chunks, c.start)).toBe(i)
      expect(chunkAt(chunks, c.end - 1)).toBe(i)
      // The blank line after a chunk's text belongs to it.
      if (i + 1 < chunks.length) expect(chunkAt(chunks, c.end + 1)).toBe(chunks[i + 1]!.start <= c.end + 1 ? i + 1 : i)
    }
    expect(chunkAt(chunks, 0)).toBe(0)
    expect(chunkAt(chunks, doc.text.length)).toBe(chunks.length - 1)
  })

  it('bucketByChunk gives each chunk exactly the spans that overlap it, one pass for 5,000 spans', () => {
    const spans: { start: number; end: number; id: number }[] = []
    for (const m of doc.text.matchAll(/Scale AI|Pentagon|Department of Defense/g)) spans.push({ start: m.index, end: m.index + m[0].length, id: spans.length })
    // A span across a chunk boundary is in both chunks.
    const across = { start: chunks[3]!.end - 5, end: chunks[4]!.start + 5, id: -1 }
    spans.push(across)
    spans.sort((a, b) => a.start - b.start)
    expect(spans.length).toBeGreaterThan(2000)
    const buckets = bucketByChunk(chunks, spans)
    for (const [i, c] of chunks.entries()) {
      const want = spans.filter((s) => s.end > c.start && s.start < c.end)
      expect(buckets[i]).toEqual(want)
    }
    expect(buckets[3]).toContain(across)
    expect(buckets[4]).toContain(across)
  })

  it('estimates heights from text length, and windows find the chunks on screen', () => {
    const model = defaultHeightModel(680)
    const heights = chunks.map((c) => estimateHeight(c, model))
    // A 2,500-character chunk at 680 px is a screen or so of text.
    expect(heights[1]!).toBeGreaterThan(500)
    expect(heights[1]!).toBeLessThan(1500)
    const top = offsetOf(heights, 10) + 5
    const [from, to] = chunksInWindow(heights, top, top + 900)
    expect(from).toBe(10)
    expect(offsetOf(heights, to)).toBeGreaterThanOrEqual(top + 900)
    expect(offsetOf(heights, to - 1)).toBeLessThan(top + 900)
    expect(chunksInWindow(heights, -500, 10)).toEqual([0, 1])
    const total = offsetOf(heights, heights.length)
    expect(chunksInWindow(heights, total + 100, total + 1000)).toEqual([heights.length - 1, heights.length])
  })
})

describe('nested and overlapping mentions', () => {
  const text = 'The U.S. Department of Defense said so.'
  const outer = { start: 4, end: 30, id: 1 } // U.S. Department of Defense
  const inner = { start: 9, end: 30, id: 2 } // Department of Defense
  const overlap = { start: 23, end: 35, id: 3 } // Defense said

  it('split into runs that each know every mention over them, outermost first', () => {
    const segs = segmentRange(0, text.length, [inner, outer])
    expect(segs.map((s) => text.slice(s.start, s.end))).toEqual(['The ', 'U.S. ', 'Department of Defense', ' said so.'])
    expect(segs[1]!.covers.map((c) => c.id)).toEqual([1])
    expect(segs[2]!.covers.map((c) => c.id)).toEqual([1, 2])
    expect(segs[3]!.covers).toEqual([])
  })

  it('overlapping (not nested) mentions share the words they both cover', () => {
    const segs = segmentRange(0, text.length, [outer, overlap])
    expect(segs.map((s) => text.slice(s.start, s.end))).toEqual(['The ', 'U.S. Department of ', 'Defense', ' said', ' so.'])
    expect(segs[2]!.covers.map((c) => c.id)).toEqual([1, 3])
    expect(segs[3]!.covers.map((c) => c.id)).toEqual([3])
  })
})

describe('find over the whole text', () => {
  it('finds every match in a long document, and a second document is searched afresh (not the cached first one)', () => {
    const doc = longDoc()
    const all = findAll(doc.text, 'scale ai')
    expect(all.length).toBe(doc.text.toLowerCase().split('scale ai').length - 1)
    expect(all.every((f) => doc.text.slice(f.start, f.end).toLowerCase() === 'scale ai')).toBe(true)
    expect(findAll('Nothing about it here.', 'scale ai')).toEqual([])
    expect(findAll('SCALE AI and Scale AI', 'scale ai')).toEqual([
      { start: 0, end: 8 },
      { start: 13, end: 21 }
    ])
  })
})
