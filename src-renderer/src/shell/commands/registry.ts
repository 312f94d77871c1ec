// The command registry: every declared command id (src-main/contract/
// commands.ts) → what it does, joined from the features that own the
// behaviour (each through its index.ts) and the shell's own. The type makes a
// missing id a compile error. Keys, menu clicks and buttons all run commands
// by id through here; one window keydown handler matches the declared
// shortcuts.
//
// No window events: a command's implementation is a plain object the
// registry calls. Behaviour that needs a mounted component (the reader's
// selection) is reached through a handle that component registers while
// mounted (see reader/commands.ts for why a handle rather than a store field).
import type { CommandId } from '@contract/commands'
import { claimCommands } from '../../claims'
import { commandForKey, isTyping, keyEnv, runImpl, type CommandImpl, type CommandSource } from '../../commands'
import { entityCommands } from '../../entities'
import { historyCommands } from '../../history'
import { libraryCommands } from '../../library'
import { readerCommands } from '../../reader'
import { useStore } from '../../store'
import { shellCommands } from './shellCommands'

export const COMMAND_IMPLS: { readonly [K in CommandId]: CommandImpl } = {
  ...shellCommands,
  ...libraryCommands,
  ...readerCommands,
  ...entityCommands,
  ...historyCommands,
  ...claimCommands
}

/** Runs a command by id (from the native menu, a button, or a key). Resolves to whether it ran. */
export function runCommand(id: CommandId, source: CommandSource = 'button'): Promise<boolean> {
  return runImpl(COMMAND_IMPLS[id], source)
}

/** For buttons: whether a command is enabled, re-evaluated when the store changes. */
export function useCommandEnabled(id: CommandId): boolean {
  return useStore((s) => COMMAND_IMPLS[id].enabled(s))
}

/**
 * The window's keydown handler. A key that matches an enabled command is
 * consumed (so the browser, or the native menu's copy of the accelerator,
 * does not act on it too); a disabled command's key is left alone.
 */
export function onShortcutKey(e: KeyboardEvent): void {
  if (e.defaultPrevented || e.isComposing) return
  const id = commandForKey(e, keyEnv(), isTyping(e))
  if (!id || !COMMAND_IMPLS[id].enabled(useStore.getState())) return
  e.preventDefault()
  void runCommand(id, 'key')
}
