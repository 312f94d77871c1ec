// The application session (AppCore): New / Save As / Open / Open Recent
// through a scripted NativeHost, over a real data folder and real DB workers.
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SettingsStore } from '../../src-main/core/app/settings'
import { loadSqlJs } from '../../src-main/core/db/sqlite'
import { DEFAULT_FILE, SEED_TITLE, dataDir, makeCore, readProjectFile, t, useAppCoreSession } from '../support/appCoreSession'

useAppCoreSession()

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
