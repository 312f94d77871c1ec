// Full-text search (migration 0003 + db/repos/search.ts) over real corpus
// pages and the seed article, through the real database worker: ranking,
// phrases, accents, CJK, exact offsets, hostile queries, save and reopen;
// projects from before the index; search.query through the API.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SearchHit } from '../../src-main/contract/types'
import { createHandlers } from '../../src-main/core/app/handlers'
import { dispatch } from '../../src-main/core/app/dispatch'
import { AppCore } from '../../src-main/core/app/appCore'
import type { NativeHost } from '../../src-main/core/app/native'
import { MIGRATIONS } from '../../src-main/core/db/migrations'
import { ProjectDb } from '../../src-main/core/db/projectDb'
import { APPLICATION_ID } from '../../src-main/core/db/projectFile'
import { loadSqlJs } from '../../src-main/core/db/sqlite'
import type { NewDocument } from '../../src-main/core/db/repos/documents'
import { parseForImport, readForImport } from '../../src-main/core/import/importFile'
import { SEEDS_DIR, SHARED, tempDir } from '../support/tempDir'
import { plainDoc } from './taggingSupport'

const CORPUS = join(SHARED, 'corpus', 'html')
const PAGES = ['bbc-1', 'lemonde-1', 'nytimes-1', 'wapo-1', 'ars-1', 'qq', 'guardian-1', 'aclu']
const SEED = join(SEEDS_DIR, readdirSync(SEEDS_DIR).find((f) => f.endsWith('.txt'))!)

function importable(path: string): NewDocument {
  const file = readForImport(path)
  const parsed = parseForImport(file)
  return { ...parsed, sourcePath: path, mediaType: file.mediaType, sha256: file.sha256, original: file.bytes }
}

/** Case- and accent-insensitive form, to compare a hit's words with the query's. */
function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

/** Every hit's offsets point at the query's words in the text, and its snippet highlights are the same words. */
function expectHitsPointAt(hits: SearchHit[], texts: Map<number, string>, words: RegExp): void {
  for (const h of hits) {
    const text = texts.get(h.documentId)!
    if (h.end > h.start) expect(fold(text.slice(h.start, h.end))).toMatch(words)
    expect(h.snippet.highlights.length).toBeGreaterThan(h.end > h.start ? 0 : -1)
    for (const [s, e] of h.snippet.highlights) expect(fold(h.snippet.text.slice(s, e))).toMatch(words)
    for (const [s, e] of h.titleHighlights) expect(fold(h.title.slice(s, e))).toMatch(words)
  }
}

describe('search over real documents', () => {
  let t: ReturnType<typeof tempDir>
  let path: string
  let db: ProjectDb
  const ids = new Map<string, number>()
  const texts = new Map<number, string>()
  const search = (query: string, limit?: number) => db.call('search.query', { query, limit })
  const titlesOf = (hits: SearchHit[]) => hits.map((h) => h.title)

  beforeAll(async () => {
    t = tempDir()
    path = join(t.dir, 'search.rwb')
    db = await ProjectDb.open(path, { create: true, saveDelayMs: 60_000 })
    const docs: [string, NewDocument][] = [
      ['seed', importable(SEED)],
      ...PAGES.map((p): [string, NewDocument] => [p, importable(join(CORPUS, p, 'source.html'))]),
      // Non-ASCII before the hit: é (2 bytes), CJK (3), emoji (4 bytes, 2 UTF-16 units).
      ['unicode', plainDoc('Unicode sample', 'Café déjà vu — 日本語テキスト 😀😀 then the Zanzibar treaty. Zanzibar again.')],
      ['title-only', plainDoc('Quokka field notes', 'Nothing about the animal in this text.')],
      ['body-once', plainDoc('Island notes', `${'filler words here '.repeat(40)}a quokka was seen.`)]
    ]
    for (const [key, doc] of docs) {
      const id = await db.call('documents.insert', doc)
      ids.set(key, id)
      texts.set(id, doc.text)
    }
  }, 120_000)

  afterAll(async () => {
    await db?.close()
    t?.cleanup()
  })

  it('finds the seed article first for its own subject', async () => {
    const hits = await search('Pentagon contract')
    expect(hits[0]!.documentId).toBe(ids.get('seed'))
    expect(hits[0]!.score).toBeGreaterThan(0)
    expectHitsPointAt(hits, texts, /pentagon|contract/)
    const scores = hits.map((h) => h.score)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
  })

  it('ranks each corpus page first for words of its own subject', async () => {
    expect((await search('Obama gun laws'))[0]!.documentId).toBe(ids.get('bbc-1'))
    expect((await search('Sudan sanctions'))[0]!.documentId).toBe(ids.get('nytimes-1'))
    expect((await search('Minecraft exploit'))[0]!.documentId).toBe(ids.get('ars-1'))
    expect((await search('whale strandings'))[0]!.documentId).toBe(ids.get('guardian-1'))
  })

  it('matches phrases only in their word order', async () => {
    const hits = await search('"gun laws"')
    expect(hits.map((h) => h.documentId)).toContain(ids.get('bbc-1'))
    expectHitsPointAt(hits, texts, /^gun laws$/)
    expect(await search('"laws gun"')).toEqual([])
    const scale = await search('"Scale AI" Pentagon')
    expect(scale.map((h) => h.documentId)).toEqual([ids.get('seed')])
    const seedText = texts.get(ids.get('seed')!)!
    expect(seedText.slice(scale[0]!.start, scale[0]!.end)).toMatch(/^(Scale AI|Pentagon)$/)
  })

  it('supports OR, prefixes and exclusions', async () => {
    const either = await search('Minecraft OR Sudan')
    expect(new Set(either.map((h) => h.documentId))).toEqual(new Set([ids.get('ars-1'), ids.get('nytimes-1')]))
    const prefix = await search('defen*')
    expect(prefix.map((h) => h.documentId)).toContain(ids.get('seed'))
    expectHitsPointAt(prefix, texts, /^defen/)
    const without = await search('Obama -gun')
    expect(without.map((h) => h.documentId)).not.toContain(ids.get('bbc-1'))
  })

  it('folds accents and case: "approuve" finds "approuvé" in Le Monde', async () => {
    const hits = await search('ASSEMBLEE approuve')
    expect(hits[0]!.documentId).toBe(ids.get('lemonde-1'))
    const text = texts.get(hits[0]!.documentId)!
    expect(fold(text.slice(hits[0]!.start, hits[0]!.end))).toMatch(/^(assemblee|approuve)$/)
    expect(titlesOf(await search('renseignement'))).toContain(hits[0]!.title)
  })

  it('finds Chinese text by its runs, and a prefix of a run', async () => {
    const hits = await search('人工智能*')
    expect(hits.map((h) => h.documentId)).toContain(ids.get('qq'))
    expectHitsPointAt(hits, texts, /^人工智能/)
  })

  it('gives exact UTF-16 offsets after accents, CJK and emoji', async () => {
    const hits = await search('zanzibar')
    expect(hits).toHaveLength(1)
    const text = texts.get(ids.get('unicode')!)!
    expect(hits[0]!.start).toBe(text.indexOf('Zanzibar'))
    expect(text.slice(hits[0]!.start, hits[0]!.end)).toBe('Zanzibar')
    expect(hits[0]!.snippet.highlights.map(([s, e]) => hits[0]!.snippet.text.slice(s, e))).toEqual(['Zanzibar', 'Zanzibar'])
    const cafe = await search('cafe deja')
    expect(text.slice(cafe[0]!.start, cafe[0]!.end)).toBe('Café déjà')
    const cjk = await search('日本語テキスト')
    expect(text.slice(cjk[0]!.start, cjk[0]!.end)).toBe('日本語テキスト')
  })

  it('weighs a title hit above a single hit in a long text; a title-only hit starts at 0', async () => {
    const hits = await search('quokka')
    expect(hits.map((h) => h.documentId)).toEqual([ids.get('title-only'), ids.get('body-once')])
    expect(hits[0]).toMatchObject({ start: 0, end: 0, titleHighlights: [[0, 6]] })
    expect(hits[0]!.snippet).toEqual({ text: 'Nothing about the animal in this text.', highlights: [] })
    expect(texts.get(hits[1]!.documentId)!.slice(hits[1]!.start, hits[1]!.end)).toBe('quokka')
  })

  it('honours the limit', async () => {
    const all = await search('the', 200)
    expect(all.length).toBeGreaterThan(5)
    expect(await search('the', 2)).toEqual(all.slice(0, 2))
    // A common word: hundreds of hits per document, the snippet marks those in it.
    expectHitsPointAt(all, texts, /^the$/)
    expect(all.every((h) => h.snippet.highlights.length > 0)).toBe(true)
  })

  it('never throws on hostile queries', async () => {
    const hostile = [
      '"Scale AI',
      'NEAR',
      'pentagon NEAR/2 scale',
      '*',
      '-',
      '-pentagon',
      'title:pentagon',
      'text:"scale',
      '((( pentagon',
      ')',
      'AND OR NOT',
      'OR pentagon OR',
      '^pentagon',
      '"""',
      "'; DROP TABLE documents; --",
      '\u0000\u0001',
      '💥'.repeat(200),
      'pentagon '.repeat(55),
      'a* b* c* d* e*',
      `${'x'.repeat(499)}*`,
      String.fromCharCode(0xd800) + 'pentagon'
    ]
    for (const q of hostile) {
      const hits = await search(q.slice(0, 500))
      expect(Array.isArray(hits), q).toBe(true)
    }
    expect(await search('-pentagon')).toEqual([])
    expect(await search('*')).toEqual([])
    expect((await search('"Scale AI'))[0]!.documentId).toBe(ids.get('seed'))
    // The documents are all still there.
    expect((await db.call('project.counts', undefined)).documentCount).toBe(ids.size)
  })

  it('survives save and reopen, and follows title edits', async () => {
    const before = await search('Pentagon')
    await db.save()
    expect(await search('Pentagon')).toEqual(before) // the rank function survives export()
    await db.close()
    db = await ProjectDb.open(path, { saveDelayMs: 60_000 })
    expect(await search('Pentagon')).toEqual(before)
    await db.call('documents.updateMeta', { id: ids.get('title-only')!, title: 'Wombat field notes' })
    expect((await search('quokka')).map((h) => h.documentId)).toEqual([ids.get('body-once')])
    expect((await search('wombat')).map((h) => h.documentId)).toEqual([ids.get('title-only')])
  })
})

describe('projects from before the search index', () => {
  let t: ReturnType<typeof tempDir>
  beforeAll(() => (t = tempDir()))
  afterAll(() => t.cleanup())

  it('indexes documents imported under schema 0001 when the project is opened', async () => {
    // A file exactly as the first release wrote it: only migration 0001 applied.
    const SQL = await loadSqlJs()
    const raw = new SQL.Database()
    raw.exec(`PRAGMA application_id = ${APPLICATION_ID}`)
    raw.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)')
    raw.exec(MIGRATIONS.find((m) => m.version === 1)!.sql)
    raw.run('INSERT INTO schema_migrations VALUES (1, ?, ?)', ['0001_initial', '2026-01-01T00:00:00.000Z'])
    raw.exec('PRAGMA user_version = 1')
    const seed = importable(SEED)
    const bbc = importable(join(CORPUS, 'bbc-1', 'source.html'))
    for (const d of [seed, bbc]) {
      raw.run(
        `INSERT INTO documents (title, source_path, media_type, file_size, sha256, original_gzip, text, blocks, imported_at)
         VALUES (?, ?, ?, ?, ?, x'00', ?, '[]', '2026-01-01')`,
        [d.title, d.sourcePath, d.mediaType, d.original.length, d.sha256, d.text]
      )
    }
    expect(() => raw.exec("SELECT * FROM documents_fts WHERE documents_fts MATCH 'pentagon'")).toThrow(/no such table/)
    const path = join(t.dir, 'old.rwb')
    const bytes = raw.export()
    writeFileSync(path, bytes)
    raw.close()

    const db = await ProjectDb.open(path)
    try {
      const hits = await db.call('search.query', { query: 'Pentagon' })
      expect(hits.map((h) => h.title)).toEqual([seed.title])
      expect(seed.text.slice(hits[0]!.start, hits[0]!.end)).toBe('Pentagon')
      expect((await db.call('search.query', { query: 'Obama' })).map((h) => h.title)).toEqual([bbc.title])
    } finally {
      await db.close()
    }
    // A project from before the edit journal is written whole once at open (the journal needs a base
    // that names it); its untouched bytes are kept as the backup.
    expect(readFileSync(`${path}.bak`).equals(Buffer.from(bytes))).toBe(true)
  })
})

describe('search.query through the API', () => {
  let t: ReturnType<typeof tempDir>
  let core: AppCore
  beforeAll(async () => {
    t = tempDir()
    const native: NativeHost = { showOpenDialog: async () => [], showSaveDialog: async () => null, emit: () => {} }
    core = new AppCore({ dataDir: t.dir, seedsDir: SEEDS_DIR, native, saveDelayMs: 60_000 })
    await core.bootstrap()
  })
  afterAll(async () => {
    await core.shutdown()
    t.cleanup()
  })

  it('validates arguments and answers hits of the seed project', async () => {
    const handlers = createHandlers(core)
    const ok = await dispatch(handlers, 'search.query', { query: '"Scale AI" OR DoD', limit: 5 })
    expect(ok.ok).toBe(true)
    const hits = (ok as { value: SearchHit[] }).value
    expect(hits).toHaveLength(1)
    expect(hits[0]).toMatchObject({ siteName: 'NextFin', titleHighlights: [[0, 8]] })
    expect(typeof hits[0]!.snippet.text).toBe('string')
    for (const bad of [{ query: '' }, { query: 'x'.repeat(501) }, { query: 'x', limit: 0 }, { query: 'x', limit: 201 }, { query: 'x', extra: 1 }, {}]) {
      const r = await dispatch(handlers, 'search.query', bad)
      expect(r.ok, JSON.stringify(bad).slice(0, 40)).toBe(false)
      expect(!r.ok && r.error.code).toBe('BAD_ARGS')
    }
    const hostile = await dispatch(handlers, 'search.query', { query: '"unbalanced NEAR title:* -' })
    expect(hostile).toEqual({ ok: true, value: [] })
  })
})
