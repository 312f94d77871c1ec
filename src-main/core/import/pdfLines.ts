// From pdf.js text items to lines: items become lines (pdf.js marks line
// ends; baselines and horizontal gaps confirm them, superscripts stay on
// their line), a line's text is cleaned (TeX's spacing accents joined, a
// font's unmapped glyphs dropped, an unreadable line counted, not kept), and
// running headers, footers and page numbers are found. Pure functions over
// plain data, tested without pdf.js.
//
// Trade-off: lines come from geometry and pdf.js's end-of-line marks alone
// (no structure tags, which most producers do not write): robust across
// producers, but two columns set less than four ems apart read as one line.

/** One pdf.js text item, reduced to what layout needs (PDF user space, y up). */
export interface PdfTextItem {
  str: string
  x: number
  y: number
  width: number
  /** Font size: the item's vertical scale. */
  size: number
  hasEOL: boolean
  /** pdf.js's direction guess for the item ('ltr', 'rtl' or 'ttb'). */
  dir?: string
}

export interface PdfPageText {
  /** 1-based page number. */
  page: number
  height: number
  items: PdfTextItem[]
}

export interface Line {
  page: number
  text: string
  x0: number
  x1: number
  /** Baseline of the line's main (largest) text. */
  y: number
  /** Font size of most of the line's characters. */
  size: number
  rtlChars: number
  chars: number
}

/** Font sizes compared and counted at half-point steps. */
export const round = (n: number) => Math.round(n * 2) / 2

/**
 * A line's text, cleaned: TeX's spacing accents joined to their letters
 * ("na¨ıve" → "naïve"), control characters (a font's unmapped glyphs;
 * often its space) turned into spaces, unknown-glyph marks and private-use
 * characters left out. Null when the line is mostly such characters: a
 * font without a character map, whose text is not recoverable.
 */
export function readable(raw: string): string | null {
  // Most lines hold no such character at all: one native scan says so, and
  // the per-character count (the import's hottest loop) is skipped.
  const anyBad = BAD_CHAR.test(raw)
  if (anyBad) {
    let bad = 0
    let visible = 0
    for (let i = 0; i < raw.length; i++) {
      const c = raw.charCodeAt(i)
      if (isSpace(c)) continue
      visible++ // one per code point, as iterating the string by characters counts
      if (isBadChar(c)) bad++
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < raw.length && (raw.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++
    }
    if (visible >= 4 && bad / visible > 0.3) return null
  }
  // CONTROL and NOT_TEXT are the two halves of BAD_CHAR: without one, there is nothing to replace.
  const cleaned = anyBad ? joinAccents(raw).replace(CONTROL, ' ').replace(NOT_TEXT, '') : joinAccents(raw)
  return cleaned.replace(/\s+/g, ' ').trim().normalize('NFC')
}

/** Whether UTF-16 unit `c` is one `/\s/` matches (ECMAScript WhiteSpace and LineTerminator). */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d)
  if (c < 0xa0) return false
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
}

/** BAD_CHAR for one UTF-16 unit (every range of it lies in the BMP). */
function isBadChar(c: number): boolean {
  return c <= 0x1f || (c >= 0x7f && c <= 0x9f) || c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff)
}

/** The length of `s` without its whitespace, in UTF-16 units: `s.replace(/\s/g, '').length` without the copy. */
export function visibleLength(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) if (!isSpace(s.charCodeAt(i))) n++
  return n
}

// eslint-disable-next-line no-control-regex
const BAD_CHAR = /[\u0000-\u001f\u007f-\u009f\ufffd\ue000-\uf8ff]/u
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g
const NOT_TEXT = /[\ufffd\ue000-\uf8ff]/gu

const SPACING_ACCENT: Record<string, string> = {
  '\u00a8': '\u0308', // diaeresis
  '\u00b4': '\u0301', // acute
  '\u02c6': '\u0302', // circumflex
  '\u02dc': '\u0303', // tilde
  '\u02c7': '\u030c', // caron
  '\u02d8': '\u0306', // breve
  '\u02da': '\u030a', // ring
  '\u00af': '\u0304' // macron
}
const ACCENT_BEFORE = /([\u00a8\u00b4\u02c6\u02dc\u02c7\u02d8\u02da\u00af]) ?([A-Za-z\u0131\u0237])/g
const CEDILLA_AFTER = /([cCsStT]) ?\u00b8/g

function joinAccents(s: string): string {
  if (!/[\u00a8\u00b4\u02c6\u02dc\u02c7\u02d8\u02da\u00af\u00b8]/.test(s)) return s
  return s
    .replace(ACCENT_BEFORE, (_, accent: string, letter: string) => (letter === '\u0131' ? 'i' : letter === '\u0237' ? 'j' : letter) + SPACING_ACCENT[accent])
    .replace(CEDILLA_AFTER, (_, letter: string) => `${letter}\u0327`)
}

export function itemsToLines(pageText: PdfPageText, unreadable = { n: 0 }): Line[] {
  const lines: Line[] = []
  let cur: { parts: string[]; x0: number; x1: number; y: number; size: number; bySize: Map<number, number>; rtl: number; chars: number } | null = null

  const end = () => {
    if (!cur) return
    const raw = cur.parts.join('')
    const text = readable(raw)
    if (text === null) unreadable.n++
    else if (text) {
      let size = cur.size
      let most = -1
      for (const [s, n] of cur.bySize) if (n > most) [size, most] = [s, n]
      lines.push({ page: pageText.page, text, x0: cur.x0, x1: cur.x1, y: cur.y, size, rtlChars: cur.rtl, chars: cur.chars })
    }
    cur = null
  }

  for (const it of pageText.items) {
    const size = it.size > 0 && Number.isFinite(it.size) ? it.size : 1
    if (!it.str) {
      if (it.hasEOL) end()
      continue
    }
    if (cur && breaksLine(cur, it, size)) end()
    if (!cur) cur = { parts: [], x0: it.x, x1: it.x + it.width, y: it.y, size, bySize: new Map(), rtl: 0, chars: 0 }
    cur.parts.push(it.str)
    cur.x0 = Math.min(cur.x0, it.x)
    cur.x1 = Math.max(cur.x1, it.x + it.width)
    const visible = visibleLength(it.str)
    if (visible) {
      const key = round(size)
      cur.bySize.set(key, (cur.bySize.get(key) ?? 0) + visible)
      // The baseline of the line is the one of its largest text (not of a superscript).
      if (size > cur.size * 1.05) {
        cur.size = size
        cur.y = it.y
      }
      cur.chars += visible
      if (it.dir === 'rtl') cur.rtl += visible
    }
    if (it.hasEOL) end()
  }
  end()
  return lines
}

function breaksLine(cur: { x0: number; x1: number; y: number; size: number }, it: PdfTextItem, size: number): boolean {
  const em = Math.max(cur.size, size)
  const dy = Math.abs(it.y - cur.y)
  if (dy <= 0.3 * em) {
    // Same baseline: a large jump right is another column or table cell.
    return it.x > cur.x1 + 4 * em
  }
  // A superscript or subscript: smaller, within the line's height, right after it.
  const script = size < cur.size * 0.9 && dy < cur.size * 0.8 && it.x >= cur.x1 - 0.5 * em && it.x <= cur.x1 + 2 * em
  return !script
}

// ---------------------------------------------------------------------------
// Running headers, footers and page numbers

const PAGE_NUMBER = /^(?:page\s*)?[-–—(\[]?\s*(?:\d{1,4}|[ivxlcdm]{1,7})\s*[-–—)\]]?(?:\s*(?:\/|of)\s*\d{1,4})?$/i

/**
 * Lines in the top or bottom 8% of a page that are page numbers, or whose
 * text (digits aside) recurs there on at least half the pages (3 or more).
 */
export function runningLines(pages: Line[][], heights: number[]): Set<Line> {
  const out = new Set<Line>()
  const margin = (p: number) => (heights[p] ?? 792) * 0.08
  const inMargin = (l: Line, p: number) => l.y > (heights[p] ?? 792) - margin(p) || l.y < margin(p)
  const seen = new Map<string, Set<number>>()
  const key = (l: Line) => l.text.replace(/\d+/g, '#').toLowerCase()
  pages.forEach((lines, p) => {
    for (const l of lines) {
      if (!inMargin(l, p)) continue
      if (PAGE_NUMBER.test(l.text)) out.add(l)
      const k = key(l)
      if (!seen.has(k)) seen.set(k, new Set())
      seen.get(k)!.add(p)
    }
  })
  const minPages = Math.max(3, Math.ceil(pages.length / 2))
  pages.forEach((lines, p) => {
    for (const l of lines) if (inMargin(l, p) && (seen.get(key(l))?.size ?? 0) >= minPages) out.add(l)
  })
  return out
}
