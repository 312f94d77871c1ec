// Span anchors: offsets + quote + context over a canonical text in UTF-16
// code units, with emoji (surrogate pairs), CJK and right-to-left scripts.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Block } from '../../src-main/contract/types'
import {
  blockIndexAt,
  checkSpan,
  CONTEXT_CHARS,
  makeAnchor,
  sentenceAround,
  splitsSurrogate,
  trimSpan,
  verifyAnchor
} from '../../src-main/core/anchor/anchor'
import { parsePlainText } from '../../src-main/core/import/plainText'
import { SEEDS_DIR } from '../support/tempDir'
import { rng } from '../support/rng'

const MIXED =
  'Scale AI 😀 signed with the 国防部 (国防部 = Department of Defense) 👩‍👩‍👧 today. ' +
  'وزارة الدفاع الأمريكية وقعت العقد. ' +
  'משרד ההגנה חתם על החוזה. ' +
  'Flags 🇺🇸🇬🇧 and math 𝒳 and é/ñ.'

/** Span of the n-th occurrence of `needle` in `text`. */
function spanOf(text: string, needle: string, nth = 0): { start: number; end: number } {
  let at = -1
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1)
    if (at < 0) throw new Error(`"${needle}" #${nth} not in text`)
  }
  return { start: at, end: at + needle.length }
}

/** Independent definition: offset falls between a high and a low surrogate. */
const insidePair = (text: string, offset: number) =>
  offset > 0 && offset < text.length && (text.codePointAt(offset - 1) ?? 0) > 0xffff

/** Small deterministic PRNG (mulberry32) so failures reproduce. */
const PIECES = ['a', 'Z', ' ', '\n', '.', '😀', '👩‍👩‍👧', '🇺🇸', '𝒳', '国', '防', 'ع', 'ב', 'é', '\u00a0', '\u3000', 'Department', 'U.S.']
function randomText(r: () => number, maxPieces = 80): string {
  let s = ''
  const n = Math.floor(r() * maxPieces)
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(r() * PIECES.length)]
  return s
}

describe('makeAnchor / verifyAnchor', () => {
  it.each(['😀', '国防部', 'Department of Defense', '👩‍👩‍👧', 'وزارة الدفاع', 'משרד ההגנה', '🇺🇸🇬🇧', '𝒳', 'Scale AI'])(
    'round-trips "%s" in mixed-script text',
    (needle) => {
      const { start, end } = spanOf(MIXED, needle)
      expect(checkSpan(MIXED, start, end)).toBeNull()
      const a = makeAnchor(MIXED, start, end)
      expect(a).toMatchObject({ start, end, quote: needle })
      expect(verifyAnchor(MIXED, a)).toBe(true)
      expect(a.prefix.isWellFormed() && a.suffix.isWellFormed()).toBe(true)
      expect(MIXED.slice(start - a.prefix.length, end + a.suffix.length)).toBe(a.prefix + a.quote + a.suffix)
      // A JSON round trip (how anchors are stored) keeps them valid.
      expect(verifyAnchor(MIXED, JSON.parse(JSON.stringify(a)))).toBe(true)
    }
  )

  it('keeps up to CONTEXT_CHARS of context, fewer at the edges of the text', () => {
    const text = 'abcdefghijklmnopqrstuvwxyz'.repeat(4)
    const mid = makeAnchor(text, 50, 55)
    expect(mid.prefix).toBe(text.slice(50 - CONTEXT_CHARS, 50))
    expect(mid.suffix).toBe(text.slice(55, 55 + CONTEXT_CHARS))
    const head = makeAnchor(text, 0, 3)
    expect(head.prefix).toBe('')
    const tail = makeAnchor(text, text.length - 3, text.length)
    expect(tail.suffix).toBe('')
    expect(verifyAnchor(text, head) && verifyAnchor(text, tail) && verifyAnchor(text, mid)).toBe(true)
  })

  it('never splits a surrogate pair in prefix or suffix, whichever parity the context edge has', () => {
    for (const lead of ['', 'x']) {
      for (const trail of ['', 'y']) {
        const text = lead + '😀'.repeat(40) + 'TARGET' + trail + '😀'.repeat(40)
        const { start, end } = spanOf(text, 'TARGET')
        const a = makeAnchor(text, start, end)
        expect(a.prefix.isWellFormed(), `prefix ${lead}|${trail}`).toBe(true)
        expect(a.suffix.isWellFormed(), `suffix ${lead}|${trail}`).toBe(true)
        expect(a.prefix.length).toBeGreaterThanOrEqual(CONTEXT_CHARS)
        expect(a.prefix.length).toBeLessThanOrEqual(CONTEXT_CHARS + 1)
        expect(a.suffix.length).toBeGreaterThanOrEqual(CONTEXT_CHARS)
        expect(a.suffix.length).toBeLessThanOrEqual(CONTEXT_CHARS + 1)
        expect(verifyAnchor(text, a)).toBe(true)
      }
    }
  })

  it('fails to verify when the text under the quote or its context changed', () => {
    const text = 'The U.S. Department of Defense awarded Scale AI a contract.'
    const { start, end } = spanOf(text, 'Department of Defense')
    const a = makeAnchor(text, start, end)
    expect(verifyAnchor(text, a)).toBe(true)
    expect(verifyAnchor(text.replace('Defense', 'Defence'), a)).toBe(false) // quote
    expect(verifyAnchor(text.replace('U.S.', 'US.'), a)).toBe(false) // shifted
    expect(verifyAnchor(text.replace('The', 'A '), a)).toBe(false) // prefix, same length
    expect(verifyAnchor(text.replace('awarded', 'rewarded'), a)).toBe(false) // suffix
    expect(verifyAnchor(text.slice(0, end), a)).toBe(false) // truncated after the quote
    expect(verifyAnchor(text, { ...a, start: a.start + 1, end: a.end + 1 })).toBe(false)
  })

  it('property: every span checkSpan accepts anchors and verifies, with well-formed context', () => {
    const r = rng(0xc0ffee)
    let checked = 0
    for (let i = 0; i < 400; i++) {
      const text = randomText(r)
      for (let k = 0; k < 10; k++) {
        const s = Math.floor(r() * (text.length + 1))
        const e = s + Math.floor(r() * (text.length - s + 1))
        const problem = checkSpan(text, s, e)
        if (insidePair(text, s) || insidePair(text, e)) {
          expect(problem).toBe(e > s ? 'splits-character' : 'empty')
          continue
        }
        if (e <= s) {
          expect(problem).toBe('empty')
          continue
        }
        if (!text.slice(s, e).trim()) {
          expect(problem).toBe('whitespace-only')
          continue
        }
        expect(problem).toBeNull()
        const a = makeAnchor(text, s, e)
        expect(verifyAnchor(text, a)).toBe(true)
        expect(a.quote.isWellFormed() && a.prefix.isWellFormed() && a.suffix.isWellFormed()).toBe(true)
        expect(a.prefix.length).toBe(Math.min(s, CONTEXT_CHARS) + (insidePair(text, s - CONTEXT_CHARS) ? 1 : 0))
        expect(a.suffix.length).toBe(Math.min(text.length - e, CONTEXT_CHARS) + (insidePair(text, e + CONTEXT_CHARS) ? 1 : 0))
        checked++
      }
    }
    expect(checked).toBeGreaterThan(500)
  })
})

describe('nested and overlapping spans (the seed article)', () => {
  const file = readdirSync(SEEDS_DIR).find((f) => f.endsWith('.txt'))!
  const text = readFileSync(join(SEEDS_DIR, file), 'utf8')

  it('anchors "Department of Defense" inside "U.S. Department of Defense", both verify', () => {
    const outer = spanOf(text, 'U.S. Department of Defense')
    const inner = { start: outer.start + 'U.S. '.length, end: outer.end }
    expect(text.slice(inner.start, inner.end)).toBe('Department of Defense')
    const a = makeAnchor(text, outer.start, outer.end)
    const b = makeAnchor(text, inner.start, inner.end)
    expect(verifyAnchor(text, a) && verifyAnchor(text, b)).toBe(true)
    expect(b.prefix.endsWith('U.S. ')).toBe(true)
    // Partly overlapping spans verify too.
    const c = makeAnchor(text, inner.start, inner.start + 'Department'.length)
    const d = makeAnchor(text, inner.start + 'Department of '.length, outer.end + ' awarded'.length)
    expect(text.slice(d.start, d.end)).toBe('Defense awarded') // first bullet: "... Department of Defense awarded Scale AI ..." 
    expect(verifyAnchor(text, c) && verifyAnchor(text, d)).toBe(true)
  })

  it('anchors every occurrence of a repeated phrase at its own place', () => {
    const anchors: ReturnType<typeof makeAnchor>[] = []
    for (let at = text.indexOf('Scale AI'); at >= 0; at = text.indexOf('Scale AI', at + 1)) anchors.push(makeAnchor(text, at, at + 8))
    expect(anchors.length).toBeGreaterThan(5)
    for (const a of anchors) expect(verifyAnchor(text, a)).toBe(true)
    // Another occurrence's anchor does not verify at this one's offsets.
    expect(verifyAnchor(text, { ...anchors[1]!, start: anchors[0]!.start, end: anchors[0]!.end })).toBe(false)
  })
})

describe('checkSpan', () => {
  const text = 'ab😀cd 国 \u00a0\u3000 עב'
  const emoji = text.indexOf('😀')

  it('refuses spans that split a surrogate pair', () => {
    expect(splitsSurrogate(text, emoji + 1)).toBe(true)
    expect(splitsSurrogate(text, emoji)).toBe(false)
    expect(splitsSurrogate(text, emoji + 2)).toBe(false)
    expect(checkSpan(text, emoji + 1, emoji + 3)).toBe('splits-character')
    expect(checkSpan(text, 0, emoji + 1)).toBe('splits-character')
    expect(checkSpan(text, emoji, emoji + 2)).toBeNull()
    // A lone surrogate at either end of the text is not "split".
    expect(splitsSurrogate('\ud83d', 0)).toBe(false)
    expect(splitsSurrogate('\ud83d', 1)).toBe(false)
  })

  it('refuses out-of-range and non-integer offsets', () => {
    for (const [s, e] of [
      [-1, 2],
      [0, text.length + 1],
      [text.length + 1, text.length + 2],
      [Number.NaN, 2],
      [0, Number.NaN],
      [0.5, 2],
      [0, 1.5],
      [0, Number.POSITIVE_INFINITY],
      [Number.NEGATIVE_INFINITY, 1]
    ]) {
      expect(checkSpan(text, s!, e!), `${s}..${e}`).toBe('out-of-range')
    }
    expect(checkSpan(text, 0, text.length)).toBeNull()
  })

  it('refuses empty and whitespace-only spans', () => {
    expect(checkSpan(text, 2, 2)).toBe('empty')
    expect(checkSpan(text, 3, 2)).toBe('empty')
    const ws = spanOf(text, ' \u00a0\u3000 ')
    expect(checkSpan(text, ws.start, ws.end)).toBe('whitespace-only')
    expect(checkSpan('a\n\n\tb', 1, 4)).toBe('whitespace-only')
    expect(checkSpan(text, ws.start - 1, ws.end)).toBeNull() // includes 国
  })
})

describe('trimSpan', () => {
  it('trims whitespace a selection caught at either end, and only that', () => {
    const text = 'The  U.S. Department\u00a0of Defense \n\nnext'
    const s = text.indexOf(' U.S.')
    const e = text.indexOf('next')
    expect(trimSpan(text, s - 1, e)).toEqual({ start: text.indexOf('U.S.'), end: text.indexOf(' \n\n') })
    const inner = spanOf(text, 'Department\u00a0of')
    expect(trimSpan(text, inner.start, inner.end)).toEqual(inner)
    expect(trimSpan('x\u3000国\u3000y', 1, 4)).toEqual({ start: 2, end: 3 })
    // Whitespace only: collapses to an empty span inside the original one.
    const blank = trimSpan('a   b', 1, 4)
    expect(blank.start).toBe(blank.end)
    expect(blank.start).toBeGreaterThanOrEqual(1)
    expect(blank.end).toBeLessThanOrEqual(4)
  })

  it('never leaves a surrogate half at the edge of a span checkSpan accepted', () => {
    const text = ' 😀 x 😀 '
    const t = trimSpan(text, 0, text.length)
    expect(text.slice(t.start, t.end)).toBe('😀 x 😀')
    expect(checkSpan(text, t.start, t.end)).toBeNull()
  })
})

describe('blockIndexAt', () => {
  const blocks: Block[] = [
    { start: 0, end: 5, kind: 'h1' },
    { start: 7, end: 12, kind: 'p' },
    { start: 14, end: 20, kind: 'p' },
    { start: 20, end: 25, kind: 'li' }
  ]

  it('finds the block holding an offset, -1 in gaps and outside', () => {
    const expected: Record<number, number> = { [-1]: -1, 0: 0, 4: 0, 5: -1, 6: -1, 7: 1, 11: 1, 12: -1, 13: -1, 14: 2, 19: 2, 20: 3, 24: 3, 25: -1, 100: -1 }
    for (const [offset, index] of Object.entries(expected)) expect(blockIndexAt(blocks, Number(offset)), `offset ${offset}`).toBe(index)
    expect(blockIndexAt([], 0)).toBe(-1)
    expect(blockIndexAt([{ start: 3, end: 4, kind: 'p' }], 3)).toBe(0)
  })

  it('property: agrees with a linear scan on random sorted blocks', () => {
    const r = rng(42)
    for (let i = 0; i < 300; i++) {
      const bs: Block[] = []
      let at = Math.floor(r() * 3)
      const count = Math.floor(r() * 60)
      for (let k = 0; k < count; k++) {
        const len = 1 + Math.floor(r() * 8)
        bs.push({ start: at, end: at + len, kind: 'p' })
        at += len + Math.floor(r() * 3) // gaps of 0, 1 or 2
      }
      for (let offset = -2; offset <= at + 2; offset++) {
        const linear = bs.findIndex((b) => b.start <= offset && offset < b.end)
        expect(blockIndexAt(bs, offset)).toBe(linear)
      }
    }
  })
})

describe('sentenceAround', () => {
  const file = readdirSync(SEEDS_DIR).find((f) => f.endsWith('.txt'))!
  const seed = parsePlainText(readFileSync(join(SEEDS_DIR, file), 'utf8'))

  /** sentenceAround for a needle, plus a check that offset points at it. */
  function around(doc: { text: string; blocks: Block[] }, needle: string, nth = 0) {
    const { start, end } = spanOf(doc.text, needle, nth)
    const got = sentenceAround(doc.text, doc.blocks, start, end)
    expect(got.sentence.slice(got.offset, got.offset + needle.length)).toBe(needle)
    return got.sentence
  }

  it('returns the whole sentence, not cut at "U.S." or other abbreviations', () => {
    const first =
      'NextFin News - The U.S. Department of Defense has awarded Scale AI a $500 million contract to expand its data-labeling and model-evaluation services across the military’s classified networks, marking a five-fold increase from the company’s previous $100 million agreement signed in late 2025.'
    expect(around(seed, 'Department of Defense', 1)).toBe(first)
    expect(around(seed, 'U.S. Department of Defense', 1)).toBe(first)
    expect(around(seed, 'five-fold')).toBe(first)
    const doc = parsePlainText('Mr. Smith met Dr. Jones and Morris W. Travers at 3 p.m. Tuesday in the U.K. capital. Then they left.\n')
    expect(around(doc, 'Travers')).toBe('Mr. Smith met Dr. Jones and Morris W. Travers at 3 p.m. Tuesday in the U.K. capital.')
    expect(around(doc, 'left')).toBe('Then they left.')
  })

  it('returns the sentence holding the span within its block', () => {
    expect(around(seed, 'Marcus Thorne')).toBe(
      '"The Pentagon is effectively picking winners in the AI arms race by granting deep access to classified data pools," said Marcus Thorne, a senior defense analyst at the Global Security Institute.'
    )
    expect(around(seed, 'His view')).toBe(
      'His view is currently a minority one within the defense establishment, which largely favors the speed of commercial integration over traditional slow-moving government programs.'
    )
    // A one-line block: the sentence is the block, never the neighbouring block.
    expect(around(seed, 'NextFin', 0)).toBe('NextFin')
    expect(around(seed, 'Insights')).toBe('Insights')
  })

  it('spans that cross sentences return all of them', () => {
    const doc = parsePlainText('One sentence here. Two sentence there. Three.\n')
    expect(around(doc, 'here. Two')).toBe('One sentence here. Two sentence there.')
  })

  it('works for CJK, Arabic and Hebrew sentences', () => {
    const doc = parsePlainText('谷歌收购了DeepMind。它开发出一款计算机。最后一句！\n\nهذه جملة أولى. وزارة الدفاع وقعت العقد. النهاية.\n\nמשפט ראשון. משרד ההגנה חתם על החוזה. סוף.\n')
    expect(around(doc, '计算机')).toBe('它开发出一款计算机。')
    expect(around(doc, 'وزارة الدفاع')).toBe('وزارة الدفاع وقعت العقد.')
    expect(around(doc, 'משרד ההגנה')).toBe('משרד ההגנה חתם על החוזה.')
  })

  it('handles a span outside every block without splitting characters', () => {
    const text = '😀'.repeat(100) + ' gap words ' + '😀'.repeat(100)
    const blocks: Block[] = [] // nothing is a block
    const { start, end } = spanOf(text, 'gap')
    for (const shift of [0, 1]) {
      const got = sentenceAround(text, blocks, start + shift, end + shift)
      expect(got.sentence.isWellFormed()).toBe(true)
      expect(got.sentence.slice(got.offset, got.offset + 3)).toBe(text.slice(start + shift, end + shift))
    }
  })
})
