// App settings kept beside the user's data (not in a project): the recent
// projects and which one to reopen, and how each project's side panes were
// laid out on this machine (widths, folded or not; keyed by the project's
// path, so a project copied elsewhere starts with the default layout), the
// reading place per project (the document open and how far down it was), the
// colour theme and the user's display name. Written atomically and durably
// (core/fs/atomicWrite.ts); a damaged file is treated as empty rather than
// stopping the app.
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { RecentProject } from '../../contract/api'
import { paneLayoutSchema, readingPlaceSchema, themeSchema, type PaneLayout, type ReadingPlace, type Theme } from '../../contract/project'
import { writeFileAtomic } from '../fs/atomicWrite'
import { osDisplayName } from './osUser'

export interface Settings {
  lastProject: string | null
  recent: RecentProject[]
  /** The name the audit log records for this user; null: the operating system's user name. */
  userName?: string | null
  /** Pane layouts by project path, the most recently changed last. */
  paneLayouts?: Record<string, PaneLayout>
  /** Where reading stopped, by project path, the most recently changed last. */
  readingPlaces?: Record<string, ReadingPlace>
  /** Light, dark, or (absent) whatever the operating system uses. */
  theme?: Theme
}

const MAX_RECENT = 10
/** Layouts remembered; the oldest are forgotten first (a few dozen bytes each). */
const MAX_PANE_LAYOUTS = 50

/** The valid entries of a stored per-project table; anything malformed is dropped, never fatal. */
function readTable<T>(raw: unknown, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }): Record<string, T> {
  const out: Record<string, T> = {}
  if (!raw || typeof raw !== 'object') return out
  for (const [path, value] of Object.entries(raw as Record<string, unknown>)) {
    const ok = schema.safeParse(value)
    if (ok.success) out[path] = ok.data
  }
  return out
}

/** `table` with `path` set to `value`, moved last, the oldest dropped beyond `max`. */
function withEntry<T>(table: Record<string, T> | undefined, path: string, value: T, max: number): Record<string, T> {
  const rest = Object.entries(table ?? {}).filter(([p]) => p !== path)
  return Object.fromEntries([...rest, [path, value] as const].slice(-max))
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
        paneLayouts: readTable(raw.paneLayouts, paneLayoutSchema),
        readingPlaces: readTable(raw.readingPlaces, readingPlaceSchema),
        theme: themeSchema.safeParse(raw.theme).success ? (raw.theme as Theme) : 'system'
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

  /** The user's name for the audit log: the one set, else the operating system's full name (never a bare "root"). */
  userName(): string {
    return this.data.userName || osDisplayName() || 'analyst'
  }

  /** Whether the user has chosen a name (the first start asks for one). */
  userNameChosen(): boolean {
    return !!this.data.userName
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
    this.data = { ...this.data, paneLayouts: withEntry(this.data.paneLayouts, projectPath, layout, MAX_PANE_LAYOUTS) }
    this.write()
  }

  readingPlace(projectPath: string): ReadingPlace | null {
    return this.data.readingPlaces?.[projectPath] ?? null
  }

  setReadingPlace(projectPath: string, place: ReadingPlace): void {
    this.data = { ...this.data, readingPlaces: withEntry(this.data.readingPlaces, projectPath, place, MAX_PANE_LAYOUTS) }
    this.write()
  }

  theme(): Theme {
    return this.data.theme ?? 'system'
  }

  setTheme(theme: Theme): void {
    this.data = { ...this.data, theme }
    this.write()
  }

  private write(): void {
    mkdirSync(this.dataDir, { recursive: true })
    writeFileAtomic(this.file, JSON.stringify(this.data, null, 2))
  }
}
