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

/** The sentence (within its block) that holds the span, for showing context. */
export function sentenceAround(
  text: string,
  blocks: readonly Block[],
  start: number,
  end: number
): { sentence: string; offset: number } {
  const bi = blockIndexAt(blocks, start)
  const b = bi >= 0 ? blocks[bi]! : { start: Math.max(0, start - 120), end: Math.min(text.length, end + 120) }
  const blockText = text.slice(b.start, b.end)
  let from = b.start
  let to = b.end
  for (const seg of segmenter.segment(blockText)) {
    const s = b.start + seg.index
    const e = s + seg.segment.length
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
