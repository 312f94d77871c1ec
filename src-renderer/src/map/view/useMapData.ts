// What the open map draws, from the store: the project's maps are read when
// a project opens, the claims/co-mentions/types a moment after entities or
// links change (one read for a burst of edits), and the open map's filters
// and settings turn the project's data into Cytoscape elements.
//
// Everything is memoised on the store's arrays, so a render that changes
// nothing the map draws builds nothing; the element sync (useElementsSync)
// then compares signatures and touches only what changed.
import { useEffect, useMemo, useRef } from 'react'
import { DEFAULT_MAP_FILTERS, DEFAULT_MAP_SETTINGS } from '@contract/types'
import { useStore } from '../../store'
import { applyFilters, type MapData } from '../filters'
import { claimNodeElements, valueLines } from '../claimNodes'
import { buildElements, markParallel } from '../graph'
import { useMapClaims } from '../useMapClaims'
import { legendEntries } from '../legend'
import { LARGE_EDGES, LARGE_NODES } from './cyTools'

export function useMapData() {
  const entities = useStore((s) => s.entities)
  const documents = useStore((s) => s.documents)
  const coMentions = useStore((s) => s.coMentions)
  const claims = useMapClaims()
  const entityDocuments = useStore((s) => s.entityDocuments)
  const customTypes = useStore((s) => s.entityTypes)
  const mapDataReady = useStore((s) => s.mapDataReady)
  const activeMap = useStore((s) => s.activeMap)
  const projectPath = useStore((s) => s.project?.path)
  const loadMaps = useStore((s) => s.loadMaps)
  const refreshMapData = useStore((s) => s.refreshMapData)
  const guard = useStore((s) => s.guard)

  const filters = activeMap?.filters ?? DEFAULT_MAP_FILTERS
  const settings = activeMap?.settings ?? DEFAULT_MAP_SETTINGS

  // The project's maps and what they draw besides entities and links.
  useEffect(() => {
    if (!projectPath) return
    // Another project (or a fresh mount): nothing of the previous map may be written into this one.
    useStore.setState({ activeMap: null, maps: [], mapDataReady: false, mapSelection: null })
    void guard(loadMaps)
  }, [projectPath, guard, loadMaps])
  // Read once when the map is first shown for a project; changes keep it current (store/changes.ts).
  useEffect(() => {
    if (!projectPath || mapDataReady) return
    const t = setTimeout(() => void guard(refreshMapData), 60)
    return () => clearTimeout(t)
  }, [projectPath, mapDataReady, guard, refreshMapData])

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
  // Entity view: claims as edges, value claims as lines under their entity. Claims view: each claim a node
  // (claimNodes.ts), sources linked to it; only links stay entity-to-entity edges.
  const claimsMode = settings.mode === 'claims'
  const elements = useMemo(() => {
    const els = buildElements({
      entities: shown.entities,
      coMentions: shown.coMentions,
      showCoMentions: settings.showCoMentions,
      claimEdges: claimsMode ? shown.claimEdges.filter((c) => c.link) : shown.claimEdges,
      sizeBy: settings.sizeBy,
      degree: shown.degree,
      typeColors,
      edgeLabels: settings.edgeLabels,
      valueLines: claimsMode ? undefined : valueLines(shown.claims)
    })
    if (!claimsMode) return els
    const all = [...els, ...claimNodeElements(shown.claims, new Set(shown.entities.map((e) => e.id)))]
    markParallel(all)
    return all
  }, [shown, settings.showCoMentions, settings.sizeBy, settings.edgeLabels, claimsMode, typeColors])
  const edgeCount = elements.filter((e) => e.group === 'edges').length
  const large = shown.entities.length > LARGE_NODES || edgeCount > LARGE_EDGES
  const legend = useMemo(() => legendEntries(elements), [elements])

  const positions = useMemo(() => new Map((activeMap?.positions ?? []).map((p) => [p.entityId, p])), [activeMap?.positions])
  // The latest saved places, for effects and callbacks that must not re-run when they change.
  const positionsRef = useRef(positions)
  positionsRef.current = positions

  return { entities, data, filters, settings, shown, elements, edgeCount, large, legend, positions, positionsRef }
}

export type MapDataView = ReturnType<typeof useMapData>
