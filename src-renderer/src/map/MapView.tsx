// The relationship map. The map feature alone touches Cytoscape, through the
// hooks in view/ (useCytoscape owns the instance); this component only wires
// them together and lays out the toolbars, canvas and overlays.
//
// What is drawn comes from the open named map: its filters (filters.ts)
// over entities, links, claims (edgesFromClaims.ts) and co-mentions, built
// into elements (graph.ts, view/useMapData.ts). Node places are the map's
// saved positions; layouts run by size (layoutChoice.ts, view/useLayout.ts),
// big ones in a worker, and their result is saved. Dragging a node saves its
// place; pinned nodes are locked.
//
// The hooks' order matters: React runs their effects in call order, and each
// one after useCytoscape expects the instance to exist already.
//
// Room and keyboard: the evidence panel sits beside the canvas, never over
// it (so a click on the panel cannot reach the map), and the map pans to keep
// the selection in view when the panel narrows it (view/reveal.ts). The
// canvas is the map's one Tab stop, with role="application": the arrow keys
// move between nodes by where they are on screen, not through a list order,
// so a listbox (with aria-activedescendant) would misstate the position
// ("3 of 10") and need one DOM option per node (thousands on big maps);
// application mode makes NVDA and JAWS pass the arrows to the map, and a
// polite live region says what got selected (view/useMapKeyboard.ts).
import { useCallback, useEffect, useRef, useState } from 'react'
import { useStore } from '../store'
import { isUnfiltered } from './filters'
import { FiltersPanel } from './FiltersPanel'
import { Inspector } from './Inspector'
import type { NodeMenuAt } from './view/cyEvents'
import { LayoutProgress } from './view/LayoutProgress'
import { MapLegend } from './view/MapLegend'
import { MapToolbar } from './view/MapToolbar'
import { useEscapeLayer } from './escapeLayers'
import { NodeMenu } from './view/NodeMenu'
import { useRevealSelection } from './view/reveal'
import { useCytoscape } from './view/useCytoscape'
import { useElementsSync } from './view/useElementsSync'
import { useExportHandle } from './view/useExportHandle'
import { useLayout } from './view/useLayout'
import { useMapData } from './view/useMapData'
import { useMapKeyboard } from './view/useMapKeyboard'
import { useSelection } from './view/useSelection'
import './map.css'

export function MapView() {
  const activeMap = useStore((s) => s.activeMap)
  const mapSelection = useStore((s) => s.mapSelection)
  const selectedEntityId = useStore((s) => s.selectedEntityId)
  const setMapFilters = useStore((s) => s.setMapFilters)
  const guard = useStore((s) => s.guard)

  /** `byKey`: opened from the keyboard, so it takes the focus and gives it back to the canvas. */
  const [menu, setMenu] = useState<(NodeMenuAt & { byKey?: boolean }) | null>(null)
  const menuRef = useRef(menu)
  menuRef.current = menu
  const [filtersOpen, setFiltersOpen] = useState(false)

  const map = useMapData()
  const { entities, data, filters, settings, shown, elements, edgeCount, legend, positions, positionsRef } = map
  const canvas = useCytoscape(map.large, setMenu)
  const layout = useLayout(canvas, positionsRef)
  useElementsSync(canvas, layout, elements, positionsRef)
  const pin = useSelection(canvas.cyRef, elements, positions)
  useExportHandle(canvas.cyRef, map)

  const isPinned = (entityId: number) => !!positions.get(entityId)?.pinned
  const closeMenu = useCallback(() => {
    if (menuRef.current?.byKey) canvas.containerRef.current?.focus()
    setMenu(null)
  }, [canvas.containerRef])
  const openMenuByKey = useCallback((m: NodeMenuAt) => setMenu({ ...m, byKey: true }), [])
  useEscapeLayer(!!menu, closeMenu)
  useRevealSelection(canvas.cyRef, canvas.containerRef, mapSelection, selectedEntityId)
  const keyboard = useMapKeyboard(canvas.cyRef, shown.entities, shown.claims, openMenuByKey, isPinned)
  // The evidence closed while the focus was in it (Escape, its ✕): the focus goes back to the map, not to the page.
  const hadSelection = useRef(false)
  useEffect(() => {
    const active = document.activeElement
    if (!mapSelection && hadSelection.current && (!active || active === document.body)) canvas.containerRef.current?.focus()
    hadSelection.current = !!mapSelection
  }, [mapSelection, canvas.containerRef])
  const activeFilters = isUnfiltered(filters) ? 0 : Object.entries(filters).filter(([k, v]) => (k === 'hideIsolated' ? v : v !== null)).length
  const menuEntity = menu ? entities.find((e) => e.id === menu.entityId) : null

  return (
    <div className="map-view">
      <MapToolbar
        cyRef={canvas.cyRef}
        settings={settings}
        layout={layout}
        pin={pin}
        shownEntities={shown.entities}
        filtersOpen={filtersOpen}
        onToggleFilters={() => setFiltersOpen(!filtersOpen)}
        activeFilters={activeFilters}
      />
      <div className="map-body">
        <div
          className="map-canvas"
          ref={canvas.containerRef}
          tabIndex={0}
          role="application"
          aria-label="Relationship map"
          aria-describedby="map-keys-help"
          onKeyDown={keyboard.onKeyDown}
          data-nodes={shown.entities.length} data-edges={edgeCount} data-renderer={canvas.renderer} data-map={activeMap?.name ?? ''} />
        {filtersOpen && activeMap && <FiltersPanel filters={filters} data={data} onChange={(f) => void guard(() => setMapFilters(f))} onClose={() => setFiltersOpen(false)} />}
        {entities.length === 0 && <div className="map-empty muted">Tag entities in the reader and link them to build the map.</div>}
        {entities.length > 0 && shown.entities.length === 0 && <div className="map-empty muted">No entity matches this map’s filters.</div>}
        {mapSelection && <Inspector selection={mapSelection} claims={shown.claims} pinned={mapSelection.kind === 'node' && isPinned(mapSelection.entityId)} onPin={pin.setPinned} />}
        {menu && menuEntity && <NodeMenu menu={menu} name={menuEntity.name} pinned={isPinned(menu.entityId)} filters={filters} onPin={pin.setPinned} onClose={closeMenu} autoFocus={!!menu.byKey} />}
        {layout.progress && <LayoutProgress progress={layout.progress} />}
        <p id="map-keys-help" className="sr-only">
          Arrow keys move between nodes, Enter shows the selected node’s evidence, the context-menu key opens its menu, plus and minus zoom, 0 fits the map, Escape closes.
        </p>
        <div id="map-live" className="sr-only" aria-live="polite" aria-atomic="true">
          {keyboard.announcement}
        </div>
        <MapLegend legend={legend} entities={entities} shownCount={shown.entities.length} edgeCount={edgeCount} filters={filters} />
      </div>
    </div>
  )
}
