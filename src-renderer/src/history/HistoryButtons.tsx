// Undo and Redo in the top bar, named after the action they would undo/redo
// ("Undo Tag “Scale AI” as Scale AI (Ctrl+Z)", ⌘Z on macOS, from the command
// declarations). Also keeps the undo state fresh when a project opens.
import { useEffect } from 'react'
import { useStore } from '../store'
import { runImpl, shortcutHint } from '../commands'
import { historyCommands } from './commands'
import './history.css'

export function HistoryButtons() {
  const history = useStore((s) => s.history)
  const refreshHistory = useStore((s) => s.refreshHistory)
  const guard = useStore((s) => s.guard)
  const projectPath = useStore((s) => s.project?.path)
  const dialogOpen = useStore((s) => s.dialog !== null)

  useEffect(() => {
    if (projectPath) void guard(refreshHistory)
  }, [projectPath, guard, refreshHistory])

  const undoTitle = history.canUndo ? `Undo ${history.undoLabel ?? ''} (${shortcutHint('edit.undo')})` : 'Nothing to undo'
  const redoTitle = history.canRedo ? `Redo ${history.redoLabel ?? ''} (${shortcutHint('edit.redo')})` : 'Nothing to redo'
  return (
    <div className="history-buttons" role="group" aria-label="Undo and redo">
      <button type="button" className="history-btn" disabled={!history.canUndo || dialogOpen} title={undoTitle} aria-label={undoTitle} onClick={() => void runImpl(historyCommands['edit.undo'], 'button')}>
        <span aria-hidden="true">↶</span> Undo
      </button>
      <button type="button" className="history-btn" disabled={!history.canRedo || dialogOpen} title={redoTitle} aria-label={redoTitle} onClick={() => void runImpl(historyCommands['edit.redo'], 'button')}>
        <span aria-hidden="true">↷</span> Redo
      </button>
    </div>
  )
}
