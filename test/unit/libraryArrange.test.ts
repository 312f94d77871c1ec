// The library's sort, filter, file-type marks and file names, over a real
// project: the shared corpus's web pages, PDFs and Word files imported by the
// real importer (their titles, publishers and dates are the importer's own).
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DocumentSummary } from '../../src-main/contract/types'
import { displayName, facetsOf, filterDocuments, kindOf, NO_FILTER, sortDocuments } from '../../src-renderer/src/library/arrange'
import { startSession, type Session } from './taggingSupport'
import { SHARED, tempDir } from '../support/tempDir'

const CORPUS = join(SHARED, 'corpus')
const pages = ['guardian-1', 'bbc-1', 'cnn', 'lemonde-1'].map((d) => join(CORPUS, 'html', d, 'source.html'))
const files = [...pages, join(CORPUS, 'pdf', 'tracemonkey.pdf'), join(CORPUS, 'docx', 'simple-list.docx'), join(CORPUS, 'docx', 'tables.docx')]

let tmp: ReturnType<typeof tempDir>
let session: Session
let docs: DocumentSummary[]

beforeAll(async () => {
  tmp = tempDir()
  session = await startSession(tmp.dir)
  const results = await session.core.importPaths(files)
  expect(results.map((r) => r.status)).toEqual(files.map(() => 'imported'))
  docs = await session.call('documents.list', {})
}, 120_000)
afterAll(() => tmp.cleanup())

describe('file names in import progress and reports', () => {
  it('names a generic file by its folder, and leaves telling names alone', () => {
    const names = readdirSync(join(CORPUS, 'html')).map((d) => displayName(join(CORPUS, 'html', d, 'source.html')))
    expect(new Set(names).size).toBe(names.length) // twelve "source.html" become twelve different names
    expect(displayName(pages[0]!)).toBe('guardian-1/source.html')
    expect(displayName('C:\\Users\\ana\\Downloads\\index.html')).toBe('Downloads/index.html')
    expect(displayName(join(CORPUS, 'pdf', 'tracemonkey.pdf'))).toBe('tracemonkey.pdf')
    expect(displayName('source.html')).toBe('source.html')
  })
})

describe('file-type marks and filters', () => {
  it('marks each imported file by its type', () => {
    const kinds = Object.fromEntries(docs.map((d) => [d.sourcePath.split('/').pop() === 'source.html' ? 'web' : d.sourcePath.split('.').pop(), kindOf(d.mediaType)]))
    expect(kinds).toMatchObject({ web: 'web', pdf: 'pdf', docx: 'word', txt: 'text' })
  })

  it('offers only the kinds and publishers the project has, with counts', () => {
    const f = facetsOf(docs)
    expect(f.kinds).toContainEqual({ kind: 'web', count: 4 })
    expect(f.kinds).toContainEqual({ kind: 'word', count: 2 })
    expect(f.kinds.reduce((n, k) => n + k.count, 0)).toBe(docs.length)
    for (const p of f.publishers) expect(docs.filter((d) => d.siteName?.trim() === p.name)).toHaveLength(p.count)
  })

  it('filters by type, publisher and "tagged"', async () => {
    expect(filterDocuments(docs, { ...NO_FILTER, kind: 'pdf' }).map((d) => d.sourcePath.split('/').pop())).toEqual(['tracemonkey.pdf'])
    const publisher = facetsOf(docs).publishers[0]!.name
    expect(filterDocuments(docs, { ...NO_FILTER, publisher }).every((d) => d.siteName?.trim() === publisher)).toBe(true)
    expect(filterDocuments(docs, { ...NO_FILTER, taggedOnly: true })).toHaveLength(0)
    const pdf = docs.find((d) => d.mediaType === 'application/pdf')!
    const e = await session.call('entities.create', { name: 'TraceMonkey', type: 'Organization' })
    const text = await session.text(pdf.id)
    const at = text.indexOf('TraceMonkey')
    await session.call('mentions.create', { documentId: pdf.id, entityId: e.id, start: at, end: at + 'TraceMonkey'.length })
    const tagged = filterDocuments(await session.call('documents.list', {}), { ...NO_FILTER, taggedOnly: true })
    expect(tagged.map((d) => d.id)).toEqual([pdf.id])
  })
})

describe('sort orders', () => {
  it('date added: newest first, the order documents.list gives', () => {
    expect(sortDocuments(docs, 'added').map((d) => d.id)).toEqual(docs.map((d) => d.id))
  })
  it('title: A–Z by the reader’s collation, numbers in numeric order', () => {
    const titles = sortDocuments(docs, 'title').map((d) => d.title)
    expect(titles).toEqual([...titles].sort(new Intl.Collator(undefined, { numeric: true, sensitivity: 'base', ignorePunctuation: true }).compare))
    const numbered = ['Report 10', 'report 9', 'Émile', 'Emile b'].map((title, id) => ({ ...docs[0]!, id, title }))
    expect(sortDocuments(numbered, 'title').map((d) => d.title)).toEqual(['Émile', 'Emile b', 'report 9', 'Report 10'])
  })
  it('date published: newest first, undated last', () => {
    const sorted = sortDocuments(docs, 'published')
    const dated = sorted.filter((d) => d.publishedTime)
    expect(dated.length).toBeGreaterThan(1)
    expect(sorted.slice(0, dated.length)).toEqual(dated)
    for (let i = 1; i < dated.length; i++) expect(dated[i - 1]!.publishedTime! >= dated[i]!.publishedTime!).toBe(true)
  })
  it('publisher: A–Z, documents without one last', () => {
    const sorted = sortDocuments(docs, 'publisher').map((d) => d.siteName?.trim() || null)
    const named = sorted.filter((p): p is string => p !== null)
    expect(sorted.slice(0, named.length)).toEqual(named)
    expect(named).toEqual([...named].sort(new Intl.Collator(undefined, { numeric: true, sensitivity: 'base', ignorePunctuation: true }).compare))
  })
})
