// The application session: which project is open, opening and creating
// projects, first-start seeding, and importing files. Electron-free, so unit
// tests, the e2e harness and the CLI drive exactly what the app runs.
import { constants as fsConstants, copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import { basename, dirname, extname, join, resolve } from 'node:path'
import type { Bootstrap } from '../../contract/api'
import type { ImportResult, ProjectInfo, SaveState } from '../../contract/types'
import { ProjectDb } from '../db/projectDb'
import { shareOriginalsFolder } from '../db/originals'
import { backupPath } from '../db/projectLock'
import { IMPORTABLE_EXTENSIONS, readForImport } from '../import/readFile'
import { listImportable } from '../import/listImportable'
import { cancelCurrentImport, IMPORT_CANCELLED, parseIsolated } from '../import/isolated'
import { CoreError, isCoreError } from './errors'
import type { NativeHost } from './native'
import { SettingsStore } from './settings'
import type { AnnotationImportReport, DataExportFormat, DataExportResult } from '../../contract/api'
import { exportDataDialog, exportOneFileDialog, importAnnotationsDialog } from '../export/dialogs'
import { saveImageDialog, type ImageKind } from '../export/image/saveImage'
import { fsyncFile } from '../fs/atomicWrite'
import { SuggestService } from '../suggest/service'

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
  /** Entity suggestions: computed in their own worker, cached in the project. */
  readonly suggestions = new SuggestService()
  private project: ProjectDb | null = null
  private unsubscribe: (() => void) | null = null
  /** Projects that failed to open this session with a good backup: project.openBackup may copy those. */
  private readonly backupOffers = new Set<string>()
  /** The bootstrap in flight: a second call (a renderer reload during first start) waits for it. */
  private booting: Promise<Bootstrap> | null = null
  private importToken: { cancelled: boolean } | null = null
  /** Whether the file being imported is being OCRed now (Cancel then stops it at once). */
  private ocrRunning = false

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
  bootstrap(): Promise<Bootstrap> {
    return (this.booting ??= this.doBootstrap().finally(() => (this.booting = null)))
  }

  private async doBootstrap(): Promise<Bootstrap> {
    let notice: string | null = null
    let damaged: Bootstrap['damaged'] = null
    if (!this.project) {
      const last = this.settings.get().lastProject
      if (last && existsSync(last)) {
        try {
          await this.openProject(last, false)
        } catch (e) {
          const backupAvailable = isCoreError(e) && e.details?.backupAvailable === true
          notice = `${basename(last)} could not be opened: ${(e as Error).message} A new project was started instead; the file was left untouched.`
          if (backupAvailable) notice += ' Its last good save can be opened as a copy with Open Backup.'
          if (isCoreError(e) && e.code === 'PROJECT_INVALID') damaged = { path: last, backupAvailable }
        }
      }
      if (!this.project) await this.openDefaultProject()
    }
    notice ??= this.db().openNotice
    return { project: await this.info(), save: this.db().saveState, notice, damaged }
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
    // The project that is already open: keep it (and its unsaved edits) as it is.
    if (this.project && !create && resolve(this.project.path) === resolve(path)) {
      const info = await this.info()
      this.settings.rememberProject(this.project.path, info.name)
      this.native.emit({ kind: 'project', info })
      return info
    }
    // Flush the current project first: if it cannot be saved, nothing else
    // happens (no new file is created, no other project is opened) and its
    // edits stay in memory for Save As.
    if (this.project) {
      const state = await this.project.save()
      if (state.error) throw new CoreError('IO', state.error)
    }
    const existed = existsSync(path)
    let next: ProjectDb
    try {
      next = await ProjectDb.open(path, { create, saveDelayMs: this.opts.saveDelayMs })
    } catch (e) {
      // A damaged project whose backup is good: the UI may now ask for the backup.
      if (isCoreError(e) && e.details?.backupAvailable === true) this.backupOffers.add(path)
      throw e
    }
    try {
      await this.closeProject()
    } catch (e) {
      // An edit arrived after the flush and could not be saved: stay where we were.
      await next.abandon()
      if (create && !existed) {
        rmSync(path, { force: true })
        rmSync(`${path}.bak`, { force: true })
        rmSync(`${path}.journal`, { force: true })
      }
      throw e
    }
    this.project = next
    this.unsubscribe = next.onSaveState((state) => this.native.emit({ kind: 'save', state }))
    await this.syncUserName()
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

  /**
   * Opens the last good save of a damaged project: copies `<path>.bak` to a
   * NEW file beside it (`<name> (recovered).rwb`, numbered if taken) and opens
   * that. The damaged file and its backup are never written. Only for a
   * project whose open failed with a backup on offer, or a recent project.
   */
  async openBackup(path: string): Promise<ProjectInfo> {
    const known = this.backupOffers.has(path) || this.settings.get().recent.some((r) => r.path === path) || this.settings.get().lastProject === path
    if (!known) throw new CoreError('NOT_FOUND', 'There is no backup on offer for that project.')
    const bak = backupPath(path)
    if (!existsSync(bak)) throw new CoreError('NOT_FOUND', `${basename(path)} has no backup (${basename(bak)} does not exist).`)
    // The open project must be saved before switching (see openProject); say so plainly if it cannot be.
    if (this.project) {
      const state = await this.project.save()
      if (state.error) throw new CoreError('IO', state.error)
    }
    const dir = dirname(path)
    const name = basename(path, extname(path))
    let target = join(dir, `${name} (recovered).${PROJECT_EXTENSION}`)
    for (let n = 2; existsSync(target) || existsSync(`${target}.lock`); n++) target = join(dir, `${name} (recovered ${n}).${PROJECT_EXTENSION}`)
    try {
      // COPYFILE_EXCL: never replace a file that appeared meanwhile.
      copyFileSync(bak, target, fsConstants.COPYFILE_EXCL)
      fsyncFile(target)
      shareOriginalsFolder(path, target)
    } catch (e) {
      throw new CoreError('IO', `Could not copy the backup of ${basename(path)} to ${basename(target)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`)
    }
    try {
      const info = await this.openProject(target, false)
      this.backupOffers.delete(path)
      return info
    } catch (e) {
      rmSync(target, { force: true }) // our own copy, never the original or its backup
      const why = e instanceof Error ? e.message : String(e)
      throw new CoreError(isCoreError(e) ? e.code : 'INTERNAL', `The backup of ${basename(path)} could not be opened either: ${why}`)
    }
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
        // A scan's pages are recognised one by one: each page is a step of the progress.
        const onOcrProgress = (done: number, pages: number) => {
          this.ocrRunning = done < pages
          this.native.emit({ kind: 'import', progress: { done: i, total, current: path, ocr: { done, total: pages } } })
        }
        results.push(await this.importOne(path, onOcrProgress, token))
      }
    } finally {
      if (this.importToken === token) this.importToken = null
      this.ocrRunning = false
      this.native.emit({ kind: 'import', progress: { done: total, total, current: null } })
    }
    // New documents get their suggestions computed in the background.
    this.suggestions.enqueue(this.db(), results.flatMap((r) => (r.status === 'imported' && r.documentId !== undefined ? [r.documentId] : [])))
    return results
  }

  /** Stops a running import after the file it is reading, or at once when that file is being OCRed. */
  cancelImport(): boolean {
    if (!this.importToken) return false
    this.importToken.cancelled = true
    if (this.ocrRunning) cancelCurrentImport()
    return true
  }

  /** One file: read, check for a duplicate by hash, parse, store. */
  private async importOne(path: string, onOcrProgress?: (done: number, total: number) => void, token?: { cancelled: boolean }): Promise<ImportResult> {
    const db = this.db()
    try {
      const file = readForImport(path)
      const existing = await db.call('documents.findBySha', { sha256: file.sha256 })
      if (existing) {
        return { path, status: 'duplicate', documentId: existing.id, title: existing.title, reason: `already in the project as “${existing.title}”` }
      }
      // Parsed in the import worker (time and memory caps), off main's event loop.
      const parsed = await parseIsolated(file, { onOcrProgress })
      const id = await db.call('documents.insert', {
        ...parsed,
        sourcePath: path,
        mediaType: file.mediaType,
        sha256: file.sha256,
        original: file.bytes
      })
      return { path, status: 'imported', documentId: id, title: parsed.title }
    } catch (e) {
      if (token?.cancelled && isCoreError(e) && e.message === IMPORT_CANCELLED) return { path, status: 'cancelled', reason: IMPORT_CANCELLED }
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

  /** Export → map image: a save dialog, then an atomic write of bytes checked to be of `kind`. */
  async saveFile(bytes: Uint8Array, kind: ImageKind, suggestedName: string): Promise<{ path: string } | null> {
    return saveImageDialog(this.native, this.defaultDir(), { bytes, kind, suggestedName })
  }

  /** Export → data: see export/dialogs.ts. */
  exportDataDialog(format: DataExportFormat, opts: { coMentions?: boolean } = {}): Promise<DataExportResult | null> {
    return exportDataDialog(this.native, this.db(), this.defaultDir(), format, opts)
  }

  /** Project → Export Project as One File: see export/dialogs.ts. */
  exportOneFileDialog(): Promise<{ path: string } | null> {
    return exportOneFileDialog(this.native, this.db(), this.defaultDir())
  }

  /** File → Import annotations: see export/dialogs.ts. */
  importAnnotationsDialog(): Promise<(AnnotationImportReport & { path: string }) | null> {
    return importAnnotationsDialog(this.native, this.db(), this.defaultDir())
  }

  /** Tells the open project's worker who the user is (for its audit log). */
  async syncUserName(): Promise<void> {
    if (this.project) await this.project.call('session.setUser', { userName: this.settings.userName() })
  }

  /** Flushes the open project: call on quit. */
  async shutdown(): Promise<void> {
    await this.suggestions.close()
    await this.closeProject()
  }
}
