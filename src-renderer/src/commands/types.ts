// What a command does, as a feature contributes it to the registry
// (src-renderer/src/shell/commands/registry.ts). The declaration (label,
// shortcut, menu) is in src-main/contract/commands.ts; this is only behaviour.
import type { CommandId } from '@contract/commands'
import type { AppState } from '../store'

export interface CommandImpl {
  /**
   * Whether the command applies now. A key press for a disabled command is
   * left to the page (so T without a selection is just a T), a button shows
   * it disabled, a menu click says `whyDisabled`.
   */
  enabled(state: AppState): boolean
  perform(state: AppState): void | Promise<unknown>
  /** Told (as an info toast) when the menu or a button asks for the command while it is disabled. */
  whyDisabled?: (state: AppState) => string
}

/** A feature's share of the registry: exactly the ids it implements. */
export type CommandImpls<Id extends CommandId> = { readonly [K in Id]: CommandImpl }

/** Where a command was asked for: a key press is silent when disabled, the menu and buttons explain. */
export type CommandSource = 'key' | 'menu' | 'button'

/** Always enabled. */
export const always = (): boolean => true
