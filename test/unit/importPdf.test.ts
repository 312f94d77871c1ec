// PDF import: the real PDFs of the shared corpus (pdf.js's test files),
// generated PDFs whose every line is known, hostile and broken files, and
// the layout rules (paragraphs, hyphenation, headings) on their own.
// Files go through parseIsolated, the path the app takes: the import worker.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Block } from '../../src-main/contract/types'
import { isCoreError } from '../../src-main/core/app/errors'
import { readForImport, type ImportedDocument } from '../../src-main/core/import/importFile'
import { parseIsolated } from '../../src-main/core/import/isolated'
import { NO_TEXT_RECOGNISED } from '../../src-main/core/import/pdf'
import { layoutPages, readable, Vocabulary, type Line, type PdfTextItem } from '../../src-main/core/import/pdfLayout'
import { makePdf } from '../fixtures/makeFiles'
import { REPO_ROOT, SHARED, tempDir } from '../support/tempDir'

const CORPUS = join(SHARED, 'corpus', 'pdf')
const FIXTURES = join(REPO_ROOT, 'test', 'fixtures')

let t: ReturnType<typeof tempDir>
beforeAll(() => (t = tempDir('rwb-pdf-')))
afterAll(() => t.cleanup())

const importPath = (path: string) => parseIsolated(readForImport(path))

let n = 0
async function importBytes(bytes: Uint8Array, name = `doc-${++n}.pdf`): Promise<ImportedDocument> {
  const path = join(t.dir, name)
  writeFileSync(path, bytes)
  return importPath(path)
}

async function importError(bytes: Uint8Array, name?: string): Promise<Error & { code: string }> {
  const started = performance.now()
  try {
    await importBytes(bytes, name)
  } catch (e) {
    expect(isCoreError(e), `a CoreError, not ${String(e)}`).toBe(true)
    expect(performance.now() - started).toBeLessThan(20_000)
    return e as Error & { code: string }
  }
  throw new Error('the import did not fail')
}

const slices = (d: { text: string; blocks: Block[] }) => d.blocks.map((b) => d.text.slice(b.start, b.end))
/** The block holding `s`, and its text. */
function blockWith(d: ImportedDocument, s: string): Block & { text: string } {
  const b = d.blocks.find((x) => d.text.slice(x.start, x.end).includes(s))
  expect(b, `a block holding “${s}”`).toBeDefined()
  return { ...b!, text: d.text.slice(b!.start, b!.end) }
}

/** The invariants of every imported PDF: NFC text, no control characters, ordered blocks with pages. */
function expectWellFormedPdf(d: ImportedDocument): void {
  expect(d.text === d.text.normalize('NFC')).toBe(true)
  expect(d.text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffd]/)
  expect(d.pages).toBeGreaterThan(0)
  let prevEnd = 0
  let prevPage = 1
  for (const b of d.blocks) {
    expect(b.start).toBeGreaterThanOrEqual(prevEnd)
    expect(b.end).toBeGreaterThan(b.start)
    const s = d.text.slice(b.start, b.end)
    expect(s).toBe(s.trim())
    expect(d.text.slice(prevEnd, b.start).trim()).toBe('')
    expect(Number.isInteger(b.page)).toBe(true)
    expect(b.page!).toBeGreaterThanOrEqual(prevPage)
    expect(b.page!).toBeLessThanOrEqual(d.pages!)
    prevEnd = b.end
    prevPage = b.page!
  }
  expect(d.text.slice(prevEnd).trim()).toBe('')
}

describe('PDF import: the corpus (../shared/corpus/pdf)', () => {
  const PAGES: Record<string, number> = {
    '160F-2019.pdf': 1,
    'TAMReview.pdf': 23,
    'alphatrans.pdf': 1,
    'arial_unicode_en_cidfont.pdf': 1,
    'sizes.pdf': 3,
    'tracemonkey.pdf': 14
  }
  const docs = new Map<string, ImportedDocument>()
  beforeAll(async () => {
    for (const f of readdirSync(CORPUS).filter((f) => f.endsWith('.pdf'))) docs.set(f, await importPath(join(CORPUS, f)))
  }, 120_000)

  it('imports every PDF with its page count, and well-formed blocks each on a page', () => {
    expect([...docs.keys()].sort()).toEqual(Object.keys(PAGES).sort())
    for (const [f, d] of docs) {
      expect(d.pages, f).toBe(PAGES[f])
      expectWellFormedPdf(d)
      // Every page with text has blocks: the last block is on a late page.
      if (f !== 'TAMReview.pdf') expect(d.blocks.at(-1)!.page, f).toBe(PAGES[f])
    }
  })

  it('tracemonkey.pdf: sentences of page 1 and later pages, on their pages, hyphenated line breaks joined', () => {
    const d = docs.get('tracemonkey.pdf')!
    // Page 1, abstract: the PDF's lines are "... more difficult to com-" / "pile than statically typed ones."
    // and "... We present an al-" / "ternative compilation technique for dynamically-typed languages".
    const abstract = blockWith(d, 'Dynamic languages such as JavaScript are more difficult to compile than statically typed ones.')
    expect(abstract.page).toBe(1)
    expect(abstract.kind).toBe('p')
    expect(abstract.text).toContain('We present an alternative compilation technique for dynamically-typed languages')
    expect(abstract.text).toContain('and we have measured speedups of 10x and more for certain benchmark programs.')
    expect(d.text).not.toContain('com- pile')
    // Page 2, and "Trace-" / "Monkey" across a line: joined because the paper writes "TraceMonkey".
    const p2 = blockWith(d, 'We call the resulting tracing VM TraceMonkey. TraceMonkey supports all the JavaScript features of SpiderMonkey')
    expect(p2.page).toBe(2)
    expect(d.text).not.toContain('Trace-Monkey')
    // Page 4: a section's first sentence.
    expect(blockWith(d, 'A trace is simply a program path, which may cross function call boundaries.').page).toBe(4)
    // Page 14: the references are list items; a URL broken after "2008-" is joined as written.
    const ref = blockWith(d, '[1] LuaJIT roadmap 2008')
    expect(ref).toMatchObject({ page: 14, kind: 'li' })
    expect(ref.text).toBe('[1] LuaJIT roadmap 2008 - http://lua-users.org/lists/lua-l/2008-02/msg00051.html.')
    // TeX's spacing diaeresis over a dotless i becomes one letter.
    expect(d.text).toContain('In a naïve implementation, inner loops would become hot first')
  })

  it('tracemonkey.pdf: title from the largest heading (no Title in its info), date from the info dictionary, headings by font size', () => {
    const d = docs.get('tracemonkey.pdf')!
    expect(d.title).toBe('Trace-based Just-in-Time Type Specialization for Dynamic Languages')
    expect(d.blocks[0]).toMatchObject({ kind: 'h1', page: 1 })
    expect(slices(d)[0]).toBe(d.title)
    expect(d.publishedTime).toBe('2009-04-01T23:39:25.000Z')
    const headings = d.blocks.filter((b) => /^h/.test(b.kind)).map((b) => d.text.slice(b.start, b.end))
    expect(headings).toEqual(expect.arrayContaining(['Abstract', '1. Introduction', '3. Trace Trees', 'References']))
    expect(blockWith(d, '3. Trace Trees').page).toBe(4)
  })

  it('TAMReview.pdf: text of page 1; pages whose fonts map to no characters leave no control characters behind', () => {
    const d = docs.get('TAMReview.pdf')!
    expect(d.title).toBe('Overview of the Technology Acceptance Model: Origins, Developments and Future Directions')
    expect(d.byline).toBeNull() // the info dictionary says "ARRAY(0x2c7cf020)"
    const p = blockWith(d, 'User acceptance of technology has been an important field of study for over two decades now.')
    expect(p.page).toBe(1)
    expect(p.text).toMatch(/well established theory for the IS community\.$/)
    expect(blockWith(d, 'Abstract').kind).toBe('p')
  })

  it('arial_unicode_en_cidfont.pdf: a CID font read through the character maps shipped with pdf.js', () => {
    const d = docs.get('arial_unicode_en_cidfont.pdf')!
    expect(slices(d)).toEqual(['This is an Arial Unicode PDF from OpenOffice.'])
    expect(d.byline).toBe('Adil Allawi')
    expect(d.lang).toBe('en-GB')
  })

  it('sizes.pdf, alphatrans.pdf, 160F-2019.pdf: one block per page, info metadata, accented form text', () => {
    const sizes = docs.get('sizes.pdf')!
    expect(sizes.blocks.map((b) => [sizes.text.slice(b.start, b.end), b.page])).toEqual([
      ['Normal', 1],
      ['Envelope', 2],
      ['Landscape', 3]
    ])
    const alpha = docs.get('alphatrans.pdf')!
    expect(alpha.title).toBe('Alpha Transparency Test')
    expect(alpha.byline).toBe('Brendan Dahl')
    const form = docs.get('160F-2019.pdf')!
    expect(form.lang).toBe('FR')
    expect(form.title).toBe("Certificat de salaire, de retenue d'impôt et de crédits d'impôt bonifiés 2019 1)")
    expect(form.text).toContain('rémunérations brutes')
  })
})

describe('PDF import: generated PDFs', () => {
  const body = (y: number, texts: string[], x = 72, size = 11) => texts.map((text, i) => ({ text, x, y: y - i * 14, size }))

  it('joins lines into paragraphs, splits at blank space, joins hyphenated words, finds headings, numbers pages, leaves out page numbers', async () => {
    const pdf = makePdf({
      info: { Title: 'Field notes', Author: 'A. Analyst', CreationDate: "D:20200102030405+01'00'" },
      pages: [
        {
          lines: [
            { text: 'Findings of the review', x: 72, y: 720, size: 22 },
            ...body(680, ['The ministry published the informa-', 'tion on Tuesday, and officials said the', 'review would take several months.']),
            ...body(620, ['A second paragraph starts after a gap', 'and goes on for a second line.']),
            { text: '1', x: 300, y: 30, size: 9 }
          ]
        },
        {
          lines: [
            ...body(720, ['Page two holds a paragraph of its own', 'with two lines of text.']),
            { text: '2', x: 300, y: 30, size: 9 }
          ]
        }
      ]
    })
    const d = await importBytes(pdf)
    expect(d.pages).toBe(2)
    expect(d.blocks.map((b) => [b.kind, d.text.slice(b.start, b.end), b.page])).toEqual([
      ['h1', 'Findings of the review', 1],
      ['p', 'The ministry published the information on Tuesday, and officials said the review would take several months.', 1],
      ['p', 'A second paragraph starts after a gap and goes on for a second line.', 1],
      ['p', 'Page two holds a paragraph of its own with two lines of text.', 2]
    ])
    expect(d.title).toBe('Field notes')
    expect(d.byline).toBe('A. Analyst')
    expect(d.publishedTime).toBe('2020-01-02T02:04:05.000Z')
    expectWellFormedPdf(d)
  })

  it('starts a paragraph at a first-line indent, but not at a hanging indent', async () => {
    const d = await importBytes(
      makePdf({
        pages: [
          {
            lines: [
              ...body(700, ['This paragraph is set in ordinary justified', 'lines that run to the right margin.']),
              { text: 'An indented first line starts the next', x: 90, y: 672, size: 11 },
              ...body(658, ['paragraph, whose other lines come back.']),
              { text: '[1] A. Author. A reference whose second', x: 72, y: 630, size: 11 },
              { text: 'line hangs indented under the first.', x: 90, y: 616, size: 11 }
            ]
          }
        ]
      })
    )
    expect(slices(d)).toEqual([
      'This paragraph is set in ordinary justified lines that run to the right margin.',
      'An indented first line starts the next paragraph, whose other lines come back.',
      '[1] A. Author. A reference whose second line hangs indented under the first.'
    ])
  })

  it('says a PDF without a text layer, whose pages OCR finds no text on, looks scanned', async () => {
    // Two pages of flat grey: OCR runs (test/unit/importOcr.test.ts reads real scans) and finds nothing.
    const e = await importError(makePdf({ pages: [{ image: true }, { image: true }] }))
    expect(e.code).toBe('IMPORT_FAILED')
    expect(e.message).toBe(NO_TEXT_RECOGNISED)
    expect(e.message).toBe('this PDF has no text layer (it looks scanned), and OCR found no readable text on its pages')
  })

  it('says a password-protected PDF is encrypted, and reads one encrypted without a user password', async () => {
    const e = await importError(readFileSync(join(FIXTURES, 'encrypted-password.pdf')))
    expect(e.message).toMatch(/^this PDF is encrypted with a password/)
    const open = await importPath(join(FIXTURES, 'encrypted-no-user-password.pdf'))
    expect(slices(open)).toEqual(['This is an Arial Unicode PDF from OpenOffice.'])
  })
})

describe('PDF import: broken and hostile files', () => {
  it('random bytes named .pdf: "not a PDF"', async () => {
    const bytes = Uint8Array.from({ length: 50_000 }, (_, i) => (i * 7919 + (i >> 3) * 104729) & 0xff)
    const e = await importError(bytes)
    expect(e.message).toBe('not a PDF (corrupt or wrong format)')
    // Bytes after a PDF header are no better.
    const e2 = await importError(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(bytes)]))
    expect(e2.code).toBe('IMPORT_FAILED')
  })

  it('a truncated PDF gives the pages pdf.js can recover, or a plain reason', async () => {
    const whole = readFileSync(join(CORPUS, 'tracemonkey.pdf'))
    for (const cut of [0.1, 0.4, 0.9]) {
      const bytes = whole.subarray(0, Math.floor(whole.length * cut))
      try {
        const d = await importBytes(bytes)
        expectWellFormedPdf(d)
        expect(d.text.length).toBeGreaterThan(0)
      } catch (e) {
        expect(isCoreError(e), String(e)).toBe(true)
        expect((e as Error).message).toMatch(/PDF/)
      }
    }
    // A file of nothing but a header.
    expect((await importError(Buffer.from('%PDF-1.4\n'))).code).toBe('IMPORT_FAILED')
    expect((await importError(new Uint8Array(0))).code).toBe('IMPORT_FAILED')
  })
})

describe('PDF layout rules', () => {
  const line = (text: string, y = 0): Line => ({ page: 1, text, x0: 0, x1: 400, y, size: 10, rtlChars: 0, chars: text.length })

  it('joins a hyphenated line break, keeping the hyphen of compounds the document writes hyphenated', () => {
    const v = new Vocabulary([
      line('traces at run-time and then the run-time system'),
      line('TraceMonkey is the name we use for TraceMonkey here'),
      line('a trace-to-interpreter transition is costly')
    ])
    expect(v.joinHyphenated('the informa-', 'tion was')).toBe('the information was')
    expect(v.joinHyphenated('at run-', 'time we')).toBe('at run-time we')
    expect(v.joinHyphenated('called Trace-', 'Monkey.')).toBe('called TraceMonkey.')
    expect(v.joinHyphenated('the non-', 'US members')).toBe('the non-US members')
    expect(v.joinHyphenated('soft\u00ad', 'Ware')).toBe('softWare')
    expect(v.joinHyphenated('lua-l/2008-', '02/msg.html')).toBe('lua-l/2008-02/msg.html')
    expect(v.joinHyphenated('interpreter-', 'to-trace calls')).toBe('interpreter-to-trace calls')
    expect(v.joinHyphenated('a dash -', 'then words')).toBeNull()
    expect(v.joinHyphenated('no hyphen', 'here')).toBeNull()
    // A long paragraph so far: only its end is looked at, and all of it is kept.
    const long = `${'words of a long paragraph '.repeat(4000)}the informa-`
    expect(v.joinHyphenated(long, 'tion was')).toBe(`${long.slice(0, -1)}tion was`)
    expect(v.joinHyphenated(`${long.slice(0, -12)}at run-`, 'time we')).toBe(`${long.slice(0, -12)}at run-time we`)
  })

  it('cleans glyphs without characters and TeX accents; drops lines that are mostly unmapped glyphs', () => {
    expect(readable('Overview\u0002of\u0002the\u0002Model')).toBe('Overview of the Model')
    expect(readable('In a na\u00a8\u0131ve way, a r\u00b4esum\u00b4e')).toBe('In a naïve way, a résumé')
    expect(readable('\u0002\u0003\u0004\u0005\u0003\u0006\u0004\u0007\u0008')).toBeNull()
    expect(readable('\u0098\u0087\u0094 \u0098\u008b\u0087ab')).toBeNull()
  })

  it('lays out items: superscripts stay on their line, a larger font is a heading, running footers are dropped', () => {
    const item = (str: string, x: number, y: number, size = 10, hasEOL = false): PdfTextItem => ({ str, x, y, width: str.length * size * 0.5, size, hasEOL })
    const page = (p: number) => ({
      page: p,
      height: 800,
      items: [
        item('Results', 72, 700, 16, true),
        item('Alice Smith', 72, 670),
        item('1', 127, 674, 6),
        item(' and Bob Jones wrote this line', 130, 670, 10, true),
        item('and this one too.', 72, 658, 10, true),
        item('Confidential draft', 72, 20, 8, true),
        item(`${p}`, 400, 20, 8, true)
      ]
    })
    const out = layoutPages([page(1), page(2), page(3)])
    const text = out.builder.text
    const blocks = out.builder.blocks.map((b) => [b.kind, text.slice(b.start, b.end), b.page])
    expect(blocks.slice(0, 2)).toEqual([
      ['h1', 'Results', 1],
      ['p', 'Alice Smith1 and Bob Jones wrote this line and this one too.', 1]
    ])
    expect(blocks).toHaveLength(6)
    expect(text).not.toContain('Confidential draft')
    expect(out.headings.map((h) => h.text)).toEqual(['Results', 'Results', 'Results'])
  })
})
