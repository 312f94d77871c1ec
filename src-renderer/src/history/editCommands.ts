// Undo/redo from the keyboard, the toolbar and the native Edit menu. In a
// text field the browser's own text undo applies; everywhere else Ctrl/Cmd+Z
// undoes the last tagging action (kept in the project, see history.undo).
import { useStore } from '../store'

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'url', 'tel', 'email', 'password', 'number', ''])

/** True when typing goes into `el` (where Ctrl+Z means "undo my typing"). */
export function isTextField(el: Element | null): boolean {
  if (!el) return false
  if (el instanceof HTMLTextAreaElement) return !el.readOnly
  if (el instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(el.type) && !el.readOnly
  return el instanceof HTMLElement && el.isContentEditable
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)
/**
 * On macOS, Electron delivers Cmd+Z through the Edit menu (its accelerator is
 * registered there, or text undo would not work at all), so the page must not
 * act on the key as well. Everywhere else the menu only shows the shortcut
 * and the page handles the key.
 */
const menuOwnsUndoKeys = isMac && typeof navigator !== 'undefined' && /Electron/.test(navigator.userAgent)

/** The shortcut label shown in tooltips. */
export const UNDO_KEYS = isMac ? '⌘Z' : 'Ctrl+Z'
export const REDO_KEYS = isMac ? '⇧⌘Z' : 'Ctrl+Shift+Z'

/**
 * Ctrl/Cmd+Z → undo, Shift+Ctrl/Cmd+Z (and Ctrl+Y off macOS) → redo; null in
 * a text field, so the browser's text undo runs untouched.
 */
export function undoShortcut(e: KeyboardEvent): 'edit.undo' | 'edit.redo' | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey || menuOwnsUndoKeys) return null
  const k = e.key.toLowerCase()
  const undo = k === 'z' && !e.shiftKey
  const redo = (k === 'z' && e.shiftKey) || (k === 'y' && !e.shiftKey && !isMac)
  if (!undo && !redo) return null
  if (isTextField(e.target instanceof Element ? e.target : null) || isTextField(document.activeElement)) return null
  return undo ? 'edit.undo' : 'edit.redo'
}

/**
 * Runs Undo or Redo: text undo when the focus is in a text field (the native
 * menu's items end up here too), otherwise the project's history.
 */
export async function runEditCommand(command: 'edit.undo' | 'edit.redo'): Promise<void> {
  if (isTextField(document.activeElement)) {
    document.execCommand(command === 'edit.undo' ? 'undo' : 'redo')
    return
  }
  const s = useStore.getState()
  // An open dialog shows a state an undo would pull from under it.
  if (s.dialog) return
  await (command === 'edit.undo' ? s.undo() : s.redo())
}
