// The history feature's commands: Undo/Redo (project history, or the text
// field's own undo when the menu sends them while typing) and its two dialogs.
import { always, isTextField, type CommandImpls } from '../commands'
import type { AppState } from '../store'
import { runEditCommand } from './editCommands'

/** Behind an open dialog undo would pull its state from under it; in a text field the field's own undo runs. */
const canEdit = (s: AppState): boolean => !s.dialog || (typeof document !== 'undefined' && isTextField(document.activeElement))

export const historyCommands: CommandImpls<'edit.undo' | 'edit.redo' | 'history.audit' | 'settings.userName'> = {
  'edit.undo': { enabled: canEdit, perform: () => runEditCommand('edit.undo') },
  'edit.redo': { enabled: canEdit, perform: () => runEditCommand('edit.redo') },
  'history.audit': { enabled: always, perform: (s) => s.openDialog({ kind: 'audit' }) },
  'settings.userName': { enabled: always, perform: (s) => s.openDialog({ kind: 'userName' }) }
}
