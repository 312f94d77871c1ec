// Span anchors: offsets into a document's immutable canonical text plus the
// exact quote and some context, so every mention can be checked against the
// source (W3C Web Annotation's TextQuote + TextPosition selectors).
import type { Block } from '../../contract/types'

export const CONTEXT_CHARS = 32

export interface Anchor {
  start: number
  end: number
  quote: string
  prefix: string
  suffix: string
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}
function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}

/** True when `offset` falls between the two halves of a surrogate pair. */
export function splitsSurrogate(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isLowSurrogate(text.charCodeAt(offset)) && isHighSurrogate(text.charCodeAt(offset - 1))
}

export type AnchorProblem = 'out-of-range' | 'empty' | 'splits-character' | 'whitespace-only'

export function checkSpan(text: string, start: number, end: number): AnchorProblem | null {
  // Offsets come over IPC: 1.5 or NaN must not reach slice(), which would truncate them.
  if (!Number.isInteger(start) || !Number.isInteger(end)) return 'out-of-range'
  if (!(start >= 0 && end <= text.length)) return 'out-of-range'
  if (end <= start) return 'empty'
  if (splitsSurrogate(text, start) || splitsSurrogate(text, end)) return 'splits-character'
  if (text.slice(start, end).trim() === '') return 'whitespace-only'
  return null
}

export function makeAnchor(text: string, start: number, end: number): Anchor {
  let p = Math.max(0, start - CONTEXT_CHARS)
  if (splitsSurrogate(text, p)) p -= 1
  let s = Math.min(text.length, end + CONTEXT_CHARS)
  if (splitsSurrogate(text, s)) s += 1
  return { start, end, quote: text.slice(start, end), prefix: text.slice(p, start), suffix: text.slice(end, s) }
}

/** Whether a stored anchor still matches the text exactly where it says. */
export function verifyAnchor(text: string, a: Anchor): boolean {
  return (
    text.slice(a.start, a.end) === a.quote &&
    text.slice(Math.max(0, a.start - a.prefix.length), a.start) === a.prefix &&
    text.slice(a.end, a.end + a.suffix.length) === a.suffix
  )
}

/** Trims whitespace a mouse selection tends to catch at either end. */
export function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /\s/.test(text[end - 1]!)) end--
  return { start, end }
}

/** Index of the block containing `offset` (blocks are sorted, non-overlapping), or -1. */
export function blockIndexAt(blocks: readonly Block[], offset: number): number {
  let lo = 0
  let hi = blocks.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const b = blocks[mid]!
    if (offset < b.start) hi = mid - 1
    else if (offset >= b.end) lo = mid + 1
    else return mid
  }
  return -1
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' })

/**
 * ICU breaks a sentence after any "period, space, capital", so "The U.S.
 * Department of Defense", "Mr. Smith" or "Morris W. Travers" would be cut in
 * two. A segment that ends in an initialism, a single capital initial or a
 * common title/abbreviation is joined to the next one.
 */
const NO_BREAK_AFTER =
  /(?:^|[^\p{L}\p{N}])(?:(?:\p{L}\.){2,}|\p{Lu}\.|(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sr|Jr|St|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Adm|Rev|Hon|Mt|Ft|No|Nos|Vol|Fig|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.)[\s\u00a0]*$/u

function sentenceBounds(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = []
  let joinNext = false
  for (const seg of segmenter.segment(text)) {
    const start = seg.index
    const end = start + seg.segment.length
    if (joinNext && out.length) out[out.length - 1]!.end = end
    else out.push({ start, end })
    joinNext = NO_BREAK_AFTER.test(text.slice(out[out.length - 1]!.start, end))
  }
  return out
}

/** The sentence (within its block) that holds the span, for showing context. */
export function sentenceAround(
  text: string,
  blocks: readonly Block[],
  start: number,
  end: number
): { sentence: string; offset: number } {
  const bi = blockIndexAt(blocks, start)
  let b: { start: number; end: number }
  if (bi >= 0) {
    b = blocks[bi]!
    // In a table, the context is the row (its cells, tab-separated), not the whole table.
    if (blocks[bi]!.kind === 'table') {
      const rowEnd = text.indexOf('\n', end)
      b = { start: Math.max(b.start, text.lastIndexOf('\n', start - 1) + 1), end: rowEnd < 0 || rowEnd > b.end ? b.end : Math.max(rowEnd, end) }
    }
  } else {
    // Not in a block: a window around the span, never cutting a character in two.
    let ws = Math.max(0, start - 120)
    let we = Math.min(text.length, end + 120)
    if (splitsSurrogate(text, ws)) ws -= 1
    if (splitsSurrogate(text, we)) we += 1
    b = { start: ws, end: we }
  }
  const blockText = text.slice(b.start, b.end)
  let from = b.start
  let to = b.end
  for (const seg of sentenceBounds(blockText)) {
    const s = b.start + seg.start
    const e = b.start + seg.end
    if (s <= start && start < e) from = s
    if (s < end && end <= e) {
      to = e
      break
    }
  }
  const sentence = text.slice(from, Math.max(to, end))
  const trimmedStart = sentence.length - sentence.trimStart().length
  return { sentence: sentence.trim(), offset: start - from - trimmedStart }
}
