// Full-text search (migration 0003 + db/repos/search.ts) over real corpus
// pages and the seed article, through the real database worker.
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
import { APPLICATION_ID, createProjectDb } from '../../src-main/core/db/projectFile'
import { bm25, makeSnippet, parseSearchQuery, queryWords, searchDocuments, utf8ToUtf16Offsets } from '../../src-main/core/db/repos/search'
import { loadSqlJs } from '../../src-main/core/db/sqlite'
import { insertDocument, type NewDocument } from '../../src-main/core/db/repos/documents'
import { parseForImport, readForImport, sha256 } from '../../src-main/core/import/importFile'
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

describe('the SQLite build (documents the finding in PLATFORM.md)', () => {
  it('has no FTS5, but FTS4 with unicode61 and remove_diacritics=2', async () => {
    const SQL = await loadSqlJs()
    const db = new SQL.Database()
    try {
      expect(() => db.exec('CREATE VIRTUAL TABLE t5 USING fts5(x)')).toThrow(/no such module: fts5/)
      db.exec(`CREATE VIRTUAL TABLE t4 USING fts4(x, tokenize=unicode61 "remove_diacritics=2")`)
      db.run('INSERT INTO t4 (x) VALUES (?)', ['La Défense naïve, Ärger'])
      const n = (q: string) => db.exec('SELECT count(*) FROM t4 WHERE t4 MATCH ?', [q])[0]!.values[0]![0]
      expect(n('defense')).toBe(1)
      expect(n('NAIVE')).toBe(1)
      expect(n('arger')).toBe(1)
      expect(n('"la defense"')).toBe(1)
      expect(n('"defense la"')).toBe(0)
      // The raw query syntax throws on what users type: hence parseSearchQuery.
      expect(() => db.exec('SELECT * FROM t4 WHERE t4 MATCH ?', ['"Scale AI'])).toThrow(/malformed MATCH/)
      expect(() => db.exec('SELECT * FROM t4 WHERE t4 MATCH ?', ['NEAR'])).toThrow(/malformed MATCH/)
    } finally {
      db.close()
    }
  })
})

describe('query parsing', () => {
  it('turns the supported syntax into quoted phrases only', () => {
    expect(parseSearchQuery('Pentagon')).toBe('"Pentagon"')
    expect(parseSearchQuery('"Scale AI" Pentagon')).toBe('"Scale AI" "Pentagon"')
    expect(parseSearchQuery('DoD OR Pentagon')).toBe('("DoD" OR "Pentagon")')
    expect(parseSearchQuery('defen*')).toBe('"defen*"')
    expect(parseSearchQuery('Scale-AI')).toBe('"Scale AI"')
    expect(parseSearchQuery('contract -Scale')).toBe('("contract") NOT "Scale"')
    expect(parseSearchQuery('a AND b')).toBe('"a" "b"')
    expect(parseSearchQuery('title:pentagon')).toBe('"title pentagon"')
  })

  it('reads hostile input as words or nothing', () => {
    expect(parseSearchQuery('"Scale AI')).toBe('"Scale AI"')
    expect(parseSearchQuery('NEAR')).toBe('"NEAR"')
    expect(parseSearchQuery('a NEAR/3 b')).toBe('"a" "NEAR 3" "b"')
    for (const q of ['*', '-', '"', '""', ':', '()', 'OR', 'AND', '- - -', '-pentagon', '😀', '💥*', '\u0000', ' ']) {
      expect(parseSearchQuery(q), q).toBeNull()
    }
    // A one-letter stem is searched as a word, not as a prefix of a quarter of the vocabulary.
    expect(parseSearchQuery('a*')).toBe('"a"')
    // Long input is capped at 32 phrases.
    expect(parseSearchQuery('word '.repeat(400))!.match(/"word"/g)).toHaveLength(32)
  })

  it('splits words like the unicode61 tokenizer', () => {
    expect(queryWords('Scale-AI’s $500m «deal»: 日本語テキスト 😀 naïve')).toEqual(['Scale', 'AI', 's', '500m', 'deal', '日本語テキスト', 'naïve'])
  })
})

describe('offsets and snippets', () => {
  it('converts UTF-8 byte offsets to UTF-16 offsets', () => {
    const text = 'aé日😀b\u{10348}c'
    const enc = new TextEncoder()
    const byteOf = (i: number) => enc.encode(text.slice(0, i)).length
    const starts = [0, 1, 2, 3, 5, 6, 8, 9]
    const map = utf8ToUtf16Offsets(text, starts.map(byteOf))
    for (const i of starts) expect(map.get(byteOf(i))).toBe(i)
  })

  it('makes a plain-text snippet within the paragraph with the hit highlighted', () => {
    const text = `First paragraph.\n${'lorem ipsum '.repeat(20)}the Pentagon deal ${'dolor sit '.repeat(30)}\nNext.`
    const at = text.indexOf('Pentagon')
    const s = makeSnippet(text, [[at, at + 8]])
    expect(s.text.startsWith('…')).toBe(true)
    expect(s.text.endsWith('…')).toBe(true)
    expect(s.text).not.toMatch(/\n/)
    expect(s.text.length).toBeLessThan(230)
    expect(s.highlights).toHaveLength(1)
    expect(s.text.slice(...s.highlights[0]!)).toBe('Pentagon')
    const short = makeSnippet('Pentagon.', [[0, 8]])
    expect(short).toEqual({ text: 'Pentagon.', highlights: [[0, 8]] })
  })

  it('ranks with BM25 from matchinfo: more hits, shorter text and title hits score higher', () => {
    // p=1 phrase, c=2 columns, n=10 rows, avg [5, 100], this row's lengths, x per column.
    const info = (titleHits: number, textHits: number, textLen: number) =>
      new Uint8Array(new Uint32Array([1, 2, 10, 5, 100, 5, textLen, titleHits, titleHits, titleHits ? 1 : 0, textHits, 20, 3]).buffer)
    expect(bm25(info(0, 2, 100))).toBeGreaterThan(bm25(info(0, 1, 100)))
    expect(bm25(info(0, 1, 50))).toBeGreaterThan(bm25(info(0, 1, 200)))
    expect(bm25(info(1, 0, 100))).toBeGreaterThan(bm25(info(0, 1, 100)))
    expect(bm25(info(0, 0, 100))).toBe(0)
  })
})

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

describe('the index follows the documents table', () => {
  it('on insert, title edit and delete, and passes FTS4 integrity-check', async () => {
    const db = await createProjectDb('2026-01-01T00:00:00.000Z')
    try {
      const ids = ['alpha bravo', 'charlie delta', 'echo foxtrot'].map((text, i) => insertDocument(db, plainDoc(`Doc ${i}`, text), 'now'))
      const found = (q: string) => searchDocuments(db, { query: q }).map((h) => h.documentId)
      const check = () => db.exec("INSERT INTO documents_fts (documents_fts) VALUES ('integrity-check')")
      expect(found('delta')).toEqual([ids[1]])
      check()
      db.run('UPDATE documents SET title = ? WHERE id = ?', ['Renamed hotel', ids[2]!])
      expect(found('hotel')).toEqual([ids[2]])
      expect(found('"Doc 2"')).toEqual([])
      check()
      db.run('DELETE FROM documents WHERE id = ?', [ids[1]!])
      expect(found('delta')).toEqual([])
      expect(found('alpha OR echo')).toEqual(expect.arrayContaining([ids[0], ids[2]]))
      check()
      // The text itself stays immutable (0001's trigger), the index untouched.
      expect(() => db.run('UPDATE documents SET text = ? WHERE id = ?', ['changed', ids[0]!])).toThrow(/immutable/)
      expect(found('bravo')).toEqual([ids[0]])
      check()
      // What integrity-check would report if the index drifted from the table.
      db.exec('DROP TRIGGER documents_fts_insert')
      insertDocument(db, plainDoc('Unindexed', 'golf'), 'now')
      expect(check).toThrow()
    } finally {
      db.close()
    }
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
