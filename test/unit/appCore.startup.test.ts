// The application session (AppCore) over a real data folder and real DB
// workers: first start (the sample article), reopening, and a damaged last
// project at start-up.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SettingsStore } from '../../src-main/core/app/settings'
import { DEFAULT_FILE, SEED_TITLE, cores, dataDir, makeCore, readProjectFile, t, useAppCoreSession } from '../support/appCoreSession'
import { SEEDS_DIR } from '../support/tempDir'

useAppCoreSession()

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
