// From pdf.js text items to readable blocks: pdfLines.ts makes the lines
// and finds running headers, footers and page numbers; here lines become
// paragraphs by their geometry (vertical gaps against the usual line spacing,
// font size changes, first-line indentation, short last lines, column
// breaks), hyphenated line breaks are joined (pdfHyphens.ts), and text in a
// clearly larger font becomes headings. Pure functions over plain data, so
// they are tested without pdf.js.
//
// Trade-off: headings are told by font size against the body size only (font
// names and weights are not read), so a bold heading set in the body size
// stays a paragraph.
import type { BlockKind } from '../../contract/types'
import { Vocabulary } from './pdfHyphens'
import { itemsToLines, round, runningLines, type Line, type PdfPageText } from './pdfLines'
import { TextBuilder } from './textBuilder'

export { Vocabulary } from './pdfHyphens'
export { itemsToLines, readable, runningLines, type Line, type PdfPageText, type PdfTextItem } from './pdfLines'

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
    const rightEdge = rightEdges(lines)
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

/**
 * The right edge of the column each line is in: the furthest any line
 * starting near the same left edge (within 3 ems, same font size) reaches.
 * Quadratic in the lines of a page, so over flat arrays rather than the line
 * objects (the same comparisons, in the same order).
 */
export function rightEdges(lines: Line[]): number[] {
  const n = lines.length
  const x0 = new Float64Array(n)
  const x1 = new Float64Array(n)
  const size = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    x0[i] = lines[i]!.x0
    x1[i] = lines[i]!.x1
    size[i] = lines[i]!.size
  }
  const out = new Array<number>(n)
  for (let i = 0; i < n; i++) {
    const reach = 3 * size[i]!
    let r = x1[i]!
    for (let j = 0; j < n; j++) if (Math.abs(x0[j]! - x0[i]!) < reach && Math.abs(size[j]! - size[i]!) < 0.5) r = Math.max(r, x1[j]!)
    out[i] = r
  }
  return out
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
