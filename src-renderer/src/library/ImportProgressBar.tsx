// Progress of an import of more than a few files, or of a scan being OCRed
// (page by page: one file can take minutes), with a cancel button.
import { useStore } from '../store'
import { displayName } from './arrange'

export const SHOW_PROGRESS_FROM = 4

export function ImportProgressBar() {
  const progress = useStore((s) => s.importProgress)
  const cancelImport = useStore((s) => s.cancelImport)
  const guard = useStore((s) => s.guard)
  const ocr = progress?.ocr && progress.ocr.done < progress.ocr.total ? progress.ocr : null
  if (!progress || (progress.total < SHOW_PROGRESS_FROM && !ocr)) return null
  const many = progress.total >= SHOW_PROGRESS_FROM
  const pct = Math.round((progress.done / progress.total) * 100)
  return (
    <div
      className="import-progress"
      // Many files: the whole box is the files' progress bar (its text and Cancel inside); one scan: a group around the OCR bar.
      {...(many
        ? { role: 'progressbar', 'aria-label': 'Import progress', 'aria-valuemin': 0, 'aria-valuemax': progress.total, 'aria-valuenow': progress.done }
        : { role: 'group', 'aria-label': 'Import' })}
    >
      <div className="import-progress-head">
        <span>{many ? `Importing ${progress.done + 1} of ${progress.total}` : 'Importing'}</span>
        <button type="button" className="small" onClick={() => void guard(cancelImport)}>
          Cancel
        </button>
      </div>
      {many && (
        <div className="bar">
          <div className="bar-fill" style={{ width: `${pct}%` }} />
        </div>
      )}
      <div className="muted import-current" title={progress.current ?? ''}>
        {progress.current ? displayName(progress.current) : null}
      </div>
      {ocr && (
        <>
          <div className="bar" role="progressbar" aria-label="OCR progress" aria-valuemin={0} aria-valuemax={ocr.total} aria-valuenow={ocr.done}>
            <div className="bar-fill" style={{ width: `${Math.round((ocr.done / ocr.total) * 100)}%` }} />
          </div>
          <div className="muted ocr-step">
            Recognising text (OCR): {ocr.done} of {ocr.total} {ocr.total === 1 ? 'page' : 'pages'} done
          </div>
        </>
      )}
    </div>
  )
}
