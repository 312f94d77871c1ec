// Pure helpers for the reader's virtualisation: a long document is cut into
// chunks of consecutive blocks; only the chunks near the viewport are in the
// DOM, the others are empty boxes of their (measured or estimated) height.
import type { Block } from '@contract/types'

export interface Chunk {
  /** Index of the first block, and one past the last. */
  first: number
  last: number
  /** Text offsets the chunk covers (first block's start, last block's end). */
  start: number
  end: number
  /** Characters of text in the chunk (for the height estimate). */
  chars: number
}

/**
 * Documents up to this size are rendered whole (a 30-page PDF, a long
 * report): that costs well under 100 ms and keeps every browser behaviour
 * (selecting across the whole text). Longer ones are virtualised.
 */
export const WHOLE_DOCUMENT_CHARS = 150_000
export const WHOLE_DOCUMENT_BLOCKS = 1500

export function shouldVirtualise(text: string, blocks: readonly Block[]): boolean {
  return text.length > WHOLE_DOCUMENT_CHARS || blocks.length > WHOLE_DOCUMENT_BLOCKS
}

/**
 * Cuts blocks into chunks of about `targetChars` characters (at most
 * `maxBlocks` blocks). A chunk never starts with a heading or a new PDF page:
 * those carry a top margin that would not collapse with the previous chunk's
 * last margin, so the layout stays what it would be without chunks.
 */
export function makeChunks(blocks: readonly Block[], targetChars = 2500, maxBlocks = 40): Chunk[] {
  const out: Chunk[] = []
  const canStartAt = (i: number) => {
    const b = blocks[i]!
    return !/^h[1-6]$/.test(b.kind) && (b.page === undefined || b.page === blocks[i - 1]?.page)
  }
  let first = 0
  let chars = 0
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!
    chars += b.end - b.start
    const n = i + 1 - first
    const next = i + 1
    const full = chars >= targetChars || n >= maxBlocks
    // Past the size, cut at the first block a chunk may start with (but never grow beyond twice the limit).
    if (next < blocks.length && full && (canStartAt(next) || n >= maxBlocks * 2)) {
      out.push({ first, last: next, start: blocks[first]!.start, end: b.end, chars })
      first = next
      chars = 0
    }
  }
  if (first < blocks.length) out.push({ first, last: blocks.length, start: blocks[first]!.start, end: blocks[blocks.length - 1]!.end, chars })
  return out
}

/** Index of the chunk holding text offset `pos` (the nearest one before it when it falls between blocks). */
export function chunkAt(chunks: readonly Chunk[], pos: number): number {
  let lo = 0
  let hi = chunks.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (chunks[mid]!.start <= pos) lo = mid
    else hi = mid - 1
  }
  return lo
}

/**
 * Spans (sorted by start) bucketed per chunk: each chunk gets the spans that
 * overlap it, in their order. A span across a chunk boundary is in both.
 * O(spans + chunks) for spans that stay inside a chunk or two.
 */
export function bucketByChunk<T extends { start: number; end: number }>(chunks: readonly Chunk[], spans: readonly T[]): T[][] {
  const out: T[][] = chunks.map(() => [])
  if (!chunks.length) return out
  for (const s of spans) {
    // The chunk it starts in (the one before, when it starts between two), then every one it reaches into.
    const c0 = chunkAt(chunks, s.start)
    out[c0]!.push(s)
    for (let c = c0 + 1; c < chunks.length && chunks[c]!.start < s.end; c++) out[c]!.push(s)
  }
  return out
}

/** How tall a chunk's text will be, before it has been laid out once. */
export interface HeightModel {
  /** Pixels per character of running text (line height / characters per line). */
  perChar: number
  /** Pixels each block adds beyond its characters (margin, last line's rest). */
  perBlock: number
}

/** A first guess from the text column's width and the reading font (17px/1.65, about 0.47em per character). */
export function defaultHeightModel(width: number, fontPx = 17, lineHeight = 1.65): HeightModel {
  const perLine = Math.max(20, width / (fontPx * 0.47))
  return { perChar: (fontPx * lineHeight) / perLine, perBlock: fontPx * 0.9 + (fontPx * lineHeight) / 2 }
}

export function estimateHeight(chunk: Chunk, model: HeightModel): number {
  return Math.max(1, Math.round(chunk.chars * model.perChar + (chunk.last - chunk.first) * model.perBlock))
}

/**
 * The chunks a window [top, bottom) (in the chunks' own coordinates, 0 = the
 * top of the first chunk) overlaps, from their heights. Returns [from, to).
 */
export function chunksInWindow(heights: ArrayLike<number>, top: number, bottom: number): [number, number] {
  let y = 0
  let from = -1
  let to = heights.length
  for (let i = 0; i < heights.length; i++) {
    const h = heights[i]!
    if (from < 0 && y + h > top) from = i
    if (y >= bottom) {
      to = i
      break
    }
    y += h
  }
  if (from < 0) return [Math.max(0, heights.length - 1), heights.length]
  return [from, Math.max(from + 1, to)]
}

/** Top of chunk `i` in the chunks' own coordinates. */
export function offsetOf(heights: ArrayLike<number>, i: number): number {
  let y = 0
  for (let k = 0; k < i; k++) y += heights[k]!
  return y
}
