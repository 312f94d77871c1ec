// Hyphenated line breaks in PDF text: "informa-" + "tion" is joined as
// "information", "run-" + "time" keeps its hyphen when the document writes
// "run-time" elsewhere and never "runtime". Pure, tested without pdf.js.
//
// Trade-off: the decision rests on the document's own vocabulary rather than
// a dictionary: no word lists to ship for every language, but a compound the
// document uses only once at a line break loses its hyphen.
import type { Line } from './pdfLines'

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
  private words: { hyphenated: Set<string>; solid: Set<string> } | null = null

  /** The words are collected on the first hyphen at a line break: a document without one never pays for them. */
  constructor(private readonly lines: Line[]) {}

  private get hyphenated(): Set<string> {
    return (this.words ??= this.collect()).hyphenated
  }

  private get solid(): Set<string> {
    return (this.words ??= this.collect()).solid
  }

  private collect(): { hyphenated: Set<string>; solid: Set<string> } {
    const hyphenated = new Set<string>()
    const solid = new Set<string>()
    for (const l of this.lines) {
      // The last word of a line may be broken: only inner words count.
      const words = l.text.match(WORD)
      if (!words) continue
      for (let i = 0; i < words.length - 1; i++) {
        const w = words[i]!
        ;(w.includes('-') ? hyphenated : solid).add(w.toLowerCase())
      }
    }
    return { hyphenated, solid }
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
