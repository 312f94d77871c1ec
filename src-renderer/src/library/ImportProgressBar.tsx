// Progress of an import of more than a few files, with a cancel button.
import { useStore } from '../store'
import { displayName } from './arrange'

export const SHOW_PROGRESS_FROM = 4

export function ImportProgressBar() {
  const progress = useStore((s) => s.importProgress)
  const cancelImport = useStore((s) => s.cancelImport)
  const guard = useStore((s) => s.guard)
  if (!progress || progress.total < SHOW_PROGRESS_FROM) return null
  const pct = Math.round((progress.done / progress.total) * 100)
  return (
    <div className="import-progress" role="progressbar" aria-label="Import progress" aria-valuemin={0} aria-valuemax={progress.total} aria-valuenow={progress.done}>
      <div className="import-progress-head">
        <span>
          Importing {progress.done + 1} of {progress.total}
        </span>
        <button type="button" className="small" onClick={() => void guard(cancelImport)}>
          Cancel
        </button>
      </div>
      <div className="bar">
        <div className="bar-fill" style={{ width: `${pct}%` }} />
      </div>
      <div className="muted import-current" title={progress.current ?? ''}>
        {progress.current ? displayName(progress.current) : null}
      </div>
    </div>
  )
}
