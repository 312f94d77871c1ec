// Property tests (fast-check): whatever bytes a file holds, every importer
// answers with a document or a CoreError('IMPORT_FAILED'), never another
// exception and never a hang. Random bytes alone rarely get past a format's
// first check, so PDFs and Word files are also real files with random
// damage (bytes overwritten, cut short, spliced). Runs are few, to keep the
// suite quick on two cores.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isCoreError } from '../../src-main/core/app/errors'
import { parseDocument, type FileForImport, type ImportedDocument } from '../../src-main/core/import/importFile'
import { parseIsolated } from '../../src-main/core/import/isolated'
import { makeDocx, makePdf, para } from '../fixtures/makeFiles'
import { SHARED } from '../support/tempDir'

const MEDIA: Record<string, string> = {
  txt: 'text/plain',
  md: 'text/markdown',
  html: 'text/html',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
}

const file = (ext: string, bytes: Uint8Array): FileForImport => ({ path: `/nowhere/input.${ext}`, bytes, sha256: 'x'.repeat(64), mediaType: MEDIA[ext]! })

/** A document's invariants: blocks in order, inside the text, trimmed, with nothing between them but whitespace. */
function checkDocument(d: ImportedDocument): void {
  expect(typeof d.title).toBe('string')
  expect(d.text.trim().length).toBeGreaterThan(0)
  let prev = 0
  for (const b of d.blocks) {
    expect(b.start).toBeGreaterThanOrEqual(prev)
    expect(b.end).toBeGreaterThan(b.start)
    expect(b.end).toBeLessThanOrEqual(d.text.length)
    const s = d.text.slice(b.start, b.end)
    expect(s).toBe(s.trim())
    prev = b.end
  }
}

const PER_RUN_MS = 15_000

/** Parses in-process; a document or a CoreError, in bounded time. */
async function property(ext: string, bytes: Uint8Array): Promise<void> {
  const started = performance.now()
  let doc: ImportedDocument | undefined
  try {
    doc = await parseDocument(file(ext, bytes))
  } catch (e) {
    if (!isCoreError(e)) throw new Error(`${ext}: not a CoreError: ${(e as Error)?.stack ?? String(e)}`)
    expect(e.code).toBe('IMPORT_FAILED')
    expect(e.message.length).toBeGreaterThan(0)
  }
  if (doc) checkDocument(doc)
  expect(performance.now() - started, `${ext} took too long`).toBeLessThan(PER_RUN_MS)
}

const bytes = (maxLength: number) => fc.uint8Array({ maxLength })

/** Random damage to a real file: overwritten bytes, a cut, a spliced run. */
const damaged = (original: Uint8Array) =>
  fc
    .record({
      writes: fc.array(fc.tuple(fc.nat({ max: original.length - 1 }), fc.integer({ min: 0, max: 255 })), { maxLength: 40 }),
      cut: fc.option(fc.integer({ min: 0, max: original.length }), { nil: undefined }),
      splice: fc.option(fc.tuple(fc.nat({ max: original.length }), fc.uint8Array({ maxLength: 64 })), { nil: undefined })
    })
    .map(({ writes, cut, splice }) => {
      let out = Uint8Array.from(original)
      for (const [at, value] of writes) out[at] = value
      if (splice) out = Uint8Array.from([...out.subarray(0, splice[0]), ...splice[1], ...out.subarray(splice[0])])
      if (cut !== undefined) out = out.subarray(0, cut)
      return out
    })

describe('any bytes: a document or a CoreError, never a crash or a hang', () => {
  it.each(['txt', 'md', 'html'])('.%s: random bytes', async (ext) => {
    await fc.assert(fc.asyncProperty(bytes(4000), (b) => property(ext, b)), { numRuns: 60 })
  })

  it.each(['txt', 'md', 'html'])('.%s: random text (markup-ish characters, all of Unicode)', async (ext) => {
    const text = fc.oneof(
      fc.string({ unit: fc.constantFrom(...'<>/="\' \n\tabcp-#*[]()!&;'.split('')), maxLength: 400 }),
      fc.string({ unit: 'binary', maxLength: 400 })
    )
    await fc.assert(fc.asyncProperty(text, (s) => property(ext, new TextEncoder().encode(s))), { numRuns: 60 })
  })

  it('.pdf: random bytes, with and without a PDF header', async () => {
    await fc.assert(
      fc.asyncProperty(bytes(3000), fc.boolean(), (b, header) => property('pdf', header ? Uint8Array.from([...Buffer.from('%PDF-1.7\n'), ...b]) : b)),
      { numRuns: 40 }
    )
  })

  it('.pdf: real PDFs with random damage', async () => {
    const real = [
      new Uint8Array(readFileSync(join(SHARED, 'corpus', 'pdf', 'sizes.pdf'))),
      new Uint8Array(makePdf({ pages: [{ lines: [{ text: 'A line of text on the first page.', x: 72, y: 700 }] }, { lines: [{ text: 'And a second page.', x: 72, y: 700 }] }] }))
    ]
    for (const original of real) await fc.assert(fc.asyncProperty(damaged(original), (b) => property('pdf', b)), { numRuns: 30 })
  }, 120_000)

  it('.docx: random bytes, and zip-looking bytes', async () => {
    await fc.assert(
      fc.asyncProperty(bytes(3000), fc.boolean(), (b, zip) => property('docx', zip ? Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...b]) : b)),
      { numRuns: 40 }
    )
  })

  it('.docx: real Word files with random damage', async () => {
    const real = [
      new Uint8Array(readFileSync(join(SHARED, 'corpus', 'docx', 'tables.docx'))),
      new Uint8Array(makeDocx(para('Heading', 'Heading1') + para('A paragraph of text.'), { title: 'T' }))
    ]
    for (const original of real) await fc.assert(fc.asyncProperty(damaged(original), (b) => property('docx', b)), { numRuns: 30 })
  }, 120_000)

  it('through the import worker as well: every kind of file, random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('txt', 'md', 'html', 'pdf', 'docx'), bytes(2000), async (ext, b) => {
        try {
          checkDocument(await parseIsolated(file(ext, b)))
        } catch (e) {
          expect(isCoreError(e), String(e)).toBe(true)
        }
      }),
      { numRuns: 40 }
    )
  }, 120_000)
})
