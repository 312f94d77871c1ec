// Export → Evidence Report…: which claims go in (those the open map shows
// under its filters, those the claims view lists under its filters, or
// all), whether the map image goes in (drawn by the map's own PNG export,
// so it looks as on screen), and Word or HTML. The main process asks where
// to save and writes the file (`export.report`).
//
// Trade-off: the dialog sends claim ids, not filters: what the analyst sees
// is exactly what the report holds, and no filter logic is copied into the
// main process. The map image can only be drawn while the map is open (it is
// Cytoscape's canvas); from another view the dialog says so.
import { useEffect, useMemo, useState } from 'react'
import type { Claim, ReportFormat } from '@contract/types'
import { call } from '../api'
import { mapHandle } from '../map'
import { useStore } from '../store'
import type { ClaimFilters } from '../store/claimsSlice'
import { Modal } from '../ui/Modal'
import { conflictsByClaim, filterClaims, sortClaims } from './claimView'
import { STATUS_LABELS } from './grades'

type Source = 'map' | 'view' | 'all'

/** Above this many pixels at 2×, the map is drawn at 1× (a 40-megapixel PNG is already tens of MB in a document). */
const MAX_IMAGE_PIXELS = 40_000_000

/** The claims view's filters in words, for the report's title page. */
function describeFilters(f: ClaimFilters, names: { entity(id: number): string; document(id: number): string }): string {
  const parts: string[] = []
  if (f.text.trim()) parts.push(`text “${f.text.trim()}”`)
  if (f.entityId !== null) parts.push(`entity ${names.entity(f.entityId)}`)
  if (f.predicateKey) parts.push(`predicate “${f.predicateKey}”`)
  if (f.reliability.length) parts.push(`reliability ${f.reliability.join('/')}`)
  if (f.credibility.length) parts.push(`credibility ${f.credibility.join('/')}`)
  if (f.status) parts.push(`status ${STATUS_LABELS[f.status].toLowerCase()}`)
  if (f.documentId !== null) parts.push(f.documentId === 'none' ? 'analyst judgements without a passage' : `document ${names.document(f.documentId)}`)
  if (f.conflictsOnly) parts.push('conflicts only')
  return parts.length ? `the claims view's filters: ${parts.join(', ')}` : 'the claims view, unfiltered'
}

export function ReportDialog({ onClose }: { onClose(): void }) {
  const guard = useStore((s) => s.guard)
  const notify = useStore((s) => s.notify)
  const view = useStore((s) => s.view)
  const claims = useStore((s) => s.claimList)
  const loaded = useStore((s) => s.claimsLoaded)
  const groups = useStore((s) => s.claimGroups)
  const filters = useStore((s) => s.claimFilters)
  const sort = useStore((s) => s.claimSort)
  const entities = useStore((s) => s.entities)
  const documents = useStore((s) => s.documents)
  const refreshClaims = useStore((s) => s.refreshClaims)
  const handle = view === 'map' ? mapHandle() : null
  const [source, setSource] = useState<Source>(handle ? 'map' : 'view')
  const [withImage, setWithImage] = useState(!!handle)
  const [region, setRegion] = useState<'whole' | 'view'>('whole')
  const [format, setFormat] = useState<ReportFormat>('docx')
  const [busy, setBusy] = useState<string | null>(null)

  // The claims are read when a view first needs them; the dialog may be the first.
  useEffect(() => {
    if (!loaded) void guard(refreshClaims)
  }, [loaded, guard, refreshClaims])

  const bySubject = useMemo(() => sortClaims(claims, 'subject', false), [claims])
  const viewClaims = useMemo(() => sortClaims(filterClaims(claims, filters, conflictsByClaim(groups, claims)), sort.key, sort.desc), [claims, filters, groups, sort])
  const mapIds = useMemo(() => (handle ? new Set(handle.claimIds()) : null), [handle, claims])
  const chosen: Claim[] = source === 'map' && mapIds ? bySubject.filter((c) => mapIds.has(c.id)) : source === 'view' ? viewClaims : bySubject

  const selection = (): string => {
    if (source === 'map') return `the claims the map “${handle?.mapName() ?? 'Map'}” shows, its filters applied`
    if (source === 'all') return 'every claim in the project'
    return describeFilters(filters, {
      entity: (id) => `“${entities.find((e) => e.id === id)?.name ?? `#${id}`}”`,
      document: (id) => `“${documents.find((d) => d.id === id)?.title ?? `#${id}`}”`
    })
  }

  const count = (n: number) => `${n} claim${n === 1 ? '' : 's'}`
  const doExport = async () => {
    setBusy(withImage && handle ? 'Drawing the map…' : 'Writing…')
    const done = await guard(async () => {
      let png: Uint8Array<ArrayBuffer> | null = null
      if (withImage && handle) {
        const spec = (scale: number) => ({ region, size: { kind: 'scale' as const, scale }, background: 'white' as const, title: null, legend: handle.legend(), footer: null })
        // Sharp when printed (2×), unless that would make a picture too big for a document (a huge map): then 1×.
        const at2 = handle.sheetSize(spec(2))
        png = await handle.render('png', spec(at2.width * at2.height > MAX_IMAGE_PIXELS ? 1 : 2), (d, t) => setBusy(t > 1 ? `Drawing tile ${d} of ${t}…` : 'Drawing the map…'))
      }
      setBusy('Writing…')
      return call('export.report', {
        format,
        claimIds: chosen.map((c) => c.id),
        selection: selection(),
        mapName: handle?.mapName() ?? useStore.getState().activeMap?.name ?? null,
        png,
        imageNote: png ? null : handle ? 'The map image was left out when the report was made.' : 'No map image: the report was made from the claims view; open the map (Ctrl/Cmd+2) and export again to include it.'
      })
    })
    setBusy(null)
    if (done) {
      notify('info', `Evidence report (${count(done.claims)}${done.image ? ', with the map' : ''}) saved to ${done.path}`)
      onClose()
    }
  }

  return (
    <Modal
      title="Evidence report"
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
          <button type="button" className="primary" disabled={!!busy || !loaded} onClick={() => void doExport()}>
            {busy ? 'Exporting…' : 'Export…'}
          </button>
        </>
      }
    >
      <div className="export-form">
        <fieldset className="scale-picker column">
          <legend>Claims</legend>
          <label className="radio">
            <input type="radio" name="report-source" checked={source === 'map'} disabled={!handle} onChange={() => setSource('map')} /> Shown on the map
            {handle ? ` “${handle.mapName()}” (${count(mapIds?.size ?? 0)})` : ' (open the map first)'}
          </label>
          <label className="radio">
            <input type="radio" name="report-source" checked={source === 'view'} onChange={() => setSource('view')} /> Listed in the claims view ({count(viewClaims.length)})
          </label>
          <label className="radio">
            <input type="radio" name="report-source" checked={source === 'all'} onChange={() => setSource('all')} /> All claims ({count(claims.length)})
          </label>
        </fieldset>
        <fieldset className="scale-picker column">
          <legend>Map image</legend>
          <label className="checkbox">
            <input type="checkbox" checked={withImage && !!handle} disabled={!handle} onChange={(e) => setWithImage(e.target.checked)} /> Include the map as it is on screen
          </label>
          {handle ? (
            <span>
              <label className="radio">
                <input type="radio" name="report-region" checked={region === 'whole'} disabled={!withImage} onChange={() => setRegion('whole')} /> Whole map
              </label>{' '}
              <label className="radio">
                <input type="radio" name="report-region" checked={region === 'view'} disabled={!withImage} onChange={() => setRegion('view')} /> Current view
              </label>
            </span>
          ) : (
            <span className="muted">Open the map (Ctrl/Cmd+2) to include its image.</span>
          )}
        </fieldset>
        <fieldset className="scale-picker">
          <legend>Format</legend>
          <label className="radio">
            <input type="radio" name="report-format" checked={format === 'docx'} onChange={() => setFormat('docx')} /> Word (.docx)
          </label>
          <label className="radio">
            <input type="radio" name="report-format" checked={format === 'html'} onChange={() => setFormat('html')} /> Web page (.html, one file)
          </label>
        </fieldset>
      </div>
      <p className="muted">
        {count(chosen.length)}, each with its grade and what it means, status, attribution, quoted passage with its full citation and your note; then an entity index and the
        sources.
      </p>
    </Modal>
  )
}
