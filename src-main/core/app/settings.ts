// App settings kept beside the user's data (not in a project): the recent
// projects and which one to reopen, and how each project's side panes were
// laid out on this machine (widths, folded or not; keyed by the project's
// path, so a project copied elsewhere starts with the default layout). Written atomically and durably
// (core/fs/atomicWrite.ts); a damaged file is treated as empty rather than
// stopping the app.
import { mkdirSync, readFileSync } from 'node:fs'
import { userInfo } from 'node:os'
import { join } from 'node:path'
import type { RecentProject } from '../../contract/api'
import { paneLayoutSchema, type PaneLayout } from '../../contract/project'
import { writeFileAtomic } from '../fs/atomicWrite'

export interface Settings {
  lastProject: string | null
  recent: RecentProject[]
  /** The name the audit log records for this user; null: the operating system's user name. */
  userName?: string | null
  /** Pane layouts by project path, the most recently changed last. */
  paneLayouts?: Record<string, PaneLayout>
}

const MAX_RECENT = 10
/** Layouts remembered; the oldest are forgotten first (a few dozen bytes each). */
const MAX_PANE_LAYOUTS = 50

/** The valid entries of a stored layout table; anything malformed is dropped, never fatal. */
function readPaneLayouts(raw: unknown): Record<string, PaneLayout> {
  const out: Record<string, PaneLayout> = {}
  if (!raw || typeof raw !== 'object') return out
  for (const [path, value] of Object.entries(raw as Record<string, unknown>)) {
    const ok = paneLayoutSchema.safeParse(value)
    if (ok.success) out[path] = ok.data
  }
  return out
}

export class SettingsStore {
  private readonly file: string
  private data: Settings = { lastProject: null, recent: [] }

  constructor(readonly dataDir: string) {
    this.file = join(dataDir, 'settings.json')
    try {
      const raw = JSON.parse(readFileSync(this.file, 'utf8')) as Partial<Settings>
      this.data = {
        lastProject: typeof raw.lastProject === 'string' ? raw.lastProject : null,
        recent: Array.isArray(raw.recent) ? raw.recent.filter((r) => typeof r?.path === 'string').slice(0, MAX_RECENT) : [],
        userName: typeof raw.userName === 'string' && raw.userName.trim() ? raw.userName.trim().slice(0, 100) : null,
        paneLayouts: readPaneLayouts(raw.paneLayouts)
      }
    } catch {
      // first start, or an unreadable file: start empty
    }
  }

  get(): Settings {
    return this.data
  }

  rememberProject(path: string, name: string): void {
    const recent = [{ path, name, openedAt: new Date().toISOString() }, ...this.data.recent.filter((r) => r.path !== path)]
    this.data = { ...this.data, lastProject: path, recent: recent.slice(0, MAX_RECENT) }
    this.write()
  }

  forget(path: string): void {
    this.data = {
      ...this.data,
      lastProject: this.data.lastProject === path ? null : this.data.lastProject,
      recent: this.data.recent.filter((r) => r.path !== path)
    }
    this.write()
  }

  /** The user's name for the audit log: the one set, else the operating system's user name. */
  userName(): string {
    if (this.data.userName) return this.data.userName
    try {
      return userInfo().username || 'analyst'
    } catch {
      return 'analyst'
    }
  }

  setUserName(name: string): void {
    const clean = name.trim().slice(0, 100)
    this.data = { ...this.data, userName: clean || null }
    this.write()
  }

  paneLayout(projectPath: string): PaneLayout | null {
    return this.data.paneLayouts?.[projectPath] ?? null
  }

  setPaneLayout(projectPath: string, layout: PaneLayout): void {
    const rest = Object.entries(this.data.paneLayouts ?? {}).filter(([p]) => p !== projectPath)
    const kept = [...rest, [projectPath, layout] as const].slice(-MAX_PANE_LAYOUTS)
    this.data = { ...this.data, paneLayouts: Object.fromEntries(kept) }
    this.write()
  }

  private write(): void {
    mkdirSync(this.dataDir, { recursive: true })
    writeFileAtomic(this.file, JSON.stringify(this.data, null, 2))
  }
}
