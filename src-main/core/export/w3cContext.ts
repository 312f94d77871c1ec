// TextQuoteSelector context that finds its place in the original source, for
// the W3C export: for each span, the shortest word-aligned prefix and suffix
// (at most 32 characters each, the size annotation tools use) that make
// prefix + quote + suffix occur exactly once in the original's own text.
// For a web page that is the page's DOM text (`body.textContent` after
// parsing the file as a browser would), where a consumer such as a browser
// extension will look; for other files, the canonical text.
//
// Runs in the database worker (the texts and original bytes are there).
// Matching folds runs of white space into one space on both sides: the
// canonical text separates paragraphs with blank lines where the page's
// source has indentation, and annotation anchoring does the same folding.
// Trade-off: the prefix and suffix come from the canonical text, so one that
// crosses a word Readability removed (a caption, an ad line) will not match
// the page; growing from one word outward keeps that rare.
import { createHash } from 'node:crypto'
import { gunzipSync } from 'node:zlib'
import { decodeHtml } from '../import/html'
import { limitNesting } from '../import/nesting'
import { sharedWindow } from '../import/sanitize'

export const MAX_CONTEXT = 32

const fold = (s: string) => s.replace(/\s+/g, ' ')

/** The page's DOM text, as `document.body.textContent` gives it after parsing. */
export function domTextOf(original: Uint8Array): string {
  const source = limitNesting(decodeHtml(original).text)
  const doc = new (sharedWindow().DOMParser)().parseFromString(source, 'text/html')
  return doc.body?.textContent ?? ''
}

export function isHtml(mediaType: string): boolean {
  return mediaType === 'text/html' || mediaType === 'application/xhtml+xml'
}

export function sha256Text(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

export function gunzipOriginal(gz: Uint8Array): Uint8Array {
  return gunzipSync(gz)
}

/** Occurrences of `needle` in `hay`, counting at most `limit`. */
function count(hay: string, needle: string, limit = 2): number {
  if (!needle) return limit
  let n = 0
  for (let at = hay.indexOf(needle); at >= 0 && n < limit; at = hay.indexOf(needle, at + 1)) n++
  return n
}

/** Word-aligned prefixes before `start`, shortest first ('' included), none longer than MAX_CONTEXT. */
export function prefixes(text: string, start: number): string[] {
  const out = ['']
  for (let i = start - 1; i >= Math.max(0, start - MAX_CONTEXT); i--) {
    if (i === 0 || /\s/.test(text[i - 1]!)) {
      if (!/\s/.test(text[i]!)) out.push(text.slice(i, start))
    }
  }
  return out
}

/** Word-aligned suffixes after `end`, shortest first. */
export function suffixes(text: string, end: number): string[] {
  const out = ['']
  for (let j = end + 1; j <= Math.min(text.length, end + MAX_CONTEXT); j++) {
    if (j === text.length || /\s/.test(text[j]!)) {
      if (!/\s/.test(text[j - 1]!)) out.push(text.slice(end, j))
    }
  }
  return out
}

/**
 * A prefix and suffix for the span [start, end) of `text` that make it unique
 * in `foldedHay` (already white-space folded): one word on each side first,
 * then a word more on alternating sides; the longest pair when nothing is
 * unique within MAX_CONTEXT.
 */
export function quoteContext(text: string, start: number, end: number, foldedHay: string): { prefix: string; suffix: string } {
  const exact = text.slice(start, end)
  const ps = prefixes(text, start)
  const ss = suffixes(text, end)
  let pi = Math.min(1, ps.length - 1)
  let si = Math.min(1, ss.length - 1)
  for (;;) {
    const needle = fold(ps[pi]! + exact + ss[si]!)
    if (count(foldedHay, needle) === 1) break
    const canP = pi < ps.length - 1
    const canS = si < ss.length - 1
    if (!canP && !canS) break
    if (canP && (!canS || pi <= si)) pi++
    else si++
  }
  return { prefix: ps[pi]!, suffix: ss[si]! }
}

export { fold as foldWhiteSpace }
