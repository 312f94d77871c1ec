// Data export: writing the files (names after the chosen path, atomic, nothing
// left behind on failure) and export.data / annotations.import through the
// handler table with a scripted save dialog.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { AppEvent } from '../../src-main/contract/types'
import { AppCore } from '../../src-main/core/app/appCore'
import { createHandlers } from '../../src-main/core/app/handlers'
import { dispatch } from '../../src-main/core/app/dispatch'
import type { NativeHost } from '../../src-main/core/app/native'
import { exportPaths, renderExport, writeExport } from '../../src-main/core/export/index'
import { tempDir } from '../support/tempDir'
import { buildProject } from './exportFixture'
import { fx, snap, snapCp, t, useExportProject } from './exportSnapshot'

useExportProject()

describe('writing', () => {
  it('names files after the chosen path and writes them atomically', () => {
    const files = renderExport(snapCp, 'csv')
    expect(exportPaths('/x/out.csv', 'csv', files)).toEqual(['/x/out-nodes.csv', '/x/out-edges.csv', '/x/out-mentions.csv', '/x/out-claims.csv', '/x/out-passages.csv', '/x/out-README.txt'])
    expect(exportPaths('/x/out', 'csv', files)[0]).toBe('/x/out-nodes.csv')
    const one = [{ suffix: '', content: '' }]
    expect(exportPaths('/x/g.graphml', 'graphml', one)).toEqual(['/x/g.graphml'])
    expect(exportPaths('/x/g', 'graphml', one)).toEqual(['/x/g.graphml'])
    expect(exportPaths('/x/g.txt', 'gexf', one)).toEqual(['/x/g.txt.gexf'])
    expect(exportPaths('/x/e.json', 'ftm', one)).toEqual(['/x/e.json'])
    expect(exportPaths('/x/e', 'ftm', one)).toEqual(['/x/e.ftm.json'])
    expect(exportPaths('/x/a', 'w3c', one)).toEqual(['/x/a.jsonld'])

    const dir = join(t.dir, 'write')
    spawnSync('mkdir', ['-p', dir])
    writeFileSync(join(dir, 'tables-nodes.csv'), 'old')
    const paths = writeExport(snapCp, 'csv', join(dir, 'tables.csv'))
    expect(paths.map((p) => p.slice(dir.length + 1))).toEqual(['tables-nodes.csv', 'tables-edges.csv', 'tables-mentions.csv', 'tables-claims.csv', 'tables-passages.csv', 'tables-README.txt'])
    expect(readFileSync(paths[0]!, 'utf8')).toBe(files[0]!.content)
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('leaves nothing behind when a file cannot be written', () => {
    const dir = join(t.dir, 'nowhere', 'deeper')
    expect(() => writeExport(snap, 'graphml', join(dir, 'g.graphml'))).toThrow()
    expect(existsSync(join(t.dir, 'nowhere'))).toBe(false)
  })

  it('refuses a W3C export from a snapshot without code points', () => {
    expect(() => renderExport(snap, 'w3c')).toThrow(/code-point/)
  })
})

describe('export.data and annotations.import through the handler table', () => {
  class Native implements NativeHost {
    saves: (string | null)[] = []
    opens: string[][] = []
    saveRequests: { title: string; defaultPath: string }[] = []
    events: AppEvent[] = []
    async showOpenDialog() {
      return this.opens.shift() ?? []
    }
    async showSaveDialog(o: { title: string; defaultPath: string }) {
      this.saveRequests.push(o)
      return this.saves.shift() ?? null
    }
    emit(e: AppEvent) {
      this.events.push(e)
    }
  }

  it('exports every format through a save dialog, and cancelling writes nothing', async () => {
    const dir = tempDir('rwb-export-app-')
    const native = new Native()
    const core = new AppCore({ dataDir: join(dir.dir, 'data'), seedsDir: null, native, saveDelayMs: 60_000 })
    try {
      const proj = await buildProject(dir.dir, 'App.rwb')
      await proj.db.close()
      await core.openProject(proj.path, false)
      const handlers = createHandlers(core)
      for (const format of ['graphml', 'gexf', 'csv', 'ftm', 'w3c', 'cyjs'] as const) {
        native.saves.push(join(dir.dir, `out-${format}`))
        const res = await dispatch(handlers, 'export.data', { format })
        expect(res.ok).toBe(true)
        const value = (res as { ok: true; value: { format: string; paths: string[] } }).value
        expect(value.format).toBe(format)
        expect(value.paths).toHaveLength(format === 'csv' ? 6 : 1)
        for (const p of value.paths) expect(readFileSync(p, 'utf8').length).toBeGreaterThan(10)
      }
      expect(native.saveRequests[0]!.defaultPath).toBe(join(dir.dir, 'App.graphml'))
      const before = readdirSync(dir.dir).length
      expect(await dispatch(handlers, 'export.data', { format: 'gexf' })).toEqual({ ok: true, value: null })
      expect(readdirSync(dir.dir).length).toBe(before)
      expect((await dispatch(handlers, 'export.data', { format: 'pdf' })).ok).toBe(false)

      // annotations.import: our own W3C export back into the same project is all duplicates
      native.opens.push([join(dir.dir, 'out-w3c.jsonld')])
      const imp = await dispatch(handlers, 'annotations.import', {})
      expect(imp).toMatchObject({ ok: true, value: { imported: 0, skippedDuplicates: fx.mentionCount, unresolved: [] } })
      expect(await dispatch(handlers, 'annotations.import', {})).toEqual({ ok: true, value: null })
      native.opens.push([join(dir.dir, 'out-cyjs.cyjs')])
      const wrong = await dispatch(handlers, 'annotations.import', {})
      expect(wrong).toMatchObject({ ok: false, error: { code: 'IMPORT_FAILED' } })
    } finally {
      await core.shutdown()
      dir.cleanup()
    }
  })
})
