// Originals outside the database (db/originals.ts), through the real app
// session and database worker over real corpus files: where they go, that the
// reader and exports get the exact bytes back, that an older version's
// project (a committed fixture with originals inline) moves them out after
// checking them, that Save As and Open Backup carry them, that Export Project
// as One File gives a file that works alone, and that a missing or damaged
// original is reported in words, never handed on.
//
// test/fixtures/projects/v11-inline-originals.rwb was written by the version
// before originals moved out (schema 11, commit 6c683e8), with its own CLI:
//   rwb import v11-inline-originals.rwb ../shared/corpus/pdf/sizes.pdf \
//     ../shared/corpus/docx/tables.docx "seeds/NextFin - Scale AI Secures 500 Million Pentagon Deal.txt"
// It cannot be re-made with later versions; the committed file is the fixture.
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppCore } from '../../src-main/core/app/appCore'
import { LATEST_VERSION } from '../../src-main/core/db/migrations'
import { originalsDir } from '../../src-main/core/db/originals'
import { readJournal } from '../../src-main/core/db/journal'
import { ProjectDb } from '../../src-main/core/db/projectDb'
import { openProject } from '../../src-main/core/db/projectOpen'
import { loadSqlJs } from '../../src-main/core/db/sqlite'
import { SHARED, tempDir } from '../support/tempDir'
import { ScriptedNative } from '../support/scriptedNative'

const PDF = join(SHARED, 'corpus', 'pdf', 'sizes.pdf')
const HTML = join(SHARED, 'corpus', 'html', 'aclu', 'source.html')
const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'projects', 'v11-inline-originals.rwb')
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')

let t: ReturnType<typeof tempDir>
const cores: AppCore[] = []

function makeCore(): { core: AppCore; native: ScriptedNative } {
  const native = new ScriptedNative()
  const core = new AppCore({ dataDir: join(t.dir, 'data'), seedsDir: null, native, saveDelayMs: 60_000 })
  cores.push(core)
  return { core, native }
}

/** Each document's title and stored blob length, straight from the file (no worker, no migrations). */
async function rawRows(path: string): Promise<{ title: string; inline: number; sha: string }[]> {
  const SQL = await loadSqlJs()
  const db = new SQL.Database(readFileSync(path))
  try {
    const r = db.exec('SELECT title, length(original_gzip), sha256 FROM documents ORDER BY id')[0]?.values ?? []
    return r.map(([title, inline, s]) => ({ title: String(title), inline: Number(inline), sha: String(s) }))
  } finally {
    db.close()
  }
}

async function originalOf(core: AppCore, id: number): Promise<Uint8Array> {
  return (await core.db().call('documents.original', { id })).bytes
}

beforeEach(() => {
  t = tempDir()
})

afterEach(async () => {
  for (const c of cores.splice(0)) await c.shutdown().catch(() => {})
  t.cleanup()
})

describe('originals outside the database', () => {
  it('an import writes the original to <project>.originals/<sha256>.gz, not into the file; the reader gets the exact bytes', async () => {
    const { core } = makeCore()
    const path = join(t.dir, 'Case.rwb')
    await core.openProject(path, true)
    const [pdf, html] = await core.importPaths([PDF, HTML])
    expect([pdf, html].map((r) => r!.status)).toEqual(['imported', 'imported'])
    await core.db().save()
    const rows = await rawRows(path)
    expect(rows.map((r) => r.inline)).toEqual([0, 0])
    const files = readdirSync(originalsDir(path)).sort()
    expect(files).toEqual([`${sha(readFileSync(PDF))}.gz`, `${sha(readFileSync(HTML))}.gz`].sort())
    expect(gunzipSync(readFileSync(join(originalsDir(path), `${sha(readFileSync(PDF))}.gz`))).equals(readFileSync(PDF))).toBe(true)
    expect(Buffer.from(await originalOf(core, 1)).equals(readFileSync(PDF))).toBe(true)
    // The file no longer carries the originals: smaller than the HTML page alone.
    expect(statSync(path).size).toBeLessThan(statSync(HTML).size)
  })

  it('a project of the previous version (originals inline) opens; each original is checked, moved out, and the .bak keeps them inline', async () => {
    const path = join(t.dir, 'Old.rwb')
    copyFileSync(FIXTURE, path)
    const before = await rawRows(path)
    expect(before.every((r) => r.inline > 0)).toBe(true)
    const { core } = makeCore()
    await core.openProject(path, false)
    const docs = await core.db().call('documents.list', undefined)
    expect(docs.map((d) => d.title).sort()).toEqual(before.map((r) => r.title).sort())
    expect(Buffer.from(await originalOf(core, 1)).equals(readFileSync(PDF))).toBe(true)
    // Written slim at once; the previous file, originals inline, is the backup.
    expect((await rawRows(path)).map((r) => r.inline)).toEqual([0, 0, 0])
    expect((await rawRows(`${path}.bak`)).map((r) => r.inline > 0)).toEqual([true, true, true])
    expect(readdirSync(originalsDir(path)).sort()).toEqual(before.map((r) => `${r.sha}.gz`).sort())
    const SQL = await loadSqlJs()
    const raw = new SQL.Database(readFileSync(path))
    expect(raw.exec('PRAGMA user_version')[0]!.values[0]![0]).toBe(LATEST_VERSION)
    // The trigger still refuses any other change to an original: bytes cannot be put in, nor the hash changed.
    expect(() => raw.run("UPDATE documents SET original_gzip = x'01' WHERE id = 1")).toThrow(/immutable/)
    expect(() => raw.run("UPDATE documents SET sha256 = 'x' WHERE id = 2")).toThrow(/immutable/)
    raw.close()
  })

  it('Export Project as One File: the copy holds every original and opens alone elsewhere; the project stays where it was', async () => {
    const { core, native } = makeCore()
    const path = join(t.dir, 'Case.rwb')
    await core.openProject(path, true)
    await core.importPaths([PDF, HTML])
    const out = join(t.dir, 'out', 'Shared')
    mkdirSync(join(t.dir, 'out'))
    native.saveAnswers.push(out)
    expect(await core.exportOneFileDialog()).toEqual({ path: `${out}.rwb` })
    expect((await core.info()).path).toBe(path)
    const rows = await rawRows(`${out}.rwb`)
    expect(rows.every((r) => r.inline > 0)).toBe(true)
    // Its trigger is back as it was: the copy's originals are as immutable as the project's.
    const SQL = await loadSqlJs()
    const raw = new SQL.Database(readFileSync(`${out}.rwb`))
    expect(() => raw.run("UPDATE documents SET original_gzip = x'01' WHERE id = 1")).toThrow(/immutable/)
    raw.close()
    expect(existsSync(originalsDir(`${out}.rwb`))).toBe(false)
    // Alone in another folder, read as the command line reads it: every original there.
    const alone = join(t.dir, 'elsewhere')
    mkdirSync(alone)
    copyFileSync(`${out}.rwb`, join(alone, 'Shared.rwb'))
    const { db } = await openProject(join(alone, 'Shared.rwb'), new Date().toISOString())
    const { documentOriginal } = await import('../../src-main/core/db/repos/documents')
    expect(Buffer.from(documentOriginal(db, 1).bytes).equals(readFileSync(PDF))).toBe(true)
    db.close()
    // Opened for editing there, it becomes a working project with its own folder.
    const other = makeCore().core
    await other.openProject(join(alone, 'Shared.rwb'), false)
    expect((await rawRows(join(alone, 'Shared.rwb'))).map((r) => r.inline)).toEqual([0, 0])
    expect(readdirSync(originalsDir(join(alone, 'Shared.rwb')))).toHaveLength(2)
  })

  it('Save As carries the originals to the new place; the old folder can go', async () => {
    const { core, native } = makeCore()
    const path = join(t.dir, 'a', 'Case.rwb')
    mkdirSync(join(t.dir, 'a'))
    await core.openProject(path, true)
    await core.importPaths([PDF])
    mkdirSync(join(t.dir, 'b'))
    native.saveAnswers.push(join(t.dir, 'b', 'Moved'))
    await core.saveAsDialog()
    await core.shutdown()
    const { rmSync } = await import('node:fs')
    rmSync(join(t.dir, 'a'), { recursive: true })
    const { core: again } = makeCore()
    await again.openProject(join(t.dir, 'b', 'Moved.rwb'), false)
    expect(Buffer.from(await originalOf(again, 1)).equals(readFileSync(PDF))).toBe(true)
  })

  it('Open Backup: the recovered copy reads the originals the backup names', async () => {
    const { core } = makeCore()
    const path = join(t.dir, 'Case.rwb')
    await core.openProject(path, true)
    await core.importPaths([PDF])
    await core.db().save()
    await core.db().call('entities.create', { name: 'After the backup', type: 'Person' })
    await core.db().save() // the previous save, slim and naming the PDF's original, is now the .bak
    await core.shutdown()
    writeFileSync(path, 'not a project any more')
    const { core: next } = makeCore()
    await expect(next.openProject(path, false)).rejects.toThrow(/backup/i)
    const info = await next.openBackup(path)
    expect(info.path).toMatch(/Case \(recovered\)\.rwb$/)
    expect(readdirSync(originalsDir(info.path))).toEqual([`${sha(readFileSync(PDF))}.gz`])
    expect(Buffer.from(await originalOf(next, 1)).equals(readFileSync(PDF))).toBe(true)
  })

  it('the journal records an import by its text and the hash of its original, not the bytes again; replay reads the original from the folder', async () => {
    const { core } = makeCore()
    const path = join(t.dir, 'Case.rwb')
    await core.openProject(path, true)
    await core.importPaths([HTML])
    const read = readJournal(path)!
    const rec = read.records.find((r) => r.op === 'documents.insert')!
    const args = rec.args as { original: Uint8Array; originalSize?: number; sha256: string }
    expect(args.original.length).toBe(0)
    expect(args.originalSize).toBe(statSync(HTML).size)
    expect(args.sha256).toBe(sha(readFileSync(HTML)))
    // As after a crash: the base plus the journal, replayed read-only.
    const { db, replayed } = await openProject(path, new Date().toISOString())
    expect(replayed).toBeGreaterThan(0)
    const { documentOriginal, listDocuments } = await import('../../src-main/core/db/repos/documents')
    expect(listDocuments(db)[0]!.fileSize).toBe(statSync(HTML).size)
    expect(Buffer.from(documentOriginal(db, 1).bytes).equals(readFileSync(HTML))).toBe(true)
    db.close()
  })

  it('a journal past 64 MB is compacted while edits keep coming, not only at a pause', { timeout: 120_000 }, async () => {
    const path = join(t.dir, 'Big.rwb')
    // Pauses of a minute before a compaction: only the journal's size can start one here.
    const db = await ProjectDb.open(path, { create: true, saveDelayMs: 60_000 })
    try {
      const text = 'x'.repeat(2_000_000)
      let most = 0
      // 50 imports of 2 MB of text each, back to back: 100 MB of journal if nothing but a pause compacted it.
      for (let i = 0; i < 50; i++) {
        const original = Buffer.from(`original ${i}`)
        await db.call('documents.insert', {
          title: `Big ${i}`, byline: null, siteName: null, publishedTime: null, lang: null, dir: null, excerpt: null,
          sourcePath: `/big-${i}.txt`, mediaType: 'text/plain', sha256: sha(original), original, text, blocks: [{ start: 0, end: text.length, kind: 'p' }]
        })
        most = Math.max(most, statSync(`${path}.journal`).size)
      }
      expect(most).toBeGreaterThan(64e6)
      expect(most).toBeLessThan(72e6)
      expect(statSync(`${path}.journal`).size).toBeLessThan(40e6)
    } finally {
      await db.close()
    }
  })

  it('a missing or damaged original is reported in words; the text and the rest of the project are untouched', async () => {
    const { core } = makeCore()
    const path = join(t.dir, 'Case.rwb')
    await core.openProject(path, true)
    await core.importPaths([PDF])
    const file = join(originalsDir(path), `${sha(readFileSync(PDF))}.gz`)
    const good = readFileSync(file)
    writeFileSync(file, Buffer.from(good).reverse())
    await expect(originalOf(core, 1)).rejects.toThrow(/original file of “sizes” is damaged: .* does not hold the bytes that were imported/)
    const { rmSync } = await import('node:fs')
    rmSync(file)
    await expect(originalOf(core, 1)).rejects.toThrow(/original file of “sizes” is missing: it should be .*Case\.rwb\.originals/)
    expect((await core.db().call('documents.get', { id: 1 })).text.length).toBeGreaterThan(0)
    writeFileSync(file, good)
    expect(Buffer.from(await originalOf(core, 1)).equals(readFileSync(PDF))).toBe(true)
  })
})
