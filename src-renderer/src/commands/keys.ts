// Matching key presses against the declared shortcuts. Pure (the caller says
// whether the user is typing), so every platform is tested without a DOM.
// Modifiers match exactly: Mod+O is Ctrl+O off macOS and Cmd+O on it, and
// neither matches Ctrl+Shift+O; letters match either case.
import { COMMAND_IDS, COMMANDS, keysFor, pageHandlesKeys, type CommandId, type Platform } from '@contract/commands'
import type { KeyEnv } from './platform'

export interface ParsedKeys {
  /** Lower case: "o", "1", "escape". */
  key: string
  ctrl: boolean
  meta: boolean
  alt: boolean
  shift: boolean
}

export type KeyLike = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>

/** "Mod+Shift+I" → its key and modifiers on a platform (Mod = Cmd on macOS, Ctrl elsewhere). */
export function parseKeys(keys: string, platform: Platform): ParsedKeys {
  const parts = keys.split('+')
  const mods = new Set(parts.slice(0, -1).map((p) => p.toLowerCase()))
  const mac = platform === 'darwin'
  return {
    key: parts[parts.length - 1]!.toLowerCase(),
    ctrl: mods.has('ctrl') || (mods.has('mod') && !mac),
    meta: mods.has('cmd') || mods.has('meta') || (mods.has('mod') && mac),
    alt: mods.has('alt'),
    shift: mods.has('shift')
  }
}

export function keysMatch(e: KeyLike, keys: string, platform: Platform): boolean {
  const k = parseKeys(keys, platform)
  return e.key.toLowerCase() === k.key && e.ctrlKey === k.ctrl && e.metaKey === k.meta && e.altKey === k.alt && e.shiftKey === k.shift
}

/**
 * The command a key press asks for, or null. `typing`: the focus is in a text
 * field, where shortcuts declared `whileTyping: false` (single letters,
 * Undo/Redo) are left to the field.
 */
export function commandForKey(e: KeyLike, env: KeyEnv, typing: boolean): CommandId | null {
  for (const id of COMMAND_IDS) {
    const decl = COMMANDS[id]
    if (typing && 'whileTyping' in decl && decl.whileTyping === false) continue
    if (!pageHandlesKeys(id, env.platform, env.inElectron)) continue
    if (keysFor(id, env.platform).some((keys) => keysMatch(e, keys, env.platform))) return id
  }
  return null
}

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'url', 'tel', 'email', 'password', 'number', ''])

/** True when typing goes into `el` (where Ctrl+Z means "undo my typing" and T is a letter). */
export function isTextField(el: Element | null): boolean {
  if (!el || typeof HTMLElement === 'undefined') return false
  if (el instanceof HTMLTextAreaElement) return !el.readOnly
  if (el instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(el.type) && !el.readOnly
  return el instanceof HTMLElement && el.isContentEditable
}

/** Whether a key event goes into a text field or a list box (a focused <select> takes letters: it jumps to the option). */
export function isTyping(e: Pick<Event, 'target'>): boolean {
  if (typeof document === 'undefined') return false
  const target = e.target instanceof Element ? e.target : null
  return isTextField(target) || isTextField(document.activeElement) || target instanceof HTMLSelectElement
}
