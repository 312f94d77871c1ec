// Events main sends to the page (save state, import progress, another
// project, native menu commands).
import type { ImportProgress } from './documents'
import type { MenuCommandId } from './commands'
import type { ProjectInfo, SaveState } from './project'

/** Commands the native menu sends to the renderer (declared in ./commands.ts). */
export type MenuCommand = MenuCommandId

export type AppEvent =
  | { kind: 'menu'; command: MenuCommand }
  | { kind: 'save'; state: SaveState }
  | { kind: 'project'; info: ProjectInfo }
  | { kind: 'import'; progress: ImportProgress }

