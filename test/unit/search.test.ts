// Full-text search, the parts below the database worker: the sql.js build's
// FTS4 (no FTS5), query parsing, UTF-8 → UTF-16 offsets, snippets, BM25
// ranking, and the index triggers of migration 0003 (db/repos/search.ts).
import { describe, expect, it } from 'vitest'
import { createProjectDb } from '../../src-main/core/db/projectFile'
import { bm25, makeSnippet, parseSearchQuery, queryWords, searchDocuments, utf8ToUtf16Offsets } from '../../src-main/core/db/repos/search'
import { loadSqlJs } from '../../src-main/core/db/sqlite'
import { insertDocument } from '../../src-main/core/db/repos/documents'
import { plainDoc } from './taggingSupport'

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
