// Existing projects keep their canonical texts: a real project written
// before migration 0011 (test/fixtures/projects/v1-relations.rwb, schema 5,
// made with the app as it was) opened by this version keeps every document's
// text and blocks byte for byte, records them as extraction 1, and its tags
// still match their words. The text cannot be changed except by a re-import.
import { copyFileSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadSqlJs } from '../../src-main/core/db/sqlite'
import { REPO_ROOT, tempDir } from '../support/tempDir'
import { startSession, type Session } from './taggingSupport'

const FIXTURE = join(REPO_ROOT, 'test/fixtures/projects/v1-relations.rwb')

async function rows(file: string, sql: string): Promise<unknown[][]> {
  const SQL = await loadSqlJs()
  const db = new SQL.Database(readFileSync(file))
  try {
    return db.exec(sql)[0]?.values ?? []
  } finally {
    db.close()
  }
}

describe('documents of an existing project after migration 0011', () => {
  let t: ReturnType<typeof tempDir>
  let s: Session
  let path: string
  beforeEach(async () => {
    t = tempDir('rwb-mig11-')
    path = join(t.dir, 'v1-relations.rwb')
    copyFileSync(FIXTURE, path)
    s = await startSession(join(t.dir, 'data'), { seeds: false })
    await s.core.openProject(path, false)
  })
  afterEach(async () => {
    await s.core.shutdown()
    t.cleanup()
  })

  it('keeps every text and its blocks byte-identical, as extraction 1, with every tag still matching', async () => {
    const before = await rows(FIXTURE, 'SELECT id, text, blocks FROM documents ORDER BY id')
    expect(before.length).toBeGreaterThan(0)
    // The migrated project is written with the first edit.
    await s.call('entities.create', { name: 'First edit', type: 'Company' })
    await s.flush()
    // Read back from the saved file, without the app: the migrated project on disk.
    const after = await rows(path, 'SELECT id, text, blocks, extraction FROM documents ORDER BY id')
    expect(after.map((r) => r.slice(0, 3))).toEqual(before)
    expect(after.every((r) => r[3] === 1)).toBe(true)
    for (const [id] of before) {
      const d = await s.call('documents.get', { id: id as number })
      expect(d.extraction).toBe(1)
      expect(await s.call('anchors.review', { documentId: id as number })).toEqual([])
    }
  })

  it('refuses any change of a text outside a re-import, and of the original bytes always', async () => {
    await s.call('entities.create', { name: 'First edit', type: 'Company' })
    await s.flush()
    // The migrated file itself, as any SQLite tool would open it: its triggers refuse the writes.
    const SQL = await loadSqlJs()
    const file = new SQL.Database(readFileSync(path))
    try {
      const id = Number(file.exec('SELECT min(id) FROM documents')[0]!.values[0]![0])
      expect(() => file.run('UPDATE documents SET text = ? WHERE id = ?', ['changed', id])).toThrow(/immutable/)
      expect(() => file.run('UPDATE documents SET blocks = ? WHERE id = ?', ['[]', id])).toThrow(/immutable/)
      expect(() => file.run('UPDATE documents SET sha256 = ? WHERE id = ?', ['f'.repeat(64), id])).toThrow(/immutable/)
      expect(() => file.run('UPDATE documents SET extraction = 2, original_gzip = ? WHERE id = ?', [new Uint8Array([1]), id])).toThrow(/immutable/)
      // A re-import row for a text the document does not have is refused too.
      expect(() =>
        file.run(
          `INSERT INTO document_reimports (document_id, old_text, old_blocks, old_extraction, new_text, new_blocks, new_extraction, created_at)
           VALUES (?, 'not its text', '[]', 1, 'x', '[]', 2, 'now')`,
          [id]
        )
      ).toThrow(/changed since/)
    } finally {
      file.close()
    }
  })
})
