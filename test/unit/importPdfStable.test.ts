// The canonical text of a PDF never changes between versions: tags are
// anchored by offsets into it, so a re-import of the same file (or a faster
// layout, issue #15) must give the same text and blocks to the character.
// The hashes were taken from the import before the layout was sped up; a
// change that moves one character anywhere in the corpus fails here.
// Also: the hand-written character tests the layout's hot loops use instead
// of regular expressions agree with them on every UTF-16 unit.
import { createHash } from 'node:crypto'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readForImport } from '../../src-main/core/import/importFile'
import { parseIsolated } from '../../src-main/core/import/isolated'
import { isSpace, readable, visibleLength } from '../../src-main/core/import/pdfLines'
import { SHARED } from '../support/tempDir'

const CORPUS = join(SHARED, 'corpus', 'pdf')
const h = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 16)

const PINNED: Record<string, { text: string; blocks: string; title: string }> = {
  '160F-2019.pdf': { text: '6ad12f5f9ba2535f', blocks: '11916f8c7a74b1b8', title: "Certificat de salaire, de retenue d'impôt et de crédits d'impôt bonifiés 2019 1)" },
  'TAMReview.pdf': { text: 'a40faf1f53276775', blocks: '048876b550c61f5d', title: "Overview of the Technology Acceptance Model: Origins, Developments and Future Directions" },
  'alphatrans.pdf': { text: '37456d5f4916c3e9', blocks: '2d14a880d56a998e', title: "Alpha Transparency Test" },
  'arial_unicode_en_cidfont.pdf': { text: 'e0f582bad8a1be29', blocks: '24712ec73cea1020', title: "arial_unicode_en_cidfont" },
  'sizes.pdf': { text: '8b13f4284bd5f276', blocks: '6a91bf22e9890e59', title: "sizes" },
  'tracemonkey.pdf': { text: '81fc87034e0e5b85', blocks: 'e3866ae7ba4b2c26', title: "Trace-based Just-in-Time Type Specialization for Dynamic Languages" },
}

describe('PDF import gives the same canonical text as before', { timeout: 120_000 }, () => {
  it('pins every corpus PDF (text, blocks with pages, title)', async () => {
    const names = readdirSync(CORPUS).filter((f) => f.endsWith('.pdf')).sort()
    expect(names).toEqual(Object.keys(PINNED).sort())
    for (const name of names) {
      const d = await parseIsolated(readForImport(join(CORPUS, name)))
      expect({ text: h(d.text), blocks: h(JSON.stringify(d.blocks)), title: d.title }, name).toEqual(PINNED[name])
    }
  })
})

describe('the layout character tests', () => {
  it('isSpace is /\\s/ and visibleLength is the length without /\\s/, for every UTF-16 unit', () => {
    const all: string[] = []
    const disagree: string[] = []
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c)
      if (isSpace(c) !== /\s/.test(ch)) disagree.push(c.toString(16))
      all.push(ch)
    }
    expect(disagree).toEqual([])
    const s = all.join('')
    expect(visibleLength(s)).toBe(s.replace(/\s/g, '').length)
  })

  it('readable keeps its old rule: a line mostly of unmapped glyphs is dropped, counted by characters, not units', () => {
    expect(readable('\u0001\u0002\u0003 ab')).toBeNull() // 3 bad of 5 visible
    expect(readable('\u0001 abcdefg')).toBe('abcdefg') // 1 bad of 8: kept, the control character a space
    // Astral letters count once each (a surrogate pair is one character): 2 bad of 5 visible is > 0.3.
    expect(readable('\ue000\ue001 \u{1d400}\u{1d401}\u{1d402}')).toBeNull()
    // Counted by UTF-16 units that line would be 2 of 8 and kept; six such letters are 2 of 8: kept.
    expect(readable('\ue000\ue001 \u{1d400}\u{1d401}\u{1d402}\u{1d403}\u{1d404}\u{1d405}')).toBe('\u{1d400}\u{1d401}\u{1d402}\u{1d403}\u{1d404}\u{1d405}')
    expect(readable('  na\u00a8\u0131ve\u00a0 text  ')).toBe('naïve text')
  })
})
