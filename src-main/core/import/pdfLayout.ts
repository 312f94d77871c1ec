// From pdf.js text items to readable blocks: items become lines (pdf.js marks
// line ends; baselines and horizontal gaps confirm them), lines become
// paragraphs by their geometry (vertical gaps against the usual line spacing,
// font size changes, first-line indentation, short last lines, column
// breaks), hyphenated line breaks are joined ("informa-" + "tion"), text in a
// clearly larger font becomes headings, and running headers, footers and
// page numbers are left out. Pure functions over plain data, so they are
// tested without pdf.js.
import type { BlockKind } from '../../contract/types'
import { TextBuilder } from './textBuilder'

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

const round = (n: number) => Math.round(n * 2) / 2

// ---------------------------------------------------------------------------
// Items to lines

/**
 * A line's text, cleaned: TeX's spacing accents joined to their letters
 * ("na¨ıve" → "naïve"), control characters (a font's unmapped glyphs;
 * often its space) turned into spaces, unknown-glyph marks and private-use
 * characters left out. Null when the line is mostly such characters: a
 * font without a character map, whose text is not recoverable.
 */
export function readable(raw: string): string | null {
  let bad = 0
  let visible = 0
  for (const ch of raw) {
    if (/\s/.test(ch)) continue
    visible++
    if (BAD_CHAR.test(ch)) bad++
  }
  if (visible >= 4 && bad / visible > 0.3) return null
  return joinAccents(raw)
    .replace(CONTROL, ' ')
    .replace(NOT_TEXT, '')
    .replace(/\s+/g, ' ')
    .trim()
    .normalize('NFC')
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
    const visible = it.str.replace(/\s/g, '').length
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

// ---------------------------------------------------------------------------
// Document-wide measures

/** The font size most characters are set in. */
export function bodySize(lines: Line[]): number {
  const bySize = new Map<number, number>()
  for (const l of lines) bySize.set(round(l.size), (bySize.get(round(l.size)) ?? 0) + l.chars)
  let best = 10
  let most = -1
  for (const [s, n] of bySize) if (n > most) [best, most] = [s, n]
  return best
}

/** The usual distance between consecutive lines of each font size. */
export function leadings(pages: Line[][]): Map<number, number> {
  const gaps = new Map<number, number[]>()
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const p = lines[i - 1]!
      const l = lines[i]!
      if (round(p.size) !== round(l.size)) continue
      const gap = p.y - l.y
      if (gap > 0.5 * l.size && gap < 2.5 * l.size) {
        const k = round(l.size)
        if (!gaps.has(k)) gaps.set(k, [])
        gaps.get(k)!.push(gap)
      }
    }
  }
  const out = new Map<number, number>()
  for (const [k, g] of gaps) {
    g.sort((a, b) => a - b)
    out.set(k, g[g.length >> 1]!)
  }
  return out
}

// ---------------------------------------------------------------------------
// Hyphenation

const WORD = /[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*/gu
const HYPHEN_END = /([\p{L}\p{M}]+)[-\u00ad\u2010]$/u
const LOWER_START = /^(\p{Ll}[\p{L}\p{M}]*)/u
const UPPER_START = /^(\p{Lu}[\p{L}\p{M}]*)/u

/**
 * Words seen inside lines across the document: hyphenated compounds
 * ("run-time") and plain words. A hyphen at a line break is dropped unless
 * the document writes that compound with a hyphen elsewhere and never solid.
 */
export class Vocabulary {
  private hyphenated = new Set<string>()
  private solid = new Set<string>()

  constructor(lines: Line[]) {
    for (const l of lines) {
      // The last word of a line may be broken: only inner words count.
      const words = l.text.match(WORD) ?? []
      for (const w of words.slice(0, -1)) (w.includes('-') ? this.hyphenated : this.solid).add(w.toLowerCase())
    }
  }

  /** Joins a line ending in a hyphen with the next line's text. */
  joinHyphenated(para: string, next: string): string | null {
    // `para` is the whole paragraph so far: look at its end only (a regex
    // anchored at $ still scans from the start, which made long paragraphs
    // quadratic). Words longer than the tail do not occur in prose.
    const last = para.charCodeAt(para.length - 1)
    if (last !== 0x2d && last !== 0xad && last !== 0x2010) return null
    const cut = Math.max(0, para.length - 200)
    const head = para.slice(0, cut)
    const prev = para.slice(cut)
    const joined = this.joinTail(prev, next)
    return joined === null ? null : head + joined
  }

  private joinTail(prev: string, next: string): string | null {
    const end = HYPHEN_END.exec(prev)
    if (!end) {
      // "2008-" + "02/msg.html", "ISBN 978-" + "1": a hyphen after a digit or
      // symbol is part of what goes on; a lone dash (" -") is not.
      return /[^\s\p{L}\p{M}]-$/u.test(prev) && /^[\p{L}\p{N}]/u.test(next) ? prev + next : null
    }
    const soft = prev.endsWith('\u00ad')
    const start = LOWER_START.exec(next)
    if (!start) {
      // "non-" + "US": keep the hyphen, no space, unless the document writes
      // the word solid ("Trace-" + "Monkey", "TraceMonkey" elsewhere). A
      // soft hyphen always goes.
      const upper = UPPER_START.exec(next)
      const solid = upper && this.solid.has((end[1]! + upper[1]!).toLowerCase())
      return soft || solid ? prev.slice(0, -1) + next : prev + next
    }
    const a = end[1]!.toLowerCase()
    const b = start[1]!.toLowerCase()
    // "interpreter-" + "to-trace": a compound going on keeps its hyphen.
    const compound = next[start[1]!.length] === '-'
    const keep = !soft && (compound || (this.hyphenated.has(`${a}-${b}`) && !this.solid.has(a + b)))
    return keep ? prev + next : prev.slice(0, -1) + next
  }
}

// ---------------------------------------------------------------------------
// Lines to blocks

const BULLET = /^(?:[•●○◦▪▫■□‣∙·*–—-]|\(?\d{1,3}[.)]|\(?[a-z][.)]|\[\d{1,3}\])\s/u
const SENTENCE_END = /[.!?:;"”’)\]]$/

interface Paragraph {
  kind: BlockKind
  text: string
  page: number
  last: Line
  first: Line
}

export interface LayoutResult {
  builder: TextBuilder
  /** Headings in reading order, with their page (for a title). */
  headings: { text: string; page: number; size: number }[]
  rtl: boolean
  /** Lines left out because their font maps glyphs to no characters. */
  unreadableLines: number
}

export function layoutPages(pageTexts: PdfPageText[]): LayoutResult {
  const unreadable = { n: 0 }
  const pages = pageTexts.map((p) => itemsToLines(p, unreadable))
  const heights = pageTexts.map((p) => p.height)
  const running = runningLines(pages, heights)
  const kept = pages.map((lines) => lines.filter((l) => !running.has(l)))
  const all = kept.flat()
  const body = bodySize(all)
  const leading = leadings(kept)
  const vocab = new Vocabulary(all)
  const builder = new TextBuilder()
  const headings: LayoutResult['headings'] = []

  const headingKind = (l: Line): BlockKind | null => {
    if (l.text.length > 200 || !/\p{L}/u.test(l.text)) return null
    const r = l.size / body
    return r >= 1.6 ? 'h1' : r >= 1.35 ? 'h2' : r >= 1.18 ? 'h3' : null
  }
  const lineSpacing = (size: number) => leading.get(round(size)) ?? size * 1.25

  for (const lines of kept) {
    // The right edge of the column each line is in: the furthest any line
    // starting near the same left edge reaches.
    const rightEdge = lines.map((l) => {
      let r = l.x1
      for (const o of lines) if (Math.abs(o.x0 - l.x0) < 3 * l.size && Math.abs(o.size - l.size) < 0.5) r = Math.max(r, o.x1)
      return r
    })
    let para: Paragraph | null = null
    const emit = () => {
      if (!para) return
      builder.add(para.kind, para.text, para.page)
      if (para.kind.startsWith('h')) headings.push({ text: para.text, page: para.page, size: para.first.size })
      para = null
    }
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!
      const heading = headingKind(l)
      const bullet = !heading && BULLET.test(l.text)
      const kind: BlockKind = heading ?? (bullet ? 'li' : 'p')
      if (para && continues(para as Paragraph, l, lines[i + 1], rightEdge[i - 1] ?? l.x1, heading, bullet, lineSpacing)) {
        const p = para as Paragraph
        p.text = vocab.joinHyphenated(p.text, l.text) ?? `${p.text} ${l.text}`
        p.last = l
        continue
      }
      emit()
      para = { kind, text: l.text, page: l.page, first: l, last: l }
    }
    emit()
  }
  const rtlChars = all.reduce((n, l) => n + l.rtlChars, 0)
  const chars = all.reduce((n, l) => n + l.chars, 0)
  return { builder, headings, rtl: chars > 0 && rtlChars / chars > 0.5, unreadableLines: unreadable.n }
}

/** Whether line `l` goes on the paragraph `p` (whose last line is `p.last`). */
function continues(
  p: Paragraph,
  l: Line,
  next: Line | undefined,
  prevRight: number,
  heading: BlockKind | null,
  bullet: boolean,
  lineSpacing: (size: number) => number
): boolean {
  const prev = p.last
  const em = Math.max(prev.size, l.size)
  const sameSize = Math.abs(prev.size - l.size) <= 0.12 * em
  if (bullet) return false
  if (heading || p.kind.startsWith('h')) {
    // A heading goes on over lines of the same size set closely together.
    return heading === p.kind && sameSize && prev.y - l.y > 0 && prev.y - l.y < 1.6 * l.size
  }
  if (!sameSize) return false
  const gap = prev.y - l.y
  if (gap < -0.3 * em) {
    // Up the page: the next column. A sentence cut at the foot of a column
    // goes on at the head of the next, unless that line is indented.
    const nextColumn = l.x0 > prev.x0 + 5 * em
    return nextColumn && !SENTENCE_END.test(prev.text) && p.kind === 'p'
  }
  if (gap > lineSpacing(l.size) * 1.3 + 0.1 * em) return false // a blank line's worth of space
  if (l.x0 > prev.x1 + em) return false // beside it, not below: another column
  // First-line indent: this line starts right of the previous one and the
  // line after it comes back (a hanging indent stays indented instead).
  const indent = l.x0 - prev.x0
  if (indent > 0.8 * em && indent < 8 * em) {
    const back = !next || Math.abs(next.x0 - prev.x0) < 0.5 * em || next.x0 < l.x0 - 0.5 * em
    const hanging = p.kind === 'li' && Math.abs(indent) < 4 * em
    if (back && !hanging) return false
  }
  // A previous line that ends a sentence well short of the column's edge
  // ends its paragraph.
  if (SENTENCE_END.test(prev.text) && prev.x1 < prevRight - 3 * em) return false
  // A line shorter than 60% of the column followed by a capital is a run-in
  // heading or a paragraph's end ("Abstract" / "User acceptance of ...").
  if (prev.x1 - prev.x0 < 0.6 * (prevRight - prev.x0) && /^\p{Lu}/u.test(l.text) && prevRight - prev.x0 > 20 * em) return false
  return true
}
