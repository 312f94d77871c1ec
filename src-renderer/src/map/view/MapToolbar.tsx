// The map's toolbar: one row, whatever the width. It acts on the map (which
// map, its layout, pinning, fit), on what it shows (filters, node size, which
// kinds of edge, find), and on the room (focus mode), and exports it.
// Controls that do not fit move into the "More" panel, least important first
// (useToolbarOverflow.ts); focus mode and Export always stay in the row.
// Settings are written through the store, which saves them with the open map.
//
// One control per line in CONTROLS below: to add one, give it an id, a
// priority (lower stays in the row longer) and its element.
import { useCallback, useEffect, useRef, useState, type ReactNode, type RefObject } from 'react'
import type { Core } from 'cytoscape'
import { MAP_LAYOUTS, type Entity, type MapLayoutName, type MapSettings } from '@contract/types'
import { withHint } from '../../commands'
import { useStore } from '../../store'
import { useEscapeLayer } from '../escapeLayers'
import { LAYOUT_LABELS } from '../layoutChoice'
import { MapsMenu } from '../MapsMenu'
import { fitCalmly } from './cyTools'
import { MapSearch } from './MapSearch'
import type { MapLayout } from './useLayout'
import type { MapPinning } from './useSelection'
import { useToolbarOverflow } from './useToolbarOverflow'

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

interface Control {
  id: string
  priority: number
  node: ReactNode
}

export function MapToolbar({ cyRef, settings, layout, pin, shownEntities, filtersOpen, onToggleFilters, activeFilters }: Props) {
  const selectedEntityId = useStore((s) => s.selectedEntityId)
  const setMapSettings = useStore((s) => s.setMapSettings)
  const openDialog = useStore((s) => s.openDialog)
  const mapFocus = useStore((s) => s.mapFocus)
  const setMapFocus = useStore((s) => s.setMapFocus)
  const guard = useStore((s) => s.guard)
  const { runLayout, progress } = layout
  const { selectedPinned, setPinned } = pin
  const rowRef = useRef<HTMLDivElement>(null)
  const moreRef = useRef<HTMLButtonElement>(null)
  const panelRef = useRef<HTMLDivElement>(null)
  const [moreOpen, setMoreOpen] = useState(false)
  const closeMore = useCallback(() => {
    setMoreOpen(false)
    moreRef.current?.focus()
  }, [])
  useEscapeLayer(moreOpen, closeMore)
  // A press anywhere outside the panel and its button closes it.
  useEffect(() => {
    if (!moreOpen) return
    const onDown = (e: MouseEvent) => {
      const t = e.target as Node
      if (!panelRef.current?.contains(t) && !moreRef.current?.contains(t)) setMoreOpen(false)
    }
    window.addEventListener('mousedown', onDown)
    return () => window.removeEventListener('mousedown', onDown)
  }, [moreOpen])

  const CONTROLS: Control[] = [
    { id: 'maps', priority: 2, node: <MapsMenu /> },
    {
      id: 'layout',
      priority: 1,
      node: (
        <label className="inline-field">
          <span className="tb-label">Layout</span>
          <select
            aria-label="Layout"
            title="Layout"
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
      )
    },
    {
      id: 'relayout',
      priority: 4,
      node: (
        <button type="button" onClick={() => void runLayout(settings.layout)} disabled={!!progress} title="Lay the map out again; pinned nodes stay where they are">
          Re-layout
        </button>
      )
    },
    {
      id: 'pin',
      priority: 7,
      node: (
        <button
          type="button"
          aria-pressed={selectedPinned}
          disabled={selectedEntityId === null || !shownEntities.some((e) => e.id === selectedEntityId)}
          onClick={() => selectedEntityId !== null && setPinned([selectedEntityId], !selectedPinned)}
          title="Pin the selected node where it is (re-layout leaves it in place)"
        >
          {selectedPinned ? 'Unpin' : 'Pin'}
        </button>
      )
    },
    {
      id: 'fit',
      priority: 6,
      node: (
        <button type="button" title="Fit the whole map in view" onClick={() => cyRef.current && fitCalmly(cyRef.current)}>
          Fit
        </button>
      )
    },
    {
      id: 'filters',
      priority: 3,
      node: (
        <button type="button" aria-expanded={filtersOpen} onClick={onToggleFilters}>
          Filters{activeFilters ? ` (${activeFilters})` : ''} ▾
        </button>
      )
    },
    {
      id: 'sizeBy',
      priority: 9,
      node: (
        <label className="inline-field">
          Size by
          <select aria-label="Size nodes by" value={settings.sizeBy} onChange={(e) => void guard(() => setMapSettings({ ...settings, sizeBy: e.target.value as 'mentions' | 'degree' }))}>
            <option value="mentions">mentions</option>
            <option value="degree">connections</option>
          </select>
        </label>
      )
    },
    {
      id: 'mode',
      priority: 3.5,
      node: (
        <label className="inline-field" title="Claims as edges between entities, or each claim as a node linked to its subject, object and sources">
          Claims as
          <select aria-label="Draw claims as" value={settings.mode} onChange={(e) => void guard(() => setMapSettings({ ...settings, mode: e.target.value as MapSettings['mode'] }))}>
            <option value="entities">edges</option>
            <option value="claims">nodes</option>
          </select>
        </label>
      )
    },
    {
      id: 'grades',
      priority: 8.5,
      node: (
        <label className="checkbox">
          <input type="checkbox" checked={settings.edgeLabels === 'evidence'} onChange={(e) => void guard(() => setMapSettings({ ...settings, edgeLabels: e.target.checked ? 'evidence' : 'predicate' }))} />
          <span title="Edge labels show the best grade and the number of claims (owns · B2 · 3 claims)">Grades</span>
        </label>
      )
    },
    {
      id: 'show',
      priority: 8,
      node: (
        <div className="inline-field show-switches" role="group" aria-label="Show on the map">
          <span className="muted">Show:</span>
          {SHOW_SWITCHES.map(({ key, label, title }) => (
            <label key={key} className="checkbox">
              <input type="checkbox" checked={settings[key]} onChange={(e) => void guard(() => setMapSettings({ ...settings, [key]: e.target.checked }))} />
              {title ? <span title={title}>{label}</span> : label}
            </label>
          ))}
        </div>
      )
    },
    { id: 'find', priority: 5, node: <MapSearch cyRef={cyRef} entities={shownEntities} /> }
  ]

  const hidden = useToolbarOverflow(rowRef, CONTROLS)
  // Nothing left to show in the panel: close it.
  useEffect(() => {
    if (!hidden.size && moreOpen) setMoreOpen(false)
  }, [hidden, moreOpen])

  return (
    <div className="map-toolbar-wrap">
      <div className="map-toolbar" role="toolbar" aria-label="Map" ref={rowRef}>
        {CONTROLS.filter((c) => !hidden.has(c.id)).map((c) => (
          <div key={c.id} className="tb-item" data-tb={c.id}>
            {c.node}
          </div>
        ))}
        <span className="spacer" />
        {hidden.size > 0 && (
          <button ref={moreRef} type="button" data-tb-more="" aria-expanded={moreOpen} aria-controls="map-more-panel" title="Map controls that do not fit in the toolbar" onClick={() => setMoreOpen(!moreOpen)}>
            More ▾
          </button>
        )}
        {/* An icon in the crowded row, words once the map has the whole window. */}
        <button type="button" className={mapFocus ? undefined : 'icon-button'} aria-label={mapFocus ? 'Exit focus mode' : 'Focus mode'} title={withHint(mapFocus ? 'Leave focus mode (Esc)' : 'Focus mode: only the map and its toolbar', 'view.mapFocus')} onClick={() => setMapFocus(!mapFocus)}>
          {mapFocus ? (
            'Exit focus'
          ) : (
            <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.6">
              <path d="M1.5 5.5v-4h4M10.5 1.5h4v4M14.5 10.5v4h-4M5.5 14.5h-4v-4" />
            </svg>
          )}
        </button>
        <button type="button" className="primary" title={withHint('Export the map as a PNG, SVG or PDF image for a report', 'export.mapPng')} onClick={() => openDialog({ kind: 'exportPng' })}>
          Export PNG…
        </button>
      </div>
      {moreOpen && hidden.size > 0 && (
        <div className="map-more-panel" id="map-more-panel" role="group" aria-label="More map controls" ref={panelRef}>
          {CONTROLS.filter((c) => hidden.has(c.id)).map((c) => (
            <div key={c.id} className="tb-item">
              {c.node}
            </div>
          ))}
        </div>
      )}
    </div>
  )
}
