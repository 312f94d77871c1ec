// The application session: which project is open, opening and creating
// projects, first-start seeding, and importing files. Electron-free, so unit
// tests, the e2e harness and the CLI drive exactly what the app runs.
import { existsSync, mkdirSync, readdirSync, writeFileSync, renameSync } from 'node:fs'
import { basename, dirname, extname, join } from 'node:path'
import type { Bootstrap } from '../../contract/api'
import type { ImportResult, ProjectInfo, SaveState } from '../../contract/types'
import { ProjectDb } from '../db/projectDb'
import { IMPORTABLE_EXTENSIONS, parseForImport, readForImport } from '../import/importFile'
import { listImportable } from '../import/listImportable'
import { CoreError, isCoreError } from './errors'
import type { NativeHost } from './native'
import { SettingsStore } from './settings'

export interface AppCoreOptions {
  /** The user's data folder: settings and the default project live here. */
  dataDir: string
  /** Sample articles imported into the first project. */
  seedsDir: string | null
  native: NativeHost
  saveDelayMs?: number
}

export const PROJECT_EXTENSION = 'rwb'
export const DEFAULT_PROJECT_NAME = 'Research Workbench'
const PROJECT_FILTER = { name: 'Research Workbench project', extensions: [PROJECT_EXTENSION] }

function withExtension(path: string): string {
  return extname(path).toLowerCase() === `.${PROJECT_EXTENSION}` ? path : `${path}.${PROJECT_EXTENSION}`
}

export class AppCore {
  readonly settings: SettingsStore
  private project: ProjectDb | null = null
  private unsubscribe: (() => void) | null = null
  private importToken: { cancelled: boolean } | null = null

  constructor(readonly opts: AppCoreOptions) {
    mkdirSync(opts.dataDir, { recursive: true })
    this.settings = new SettingsStore(opts.dataDir)
  }

  get native(): NativeHost {
    return this.opts.native
  }

  db(): ProjectDb {
    if (!this.project) throw new CoreError('NO_PROJECT', 'No project is open.')
    return this.project
  }

  /** Opens the last project, or on first start creates one with the sample articles. */
  async bootstrap(): Promise<Bootstrap> {
    let notice: string | null = null
    if (!this.project) {
      const last = this.settings.get().lastProject
      if (last && existsSync(last)) {
        try {
          await this.openProject(last, false)
        } catch (e) {
          notice = `${basename(last)} could not be opened: ${(e as Error).message} A new project was started instead; the file was left untouched.`
        }
      }
      if (!this.project) await this.openDefaultProject()
    }
    return { project: await this.info(), save: this.db().saveState, notice }
  }

  private async openDefaultProject(): Promise<void> {
    let path = join(this.opts.dataDir, `${DEFAULT_PROJECT_NAME}.${PROJECT_EXTENSION}`)
    if (existsSync(path)) {
      try {
        await this.openProject(path, false)
        return
      } catch {
        // never overwrite a file we could not read: start beside it instead
        for (let n = 2; existsSync(path); n++) path = join(this.opts.dataDir, `${DEFAULT_PROJECT_NAME} ${n}.${PROJECT_EXTENSION}`)
      }
    }
    await this.openProject(path, true)
    await this.importSeeds()
  }

  private async importSeeds(): Promise<ImportResult[]> {
    const dir = this.opts.seedsDir
    if (!dir || !existsSync(dir)) return []
    const files = readdirSync(dir)
      .filter((f) => IMPORTABLE_EXTENSIONS.includes(extname(f).slice(1).toLowerCase()))
      .sort()
      .map((f) => join(dir, f))
    const results = await this.importPaths(files)
    await this.db().save()
    return results
  }

  async openProject(path: string, create: boolean): Promise<ProjectInfo> {
    const next = await ProjectDb.open(path, { create, saveDelayMs: this.opts.saveDelayMs })
    await this.closeProject()
    this.project = next
    this.unsubscribe = next.onSaveState((state) => this.native.emit({ kind: 'save', state }))
    const info = await this.info()
    this.settings.rememberProject(path, info.name)
    this.native.emit({ kind: 'project', info })
    return info
  }

  /** Flushes and closes the open project. If the last save fails, the project stays open. */
  async closeProject(): Promise<void> {
    if (!this.project) return
    await this.project.close()
    this.unsubscribe?.()
    this.project = null
  }

  async info(): Promise<ProjectInfo> {
    const db = this.db()
    const counts = await db.call('project.counts', undefined)
    return { path: db.path, name: basename(db.path, extname(db.path)), ...counts }
  }

  saveState(): SaveState {
    return this.db().saveState
  }

  private defaultDir(): string {
    return this.project ? dirname(this.project.path) : this.opts.dataDir
  }

  async newProjectDialog(): Promise<ProjectInfo | null> {
    const chosen = await this.native.showSaveDialog({
      title: 'New project',
      filters: [PROJECT_FILTER],
      defaultPath: join(this.defaultDir(), `Untitled.${PROJECT_EXTENSION}`)
    })
    if (!chosen) return null
    const path = withExtension(chosen)
    if (existsSync(path)) {
      throw new CoreError('CONFLICT', `${basename(path)} already exists. Choose another name, or open it with Project → Open.`)
    }
    return this.openProject(path, true)
  }

  async openProjectDialog(): Promise<ProjectInfo | null> {
    const [chosen] = await this.native.showOpenDialog({ title: 'Open project', filters: [PROJECT_FILTER], multiple: false, defaultPath: this.defaultDir() })
    return chosen ? this.openProject(chosen, false) : null
  }

  async saveAsDialog(): Promise<ProjectInfo | null> {
    const db = this.db()
    const chosen = await this.native.showSaveDialog({
      title: 'Save project as',
      filters: [PROJECT_FILTER],
      defaultPath: join(this.defaultDir(), `${basename(db.path, extname(db.path))} copy.${PROJECT_EXTENSION}`)
    })
    if (!chosen) return null
    const path = withExtension(chosen)
    await db.saveAs(path)
    const info = await this.info()
    this.settings.rememberProject(path, info.name)
    this.native.emit({ kind: 'project', info })
    return info
  }

  async openRecent(path: string): Promise<ProjectInfo> {
    if (!this.settings.get().recent.some((r) => r.path === path)) {
      throw new CoreError('NOT_FOUND', 'That project is not in the recent list.')
    }
    if (!existsSync(path)) {
      this.settings.forget(path)
      throw new CoreError('NOT_FOUND', `${basename(path)} no longer exists; it was removed from the recent list.`)
    }
    return this.openProject(path, false)
  }

  async openFilesDialog(): Promise<ImportResult[]> {
    const paths = await this.native.showOpenDialog({
      title: 'Open articles',
      filters: [{ name: 'Articles', extensions: IMPORTABLE_EXTENSIONS }],
      multiple: true
    })
    return this.importPaths(paths)
  }

  /**
   * Imports each file in turn; one bad file never stops the others. Progress
   * goes to the renderer as events; `cancelImport` stops before the next file.
   */
  async importPaths(paths: string[]): Promise<ImportResult[]> {
    this.db()
    const results: ImportResult[] = []
    const token = { cancelled: false }
    this.importToken = token
    const total = paths.length
    try {
      for (const [i, path] of paths.entries()) {
        if (token.cancelled) {
          results.push({ path, status: 'cancelled', reason: 'import cancelled before this file' })
          continue
        }
        this.native.emit({ kind: 'import', progress: { done: i, total, current: path } })
        results.push(await this.importOne(path))
      }
    } finally {
      if (this.importToken === token) this.importToken = null
      this.native.emit({ kind: 'import', progress: { done: total, total, current: null } })
    }
    return results
  }

  /** Stops a running import after the file it is reading. */
  cancelImport(): boolean {
    if (!this.importToken) return false
    this.importToken.cancelled = true
    return true
  }

  /** One file: read, check for a duplicate by hash, parse, store. */
  private async importOne(path: string): Promise<ImportResult> {
    const db = this.db()
    try {
      const file = readForImport(path)
      const existing = await db.call('documents.findBySha', { sha256: file.sha256 })
      if (existing) {
        return { path, status: 'duplicate', documentId: existing.id, title: existing.title, reason: `already in the project as “${existing.title}”` }
      }
      const parsed = parseForImport(file)
      const id = await db.call('documents.insert', {
        ...parsed,
        sourcePath: path,
        mediaType: file.mediaType,
        sha256: file.sha256,
        original: file.bytes
      })
      return { path, status: 'imported', documentId: id, title: parsed.title }
    } catch (e) {
      return { path, status: 'failed', reason: isCoreError(e) ? e.message : `unexpected error: ${(e as Error).message}` }
    }
  }

  async importFolderDialog(): Promise<ImportResult[]> {
    const [dir] = await this.native.showOpenDialog({ title: 'Import folder', filters: [], multiple: false, directory: true })
    return dir ? this.importPaths(listImportable([dir])) : []
  }

  /** Files and folders dropped on the window: folders are walked recursively. */
  async importDropped(paths: string[]): Promise<ImportResult[]> {
    return this.importPaths(listImportable(paths))
  }

  async savePng(bytes: Uint8Array, suggestedName: string): Promise<{ path: string } | null> {
    const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
    if (!PNG_SIGNATURE.every((b, i) => bytes[i] === b)) throw new CoreError('BAD_ARGS', 'The image is not a PNG.')
    const safeName = suggestedName.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').trim() || 'map'
    const chosen = await this.native.showSaveDialog({
      title: 'Export map as PNG',
      filters: [{ name: 'PNG image', extensions: ['png'] }],
      defaultPath: join(this.defaultDir(), safeName.toLowerCase().endsWith('.png') ? safeName : `${safeName}.png`)
    })
    if (!chosen) return null
    const path = extname(chosen).toLowerCase() === '.png' ? chosen : `${chosen}.png`
    const tmp = `${path}.tmp`
    try {
      writeFileSync(tmp, bytes)
      renameSync(tmp, path)
    } catch (e) {
      throw new CoreError('IO', `Could not write ${basename(path)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`)
    }
    return { path }
  }

  /** Flushes the open project: call on quit. */
  async shutdown(): Promise<void> {
    await this.closeProject()
  }
}
