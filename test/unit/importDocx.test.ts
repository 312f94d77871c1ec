// Word (.docx) import: mammoth's own test documents from the shared corpus,
// generated documents, and hostile archives (zip bombs honest and lying
// about their sizes, random bytes, old or encrypted Word files). Files go
// through parseIsolated, the path the app takes. Merged cells are built
// with the `docx` package, as Word writes them: a horizontal merge is one
// <w:tc> with <w:gridSpan>, a vertical one a <w:vMerge w:val="restart"> cell
// over <w:vMerge/> continuation cells, which mammoth turns into colspan and
// rowspan (dropping the continuation cells).
import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Block } from '../../src-main/contract/types'
import { isCoreError } from '../../src-main/core/app/errors'
import { firstLineTitle, NOT_WORD } from '../../src-main/core/import/docx'
import { readForImport, type ImportedDocument } from '../../src-main/core/import/importFile'
import { parseIsolated } from '../../src-main/core/import/isolated'
import { checkZip } from '../../src-main/core/import/zipGuard'
import { makeDocx, makeZip, para, zerosDeflated } from '../fixtures/makeFiles'
import { SHARED, tempDir } from '../support/tempDir'

const CORPUS = join(SHARED, 'corpus', 'docx')

let t: ReturnType<typeof tempDir>
beforeAll(() => (t = tempDir('rwb-docx-')))
afterAll(() => t.cleanup())

let n = 0
async function importBytes(bytes: Uint8Array, name = `doc-${++n}.docx`): Promise<ImportedDocument> {
  const path = join(t.dir, name)
  writeFileSync(path, bytes)
  return parseIsolated(readForImport(path))
}

async function importError(bytes: Uint8Array, name?: string): Promise<{ message: string; code: string; ms: number }> {
  const started = performance.now()
  try {
    await importBytes(bytes, name)
  } catch (e) {
    expect(isCoreError(e), `a CoreError, not ${String(e)}`).toBe(true)
    return { message: (e as Error).message, code: (e as { code: string }).code, ms: performance.now() - started }
  }
  throw new Error('the import did not fail')
}

const blocks = (d: { text: string; blocks: Block[] }) => d.blocks.map((b) => [b.kind, d.text.slice(b.start, b.end)])

describe('Word import: the corpus (../shared/corpus/docx)', () => {
  const docs = new Map<string, ImportedDocument | Error>()
  beforeAll(async () => {
    for (const f of readdirSync(CORPUS).filter((f) => f.endsWith('.docx'))) {
      docs.set(f, await parseIsolated(readForImport(join(CORPUS, f))).catch((e: Error) => e))
    }
  }, 60_000)
  const doc = (f: string) => {
    const d = docs.get(f)
    if (!(d && !(d instanceof Error))) throw new Error(`${f} did not import: ${String(d)}`)
    return d
  }

  it('imports every file but the empty one', () => {
    expect(docs.size).toBe(9)
    for (const [f, d] of docs) {
      if (f === 'empty.docx') continue
      expect(d instanceof Error ? d.message : 'ok', f).toBe('ok')
      const imported = d as ImportedDocument
      expect(imported.pages, f).toBeNull()
      expect(imported.blocks.every((b) => b.page === undefined), f).toBe(true)
    }
  })

  it('empty.docx: a plain "no readable text" failure', () => {
    const e = docs.get('empty.docx')
    expect(isCoreError(e)).toBe(true)
    expect((e as Error).message).toBe('the document has no readable text')
  })

  it('paragraphs, lists and tables (one table block: cells tab-separated, rows on lines)', () => {
    expect(blocks(doc('single-paragraph.docx'))).toEqual([['p', 'Walking on imported air']])
    expect(blocks(doc('simple-list.docx'))).toEqual([
      ['li', 'Apple'],
      ['li', 'Banana']
    ])
    expect(blocks(doc('tables.docx'))).toEqual([
      ['p', 'Above'],
      ['table', 'Top left\tTop right\nBottom left\tBottom right'],
      ['p', 'Below']
    ])
    expect(doc('tables.docx').text).toBe('Above\n\nTop left\tTop right\nBottom left\tBottom right\n\nBelow')
  })

  it('footnotes: markers stay in the text, the notes become paragraphs at the end', () => {
    expect(blocks(doc('footnotes.docx'))).toEqual([
      ['p', 'Ouch[1].[2]'],
      ['p', '[1] A tachyon walks into a bar.'],
      ['p', '[2] Fin.']
    ])
    expect(doc('footnotes.docx').text).not.toContain('↑')
  })

  it('comments are not text; text boxes, strict OOXML and a BOM in the XML are read', () => {
    expect(blocks(doc('comments.docx'))).toEqual([['p', 'Ouch.']])
    expect(blocks(doc('text-box.docx'))).toEqual([['p', 'Datum plane']])
    expect(blocks(doc('strict-format.docx'))).toEqual([['p', 'Test']])
    expect(blocks(doc('utf8-bom.docx'))).toEqual([['p', 'This XML has a byte order mark.']])
  })

  it('metadata from the core properties; the first short line when there is no title or heading', () => {
    const d = doc('tables.docx')
    // Neither a title property nor a heading: the first line, as Word proposes it, not the file name.
    expect(d.title).toBe('Above')
    expect(doc('utf8-bom.docx').title).toBe('This XML has a byte order mark.')
    expect(firstLineTitle('x'.repeat(101) + '\nShort')).toBeNull()
    expect(d.byline).toBe('Michael Williamson')
    expect(d.publishedTime).toBe('2014-07-05T18:21:00.000Z')
  })
})

describe('Word import: generated documents', () => {
  it('title from the core properties, headings by style, and no image or outside file is ever read', async () => {
    const d = await importBytes(
      makeDocx(
        [
          para('Contract awarded', 'Heading1'),
          para('The ministry confirmed the contract on Tuesday.'),
          '<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill><a:blip r:link="rIdImg"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>',
          para('Details', 'Heading2'),
          para('Payment follows the review.')
        ].join(''),
        {
          title: 'Field report',
          creator: 'A. Analyst',
          rels: `<Relationship Id="rIdImg" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="file:///${join(t.dir, 'secret.png')}" TargetMode="External"/>`
        }
      )
    )
    expect(blocks(d)).toEqual([
      ['h1', 'Contract awarded'],
      ['p', 'The ministry confirmed the contract on Tuesday.'],
      ['h2', 'Details'],
      ['p', 'Payment follows the review.']
    ])
    expect(d.title).toBe('Field report')
    expect(d.byline).toBe('A. Analyst')
    expect(d.publishedTime).toBe('2021-03-04T05:06:07.000Z')
    expect(d.text).not.toContain('secret')
  })

  it('merged cells (gridSpan, vMerge): one cell of the text where each starts, its extent in the block\'s spans', async () => {
    const cell = (text: string, span: { columnSpan?: number; rowSpan?: number } = {}) => new TableCell({ children: [new Paragraph(text)], ...span })
    const table = new Table({
      rows: [
        new TableRow({ tableHeader: true, children: [cell('Company'), cell('Awards (US$ million)', { columnSpan: 2 })] }),
        new TableRow({ children: [cell('Scale AI', { rowSpan: 2 }), cell('Q1'), cell('200')] }),
        new TableRow({ children: [cell('Q2'), cell('300')] }),
        new TableRow({ children: [cell('Anduril'), cell('Q1'), cell('n/a')] })
      ]
    })
    const bytes = await Packer.toBuffer(new Document({ creator: 'A. Analyst', sections: [{ children: [new Paragraph('Above'), table, new Paragraph('Below')] }] }))
    const d = await importBytes(new Uint8Array(bytes))
    expect(blocks(d)).toEqual([
      ['p', 'Above'],
      ['table', 'Company\tAwards (US$ million)\nScale AI\tQ1\t200\nQ2\t300\nAnduril\tQ1\tn/a'],
      ['p', 'Below']
    ])
    // The repeated header row is a header; the continuation cell under "Scale AI" is in neither the text nor the spans.
    expect(d.blocks[1]).toMatchObject({ head: 1, spans: [[0, 1, 2, 1], [1, 0, 1, 2]] })
  })

  it('uses the first heading as title without core properties', async () => {
    const d = await importBytes(makeDocx(para('Quarterly summary', 'Heading1') + para('Body text.')))
    expect(d.title).toBe('Quarterly summary')
  })
})

describe('Word import: hostile and broken files', () => {
  it('random bytes named .docx: "not a Word document"', async () => {
    const bytes = Uint8Array.from({ length: 20_000 }, (_, i) => (i * 2654435761) >>> 24)
    const e = await importError(bytes)
    expect(e.message).toBe(NOT_WORD)
    expect(e.message).toBe('not a Word document (corrupt or wrong format)')
    // A zip that is not a Word document, and a truncated real one.
    expect((await importError(makeZip([{ name: 'hello.txt', data: 'hello' }]))).message).toBe(NOT_WORD)
    const real = makeDocx(para('Hello there.'))
    expect((await importError(real.subarray(0, real.length - 30))).message).toBe(NOT_WORD)
    expect((await importError(new Uint8Array(0))).message).toBe(NOT_WORD)
  })

  it('an old .doc or password-protected Word file (an OLE container) gets its own reason', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)])
    expect((await importError(ole)).message).toMatch(/password-protected or in the old \.doc format/)
  })

  it('a zip bomb that declares its size fails at once, before anything is inflated', async () => {
    // 1 GB of zeros in about 1 MB, as word/document.xml of an otherwise valid package.
    const zeros = zerosDeflated(1024)
    const bomb = makeZip([
      { name: '[Content_Types].xml', data: '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
      {
        name: '_rels/.rels',
        data: '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
      },
      { name: 'word/document.xml', deflated: zeros.deflated, size: zeros.size }
    ])
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024)
    const e = await importError(bomb)
    expect(e.message).toBe('the Word document unpacks to more than 256 MB (1024 MB or more): it looks like a zip bomb')
    expect(e.ms).toBeLessThan(5_000)
  })

  it('a zip bomb that lies about its size is stopped as soon as an entry inflates past what it declares', async () => {
    const zeros = zerosDeflated(1024)
    const liar = makeZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', deflated: zeros.deflated, declaredSize: 1000 }
    ])
    const e = await importError(liar)
    expect(e.message).toBe('the Word document is damaged or a zip bomb: a part unpacks to more than the size it declares')
    expect(e.ms).toBeLessThan(5_000)
  })

  it('many parts that add up past the cap fail too, and the guard itself passes real documents', async () => {
    const part = zerosDeflated(40)
    const entries = Array.from({ length: 8 }, (_, i) => ({ name: `word/media/image${i}.bin`, deflated: part.deflated, size: part.size }))
    const e = await importError(makeZip([{ name: '[Content_Types].xml', data: '<Types/>' }, ...entries]))
    expect(e.message).toMatch(/zip bomb/)
    // The guard inflates every part of a real document and hands back the ones asked for.
    const parts = await checkZip(makeDocx(para('x'), { title: 'T' }), ['docProps/core.xml'])
    expect(parts.get('docProps/core.xml')!.toString('utf8')).toContain('<dc:title>T</dc:title>')
  })
})
