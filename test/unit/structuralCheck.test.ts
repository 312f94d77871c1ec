// The save's check of its freshly written copy (structuralCheck): every
// stored table's b-tree, the FTS4 shadow tables included, without asking FTS4
// to re-tokenise every document as a plain quick_check does.
import { describe, expect, it } from 'vitest'
import { loadSqlJs, structuralCheck } from '../../src-main/core/db/sqlite'

async function sampleImage(): Promise<Uint8Array> {
  const SQL = await loadSqlJs()
  const db = new SQL.Database()
  db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL); CREATE INDEX notes_body ON notes(body); CREATE VIRTUAL TABLE notes_fts USING fts4(body)")
  db.exec('BEGIN')
  for (let i = 0; i < 400; i++) {
    const body = `note ${i} ${'lorem ipsum dolor '.repeat(20)}`
    db.run('INSERT INTO notes (body) VALUES (?)', [body])
    db.run('INSERT INTO notes_fts (body) VALUES (?)', [body])
  }
  db.exec('COMMIT')
  const image = db.export()
  db.close()
  return image
}

/** The root page number of a table or index in an image. */
async function rootPage(image: Uint8Array, name: string): Promise<number> {
  const SQL = await loadSqlJs()
  const db = new SQL.Database(image)
  const root = Number(db.exec('SELECT rootpage FROM sqlite_master WHERE name = ?', [name])[0]!.values[0]![0])
  db.close()
  return root
}

describe('structuralCheck', () => {
  it('passes a sound database with an FTS4 index', async () => {
    const SQL = await loadSqlJs()
    const db = new SQL.Database(await sampleImage())
    expect(structuralCheck(db)).toBe('ok')
    db.close()
  })

  for (const target of ['notes', 'notes_body', 'notes_fts_content', 'notes_fts_segments']) {
    it(`finds a damaged b-tree page in ${target}`, async () => {
      const image = await sampleImage()
      const pageSize = new DataView(image.buffer).getUint16(16)
      const page = await rootPage(image, target)
      const at = (page - 1) * pageSize + (page === 1 ? 100 : 0)
      // Scramble the page's cell pointers: a b-tree page SQLite cannot walk.
      for (let i = 8; i < 40; i++) image[at + i] = 0xff
      const SQL = await loadSqlJs()
      let result: string
      try {
        const db = new SQL.Database(image)
        result = structuralCheck(db)
        db.close()
      } catch (e) {
        result = (e as Error).message
      }
      expect(result).not.toBe('ok')
    })
  }
})
