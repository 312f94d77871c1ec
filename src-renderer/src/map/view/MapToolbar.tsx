// The map's two toolbars: the first acts on the map (which map, its layout,
// pinning, fit, export), the second on what it shows (filters, node size,
// which kinds of edge, find). Settings are written through the store, which
// saves them with the open map.
import type { RefObject } from 'react'
import type { Core } from 'cytoscape'
import { MAP_LAYOUTS, type Entity, type MapLayoutName, type MapSettings } from '@contract/types'
import { withHint } from '../../commands'
import { useStore } from '../../store'
import { LAYOUT_LABELS } from '../layoutChoice'
import { MapsMenu } from '../MapsMenu'
import { fitCalmly } from './cyTools'
import { MapSearch } from './MapSearch'
import type { MapLayout } from './useLayout'
import type { MapPinning } from './useSelection'

/** The "Show:" switches: which kinds of edge the map draws. */
const SHOW_SWITCHES: { key: 'showClaims' | 'showLinks' | 'showCoMentions'; label: string; title?: string }[] = [
  { key: 'showClaims', label: 'Claims', title: 'Claims a source states (with a passage)' },
  { key: 'showLinks', label: 'Links', title: 'Your links: analyst judgements without a passage' },
  { key: 'showCoMentions', label: 'Co-mentions', title: 'Entities mentioned in the same paragraph' }
]

interface Props {
  cyRef: RefObject<Core | null>
  settings: MapSettings
  layout: MapLayout
  pin: MapPinning
  /** The entities the map shows now. */
  shownEntities: Entity[]
  filtersOpen: boolean
  onToggleFilters(): void
  /** How many filters narrow the map (0: none). */
  activeFilters: number
}

export function MapToolbar({ cyRef, settings, layout, pin, shownEntities, filtersOpen, onToggleFilters, activeFilters }: Props) {
  const selectedEntityId = useStore((s) => s.selectedEntityId)
  const setMapSettings = useStore((s) => s.setMapSettings)
  const openDialog = useStore((s) => s.openDialog)
  const guard = useStore((s) => s.guard)
  const { runLayout, progress } = layout
  const { selectedPinned, setPinned } = pin

  return (
    <>
      <div className="map-toolbar" role="toolbar" aria-label="Map">
        <MapsMenu />
        <span className="toolbar-sep" />
        <label className="inline-field">
          Layout
          <select
            aria-label="Layout"
            value={settings.layout}
            onChange={(e) => {
              const name = e.target.value as MapLayoutName
              void guard(() => setMapSettings({ ...settings, layout: name })).then(() => runLayout(name))
            }}
          >
            {MAP_LAYOUTS.map((l) => (
              <option key={l} value={l}>
                {LAYOUT_LABELS[l]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void runLayout(settings.layout)} disabled={!!progress} title="Lay the map out again; pinned nodes stay where they are">
          Re-layout
        </button>
        <button
          type="button"
          aria-pressed={selectedPinned}
          disabled={selectedEntityId === null || !shownEntities.some((e) => e.id === selectedEntityId)}
          onClick={() => selectedEntityId !== null && setPinned([selectedEntityId], !selectedPinned)}
          title="Pin the selected node where it is (re-layout leaves it in place)"
        >
          {selectedPinned ? 'Unpin' : 'Pin'}
        </button>
        <button type="button" onClick={() => cyRef.current && fitCalmly(cyRef.current)}>
          Fit
        </button>
        <span className="spacer" />
        <button type="button" className="primary" title={withHint('Export the map as a PNG, SVG or PDF image for a report', 'export.mapPng')} onClick={() => openDialog({ kind: 'exportPng' })}>
          Export PNG…
        </button>
      </div>
      <div className="map-toolbar secondary" role="toolbar" aria-label="Map display">
        <button type="button" aria-expanded={filtersOpen} onClick={onToggleFilters}>
          Filters{activeFilters ? ` (${activeFilters})` : ''} ▾
        </button>
        <label className="inline-field">
          Size by
          <select aria-label="Size nodes by" value={settings.sizeBy} onChange={(e) => void guard(() => setMapSettings({ ...settings, sizeBy: e.target.value as 'mentions' | 'degree' }))}>
            <option value="mentions">mentions</option>
            <option value="degree">connections</option>
          </select>
        </label>
        <label className="inline-field" title="Claims as edges between entities, or each claim as a node linked to its subject, object and sources">
          Claims as
          <select aria-label="Draw claims as" value={settings.mode} onChange={(e) => void guard(() => setMapSettings({ ...settings, mode: e.target.value as MapSettings['mode'] }))}>
            <option value="entities">edges</option>
            <option value="claims">nodes</option>
          </select>
        </label>
        <span className="muted">Show:</span>
        {SHOW_SWITCHES.map(({ key, label, title }) => (
          <label key={key} className="checkbox">
            <input type="checkbox" checked={settings[key]} onChange={(e) => void guard(() => setMapSettings({ ...settings, [key]: e.target.checked }))} />
            {title ? <span title={title}>{label}</span> : label}
          </label>
        ))}
        <label className="checkbox">
          <input type="checkbox" checked={settings.edgeLabels === 'evidence'} onChange={(e) => void guard(() => setMapSettings({ ...settings, edgeLabels: e.target.checked ? 'evidence' : 'predicate' }))} />
          <span title="Edge labels show the best grade and the number of claims (owns · B2 · 3 claims)">Grades</span>
        </label>
        <span className="spacer" />
        <MapSearch cyRef={cyRef} entities={shownEntities} />
      </div>
    </>
  )
}
