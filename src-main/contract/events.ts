// Events main sends to the page (save state, import progress, another
// project, native menu commands).
import type { ImportProgress } from './documents'
import type { ProjectInfo, SaveState } from './project'

/** Commands the native menu sends to the renderer. */
export type MenuCommand =
  | 'file.open'
  | 'file.importFolder'
  | 'project.new'
  | 'project.open'
  | 'project.saveAs'
  | 'export.mapPng'
  | 'view.reader'
  | 'view.map'
  | 'view.claims'
  | 'reader.find'
  | 'reader.tag'
  | 'export.graphml'
  | 'export.gexf'
  | 'export.csv'
  | 'export.ftm'
  | 'export.w3c'
  | 'export.cyjs'
  | 'annotations.import'
  // Edit and Tag menus (history/undo UI; the tag commands are handled by the
  // helpers owning those panels through the renderer's `rwb:command` event).
  | 'edit.undo'
  | 'edit.redo'
  | 'tag.selection'
  | 'claims.new'
  | 'entities.tagAll'
  | 'entities.merge'
  | 'entities.manageTypes'
  | 'history.audit'
  | 'settings.userName'

export type AppEvent =
  | { kind: 'menu'; command: MenuCommand }
  | { kind: 'save'; state: SaveState }
  | { kind: 'project'; info: ProjectInfo }
  | { kind: 'import'; progress: ImportProgress }

