// What the core needs from the platform. Electron supplies dialogs and the
// window; the e2e harness and the CLI supply their own.
import type { AppEvent } from '../../contract/types'

export interface FileFilter {
  name: string
  extensions: string[]
}

export interface NativeHost {
  /** Paths chosen, or [] when the user cancelled. */
  showOpenDialog(opts: { title: string; filters: FileFilter[]; multiple: boolean; defaultPath?: string; directory?: boolean }): Promise<string[]>
  /** Path chosen, or null when the user cancelled. */
  showSaveDialog(opts: { title: string; filters: FileFilter[]; defaultPath: string }): Promise<string | null>
  /** Sends an event to the renderer. */
  emit(event: AppEvent): void
}
