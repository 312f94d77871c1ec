import { existsSync, linkSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ProjectDb } from '../../src-main/core/db/projectDb'
import { APPLICATION_ID, backupPath } from '../../src-main/core/db/projectFile'
import { readJournal } from '../../src-main/core/db/journal'
import { LATEST_VERSION, MIGRATIONS } from '../../src-main/core/db/migrations'
import { loadSqlJs, pragmaValue } from '../../src-main/core/db/sqlite'
import { tempDir } from '../support/tempDir'

const sampleDoc = (sha: string) => ({
  title: 'T',
  byline: null,
  siteName: null,
  publishedTime: null,
  lang: null,
  dir: null,
  excerpt: null,
  sourcePath: '/x.txt',
  mediaType: 'text/plain',
  sha256: sha,
  original: new TextEncoder().encode('Scale AI and the Department of Defense.'),
  text: 'Scale AI and the Department of Defense.',
  blocks: [{ start: 0, end: 39, kind: 'p' as const }]
})

describe('project store', () => {
  let t: ReturnType<typeof tempDir>
  beforeEach(() => (t = tempDir()))
  afterEach(() => t.cleanup())

  it('a save after one killed between its two renames (backup and project one file) leaves no temp file', async () => {
    const path = join(t.dir, 'p.rwb')
    const db = await ProjectDb.open(path, { create: true, saveDelayMs: 60_000 })
    await db.call('entities.create', { name: 'first', type: 'Person' })
    await db.save()
    // What such a kill leaves: the backup is a second link to the project file.
    rmSync(backupPath(path))
    linkSync(path, backupPath(path))
    const before = readFileSync(path)
    await db.call('entities.create', { name: 'second', type: 'Person' })
    expect(await db.save()).toMatchObject({ dirty: false, error: null })
    await db.close()
    expect(readdirSync(t.dir).filter((f) => f.endsWith('.tmp') || f.endsWith('.tmp.bak'))).toEqual([])
    // The backup is the previous save, the project the new one: two files again.
    expect(readFileSync(backupPath(path)).equals(before)).toBe(true)
    expect(statSync(path).ino).not.toBe(statSync(backupPath(path)).ino)
  })

  it('creates a file with our application id and every migration recorded', async () => {
    const path = join(t.dir, 'p.rwb')
    const db = await ProjectDb.open(path, { create: true })
    await db.close()
    const SQL = await loadSqlJs()
    const raw = new SQL.Database(readFileSync(path))
    expect(Number(pragmaValue(raw, 'application_id'))).toBe(APPLICATION_ID)
    expect(Number(pragmaValue(raw, 'user_version'))).toBe(LATEST_VERSION)
    const versions = raw.exec('SELECT version FROM schema_migrations ORDER BY version')[0]!.values.map((r) => r[0])
    expect(versions).toEqual(MIGRATIONS.map((m) => m.version))
  })

  it('saves edits durably, keeps a backup, and reopens them', async () => {
    const path = join(t.dir, 'p.rwb')
    const db = await ProjectDb.open(path, { create: true, saveDelayMs: 10_000 })
    const docId = await db.call('documents.insert', sampleDoc('a'.repeat(64)))
    const e = await db.call('entities.create', { name: 'Scale AI', type: 'Company' })
    const m = await db.call('mentions.create', { documentId: docId, entityId: e.id, start: 0, end: 8 })
    expect(m.quote).toBe('Scale AI')
    expect(m.suffix.startsWith(' and the')).toBe(true)
    // durable already: in the journal beside the project, the file itself not rewritten yet
    expect(db.saveState.dirty).toBe(false)
    expect(readJournal(path)!.records.map((r) => r.op)).toEqual(['documents.insert', 'entities.create', 'mentions.create'])
    const state = await db.save()
    expect(state.dirty).toBe(false)
    expect(existsSync(backupPath(path))).toBe(true)
    await db.close()

    const again = await ProjectDb.open(path)
    const mentions = await again.call('mentions.forDocument', { documentId: docId })
    expect(mentions.map((x) => x.quote)).toEqual(['Scale AI'])
    const ents = await again.call('entities.list', undefined)
    expect(ents[0]).toMatchObject({ name: 'Scale AI', type: 'Company', mentionCount: 1 })
    await again.close()
  })

  it('refuses to change a document text once imported', async () => {
    const db = await ProjectDb.open(join(t.dir, 'p.rwb'), { create: true })
    await db.call('documents.insert', sampleDoc('b'.repeat(64)))
    await expect(db.call('documents.insert', sampleDoc('b'.repeat(64)))).rejects.toMatchObject({ code: 'CONFLICT' })
    await db.close()
  })

  it('refuses foreign and broken files with a clear message and leaves them untouched', async () => {
    const SQL = await loadSqlJs()
    const foreign = new SQL.Database()
    foreign.exec('CREATE TABLE t (x)')
    const foreignPath = join(t.dir, 'other.rwb')
    writeFileSync(foreignPath, foreign.export())
    const before = readFileSync(foreignPath)
    await expect(ProjectDb.open(foreignPath)).rejects.toThrow(/another application/)
    expect(readFileSync(foreignPath).equals(before)).toBe(true)

    const pdfPath = join(t.dir, 'paper.rwb')
    writeFileSync(pdfPath, '%PDF-1.4 not a project')
    await expect(ProjectDb.open(pdfPath)).rejects.toThrow(/not an SQLite file/)

    const emptyPath = join(t.dir, 'empty.rwb')
    writeFileSync(emptyPath, '')
    await expect(ProjectDb.open(emptyPath)).rejects.toThrow(/empty/)
  })

  it('refuses a file from a newer schema version', async () => {
    const path = join(t.dir, 'new.rwb')
    const db = await ProjectDb.open(path, { create: true })
    await db.close()
    const SQL = await loadSqlJs()
    const raw = new SQL.Database(readFileSync(path))
    raw.exec(`PRAGMA user_version = ${LATEST_VERSION + 5}`)
    writeFileSync(path, raw.export())
    await expect(ProjectDb.open(path)).rejects.toThrow(/newer version/)
  })

  it('validates spans: out of range and surrogate-splitting selections are refused', async () => {
    const db = await ProjectDb.open(join(t.dir, 'p.rwb'), { create: true })
    const docId = await db.call('documents.insert', sampleDoc('c'.repeat(64)))
    const e = await db.call('entities.create', { name: 'X', type: 'Company' })
    await expect(db.call('mentions.create', { documentId: docId, entityId: e.id, start: 30, end: 400 })).rejects.toMatchObject({ code: 'BAD_ARGS' })
    await db.close()
  })
})
