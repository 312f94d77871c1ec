// The reader's note on a document imported before tables and lists were kept
// (its extraction is older and it has rows or list items): it offers the
// re-import, which is explicit and undoable, and says what happens to tags.
// The text of such a document is never changed without this click (or the
// File menu's command).
import { useState } from 'react'
import { runImpl } from '../commands'
import { useStore } from '../store'
import { readerCommands } from './commands'

export function ReimportNotice() {
  const outdated = useStore((s) => s.doc?.structureOutdated ?? false)
  const [busy, setBusy] = useState(false)
  if (!outdated) return null
  return (
    <div className="reimport-notice" role="note" aria-label="Better structure available">
      <span className="reimport-notice-text">
        This document was imported before tables and lists were kept: its table cells run together. Re-import it from the copy stored in the project to get
        them back. Tags move with their words; any that cannot be placed are listed for review, and Undo restores the text as it was.
      </span>
      <button
        type="button"
        className="small primary"
        disabled={busy}
        onClick={() => {
          setBusy(true)
          void runImpl(readerCommands['document.reimport'], 'button').finally(() => setBusy(false))
        }}
      >
        {busy ? 'Re-importing…' : 'Re-import'}
      </button>
    </div>
  )
}
