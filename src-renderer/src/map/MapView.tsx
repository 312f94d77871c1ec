// The relationship map. This component alone owns the Cytoscape instance.
//
// What is drawn comes from the open named map: its filters (filters.ts)
// over entities, links, claims (edgesFromClaims.ts) and co-mentions, built
// into elements (graph.ts). Node places are the map's saved positions;
// layouts run by size (layoutChoice.ts), big ones in a worker, and their
// result is saved. Dragging a node saves its place; pinned nodes are locked.
import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape'
import fcose from 'cytoscape-fcose'
import cytoscapeSvg from 'cytoscape-svg'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { DEFAULT_MAP_FILTERS, DEFAULT_MAP_SETTINGS, MAP_LAYOUTS, type MapLayoutName, type MapPosition } from '@contract/types'
import { useStore } from '../store'
import { bestOrientation, exportPdf, exportPng, exportSvg, sheetSize } from './exportImage'
import { applyFilters, isUnfiltered, type MapData } from './filters'
import { FiltersPanel } from './FiltersPanel'
import { buildElements, elementSignature } from './graph'
import { Inspector } from './Inspector'
import { LAYOUT_LABELS, layoutBox, planLayout } from './layoutChoice'
import { runLayoutPlan, type LayoutJob } from './layoutRunner'
import { edgeKindOf, legendEntries } from './legend'
import { setMapHandle } from './mapHandle'
import { mapStyle } from './mapStyle'
import { MapsMenu } from './MapsMenu'
import { placeNewNodes } from './positions'
import { chooseRenderer } from './webgl'
import './map.css'

let registered = false
function registerExtensions(): void {
  if (registered) return
  registered = true
  cytoscape.use(fcose)
  cytoscape.use(cytoscapeSvg)
}

/** Maps this big get the cheaper drawing (no edge labels, straight edges, textures while panning). */
const LARGE_NODES = 400
const LARGE_EDGES = 1500

/** The layouts run in this window (for the end-to-end tests' probe). */
const layoutLog: { name: string; tier: string; where: string; nodes: number }[] = []

/** Fits the map, but never blows a small map up past a readable zoom. */
function fitCalmly(cy: Core): void {
  cy.fit(undefined, 48)
  if (cy.zoom() > 1.25) {
    cy.zoom(1.25)
    cy.center()
  }
}

const entityIdOf = (n: NodeSingular) => n.data('entityId') as number

interface Progress {
  phases: string[]
  phase: number
  startedAt: number
  job: LayoutJob
}

interface ContextMenu {
  entityId: number
  x: number
  y: number
}

export function MapView() {
  const entities = useStore((s) => s.entities)
  const documents = useStore((s) => s.documents)
  const coMentions = useStore((s) => s.coMentions)
  const claims = useStore((s) => s.claims)
  const entityDocuments = useStore((s) => s.entityDocuments)
  const customTypes = useStore((s) => s.customTypes)
  const activeMap = useStore((s) => s.activeMap)
  const mapDataReady = useStore((s) => s.mapDataReady)
  const projectPath = useStore((s) => s.project?.path)
  const projectName = useStore((s) => s.project?.name ?? 'Research Workbench')
  const selectedEntityId = useStore((s) => s.selectedEntityId)
  const selectEntity = useStore((s) => s.selectEntity)
  const selectOnMap = useStore((s) => s.selectOnMap)
  const mapSelection = useStore((s) => s.mapSelection)
  const loadMaps = useStore((s) => s.loadMaps)
  const refreshMapData = useStore((s) => s.refreshMapData)
  const setMapSettings = useStore((s) => s.setMapSettings)
  const setMapFilters = useStore((s) => s.setMapFilters)
  const saveMapPositions = useStore((s) => s.saveMapPositions)
  const openDialog = useStore((s) => s.openDialog)
  const guard = useStore((s) => s.guard)
  const notify = useStore((s) => s.notify)

  const containerRef = useRef<HTMLDivElement>(null)
  const cyRef = useRef<Core | null>(null)
  const [renderer] = useState(chooseRenderer)
  const [progress, setProgress] = useState<Progress | null>(null)
  const [now, setNow] = useState(0)
  const [menu, setMenu] = useState<ContextMenu | null>(null)
  const [filtersOpen, setFiltersOpen] = useState(false)
  const [search, setSearch] = useState('')
  // Which map the canvas shows, and whether its elements are on it yet.
  const shownMapRef = useRef<string | null>(null)
  /** Dragged nodes not saved yet, and the map they were dragged on. */
  const pendingMoves = useRef({ mapId: -1, moves: new Map<number, MapPosition>() })
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const flushMovesRef = useRef<() => void>(() => {})

  const filters = activeMap?.filters ?? DEFAULT_MAP_FILTERS
  const settings = activeMap?.settings ?? DEFAULT_MAP_SETTINGS

  // The project's maps and what they draw besides entities and links.
  useEffect(() => {
    if (!projectPath) return
    // Another project (or a fresh mount): nothing of the previous map may be written into this one.
    useStore.setState({ activeMap: null, maps: [], mapDataReady: false, mapSelection: null })
    void guard(loadMaps)
  }, [projectPath, guard, loadMaps])
  useEffect(() => {
    if (!projectPath) return
    const t = setTimeout(() => void guard(refreshMapData), 60)
    return () => clearTimeout(t)
  }, [projectPath, entities, guard, refreshMapData])

  const documentDates = useMemo(() => {
    const m = new Map<number, string>()
    for (const d of documents) {
      const day = d.publishedTime ? /^\d{4}-\d{2}-\d{2}/.exec(d.publishedTime)?.[0] ?? null : null
      if (day) m.set(d.id, day)
    }
    return m
  }, [documents])

  const data: MapData = useMemo(() => ({ entities, claims, coMentions, entityDocuments, documentDates }), [entities, claims, coMentions, entityDocuments, documentDates])
  const shown = useMemo(() => applyFilters(data, filters, settings), [data, filters, settings])
  const typeColors = useMemo(() => new Map(customTypes.map((t) => [t.key, { label: t.label, color: t.color }])), [customTypes])
  const elements = useMemo(
    () =>
      buildElements({
        entities: shown.entities,
        coMentions: shown.coMentions,
        showCoMentions: settings.showCoMentions,
        claimEdges: shown.claimEdges,
        sizeBy: settings.sizeBy,
        degree: shown.degree,
        typeColors
      }),
    [shown, settings.showCoMentions, settings.sizeBy, typeColors]
  )
  const edgeCount = elements.length - shown.entities.length
  const large = shown.entities.length > LARGE_NODES || edgeCount > LARGE_EDGES
  const legend = useMemo(() => legendEntries(elements), [elements])

  const positions = useMemo(() => new Map((activeMap?.positions ?? []).map((p) => [p.entityId, p])), [activeMap?.positions])
  const positionsRef = useRef(positions)
  positionsRef.current = positions

  // ---- Cytoscape instance ---------------------------------------------------
  useEffect(() => {
    registerExtensions()
    const cy = cytoscape({
      container: containerRef.current,
      style: mapStyle({ large: false }),
      minZoom: 0.02,
      maxZoom: 4,
      wheelSensitivity: 0.3,
      boxSelectionEnabled: false,
      // Performance settings (Cytoscape's docs): no motion blur, textures and hidden edges while the view moves on big maps.
      motionBlur: false,
      ...(renderer === 'webgl' ? { renderer: { name: 'canvas', webgl: true } } : {})
    } as cytoscape.CytoscapeOptions)
    cyRef.current = cy
    shownMapRef.current = null
    // The canvas narrows when the evidence column opens: tell Cytoscape.
    const resizer = new ResizeObserver(() => cy.resize())
    resizer.observe(containerRef.current!)
    const st = useStore.getState
    cy.on('tap', 'node', (e) => {
      const id = entityIdOf(e.target as NodeSingular)
      setMenu(null)
      st().selectOnMap({ kind: 'node', entityId: id })
      // Selecting on the map selects the entity everywhere (the entities pane shows it).
      void st().guard(() => st().selectEntity(id))
    })
    cy.on('tap', 'edge', (e) => {
      const edge = e.target as cytoscape.EdgeSingular
      const kind = edgeKindOf(edge.classes().join(' '))
      setMenu(null)
      st().selectOnMap({
        kind: 'edge',
        edgeId: edge.id(),
        edgeKind: kind === 'comention' ? 'comention' : 'claim',
        sourceId: entityIdOf(edge.source()),
        targetId: entityIdOf(edge.target()),
        label: String(edge.data('label') ?? ''),
        claimIds: (edge.data('claimIds') as number[] | undefined) ?? []
      })
    })
    cy.on('tap', (e) => {
      if (e.target !== cy) return
      setMenu(null)
      st().selectOnMap(null)
      void st().selectEntity(null)
    })
    cy.on('cxttap', 'node', (e) => {
      const n = e.target as NodeSingular
      const p = n.renderedPosition()
      setMenu({ entityId: entityIdOf(n), x: p.x, y: p.y })
    })
    // A dragged node keeps its place on this map (saved a moment after the last drag).
    const flushMoves = () => {
      if (saveTimer.current) clearTimeout(saveTimer.current)
      saveTimer.current = null
      const { mapId, moves } = pendingMoves.current
      if (!moves.size) return
      const list = [...moves.values()]
      moves.clear()
      void st().guard(() => st().saveMapPositions(list, false, mapId))
    }
    flushMovesRef.current = flushMoves
    cy.on('dragfree', 'node', (e) => {
      const n = e.target as NodeSingular
      const id = entityIdOf(n)
      const mapId = st().activeMap?.id
      if (mapId === undefined) return
      if (pendingMoves.current.mapId !== mapId) flushMoves()
      pendingMoves.current.mapId = mapId
      pendingMoves.current.moves.set(id, { entityId: id, x: n.position('x'), y: n.position('y'), pinned: n.locked() })
      if (saveTimer.current) clearTimeout(saveTimer.current)
      saveTimer.current = setTimeout(flushMoves, 400)
    })
    // A read-only probe for the end-to-end tests (node places, edge midpoints on screen).
    ;(window as unknown as Record<string, unknown>).__rwbMap = {
      nodes: () => cy.nodes().map((n) => ({ entityId: entityIdOf(n), label: n.data('label'), x: n.position('x'), y: n.position('y'), rx: n.renderedPosition('x'), ry: n.renderedPosition('y'), pinned: n.locked() })),
      edges: () => cy.edges().map((ed) => ({ id: ed.id(), classes: ed.classes().join(' '), label: ed.data('label'), mid: ed.renderedMidpoint() })),
      renderer,
      zoom: () => cy.zoom(),
      layouts: () => [...layoutLog],
      // The whole map at 2× with a title and footer, drawn in tiles of at most maxTile px.
      exportPng: (maxTile: number) =>
        exportPng(cy, { region: 'whole', size: { kind: 'scale', scale: 2 }, background: 'white', title: 'Tiled export', legend: null, footer: ['Sources: test'] }, { maxTile })
    }
    return () => {
      flushMoves()
      resizer.disconnect()
      setMapHandle(null)
      delete (window as unknown as Record<string, unknown>).__rwbMap
      cy.destroy()
      cyRef.current = null
    }
  }, [renderer])

  // Cheaper drawing for big maps.
  useEffect(() => {
    const cy = cyRef.current
    if (!cy) return
    cy.style(mapStyle({ large }))
    const r = (cy as unknown as { renderer(): { hideEdgesOnViewport: boolean; textureOnViewport: boolean } }).renderer()
    r.hideEdgesOnViewport = large
    r.textureOnViewport = large
  }, [large])

  // ---- Layout ---------------------------------------------------------------
  const jobRef = useRef<LayoutJob | null>(null)
  const runLayout = useCallback(
    async (name: MapLayoutName) => {
      const cy = cyRef.current
      if (!cy || cy.nodes().length === 0) return
      jobRef.current?.cancel()
      const pinned = new Set(cy.nodes().filter((n) => n.locked()).map(entityIdOf))
      const plan = planLayout(name, cy.nodes().length, cy.edges().length)
      const job = runLayoutPlan(
        plan,
        {
          nodes: cy.nodes().map((n) => ({ id: n.id(), ...layoutBox(Number(n.data('size')), String(n.data('label'))), x: n.position('x'), y: n.position('y'), pinned: n.locked() })),
          edges: cy.edges().map((e) => ({ source: e.source().id(), target: e.target().id() }))
        },
        (phase) => setProgress((p) => (p && p.job === job ? { ...p, phase } : p))
      )
      jobRef.current = job
      const mapId = useStore.getState().activeMap?.id
      const shownKey = shownMapRef.current
      setProgress({ phases: plan.phases, phase: 0, startedAt: performance.now(), job })
      try {
        const result = await job.promise
        layoutLog.push({ name, tier: plan.tier, where: job.where, nodes: cy.nodes().length })
        // Another map (or project) is shown now: this result is not for it.
        if (cyRef.current !== cy || shownMapRef.current !== shownKey || mapId === undefined) return
        cy.batch(() => {
          cy.nodes().forEach((n) => {
            const p = result[n.id()]
            if (!p || n.locked()) return
            n.position(p)
          })
        })
        fitCalmly(cy)
        const all = cy.nodes().map((n) => ({ entityId: entityIdOf(n), x: n.position('x'), y: n.position('y'), pinned: pinned.has(entityIdOf(n)) }))
        // Keep the places of nodes this map has but does not show now (filtered out).
        const shownIds = new Set(all.map((p) => p.entityId))
        const hidden = [...positionsRef.current.values()].filter((p) => !shownIds.has(p.entityId))
        await guard(() => saveMapPositions([...all, ...hidden], true, mapId))
      } catch (e) {
        if ((e as Error).message !== 'cancelled') notify('error', `The layout failed: ${(e as Error).message}`)
      } finally {
        if (jobRef.current === job) {
          jobRef.current = null
          setProgress(null)
        }
      }
    },
    [guard, notify, saveMapPositions]
  )
  useEffect(() => () => jobRef.current?.cancel(), [])
  useEffect(() => {
    if (!progress) return
    const t = setInterval(() => setNow(performance.now()), 200)
    return () => clearInterval(t)
  }, [progress])

  // ---- Elements: sync with what the filters show -----------------------------
  useEffect(() => {
    const cy = cyRef.current
    // Wait for claims and co-mentions: a first layout without their edges would be a poor one.
    if (!cy || !activeMap || !mapDataReady) return
    const mapKey = `${projectPath}#${activeMap.id}`
    const switched = shownMapRef.current !== mapKey
    if (switched) {
      flushMovesRef.current()
      jobRef.current?.cancel()
    }
    shownMapRef.current = mapKey
    const wanted = new Map(elements.map((e) => [e.data.id as string, e]))
    const newNodes: ElementDefinition[] = []
    cy.batch(() => {
      if (switched) cy.elements().remove()
      // Remove what went away; restyle what changed in place (a node keeps its place); add what is new.
      cy.elements().forEach((el) => {
        const w = wanted.get(el.id())
        if (!w || (el.isEdge() && (el.source().id() !== w.data.source || el.target().id() !== w.data.target))) {
          el.remove()
          return
        }
        const sig = elementSignature(w)
        if (el.scratch('_sig') === sig) return
        el.data(w.data)
        el.classes((w.classes as string | undefined) ?? '')
        el.scratch('_sig', sig)
      })
      const add: ElementDefinition[] = []
      for (const e of elements) {
        if (cy.getElementById(e.data.id as string).nonempty()) continue
        if (e.group === 'nodes') {
          const saved = positionsRef.current.get(e.data.entityId as number)
          if (saved) add.push({ ...e, position: { x: saved.x, y: saved.y } })
          else {
            add.push(e)
            newNodes.push(e)
          }
        } else add.push(e)
      }
      const added = cy.add(add)
      added.forEach((el) => {
        el.scratch('_sig', elementSignature(wanted.get(el.id())!))
      })
      // Pinned state from the map.
      cy.nodes().forEach((n) => {
        const p = positionsRef.current.get(entityIdOf(n))
        if (p?.pinned) {
          n.lock()
          n.addClass('pinned')
        } else {
          n.unlock()
          n.removeClass('pinned')
        }
      })
    })
    const placedCount = cy.nodes().length - newNodes.length
    if (newNodes.length && placedCount === 0) {
      // A map nobody arranged yet: lay it out with its layout, and save that.
      void runLayout(activeMap.settings.layout)
    } else if (newNodes.length) {
      // New entities join beside their neighbours; the rest of the map stays as arranged.
      const newIds = new Set(newNodes.map((x) => x.data.id as string))
      const placed = new Map(cy.nodes().toArray().filter((n) => !newIds.has(n.id())).map((n) => [n.id(), (n as NodeSingular).position()]))
      const spots = placeNewNodes(
        newNodes.map((n) => n.data.id as string),
        placed,
        cy.edges().map((e) => [e.source().id(), e.target().id()])
      )
      cy.batch(() => spots.forEach((p, id) => cy.getElementById(id).position(p)))
      const moves = [...spots.entries()].map(([id, p]) => ({ entityId: Number(id.slice(1)), x: p.x, y: p.y, pinned: false }))
      void guard(() => saveMapPositions(moves, false))
    }
    if (switched && (placedCount > 0 || !newNodes.length)) fitCalmly(cy)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [elements, activeMap?.id, mapDataReady])

  // Selection from the entities pane (or the map) shows on the map.
  useEffect(() => {
    const cy = cyRef.current
    if (!cy) return
    cy.batch(() => {
      cy.nodes(':selected').unselect()
      if (selectedEntityId !== null) cy.getElementById(`e${selectedEntityId}`).select()
    })
  }, [selectedEntityId, elements])
  useEffect(() => {
    const cy = cyRef.current
    if (!cy) return
    cy.edges(':selected').unselect()
    if (mapSelection?.kind === 'edge') cy.getElementById(mapSelection.edgeId).select()
  }, [mapSelection, elements])

  // ---- Pin / unpin ----------------------------------------------------------
  const setPinned = useCallback(
    (ids: number[], pin: boolean) => {
      const cy = cyRef.current
      if (!cy) return
      const moves: MapPosition[] = []
      for (const id of ids) {
        const n = cy.getElementById(`e${id}`)
        if (n.empty()) continue
        if (pin) n.lock().addClass('pinned')
        else n.unlock().removeClass('pinned')
        moves.push({ entityId: id, x: n.position('x'), y: n.position('y'), pinned: pin })
      }
      if (moves.length) void guard(() => saveMapPositions(moves, false))
    },
    [guard, saveMapPositions]
  )
  const selectedPinned = selectedEntityId !== null && !!positions.get(selectedEntityId)?.pinned

  // ---- Export handle ----------------------------------------------------------
  const sources = useCallback((): string[] => {
    const shownIds = new Set(shown.entities.map((e) => e.id))
    const docIds = new Set<number>()
    for (const d of entityDocuments) if (shownIds.has(d.entityId) && (!filters.documentIds || filters.documentIds.includes(d.documentId))) docIds.add(d.documentId)
    for (const c of shown.claims) if (c.documentId !== null) docIds.add(c.documentId)
    const docs = documents.filter((d) => docIds.has(d.id))
    if (!docs.length) return []
    const list = docs.slice(0, 25).map((d) => {
      const meta = [d.siteName, d.publishedTime?.slice(0, 10)].filter(Boolean).join(', ')
      return `“${d.title}”${meta ? ` (${meta})` : ''}`
    })
    const more = docs.length > 25 ? ` and ${docs.length - 25} more` : ''
    return [`Sources: ${list.join('; ')}${more}.`]
  }, [shown, entityDocuments, documents, filters.documentIds])

  useEffect(() => {
    const cy = cyRef.current
    if (!cy) return
    setMapHandle({
      sheetSize: (spec) => sheetSize(cy, spec),
      render: async (format, spec, onProgress) =>
        format === 'svg' ? new TextEncoder().encode(await exportSvg(cy, spec)) : format === 'pdf' ? exportPdf(cy, spec, { onProgress }) : exportPng(cy, spec, { onProgress }),
      legend: () => legend,
      sources: () => [
        ...sources(),
        `${projectName} · ${activeMap?.name ?? 'Map'} · ${shown.entities.length} entities, ${edgeCount} relationships · exported ${new Date().toISOString().slice(0, 10)} from Research Workbench`
      ],
      bestOrientation: (region) => bestOrientation(cy, region),
      nodeCount: () => cy.nodes().length,
      mapName: () => activeMap?.name ?? 'Map'
    })
  }, [legend, sources, projectName, activeMap?.name, shown.entities.length, edgeCount])

  // ---- Search: centre a node --------------------------------------------------
  const names = useMemo(() => shown.entities.map((e) => e.name).sort((a, b) => a.localeCompare(b)), [shown.entities])
  const findNode = (q: string) => {
    const cy = cyRef.current
    const query = q.trim().toLocaleLowerCase()
    if (!cy || !query) return
    const exact = shown.entities.find((e) => e.name.toLocaleLowerCase() === query)
    const hit = exact ?? shown.entities.find((e) => e.name.toLocaleLowerCase().startsWith(query)) ?? shown.entities.find((e) => e.name.toLocaleLowerCase().includes(query))
    if (!hit) {
      notify('error', `No entity on this map matches “${q.trim()}”.`)
      return
    }
    const n = cy.getElementById(`e${hit.id}`)
    selectOnMap({ kind: 'node', entityId: hit.id })
    void guard(() => selectEntity(hit.id))
    // Centre once the evidence column has opened and the canvas has its new width.
    requestAnimationFrame(() => requestAnimationFrame(() => cy.animate({ center: { eles: n }, zoom: Math.max(cy.zoom(), 1) }, { duration: 250 })))
  }

  const activeFilters = isUnfiltered(filters) ? 0 : Object.entries(filters).filter(([k, v]) => (k === 'hideIsolated' ? v : v !== null)).length
  const menuEntity = menu ? entities.find((e) => e.id === menu.entityId) : null

  return (
    <div className="map-view">
      <div className="map-toolbar" role="toolbar" aria-label="Map">
        <MapsMenu />
        <span className="toolbar-sep" />
        <label className="inline-field">
          Layout
          <select
            aria-label="Layout"
            value={settings.layout}
            onChange={(e) => {
              const layout = e.target.value as MapLayoutName
              void guard(() => setMapSettings({ ...settings, layout })).then(() => runLayout(layout))
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
          disabled={selectedEntityId === null || !shown.entities.some((e) => e.id === selectedEntityId)}
          onClick={() => selectedEntityId !== null && setPinned([selectedEntityId], !selectedPinned)}
          title="Pin the selected node where it is (re-layout leaves it in place)"
        >
          {selectedPinned ? 'Unpin' : 'Pin'}
        </button>
        <button type="button" onClick={() => cyRef.current && fitCalmly(cyRef.current)}>
          Fit
        </button>
        <span className="spacer" />
        <button type="button" className="primary" title="Export the map as a PNG, SVG or PDF image for a report (Ctrl+E)" onClick={() => openDialog({ kind: 'exportPng' })}>
          Export PNG…
        </button>
      </div>
      <div className="map-toolbar secondary" role="toolbar" aria-label="Map display">
        <button type="button" aria-expanded={filtersOpen} onClick={() => setFiltersOpen(!filtersOpen)}>
          Filters{activeFilters ? ` (${activeFilters})` : ''} ▾
        </button>
        <label className="inline-field">
          Size by
          <select aria-label="Size nodes by" value={settings.sizeBy} onChange={(e) => void guard(() => setMapSettings({ ...settings, sizeBy: e.target.value as 'mentions' | 'degree' }))}>
            <option value="mentions">mentions</option>
            <option value="degree">connections</option>
          </select>
        </label>
        <span className="muted">Show:</span>
        <label className="checkbox">
          <input type="checkbox" checked={settings.showClaims} onChange={(e) => void guard(() => setMapSettings({ ...settings, showClaims: e.target.checked }))} />
          <span title="Claims a source states (with a passage)">Claims</span>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={settings.showLinks} onChange={(e) => void guard(() => setMapSettings({ ...settings, showLinks: e.target.checked }))} />
          <span title="Your links: analyst judgements without a passage">Links</span>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={settings.showCoMentions} onChange={(e) => void guard(() => setMapSettings({ ...settings, showCoMentions: e.target.checked }))} />
          <span title="Entities mentioned in the same paragraph">Co-mentions</span>
        </label>
        <span className="spacer" />
        <form
          className="map-search"
          role="search"
          onSubmit={(e) => {
            e.preventDefault()
            findNode(search)
          }}
        >
          <input
            type="search"
            aria-label="Find on map"
            placeholder="Find on map…"
            list="map-node-names"
            value={search}
            onChange={(e) => {
              setSearch(e.target.value)
              if (names.includes(e.target.value)) findNode(e.target.value)
            }}
          />
          <datalist id="map-node-names">
            {names.slice(0, 500).map((n) => (
              <option key={n} value={n} />
            ))}
          </datalist>
        </form>
      </div>
      <div className="map-body">
        <div className="map-canvas" ref={containerRef} aria-label="Relationship map" data-nodes={shown.entities.length} data-edges={edgeCount} data-renderer={renderer} data-map={activeMap?.name ?? ''} />
        {filtersOpen && activeMap && <FiltersPanel filters={filters} data={data} onChange={(f) => void guard(() => setMapFilters(f))} onClose={() => setFiltersOpen(false)} />}
        {entities.length === 0 && <div className="map-empty muted">Tag entities in the reader and link them to build the map.</div>}
        {entities.length > 0 && shown.entities.length === 0 && <div className="map-empty muted">No entity matches this map’s filters.</div>}
        {mapSelection && <Inspector selection={mapSelection} claims={shown.claims} pinned={mapSelection.kind === 'node' && !!positions.get(mapSelection.entityId)?.pinned} onPin={setPinned} />}
        {menu && menuEntity && (
          <div className="map-menu" role="menu" aria-label={`Node ${menuEntity.name}`} style={{ left: menu.x, top: menu.y }} onMouseLeave={() => setMenu(null)}>
            <div className="menu-label">{menuEntity.name}</div>
            <button
              type="button"
              role="menuitem"
              onClick={() => {
                setPinned([menu.entityId], !positions.get(menu.entityId)?.pinned)
                setMenu(null)
              }}
            >
              {positions.get(menu.entityId)?.pinned ? 'Unpin' : 'Pin here'}
            </button>
            {([1, 2, 3] as const).map((hops) => (
              <button
                key={hops}
                type="button"
                role="menuitem"
                onClick={() => {
                  void guard(() => setMapFilters({ ...filters, focus: { entityId: menu.entityId, hops } }))
                  setMenu(null)
                }}
              >
                Focus: {hops} {hops === 1 ? 'step' : 'steps'} around
              </button>
            ))}
            {filters.focus && (
              <button
                type="button"
                role="menuitem"
                onClick={() => {
                  void guard(() => setMapFilters({ ...filters, focus: null }))
                  setMenu(null)
                }}
              >
                Show the whole map
              </button>
            )}
          </div>
        )}
        {progress && (
          <div className="map-progress" role="status" aria-label="Layout progress">
            <div className="progress-bar indeterminate">
              <span />
            </div>
            <span>
              {progress.phases[progress.phase] ?? progress.phases[0]}
              {progress.phases.length > 1 ? ` (step ${progress.phase + 1} of ${progress.phases.length})` : ''}… {Math.max(0, (now - progress.startedAt) / 1000).toFixed(1)} s
            </span>
            <button type="button" onClick={() => progress.job.cancel()}>
              Cancel
            </button>
          </div>
        )}
        <div className="map-legend" aria-label="Legend">
          {legend.map((l) => (
            <span key={l.label} className="legend-item">
              {l.swatch.kind === 'node' ? (
                <span className="dot" style={{ background: l.swatch.color }} />
              ) : (
                <svg className="legend-line" width="26" height="8" aria-hidden="true">
                  <line x1="0" y1="4" x2={l.swatch.arrow ? 20 : 26} y2="4" stroke={l.swatch.color} strokeWidth={l.swatch.width} strokeDasharray={l.swatch.dash.join(' ') || undefined} />
                  {l.swatch.arrow && <path d="M26 4L19 0.5L19 7.5Z" fill={l.swatch.color} />}
                </svg>
              )}
              {l.label}
            </span>
          ))}
          <span className="legend-item muted map-count" aria-label="Shown on the map">
            {shown.entities.length.toLocaleString()} of {entities.length.toLocaleString()} entities · {edgeCount.toLocaleString()} edges
          </span>
          {filters.focus && (
            <span className="legend-item focus-note">
              Focus: {entities.find((e) => e.id === filters.focus!.entityId)?.name ?? '?'} ± {filters.focus.hops}
              <button type="button" className="link" onClick={() => void guard(() => setMapFilters({ ...filters, focus: null }))}>
                clear
              </button>
            </span>
          )}
        </div>
      </div>
    </div>
  )
}
