// The application session (AppCore) over a real data folder and real DB
// workers: first start, reopening, damaged projects, New / Save As / Open
// Recent through a scripted NativeHost, importing, autosave and shutdown.
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs'
import { basename, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ImportResult } from '../../src-main/contract/types'
import { AppCore, type AppCoreOptions } from '../../src-main/core/app/appCore'
import { SettingsStore } from '../../src-main/core/app/settings'
import { loadSqlJs } from '../../src-main/core/db/sqlite'
import { SEEDS_DIR, SHARED, tempDir } from '../support/tempDir'
import { ScriptedNative } from '../support/scriptedNative'

/** Dialog answers queued by the test; an empty queue means "cancelled". Records every event. */

const SEED_TITLE = 'Scale AI Secures $500 Million Pentagon Deal to Power Classified AI Systems'
const BBC = join(SHARED, 'corpus', 'html', 'bbc-1', 'source.html')
const BBC_TITLE = "Obama admits US gun laws are his 'biggest frustration'"
const DEFAULT_FILE = 'Research Workbench.rwb'

let t: ReturnType<typeof tempDir>
let dataDir: string
const cores: AppCore[] = []

function makeCore(opts: Partial<AppCoreOptions> = {}): { core: AppCore; native: ScriptedNative } {
  const native = new ScriptedNative()
  const core = new AppCore({ dataDir, seedsDir: SEEDS_DIR, native, saveDelayMs: 60_000, ...opts })
  cores.push(core)
  return { core, native }
}

/** Reads a project file straight from disk with sql.js (no worker, no migrations). */
async function readProjectFile(path: string): Promise<{ documents: string[]; entities: string[] }> {
  const SQL = await loadSqlJs()
  const db = new SQL.Database(readFileSync(path))
  try {
    const col = (sql: string) => (db.exec(sql)[0]?.values ?? []).map((r) => String(r[0]))
    return { documents: col('SELECT title FROM documents ORDER BY id'), entities: col('SELECT name FROM entities ORDER BY id') }
  } finally {
    db.close()
  }
}

async function waitFor(what: string, cond: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<number> {
  const t0 = Date.now()
  while (!(await cond())) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
  return Date.now() - t0
}

beforeEach(() => {
  t = tempDir()
  dataDir = join(t.dir, 'data')
})

afterEach(async () => {
  for (const c of cores.splice(0)) await c.shutdown().catch(() => {})
  t.cleanup()
})

describe('first start and reopening', () => {
  it('bootstraps Research Workbench.rwb in the data folder with the sample article and remembers it', async () => {
    const { core, native } = makeCore()
    const boot = await core.bootstrap()
    const path = join(dataDir, DEFAULT_FILE)

    expect(boot.notice).toBeNull()
    expect(boot.project).toMatchObject({ path, name: 'Research Workbench', documentCount: 1, entityCount: 0 })
    expect(boot.save.dirty).toBe(false)
    expect(existsSync(path)).toBe(true)

    const docs = await core.db().call('documents.list', undefined)
    expect(docs.map((d) => d.title)).toEqual([SEED_TITLE])
    expect(docs[0]!.sourcePath).toBe(join(SEEDS_DIR, readdirSync(SEEDS_DIR)[0]!))
    // The seed is already on disk, not only in memory.
    expect((await readProjectFile(path)).documents).toEqual([SEED_TITLE])

    expect(core.settings.get().lastProject).toBe(path)
    expect(core.settings.get().recent.map((r) => r.path)).toEqual([path])
    // ... and persisted, as a fresh settings reader sees it.
    expect(new SettingsStore(dataDir).get().lastProject).toBe(path)
    expect(native.projectEvents().map((i) => i.path)).toEqual([path])
  })

  it('bootstrap twice in the same session keeps the open project', async () => {
    const { core } = makeCore()
    const a = await core.bootstrap()
    const b = await core.bootstrap()
    expect(b.project).toEqual(a.project)
    expect(b.notice).toBeNull()
  })

  it('a second AppCore over the same data folder reopens the project without importing again', async () => {
    const first = makeCore().core
    await first.bootstrap()
    await first.db().call('entities.create', { name: 'Scale AI', type: 'Company' })
    await first.shutdown()

    const { core, native } = makeCore()
    const boot = await core.bootstrap()
    expect(boot.notice).toBeNull()
    expect(boot.project).toMatchObject({ path: join(dataDir, DEFAULT_FILE), documentCount: 1, entityCount: 1 })
    expect((await core.db().call('documents.list', undefined)).map((d) => d.title)).toEqual([SEED_TITLE])
    expect(native.projectEvents()).toHaveLength(1)
    expect(readdirSync(dataDir).filter((f) => f.endsWith('.rwb'))).toEqual([DEFAULT_FILE])
  })

  it('the seeds folder being absent gives an empty first project', async () => {
    const { core } = makeCore({ seedsDir: join(t.dir, 'no-seeds-here') })
    const boot = await core.bootstrap()
    expect(boot.project.documentCount).toBe(0)
  })

  describe('a damaged last project', () => {
    async function damageAndReboot(damage: (path: string) => void) {
      const first = makeCore().core
      await first.bootstrap()
      await first.shutdown()
      const path = join(dataDir, DEFAULT_FILE)
      damage(path)
      const before = readFileSync(path)

      const { core } = makeCore()
      const boot = await core.bootstrap()
      return { path, before, boot, core }
    }

    it.each([
      ['garbage bytes', (p: string) => writeFileSync(p, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37 + 11) & 0xff)))],
      ['an empty file', (p: string) => writeFileSync(p, '')],
      ['a truncated project', (p: string) => writeFileSync(p, readFileSync(p).subarray(0, 5000))]
    ])('%s → a notice, a fresh project under another name, the file untouched', async (_label, damage) => {
      const { path, before, boot, core } = await damageAndReboot(damage)

      expect(boot.notice).toEqual(expect.any(String))
      expect(boot.notice).toContain(DEFAULT_FILE)
      expect(boot.notice).toMatch(/could not be opened/)
      expect(boot.notice).toMatch(/untouched/)

      expect(boot.project.path).not.toBe(path)
      expect(boot.project.name).not.toBe('Research Workbench')
      expect(boot.project.path.startsWith(dataDir)).toBe(true)
      expect(existsSync(boot.project.path)).toBe(true)
      // fresh: the sample article again, nothing else
      expect(boot.project).toMatchObject({ documentCount: 1, entityCount: 0 })

      expect(readFileSync(path).equals(before)).toBe(true)
      expect(core.settings.get().lastProject).toBe(boot.project.path)
    })

    it('the next start opens the fresh project quietly and still leaves the damaged file alone', async () => {
      const { path, before, boot } = await damageAndReboot((p) => writeFileSync(p, 'garbage'))
      await cores.at(-1)!.db().call('entities.create', { name: 'Kept', type: 'Person' })
      await cores.at(-1)!.shutdown()

      const { core } = makeCore()
      const again = await core.bootstrap()
      expect(again.notice).toBeNull()
      expect(again.project).toMatchObject({ path: boot.project.path, entityCount: 1 })
      expect(readFileSync(path).equals(before)).toBe(true)
    })
  })
})

describe('project dialogs', () => {
  it('newProjectDialog creates an empty project at the chosen path and emits a project event', async () => {
    const { core, native } = makeCore()
    await core.bootstrap()
    native.events.length = 0
    const chosen = join(t.dir, 'Case A')
    native.saveAnswers.push(chosen)

    const info = await core.newProjectDialog()
    expect(info).toMatchObject({ path: `${chosen}.rwb`, name: 'Case A', documentCount: 0, entityCount: 0 })
    expect(existsSync(`${chosen}.rwb`)).toBe(true)
    expect(await core.db().call('documents.list', undefined)).toEqual([])
    expect(native.projectEvents()).toEqual([info])
    expect(core.settings.get().lastProject).toBe(`${chosen}.rwb`)
    expect(core.settings.get().recent[0]!.path).toBe(`${chosen}.rwb`)
  })

  it('newProjectDialog refuses an existing path with CONFLICT and keeps the open project', async () => {
    const { core, native } = makeCore()
    await core.bootstrap()
    const existing = join(t.dir, 'taken.rwb')
    writeFileSync(existing, 'someone else’s file')
    native.saveAnswers.push(existing)
    native.events.length = 0

    await expect(core.newProjectDialog()).rejects.toMatchObject({ code: 'CONFLICT' })
    expect(readFileSync(existing, 'utf8')).toBe('someone else’s file')
    expect((await core.info()).path).toBe(join(dataDir, DEFAULT_FILE))
    expect(native.projectEvents()).toEqual([])

    // the extension is added before the check, too
    native.saveAnswers.push(join(t.dir, 'taken'))
    await expect(core.newProjectDialog()).rejects.toMatchObject({ code: 'CONFLICT' })
  })

  it('newProjectDialog cancelled → null, nothing changes', async () => {
    const { core } = makeCore()
    await core.bootstrap()
    expect(await core.newProjectDialog()).toBeNull()
    expect((await core.info()).path).toBe(join(dataDir, DEFAULT_FILE))
  })

  it('switching projects flushes the edits of the one being closed', async () => {
    const { core, native } = makeCore()
    await core.bootstrap()
    await core.db().call('entities.create', { name: 'Unsaved until switch', type: 'Person' })
    native.saveAnswers.push(join(t.dir, 'other.rwb'))
    await core.newProjectDialog()
    expect((await readProjectFile(join(dataDir, DEFAULT_FILE))).entities).toEqual(['Unsaved until switch'])
  })

  it('saveAsDialog writes a copy with the same content and switches to it', async () => {
    const { core, native } = makeCore()
    await core.bootstrap()
    const original = join(dataDir, DEFAULT_FILE)
    const e = await core.db().call('entities.create', { name: 'Scale AI', type: 'Company' })
    const [doc] = await core.db().call('documents.list', undefined)
    const text = (await core.db().call('documents.get', { id: doc!.id })).text
    const at = text.indexOf('Scale AI')
    await core.db().call('mentions.create', { documentId: doc!.id, entityId: e.id, start: at, end: at + 8 })
    native.events.length = 0

    const copy = join(t.dir, 'copies', 'Case copy')
    mkdirSync(join(t.dir, 'copies'))
    native.saveAnswers.push(copy)
    const info = await core.saveAsDialog()

    expect(info).toMatchObject({ path: `${copy}.rwb`, name: 'Case copy', documentCount: 1, entityCount: 1 })
    expect((await core.info()).path).toBe(`${copy}.rwb`)
    expect(core.saveState().dirty).toBe(false)
    expect(await readProjectFile(`${copy}.rwb`)).toEqual({ documents: [SEED_TITLE], entities: ['Scale AI'] })
    expect(native.projectEvents()).toEqual([info])
    expect(core.settings.get().lastProject).toBe(`${copy}.rwb`)
    expect(core.settings.get().recent.map((r) => r.path)).toEqual([`${copy}.rwb`, original])

    // The copy holds the mention too (read straight from the file: the core has it open).
    const SQL = await loadSqlJs()
    const raw = new SQL.Database(readFileSync(`${copy}.rwb`))
    expect(raw.exec('SELECT quote FROM mentions')[0]?.values).toEqual([['Scale AI']])
    raw.close()

    // Edits now go to the copy, not to the original.
    await core.db().call('entities.create', { name: 'Only in the copy', type: 'Person' })
    await core.db().save()
    expect((await readProjectFile(`${copy}.rwb`)).entities).toContain('Only in the copy')
    expect((await readProjectFile(original)).entities).not.toContain('Only in the copy')
  })

  it('saveAsDialog cancelled → null and the project stays where it was', async () => {
    const { core } = makeCore()
    await core.bootstrap()
    expect(await core.saveAsDialog()).toBeNull()
    expect((await core.info()).path).toBe(join(dataDir, DEFAULT_FILE))
  })

  it('openProjectDialog opens the chosen project', async () => {
    const { core, native } = makeCore()
    await core.bootstrap()
    native.saveAnswers.push(join(t.dir, 'b.rwb'))
    await core.newProjectDialog()
    native.openAnswers.push([join(dataDir, DEFAULT_FILE)])
    const info = await core.openProjectDialog()
    expect(info).toMatchObject({ path: join(dataDir, DEFAULT_FILE), documentCount: 1 })
  })

  describe('openRecent', () => {
    it('a path not in the recent list → NOT_FOUND, even if the file exists', async () => {
      const { core } = makeCore()
      await core.bootstrap()
      const stray = join(t.dir, 'stray.rwb')
      copyFileSync(join(dataDir, DEFAULT_FILE), stray)
      await expect(core.openRecent(stray)).rejects.toMatchObject({ code: 'NOT_FOUND' })
      expect((await core.info()).path).toBe(join(dataDir, DEFAULT_FILE))
    })

    it('a deleted file → NOT_FOUND, and it is removed from the list (persistently)', async () => {
      const { core, native } = makeCore()
      await core.bootstrap()
      const gone = join(t.dir, 'gone.rwb')
      native.saveAnswers.push(gone, join(t.dir, 'current.rwb'))
      await core.newProjectDialog()
      await core.newProjectDialog()
      expect(core.settings.get().recent.map((r) => r.path)).toContain(gone)
      rmSync(gone)

      await expect(core.openRecent(gone)).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('gone.rwb') })
      expect(core.settings.get().recent.map((r) => r.path)).not.toContain(gone)
      expect(new SettingsStore(dataDir).get().recent.map((r) => r.path)).not.toContain(gone)
      expect((await core.info()).path).toBe(join(t.dir, 'current.rwb'))

      // a second attempt is now "not in the list"
      await expect(core.openRecent(gone)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    })

    it('a listed, existing project opens', async () => {
      const { core, native } = makeCore()
      await core.bootstrap()
      native.saveAnswers.push(join(t.dir, 'x.rwb'))
      await core.newProjectDialog()
      const info = await core.openRecent(join(dataDir, DEFAULT_FILE))
      expect(info).toMatchObject({ path: join(dataDir, DEFAULT_FILE), documentCount: 1 })
      expect(core.settings.get().recent[0]!.path).toBe(join(dataDir, DEFAULT_FILE))
    })
  })
})

describe('importPaths', () => {
  it('imports good files, reports duplicates and failures in order, and stores only the good ones', async () => {
    const { core, native } = makeCore({ seedsDir: null })
    await core.bootstrap()
    expect((await core.info()).documentCount).toBe(0)

    const dir = join(t.dir, 'inbox')
    mkdirSync(dir)
    const bbcCopy = join(dir, 'renamed copy.html')
    copyFileSync(BBC, bbcCopy)
    // PDFs import now; a spreadsheet is a type the app does not read.
    const pdf = join(dir, 'figures.xlsx')
    writeFileSync(pdf, 'PK not really a spreadsheet')
    const missing = join(dir, 'missing.txt')
    const empty = join(dir, 'empty.txt')
    writeFileSync(empty, '')
    const blank = join(dir, 'blank.md')
    writeFileSync(blank, ' \n\n\t\n')
    const note = join(dir, 'note.txt')
    writeFileSync(note, 'A short note about the Department of Defense.\n')

    const results = await core.importPaths([BBC, BBC, pdf, missing, empty, bbcCopy, blank, note])
    expect(results.map((r) => r.path)).toEqual([BBC, BBC, pdf, missing, empty, bbcCopy, blank, note])
    expect(results.map((r) => r.status)).toEqual(['imported', 'duplicate', 'failed', 'failed', 'failed', 'duplicate', 'failed', 'imported'])

    const [bbc, dup, pdfR, missingR, emptyR, copyR, blankR, noteR] = results as [ImportResult, ...ImportResult[]]
    expect(bbc).toMatchObject({ title: BBC_TITLE, documentId: expect.any(Number) })
    expect(dup).toMatchObject({ documentId: bbc.documentId, title: BBC_TITLE, reason: expect.stringContaining(BBC_TITLE) })
    expect(copyR).toMatchObject({ documentId: bbc.documentId })
    expect(pdfR!.reason).toMatch(/unsupported file type/)
    expect(pdfR!.reason).toContain('.xlsx')
    expect(missingR!.reason).toMatch(/cannot read/)
    expect(emptyR!.reason).toMatch(/no readable text/)
    expect(blankR!.reason).toMatch(/no readable text/)
    // a one-sentence text has no headline: the file name is the title
    expect(noteR).toMatchObject({ title: 'note' })
    for (const r of results) {
      if (r.status === 'failed') expect(r.documentId).toBeUndefined()
    }

    const docs = await core.db().call('documents.list', undefined)
    expect(docs.map((d) => d.title).sort()).toEqual([BBC_TITLE, 'note'].sort())
    expect(docs.find((d) => d.title === BBC_TITLE)).toMatchObject({ sourcePath: BBC, mediaType: 'text/html', fileSize: statSync(BBC).size })
    expect((await core.info()).documentCount).toBe(2)
    // Each import is journalled before its call returns, so the project is never left with unsaved edits.
    expect(native.events.some((e) => e.kind === 'save' && e.state.dirty)).toBe(false)

    // Importing the same batch again stores nothing new.
    const again = await core.importPaths([BBC, note])
    expect(again.map((r) => r.status)).toEqual(['duplicate', 'duplicate'])
    expect((await core.info()).documentCount).toBe(2)
  })

  it('openFilesDialog imports what the dialog returns; cancelled → []', async () => {
    const { core, native } = makeCore({ seedsDir: null })
    await core.bootstrap()
    expect(await core.openFilesDialog()).toEqual([])
    native.openAnswers.push([BBC])
    const [r] = await core.openFilesDialog()
    expect(r).toMatchObject({ status: 'imported', title: BBC_TITLE })
  })
})

describe('saving', () => {
  it('autosaves an edit to disk within a short saveDelayMs, without an explicit save', async () => {
    const { core, native } = makeCore({ saveDelayMs: 50 })
    await core.bootstrap()
    const path = join(dataDir, DEFAULT_FILE)
    const before = readFileSync(path)
    native.events.length = 0

    await core.db().call('entities.create', { name: 'Autosaved', type: 'Person' })
    // Durable when the call returns (in the edit journal); the project file is rewritten at the pause.
    expect(core.saveState().dirty).toBe(false)
    expect(statSync(`${path}.journal`).size).toBeGreaterThan(0)
    const waited = await waitFor('the project file to change', () => !readFileSync(path).equals(before), 3000)
    expect(waited).toBeLessThan(3000)
    expect((await readProjectFile(path)).entities).toEqual(['Autosaved'])
    await waitFor('a clean save state', () => !core.saveState().dirty && !core.saveState().saving, 3000)
    expect(core.saveState()).toMatchObject({ dirty: false, error: null, lastSavedAt: expect.any(String) })
    // the renderer heard about it: saving, then clean (never dirty: the edit was journalled first)
    const saves = native.events.flatMap((e) => (e.kind === 'save' ? [e.state] : []))
    expect(saves.some((x) => x.saving)).toBe(true)
    expect(saves.some((x) => x.dirty)).toBe(false)
    expect(saves.at(-1)).toMatchObject({ dirty: false, saving: false })
    expect(existsSync(`${path}.bak`)).toBe(true)
  })

  it('autosave waits for a pause: a burst of edits is saved together after the last one', async () => {
    const { core } = makeCore({ saveDelayMs: 300 })
    await core.bootstrap()
    const path = join(dataDir, DEFAULT_FILE)
    const before = readFileSync(path)
    for (let i = 0; i < 5; i++) {
      await core.db().call('entities.create', { name: `E${i}`, type: 'Person' })
      await new Promise((r) => setTimeout(r, 100))
    }
    // 100 ms after the last edit, the 300 ms timer has not fired yet
    expect(readFileSync(path).equals(before)).toBe(true)
    await waitFor('the burst to be saved', () => !readFileSync(path).equals(before), 3000)
    expect((await readProjectFile(path)).entities).toEqual(['E0', 'E1', 'E2', 'E3', 'E4'])
  })

  it('shutdown() flushes an edit made with a long saveDelayMs', async () => {
    const { core } = makeCore({ saveDelayMs: 600_000 })
    await core.bootstrap()
    const path = join(dataDir, DEFAULT_FILE)
    await core.db().call('entities.create', { name: 'Flushed on quit', type: 'Person' })
    await new Promise((r) => setTimeout(r, 100))
    expect((await readProjectFile(path)).entities).toEqual([])
    // Not in the project file yet, but durable: in the edit journal beside it.
    expect(core.saveState().dirty).toBe(false)
    expect(statSync(`${path}.journal`).size).toBeGreaterThan(0)

    await core.shutdown()
    expect(() => core.db()).toThrow(/No project/)
    expect((await readProjectFile(path)).entities).toEqual(['Flushed on quit'])

    const { core: next } = makeCore({ saveDelayMs: 600_000 })
    const boot = await next.bootstrap()
    expect(boot.project).toMatchObject({ path, entityCount: 1, documentCount: 1 })
    expect((await next.db().call('entities.list', undefined)).map((e) => e.name)).toEqual(['Flushed on quit'])
  })

  it('shutdown() with nothing open, or twice, is harmless', async () => {
    const { core } = makeCore()
    await core.shutdown()
    await core.bootstrap()
    await core.shutdown()
    await core.shutdown()
    expect(basename(readdirSync(dataDir).find((f) => f.endsWith('.rwb'))!)).toBe(DEFAULT_FILE)
  })
})

describe('robustness (bugs found by these tests, now fixed in appCore.openProject/bootstrap)', () => {
  // BUG (src-main/core/app/appCore.ts, openProject): reopening the project
  // that is already open — Project → Open of the open file, or the native
  // File → Open Recent menu, which lists the open project too
  // (src-main/electron/menu.ts:26; only the renderer's own menu filters it) —
  // * at HEAD d4e9f78: the next ProjectDb is read from disk BEFORE the current
  //   one is closed (flushed), so pending edits vanish from the app and the
  //   next autosave overwrites the file without them (data loss);
  // * with the uncommitted project lock (src-main/core/db/projectLock.ts):
  //   refused with CONFLICT "… is open in another Research Workbench window
  //   (pid <this very process>)" — no loss, but a wrong, confusing refusal.
  // Fix: at the top of openProject,
  //   if (this.project && resolve(this.project.path) === resolve(path)) return this.info()
  // (and, generally, flush the current project before opening the next).
  it('reopening the open project (Open Recent / Open) keeps its unsaved edits', async () => {
    const { core, native } = makeCore({ saveDelayMs: 600_000 })
    const boot = await core.bootstrap()
    await core.db().call('entities.create', { name: 'Pending', type: 'Person' })

    await core.openRecent(boot.project.path)
    expect((await core.db().call('entities.list', undefined)).map((e) => e.name)).toEqual(['Pending'])

    native.openAnswers.push([boot.project.path])
    await core.db().call('entities.create', { name: 'Second', type: 'Person' })
    await core.openProjectDialog()
    await core.db().call('entities.create', { name: 'Third', type: 'Person' })
    await core.db().save()
    expect((await readProjectFile(boot.project.path)).entities).toEqual(['Pending', 'Second', 'Third'])
  })

  // BUG (src-main/core/app/appCore.ts, openProject: `await this.closeProject()`
  // right after `ProjectDb.open(...)`): when the current project cannot be
  // flushed, closeProject() throws after the next project was already opened
  // — and, for New, already created on disk. The open project correctly
  // stays, but the new file is left behind (a retry with the same name is
  // refused with CONFLICT) and the next ProjectDb is never closed: its worker
  // thread leaks and, with the uncommitted project lock, its lock stays held
  // by this process, so that file cannot be opened again this session. Fix:
  //   try { await this.closeProject() } catch (e) { await next.abandon(); if (create && !existedBefore) rmSync(path, { force: true }); throw e }
  // or better, flush the current project (and check saveState.error) before
  // creating/opening the next one.
  it('a project switch that fails because the current project cannot be saved leaves no new file behind', async () => {
    const { core, native } = makeCore({ saveDelayMs: 600_000, seedsDir: null })
    await core.bootstrap()
    const doomed = join(t.dir, 'doomed')
    mkdirSync(doomed)
    native.saveAnswers.push(join(doomed, 'a.rwb'))
    await core.newProjectDialog()
    await core.db().call('entities.create', { name: 'Kept in memory', type: 'Person' })
    rmSync(doomed, { recursive: true })

    const next = join(t.dir, 'b.rwb')
    native.saveAnswers.push(next)
    await expect(core.newProjectDialog()).rejects.toMatchObject({ code: 'IO' })
    // the project with the unsaved edit stays open (this part works)
    expect(core.db().path).toBe(join(doomed, 'a.rwb'))
    expect((await core.db().call('entities.list', undefined)).map((e) => e.name)).toEqual(['Kept in memory'])
    // ... but b.rwb was created anyway
    expect(existsSync(next)).toBe(false)
  })

  // BUG (src-main/core/app/appCore.ts, bootstrap): not re-entrant. Two calls
  // in flight (e.g. a renderer reload during the first start) both try to
  // open/create the default project and both import the seeds.
  // * at HEAD d4e9f78 they fail either with "Could not save … its folder no
  //   longer exists" — two DB workers used the same temp name
  //   `.${basename}.${process.pid}.${++tmpCounter}.tmp` (projectFile.ts:108;
  //   threads share the pid, each worker counts from 0) — or with "No project
  //   is open." when the first call's seed import goes to the project the
  //   second call is closing; sometimes both resolve, after opening twice;
  // * with the uncommitted changes (random temp names, project lock) the
  //   second call is refused: "… is open in another Research Workbench window".
  // Fix: memoise the in-flight promise:
  //   bootstrap() { return (this.booting ??= this.doBootstrap().finally(() => (this.booting = null))) }
  // The single `project` event keeps this expected failure deterministic.
  it('two concurrent bootstraps on first start open one project once, with the sample article', async () => {
    const { core, native } = makeCore()
    const [a, b] = await Promise.all([core.bootstrap(), core.bootstrap()])
    expect(native.projectEvents()).toHaveLength(1)
    expect(b.project.path).toBe(a.project.path)
    expect((await core.info()).documentCount).toBe(1)
    expect(readdirSync(dataDir).filter((f) => f.endsWith('.rwb'))).toEqual([DEFAULT_FILE])
  })
})
