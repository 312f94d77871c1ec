// The suggestion engine against the hand-labelled gold set
// (test/fixtures/suggest/gold.txt): every gold span matches the app's own
// canonical text, and precision/recall/F1 per coarse type, with exact
// boundaries and with overlap, on the dev part (the rules were tuned on it)
// and the held-out part (never tuned on). The target on held-out
// news text is exact-boundary coarse-typed F1 >= 0.85; the assertions hold
// the engine to what it measured when this was written (minus a small margin),
// so a change that makes it worse fails here.
import { beforeAll, describe, expect, it } from 'vitest'
import { suggestEntities } from '../../src-main/core/suggest/suggest'
import {
  DEV_DOCS,
  formatTable,
  goldText,
  HELD_OUT_DOCS,
  newTable,
  predicted,
  prf,
  readGold,
  score,
  type GoldSpan,
  type Table
} from '../support/suggestGold'

// Measured (exact-boundary F1, all types). Session 6: dev 0.93, old held-out (citylab-1, aclu, cnn) 0.81.
// Session 7 tuned on that held-out part's errors (0.91 after) and labelled a fresh one, where the
// engine measures 0.68 (0.65 before that tuning): the 0.81 did not carry over to unseen pages.
const MEASURED = { dev: 0.92, heldOut: 0.68 }
const MARGIN = 0.02

describe('suggestion gold set', () => {
  const gold = readGold()
  const texts = new Map<string, { text: string; lang: string | null }>()

  beforeAll(() => {
    for (const d of [...DEV_DOCS, ...HELD_OUT_DOCS]) texts.set(d, goldText(d))
  })

  it('has every document, and every span matches the canonical text at its offsets', () => {
    expect([...gold.keys()].sort()).toEqual([...DEV_DOCS, ...HELD_OUT_DOCS].sort())
    let n = 0
    for (const [doc, spans] of gold) {
      const { text } = texts.get(doc)!
      let lastEnd = 0
      for (const s of spans) {
        expect(text.slice(s.start, s.end), `${doc} ${s.start}-${s.end}`).toBe(s.text)
        // Sorted, never overlapping, trimmed, no leading "the", no possessive.
        expect(s.start).toBeGreaterThanOrEqual(lastEnd)
        expect(s.text).toBe(s.text.trim())
        expect(s.text).not.toMatch(/^the\s|['’]s$/)
        lastEnd = s.end
        n++
      }
    }
    expect(n).toBeGreaterThan(300)
  })

  function evaluate(docs: readonly string[]): Table {
    const t = newTable()
    for (const d of docs) {
      const { text, lang } = texts.get(d)!
      score(t, gold.get(d)! as GoldSpan[], predicted(suggestEntities(text, { lang })))
    }
    return t
  }

  it('scores on the dev part (tuned on)', () => {
    const t = evaluate(DEV_DOCS)
    console.log(formatTable(`dev (${DEV_DOCS.join(', ')})`, t))
    expect(prf(t.ALL.exact).f1).toBeGreaterThanOrEqual(MEASURED.dev - MARGIN)
  })

  it('scores on the held-out part (never tuned on)', () => {
    const t = evaluate(HELD_OUT_DOCS)
    console.log(formatTable(`held-out (${HELD_OUT_DOCS.join(', ')})`, t))
    const exact = prf(t.ALL.exact).f1
    console.log(`held-out exact-boundary coarse-typed F1 = ${exact.toFixed(3)} (issue target 0.85: ${exact >= 0.85 ? 'reached' : 'NOT reached'})`)
    expect(exact).toBeGreaterThanOrEqual(MEASURED.heldOut - MARGIN)
    expect(prf(t.ALL.overlap).f1).toBeGreaterThanOrEqual(exact)
  })
})

describe('scoring', () => {
  it('counts exact and overlap matches per type', () => {
    const t = newTable()
    const g: GoldSpan[] = [
      { start: 0, end: 8, type: 'ORG', text: 'Scale AI' },
      { start: 20, end: 28, type: 'ORG', text: 'Pentagon' },
      { start: 40, end: 45, type: 'PERSON', text: 'Trump' }
    ]
    const p: GoldSpan[] = [
      { start: 0, end: 8, type: 'ORG', text: 'Scale AI' },
      { start: 16, end: 28, type: 'ORG', text: 'the Pentagon' },
      { start: 40, end: 45, type: 'ORG', text: 'Trump' }
    ]
    score(t, g, p)
    expect(t.ALL.exact).toEqual({ tp: 1, fp: 2, fn: 2 })
    expect(t.ALL.overlap).toEqual({ tp: 2, fp: 1, fn: 1 })
    expect(t.PERSON.exact).toEqual({ tp: 0, fp: 0, fn: 1 })
    expect(prf(t.ORG.exact)).toEqual({ p: 1 / 3, r: 1 / 2, f1: 0.4 })
  })
})
