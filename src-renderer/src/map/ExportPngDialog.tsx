// Export → Map as PNG: choose a scale, see the pixel size, then save.
import { useState } from 'react'
import { call } from '../api'
import { Modal } from '../shell/Modal'
import { useStore } from '../store'
import { mapHandle } from './mapHandle'

const SCALES = [1, 2, 3, 4] as const

export function ExportPngDialog({ onClose }: { onClose(): void }) {
  const [scale, setScale] = useState<number>(2)
  const [busy, setBusy] = useState(false)
  const guard = useStore((s) => s.guard)
  const notify = useStore((s) => s.notify)
  const projectName = useStore((s) => s.project?.name ?? 'map')
  const handle = mapHandle()
  const size = handle?.pngSize(scale)

  const doExport = async () => {
    if (!handle) return
    setBusy(true)
    const saved = await guard(async () => call('export.savePng', { bytes: await handle.png(scale), suggestedName: `${projectName} map` }))
    setBusy(false)
    if (saved) {
      notify('info', `Map exported to ${saved.path}`)
      onClose()
    }
  }

  return (
    <Modal
      title="Export map as PNG"
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={!handle || busy || !handle.nodeCount()} onClick={() => void doExport()}>
            {busy ? 'Exporting…' : 'Export…'}
          </button>
        </>
      }
    >
      <fieldset className="scale-picker">
        <legend>Scale</legend>
        {SCALES.map((s) => (
          <label key={s} className="radio">
            <input type="radio" name="scale" value={s} checked={scale === s} onChange={() => setScale(s)} /> {s}×
          </label>
        ))}
      </fieldset>
      <p className="muted">
        Whole map on a white background
        {size ? (
          <>
            {' · '}
            <span data-testid="png-size">
              {size.width} × {size.height}
            </span>{' '}
            px
          </>
        ) : null}
      </p>
      {!handle && <p className="error-text">Open the map view to export it.</p>}
    </Modal>
  )
}
