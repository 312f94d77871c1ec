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
import { parse } from 'parse5'
import { decodeHtml } from '../import/htmlDecode'

export const MAX_CONTEXT = 32

const fold = (s: string) => s.replace(/\s+/g, ' ')

interface P5Node {
  nodeName: string
  value?: string
  childNodes?: P5Node[]
  content?: P5Node
}

/**
 * The page's DOM text, as `document.body.textContent` gives it: the page
 * parsed by parse5 (the WHATWG HTML parser jsdom itself uses; no DOM, no
 * scripts), then every text node under <body> in document order (script and
 * style text included, comments not, as textContent does). Iterative, so a
 * deeply nested page cannot overflow the stack.
 */
export function domTextOf(original: Uint8Array): string {
  const doc = parse(decodeHtml(original).text) as unknown as P5Node
  const html = doc.childNodes?.find((n) => n.nodeName === 'html')
  const body = html?.childNodes?.find((n) => n.nodeName === 'body')
  if (!body) return ''
  const out: string[] = []
  const stack: P5Node[] = [...(body.childNodes ?? [])].reverse()
  while (stack.length) {
    const n = stack.pop()!
    if (n.nodeName === '#text') out.push(n.value ?? '')
    else if (n.childNodes) for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]!)
  }
  return out.join('')
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

const SPACE = /\s/
/** Scripts written without spaces between words: every character is a word boundary. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\u3000-\u303f\uff00-\uffef]/u
const isSpace = (c: string | undefined) => c !== undefined && SPACE.test(c)
const unspaced = (c: string | undefined) => c !== undefined && UNSPACED.test(c)
/** Whether a word may start or end at `i` (between text[i - 1] and text[i]), never splitting a surrogate pair. */
function boundary(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return true
  const code = text.charCodeAt(i)
  if (code >= 0xdc00 && code <= 0xdfff) return false
  return isSpace(text[i - 1]) || isSpace(text[i]) || unspaced(text[i - 1]) || unspaced(text[i])
}

/** Word-aligned prefixes before `start`, shortest first ('' included), none longer than MAX_CONTEXT, none starting with a space. */
export function prefixes(text: string, start: number): string[] {
  const out = ['']
  for (let i = start - 1; i >= Math.max(0, start - MAX_CONTEXT); i--) {
    if (boundary(text, i) && !isSpace(text[i])) out.push(text.slice(i, start))
  }
  return out
}

/** Word-aligned suffixes after `end`, shortest first, none ending with a space. */
export function suffixes(text: string, end: number): string[] {
  const out = ['']
  for (let j = end + 1; j <= Math.min(text.length, end + MAX_CONTEXT); j++) {
    if (boundary(text, j) && !isSpace(text[j - 1])) out.push(text.slice(end, j))
  }
  return out
}

/**
 * A prefix and suffix for the span [start, end) of `text` that make it unique
 * in `foldedHay` (already white-space folded): one word on each side first,
 * then a word more on alternating sides. A word that makes the needle vanish
 * from the hay (the canonical text joins what the page keeps apart: a
 * caption, an ad between two paragraphs) is taken back and that side stops
 * growing. When nothing is unique within MAX_CONTEXT, the last pair tried.
 */
export function quoteContext(text: string, start: number, end: number, foldedHay: string): { prefix: string; suffix: string } {
  const exact = text.slice(start, end)
  const ps = prefixes(text, start)
  const ss = suffixes(text, end)
  const found = (p: number, s: number) => count(foldedHay, fold(ps[p]! + exact + ss[s]!))
  let pi = Math.min(1, ps.length - 1)
  let si = Math.min(1, ss.length - 1)
  let n = found(pi, si)
  if (n === 0) {
    if (found(0, si) > 0) pi = 0
    else if (found(pi, 0) > 0) si = 0
    else if (found(0, 0) > 0) pi = si = 0
    n = found(pi, si)
  }
  let stopP = n === 0
  let stopS = n === 0
  while (n !== 1) {
    const canP = !stopP && pi < ps.length - 1
    const canS = !stopS && si < ss.length - 1
    if (!canP && !canS) break
    if (canP && (!canS || pi <= si)) {
      const m = found(pi + 1, si)
      if (m === 0) stopP = true
      else (pi++, (n = m))
    } else {
      const m = found(pi, si + 1)
      if (m === 0) stopS = true
      else (si++, (n = m))
    }
  }
  return { prefix: ps[pi]!, suffix: ss[si]! }
}

export { fold as foldWhiteSpace }
