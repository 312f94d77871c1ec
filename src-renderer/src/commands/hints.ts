// Shortcut hints for buttons and tooltips, from the command declarations.
// macOS gets Apple's glyphs in Apple's order (⌃⌥⇧⌘, so Mod+Shift+I is ⇧⌘I,
// as the native menu shows it); elsewhere "Ctrl+Shift+I". One formatter, so
// the top bar, the panes and the menu never disagree.
import { keysFor, type CommandId } from '@contract/commands'
import { keyEnv, type KeyEnv } from './platform'
import { parseKeys } from './keys'

const KEY_NAMES: Record<string, [mac: string, other: string]> = {
  escape: ['⎋', 'Esc'],
  enter: ['↩', 'Enter']
}

/** "Mod+Shift+I" → "⇧⌘I" on macOS, "Ctrl+Shift+I" elsewhere. */
export function formatKeys(keys: string, env: Pick<KeyEnv, 'platform'> = keyEnv()): string {
  const k = parseKeys(keys, env.platform)
  const mac = env.platform === 'darwin'
  const named = KEY_NAMES[k.key]
  const key = named ? named[mac ? 0 : 1] : k.key.toUpperCase()
  if (mac) return `${k.ctrl ? '⌃' : ''}${k.alt ? '⌥' : ''}${k.shift ? '⇧' : ''}${k.meta ? '⌘' : ''}${key}`
  return [k.ctrl && 'Ctrl', k.meta && 'Win', k.alt && 'Alt', k.shift && 'Shift', key].filter(Boolean).join('+')
}

/** The displayed shortcut of a command, or null when it has none. */
export function shortcutHint(id: CommandId, env: Pick<KeyEnv, 'platform'> = keyEnv()): string | null {
  const keys = keysFor(id, env.platform)[0]
  return keys ? formatKeys(keys, env) : null
}

/** "Open articles" → "Open articles (Ctrl+O)" (unchanged when the command has no shortcut). */
export function withHint(text: string, id: CommandId, env: Pick<KeyEnv, 'platform'> = keyEnv()): string {
  const hint = shortcutHint(id, env)
  return hint ? `${text} (${hint})` : text
}
