// The session: which project is open (new, open, recent, backup, save as),
// its save state, and the user's settings.
import { z } from 'zod'
import { filePath, mutation, none, query, returns } from './define'

export interface ProjectInfo {
  path: string
  name: string
  documentCount: number
  entityCount: number
}

export interface SaveState {
  dirty: boolean
  saving: boolean
  lastSavedAt: string | null
  error: string | null
}

export interface RecentProject {
  path: string
  name: string
  openedAt: string
}

export interface Bootstrap {
  project: ProjectInfo
  save: SaveState
  /** Set when the last project could not be opened and a fresh one was used. */
  notice: string | null
  /** The last project that could not be opened, and whether its backup can be opened (project.openBackup). */
  damaged?: { path: string; backupAvailable: boolean } | null
}

export interface UserSettings {
  /** Recorded in the audit log with every change. */
  userName: string
  /** False until the user has chosen a name: the first start asks (userName is then the OS full name as a suggestion, '' when there is none but "root"). */
  chosen?: boolean
}

/**
 * How the window's side panes are laid out for one project: their widths in
 * CSS pixels and whether each is folded away. Kept in the app's settings
 * (keyed by the project's path), not in the project file: it is how this
 * machine shows the project, not the analyst's work, so changing it never
 * marks the project edited.
 */
export const paneLayoutSchema = z
  .object({
    libraryWidth: z.number().int().min(160).max(720),
    entitiesWidth: z.number().int().min(160).max(720),
    libraryCollapsed: z.boolean(),
    entitiesCollapsed: z.boolean()
  })
  .strict()
export type PaneLayout = z.infer<typeof paneLayoutSchema>

/**
 * Where reading stopped in one project: the document open and the canonical
 * text offset of the text run at the top of the reader. Kept in the app's settings like the
 * pane layout (how this machine shows the project, not the analyst's work).
 */
export const readingPlaceSchema = z
  .object({
    documentId: z.number().int().positive(),
    offset: z.number().int().min(0),
    /** Pixels from the line holding `offset` down to the top of the view. */
    dy: z.number().int().min(0).max(100_000)
  })
  .strict()
export type ReadingPlace = z.infer<typeof readingPlaceSchema>

/** The colour theme: 'system' follows the operating system (prefers-color-scheme). */
export const themeSchema = z.enum(['system', 'light', 'dark'])
export type Theme = z.infer<typeof themeSchema>

/** Another project is open when the dialog was not cancelled. */
const opened = (info: ProjectInfo | null) => (info ? (['session'] as const) : [])

export const projectContract = {
  'app.bootstrap': query({ args: none, result: returns<Bootstrap>(), runs: 'app' }),
  'project.info': query({ args: none, result: returns<ProjectInfo>(), runs: 'app' }),
  'project.new': mutation({ args: none, result: returns<ProjectInfo | null>(), runs: 'app', changes: opened }),
  'project.open': mutation({ args: none, result: returns<ProjectInfo | null>(), runs: 'app', changes: opened }),
  'project.openRecent': mutation({ args: z.object({ path: filePath }).strict(), result: returns<ProjectInfo>(), runs: 'app', changes: opened }),
  /** Opens a copy of `<path>.bak` (the last good save of a damaged project) saved beside it as a new file. */
  'project.openBackup': mutation({ args: z.object({ path: filePath }).strict(), result: returns<ProjectInfo>(), runs: 'app', changes: opened }),
  /** The same project under another name: its info and the recent list change, not its data. */
  'project.saveAs': mutation({
    args: none,
    result: returns<ProjectInfo | null>(),
    runs: 'app',
    changes: (info) => (info ? ['project'] : [])
  }),
  /** A self-contained copy of the project (its originals inside the one file) for another analyst; the open project stays. */
  'project.exportOneFile': mutation({ args: none, result: returns<{ path: string } | null>(), runs: 'app', changes: [] }),
  'project.recent': query({ args: none, result: returns<RecentProject[]>(), runs: 'app' }),
  'project.saveState': query({ args: none, result: returns<SaveState>(), runs: 'app' }),
  'settings.userName': query({ args: none, result: returns<UserSettings>(), runs: 'app' }),
  'settings.setUserName': mutation({
    args: z.object({ userName: z.string().trim().min(1, 'a name is required').max(100) }).strict(),
    result: returns<UserSettings>(),
    runs: 'app',
    changes: ['settings']
  }),
  /** The open project's pane layout; null when it was never changed on this machine. */
  'settings.paneLayout': query({ args: none, result: returns<PaneLayout | null>(), runs: 'app' }),
  'settings.setPaneLayout': mutation({ args: paneLayoutSchema, result: returns<PaneLayout>(), runs: 'app', changes: [] }),
  /** The open project's reading place on this machine; null when none was kept. */
  'settings.readingPlace': query({ args: none, result: returns<ReadingPlace | null>(), runs: 'app' }),
  'settings.setReadingPlace': mutation({ args: readingPlaceSchema, result: returns<ReadingPlace>(), runs: 'app', changes: [] }),
  'settings.theme': query({ args: none, result: returns<{ theme: Theme }>(), runs: 'app' }),
  'settings.setTheme': mutation({ args: z.object({ theme: themeSchema }).strict(), result: returns<{ theme: Theme }>(), runs: 'app', changes: [] })
}
