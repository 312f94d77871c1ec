// Undo/redo from the keyboard, the toolbar and the native Edit menu. In a
// text field the browser's own text undo applies; everywhere else Ctrl/Cmd+Z
// undoes the last tagging action (kept in the project, see history.undo).
// Which keys mean undo/redo, and that the page leaves them to text fields, is
// declared in src-main/contract/commands.ts.
import { isTextField } from '../commands'
import { useStore } from '../store'

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
