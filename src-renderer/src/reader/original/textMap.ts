// From a PDF page's text items (what pdf.js's text layer draws, one span per
// item) to offsets in the document's canonical text, and back.
//
// The import built the canonical text from these very items (pdf.js's
// getTextContent, the same version, default options), in the same order:
// items → lines → paragraphs (src-main/core/import/pdfLines.ts, pdfLayout.ts).
// What the import changes on the way is local: white space collapsed, a
// hyphen at a line break dropped, running headers/footers and unreadable
// glyphs left out, TeX's spacing accents joined, NFC. So the page's visible
// characters and the canonical text of the page's blocks are aligned as two
// sequences (Myers' diff over the characters that are not white space):
// every character pair the diff keeps is the same character in the same
// order, so an offset it gives is exact; a character it cannot pair is
// reported as unmapped, never guessed.
//
// Trade-off: the renderer may import only the contract from src-main, so the
// import's own line/paragraph functions are not re-run here; the diff needs
// no knowledge of them and stays right if their heuristics change, at the
// cost of unpaired characters (accents the import composed, a decomposed é)
// showing as unmapped rather than mapped.
import type { Block } from '@contract/types'

/** An item character that is white space or a hyphen dropped at a line break: neither mapped nor a gap. */
export const IGNORED = -2
/** An item character with no counterpart in the canonical text. */
export const UNMAPPED = -1

export interface PageTextMap {
  page: number
  /** The canonical text's range the page's blocks cover ([start, start) when it has none). */
  start: number
  end: number
  /** Per item, per UTF-16 unit of its string: its canonical offset, IGNORED or UNMAPPED. */
  offsets: Int32Array[]
  /** Items with at least one unmapped character (running headers, unreadable glyphs). */
  unmappedItems: number[]
}

/** The canonical range of a page's blocks (blocks carry their 1-based page; a paragraph never spans pages). */
export function pageRange(blocks: readonly Block[], page: number): { start: number; end: number } {
  let start = -1
  let end = -1
  for (const b of blocks) {
    if (b.page !== page) continue
    if (start < 0) start = b.start
    end = b.end
  }
  return start < 0 ? { start: 0, end: 0 } : { start, end }
}

/** White space as the import sees it (`/\s/`), plus the control characters it turns into spaces. */
function isSpaceOrControl(c: number): boolean {
  if (c <= 0x20) return true
  if (c >= 0x7f && c <= 0x9f) return true
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
}

const isHyphen = (c: number) => c === 0x2d || c === 0xad || c === 0x2010

/**
 * Pairs of equal characters of `a` and `b` in order, as many as possible
 * (Myers' O(ND) diff): match[i] = the index in b of a[i], or -1. Null when
 * more than maxD edits would be needed (then nothing on the page is paired).
 */
export function alignSequences(a: Uint16Array, b: Uint16Array, maxD: number): Int32Array | null {
  const n = a.length
  const m = b.length
  const match = new Int32Array(n).fill(-1)
  if (n === 0 || m === 0) return match
  if (Math.abs(n - m) > maxD) return null
  const limit = Math.min(maxD, n + m)
  const off = limit + 1
  const v = new Int32Array(2 * limit + 3)
  const trace: Int32Array[] = []
  let found = -1
  for (let d = 0; d <= limit && found < 0; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1]! < v[off + k + 1]!) ? v[off + k + 1]! : v[off + k - 1]! + 1
      let y = x - k
      while (x < n && y < m && a[x] === b[y]) {
        x++
        y++
      }
      v[off + k] = x
      if (x >= n && y >= m) {
        found = d
        break
      }
    }
    trace.push(v.slice(off - d, off + d + 1))
  }
  if (found < 0) return null
  let x = n
  let y = m
  for (let d = found; d > 0; d--) {
    const prev = trace[d - 1]!
    const at = (k: number) => prev[k + d - 1]!
    const k = x - y
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1
    const prevX = at(prevK)
    const startX = prevK === k + 1 ? prevX : prevX + 1
    while (x > startX) {
      x--
      y--
      match[x] = y
    }
    x = prevX
    y = prevX - prevK
  }
  while (x > 0 && y > 0) {
    x--
    y--
    match[x] = y
  }
  return match
}

/** Maps one page's item strings (in pdf.js order) onto the canonical text. */
export function mapPage(items: readonly string[], text: string, blocks: readonly Block[], page: number, maxD = 2000): PageTextMap {
  const { start, end } = pageRange(blocks, page)
  const offsets = items.map((s) => new Int32Array(s.length).fill(IGNORED))
  // The visible characters of both sides, each with where it came from.
  const aChars: number[] = []
  const aFrom: number[] = []
  const aUnit: number[] = []
  items.forEach((s, i) => {
    for (let j = 0; j < s.length; j++) {
      const c = s.charCodeAt(j)
      if (isSpaceOrControl(c)) continue
      aChars.push(c)
      aFrom.push(i)
      aUnit.push(j)
    }
  })
  const bChars: number[] = []
  const bAt: number[] = []
  for (let p = start; p < end; p++) {
    const c = text.charCodeAt(p)
    if (isSpaceOrControl(c)) continue
    bChars.push(c)
    bAt.push(p)
  }
  const match = alignSequences(Uint16Array.from(aChars), Uint16Array.from(bChars), maxD)
  const unmapped = new Set<number>()
  for (let q = 0; q < aChars.length; q++) {
    const i = aFrom[q]!
    const j = aUnit[q]!
    const to = match ? match[q]! : -1
    if (to >= 0) offsets[i]![j] = bAt[to]!
    else if (isHyphen(aChars[q]!) && endsItsItem(items[i]!, j)) offsets[i]![j] = IGNORED // the import joined the word across the line break
    else {
      offsets[i]![j] = UNMAPPED
      unmapped.add(i)
    }
  }
  return { page, start, end, offsets, unmappedItems: [...unmapped].sort((x, y) => x - y) }
}

function endsItsItem(s: string, j: number): boolean {
  for (let k = j + 1; k < s.length; k++) if (!isSpaceOrControl(s.charCodeAt(k))) return false
  return true
}

export type SelectionMapping = { ok: true; start: number; end: number } | { ok: false; unmapped: number; text: string } | null

/**
 * The canonical span of a selection given as [item, unit] bounds (end
 * exclusive). Null when it holds no visible character; not ok when any of
 * its visible characters is unmapped (the caller says so instead of tagging).
 */
export function mapSelection(map: PageTextMap, items: readonly string[], from: [number, number], to: [number, number]): SelectionMapping {
  let lo = Infinity
  let hi = -1
  let unmapped = 0
  let missing = ''
  for (let i = from[0]; i <= to[0] && i < map.offsets.length; i++) {
    const o = map.offsets[i]!
    const a = i === from[0] ? from[1] : 0
    const b = i === to[0] ? to[1] : o.length
    for (let j = a; j < b; j++) {
      const v = o[j]!
      if (v >= 0) {
        if (v < lo) lo = v
        if (v > hi) hi = v
      } else if (v === UNMAPPED) {
        unmapped++
        if (missing.length < 40) missing += items[i]![j]
      }
    }
  }
  if (unmapped) return { ok: false, unmapped, text: missing }
  return hi < 0 ? null : { ok: true, start: lo, end: hi + 1 }
}

/** Where a canonical span lies on the page: per item, the [from, to) units that draw it. */
export function spanRuns(map: PageTextMap, start: number, end: number): { item: number; from: number; to: number }[] {
  const out: { item: number; from: number; to: number }[] = []
  if (end <= map.start || start >= map.end) return out
  map.offsets.forEach((o, item) => {
    let first = -1
    let last = -1
    for (let j = 0; j < o.length; j++) {
      const v = o[j]!
      if (v >= start && v < end) {
        if (first < 0) first = j
        last = j
      }
    }
    if (first >= 0) out.push({ item, from: first, to: last + 1 })
  })
  return out
}

/** The page a canonical offset is on (the last block starting at or before it), or 1. */
export function pageOf(blocks: readonly Block[], offset: number): number {
  let page = 1
  for (const b of blocks) {
    if (b.start > offset) break
    if (b.page !== undefined) page = b.page
  }
  return page
}
