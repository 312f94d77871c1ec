// The relationship map's slice: named maps (each with its filters, drawing
// settings and saved node places), the claims and co-mentions the map
// draws, and what is selected on it.
import type { StateCreator } from 'zustand'
import type { Claim, CoMention, EntityDocument, EntityTypeInfo, MapDetail, MapFilters, MapPosition, MapSettings, MapSummary } from '@contract/types'
import { call } from '../api'
import { claimEdgeSource, type MapClaim } from '../map/edgesFromClaims'
import type { AppState } from './types'

/** What was clicked on the map: a node (an entity) or an edge (its evidence). */
export type MapSelection =
  | { kind: 'node'; entityId: number }
  | { kind: 'edge'; edgeId: string; edgeKind: 'claim' | 'comention'; sourceId: number; targetId: number; label: string; claimIds: number[] }
  | null

export interface MapSlice {
  /** Mirrors the open map's setting (kept for older callers). */
  showCoMentions: boolean
  coMentions: CoMention[]
  maps: MapSummary[]
  activeMap: MapDetail | null
  claims: MapClaim[]
  /** False until claims have been read, or when this build has no claims API. */
  claimsAvailable: boolean
  /** True once claims and the entity–document index have been read for this project (the map waits for them before its first layout). */
  mapDataReady: boolean
  entityDocuments: EntityDocument[]
  customTypes: EntityTypeInfo[]
  mapSelection: MapSelection
  setShowCoMentions(on: boolean): Promise<void>
  refreshCoMentions(): Promise<void>
  /** Reads the project's maps and opens the first (or the one open before, if it still exists). */
  loadMaps(): Promise<void>
  openMap(id: number): Promise<void>
  createMap(name: string, copyFrom?: number): Promise<void>
  renameMap(id: number, name: string): Promise<void>
  deleteMap(id: number): Promise<void>
  setMapFilters(filters: MapFilters): Promise<void>
  setMapSettings(settings: MapSettings): Promise<void>
  /** Saves node places of a map (the open one unless `mapId` says otherwise): merged in, or replacing all of them. */
  saveMapPositions(positions: MapPosition[], replace: boolean, mapId?: number): Promise<void>
  /** Claims, which documents mention which entity, co-mentions and custom types: what the map draws besides entities and links. */
  refreshMapData(): Promise<void>
  selectOnMap(sel: MapSelection): void
}

type Slice<T> = StateCreator<AppState, [], [], T>

const CLAIMS_PAGE = 10_000

async function readAllClaims(): Promise<Claim[]> {
  const out: Claim[] = []
  for (let offset = 0; ; offset += CLAIMS_PAGE) {
    const page = await call('claims.list', { limit: CLAIMS_PAGE, offset })
    out.push(...page)
    if (page.length < CLAIMS_PAGE) return out
  }
}

export const mapSlice: Slice<MapSlice> = (set, get) => {
  /** Writes through to the project, then patches the open map in the store. */
  const update = async (patch: { filters?: MapFilters; settings?: MapSettings }) => {
    const m = get().activeMap
    if (!m) return
    // Shown at once; the project follows.
    set({ activeMap: { ...m, ...patch }, ...(patch.settings ? { showCoMentions: patch.settings.showCoMentions } : {}) })
    const summary = await call('maps.update', { id: m.id, ...patch })
    set({ maps: get().maps.map((x) => (x.id === summary.id ? summary : x)) })
  }
  return {
    showCoMentions: false,
    coMentions: [],
    maps: [],
    activeMap: null,
    claims: [],
    claimsAvailable: false,
    mapDataReady: false,
    entityDocuments: [],
    customTypes: [],
    mapSelection: null,
    async setShowCoMentions(on) {
      const m = get().activeMap
      if (m) await update({ settings: { ...m.settings, showCoMentions: on } })
      else set({ showCoMentions: on })
      if (on) await get().refreshCoMentions()
    },
    async refreshCoMentions() {
      set({ coMentions: await call('graph.coMentions') })
    },
    async loadMaps() {
      const maps = await call('maps.list')
      set({ maps })
      const keep = get().activeMap && maps.find((m) => m.id === get().activeMap!.id)
      const target = keep ?? maps[0]
      if (target) await get().openMap(target.id)
      else set({ activeMap: null })
    },
    async openMap(id) {
      const m = await call('maps.get', { id })
      set({ activeMap: m, showCoMentions: m.settings.showCoMentions, mapSelection: null })
      if (m.settings.showCoMentions) await get().refreshCoMentions()
    },
    async createMap(name, copyFrom) {
      const m = await call('maps.create', { name, ...(copyFrom ? { copyFrom } : {}) })
      set({ maps: [...get().maps, m], activeMap: m, showCoMentions: m.settings.showCoMentions, mapSelection: null })
    },
    async renameMap(id, name) {
      const s = await call('maps.rename', { id, name })
      const m = get().activeMap
      set({ maps: get().maps.map((x) => (x.id === id ? s : x)), activeMap: m && m.id === id ? { ...m, name: s.name } : m })
    },
    async deleteMap(id) {
      await call('maps.delete', { id })
      const maps = get().maps.filter((x) => x.id !== id)
      set({ maps })
      if (get().activeMap?.id === id && maps[0]) await get().openMap(maps[0].id)
    },
    async setMapFilters(filters) {
      await update({ filters })
    },
    async setMapSettings(settings) {
      const before = get().activeMap?.settings
      await update({ settings })
      if (settings.showCoMentions && !before?.showCoMentions) await get().refreshCoMentions()
    },
    async saveMapPositions(positions, replace, mapId) {
      const m = get().activeMap
      const id = mapId ?? m?.id
      if (id === undefined) return
      // A drag saved just after switching maps still goes to the map it was made on.
      if (m && m.id === id) {
        const merged = replace ? positions : [...new Map([...m.positions, ...positions].map((p) => [p.entityId, p])).values()]
        set({ activeMap: { ...m, positions: merged } })
      }
      await call('maps.update', { id, positions, replacePositions: replace })
    },
    async refreshMapData() {
      const [entityDocuments, claims, customTypes] = await Promise.all([
        call('graph.entityDocuments'),
        // A build without the claims API (or a failing read) draws links and co-mentions only.
        readAllClaims().then(
          (c) => c.map(claimEdgeSource),
          () => null
        ),
        call('entityTypes.list').catch(() => [] as EntityTypeInfo[])
      ])
      set({ entityDocuments, claims: claims ?? [], claimsAvailable: claims !== null, customTypes, mapDataReady: true })
      if (get().showCoMentions) await get().refreshCoMentions()
    },
    selectOnMap(mapSelection) {
      set({ mapSelection })
    }
  }
}
