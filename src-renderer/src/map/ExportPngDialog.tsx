// Export → the map as PNG, SVG or PDF: a scale (1×–4×) or a paper size and
// DPI, white or transparent, the whole map or the current view, with an
// optional title, legend and sources footer; the size is shown, then saved.
// The title starts as the map's name; the project's name is put in front
// only when the analyst asks (a report names its own project already).
import { useMemo, useState } from 'react'
import { call } from '../api'
import { Modal } from '../ui/Modal'
import { useStore } from '../store'
import type { ExportSize, ExportSpec } from './exportImage'
import { mapHandle, type ImageFormat } from './mapHandle'
import type { Orientation, Paper } from './tiling'

const SCALES = [1, 2, 3, 4] as const
const PAPERS: Paper[] = ['A4', 'A3', 'Letter']
const DPIS = [150, 300] as const

export function ExportPngDialog({ onClose }: { onClose(): void }) {
  const guard = useStore((s) => s.guard)
  const notify = useStore((s) => s.notify)
  const projectName = useStore((s) => s.project?.name ?? 'map')
  const handle = mapHandle()
  const [format, setFormat] = useState<ImageFormat>('png')
  const [sizeKind, setSizeKind] = useState<'scale' | 'paper'>('scale')
  const [scale, setScale] = useState<number>(2)
  const [paper, setPaper] = useState<Paper>('A4')
  const [dpi, setDpi] = useState<number>(300)
  const [orientation, setOrientation] = useState<Orientation | 'auto'>('auto')
  const [region, setRegion] = useState<'whole' | 'view'>('whole')
  const [background, setBackground] = useState<'white' | 'transparent'>('white')
  const [withTitle, setWithTitle] = useState(true)
  const [withProject, setWithProject] = useState(false)
  const mapName = handle?.mapName() ?? 'Map'
  const [title, setTitle] = useState(mapName)
  const toggleProject = (on: boolean) => {
    setWithProject(on)
    // The project's name goes in front of (or out of) whatever the title says now.
    const prefix = `${projectName}: `
    setTitle((t) => (on ? (t.startsWith(prefix) ? t : prefix + t) : t.startsWith(prefix) ? t.slice(prefix.length) : t))
  }
  const [withLegend, setWithLegend] = useState(true)
  const [withSources, setWithSources] = useState(true)
  const [busy, setBusy] = useState<string | null>(null)

  const spec: ExportSpec | null = useMemo(() => {
    if (!handle) return null
    const size: ExportSize =
      sizeKind === 'scale'
        ? { kind: 'scale', scale }
        : // A PDF is vector: planned in points (72 to the inch), whatever the resolution.
          { kind: 'paper', paper, dpi: format === 'pdf' ? 72 : dpi, orientation: orientation === 'auto' ? handle.bestOrientation(region) : orientation }
    return {
      region,
      size,
      background: format === 'pdf' ? 'white' : background,
      title: withTitle && title.trim() ? title.trim() : null,
      legend: withLegend ? handle.legend() : null,
      footer: withSources ? handle.sources() : null
    }
  }, [handle, sizeKind, scale, paper, dpi, orientation, region, background, withTitle, title, withLegend, withSources, format])
  const size = spec && handle ? handle.sheetSize(spec) : null

  const doExport = async () => {
    if (!handle || !spec) return
    setBusy('Drawing…')
    const saved = await guard(async () => {
      const bytes = await handle.render(format, spec, (done, total) => setBusy(total > 1 ? `Drawing tile ${done} of ${total}…` : 'Drawing…'))
      setBusy('Saving…')
      return call('export.saveFile', { bytes, kind: format, suggestedName: `${projectName} ${handle.mapName()}` })
    })
    setBusy(null)
    if (saved) {
      notify('info', `Map exported to ${saved.path}`)
      onClose()
    }
  }

  const upper = format.toUpperCase()
  return (
    <Modal
      title={`Export map as ${upper}`}
      onClose={onClose}
      footer={
        <>
          {busy && (
            <span className="muted export-busy" role="status">
              {busy}
            </span>
          )}
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={!handle || !!busy || !handle.nodeCount()} onClick={() => void doExport()}>
            {busy ? 'Exporting…' : 'Export…'}
          </button>
        </>
      }
    >
      <div className="export-form">
        <fieldset className="scale-picker">
          <legend>Format</legend>
          {(['png', 'svg', 'pdf'] as const).map((f) => (
            <label key={f} className="radio">
              <input type="radio" name="format" checked={format === f} onChange={() => setFormat(f)} /> {f.toUpperCase()}
            </label>
          ))}
        </fieldset>
        <fieldset className="scale-picker">
          <legend>Area</legend>
          <label className="radio">
            <input type="radio" name="region" checked={region === 'whole'} onChange={() => setRegion('whole')} /> Whole map
          </label>
          <label className="radio">
            <input type="radio" name="region" checked={region === 'view'} onChange={() => setRegion('view')} /> Current view
          </label>
        </fieldset>
        <fieldset className="scale-picker">
          <legend>Size</legend>
          <label className="radio">
            <input type="radio" name="sizeKind" checked={sizeKind === 'scale'} onChange={() => setSizeKind('scale')} /> Scale
          </label>
          {SCALES.map((s) => (
            <label key={s} className="radio">
              <input type="radio" name="scale" value={s} checked={sizeKind === 'scale' && scale === s} onChange={() => (setSizeKind('scale'), setScale(s))} /> {s}×
            </label>
          ))}
        </fieldset>
        <fieldset className="scale-picker">
          <legend>Paper</legend>
          <label className="radio">
            <input type="radio" name="sizeKind" checked={sizeKind === 'paper'} onChange={() => setSizeKind('paper')} /> Paper
          </label>
          <select aria-label="Paper size" value={paper} onChange={(e) => (setSizeKind('paper'), setPaper(e.target.value as Paper))}>
            {PAPERS.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
          {format !== 'pdf' && (
            <select aria-label="Resolution" value={dpi} onChange={(e) => (setSizeKind('paper'), setDpi(Number(e.target.value)))}>
              {DPIS.map((d) => (
                <option key={d} value={d}>
                  {d} DPI
                </option>
              ))}
            </select>
          )}
          <select aria-label="Orientation" value={orientation} onChange={(e) => (setSizeKind('paper'), setOrientation(e.target.value as Orientation | 'auto'))}>
            <option value="auto">orientation to fit the map</option>
            <option value="landscape">landscape</option>
            <option value="portrait">portrait</option>
          </select>
        </fieldset>
        {format !== 'pdf' && (
          <fieldset className="scale-picker">
            <legend>Background</legend>
            <label className="radio">
              <input type="radio" name="bg" checked={background === 'white'} onChange={() => setBackground('white')} /> White
            </label>
            <label className="radio">
              <input type="radio" name="bg" checked={background === 'transparent'} onChange={() => setBackground('transparent')} /> Transparent
            </label>
          </fieldset>
        )}
        <fieldset className="scale-picker column">
          <legend>For a report</legend>
          <label className="checkbox">
            <input type="checkbox" checked={withTitle} onChange={(e) => setWithTitle(e.target.checked)} /> Title
            <input className="title-input" aria-label="Title" value={title} disabled={!withTitle} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={withProject} disabled={!withTitle} onChange={(e) => toggleProject(e.target.checked)} /> Project's name in the title
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={withLegend} onChange={(e) => setWithLegend(e.target.checked)} /> Legend
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={withSources} onChange={(e) => setWithSources(e.target.checked)} /> Footer naming the source documents and the date
          </label>
        </fieldset>
      </div>
      <p className="muted">
        {format === 'svg' ? 'Vector, labels as text' : format === 'pdf' ? 'One page, vector, labels as text' : region === 'whole' ? 'Whole map' : 'Current view'}
        {size ? (
          <>
            {' · '}
            <span data-testid="png-size">
              {format === 'pdf' && sizeKind === 'scale' ? `${Math.round(size.width * 0.75)} × ${Math.round(size.height * 0.75)}` : `${size.width} × ${size.height}`}
            </span>{' '}
            {format === 'pdf' ? 'pt' : 'px'}
          </>
        ) : null}
      </p>
      {!handle && <p className="error-text">Open the map view to export it.</p>}
    </Modal>
  )
}
