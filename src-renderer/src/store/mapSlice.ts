// The relationship map's slice: named maps (each with its filters, drawing
// settings and saved node places), the co-mentions and the entity–document
// index the map draws from, and what is selected on it. Claims and entity
// types are the claims and entity-tools slices' own: the map derives its
// edges from them (map/useMapClaims.ts) instead of keeping a copy.
import type { StateCreator } from 'zustand'
import type { CoMention, EntityDocument, MapDetail, MapFilters, MapPosition, MapSettings, MapSummary } from '@contract/types'
import { call } from '../api'
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
  /** True once claims and the entity–document index have been read for this project (the map waits for them before its first layout). */
  mapDataReady: boolean
  entityDocuments: EntityDocument[]
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
  /** Claims, which documents mention which entity and co-mentions: what the map draws besides entities; read when the map is first shown. */
  refreshMapData(): Promise<void>
  refreshEntityDocuments(): Promise<void>
  selectOnMap(sel: MapSelection): void
}

type Slice<T> = StateCreator<AppState, [], [], T>

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
    mapDataReady: false,
    entityDocuments: [],
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
      // The open map stays open (renamed, if it was); another is opened only when it is gone.
      const open = get().activeMap
      const kept = open && maps.find((m) => m.id === open.id)
      if (open && kept) set({ activeMap: { ...open, name: kept.name } })
      else if (maps[0]) await get().openMap(maps[0].id)
      else set({ activeMap: null })
    },
    async openMap(id) {
      const m = await call('maps.get', { id })
      set({ activeMap: m, showCoMentions: m.settings.showCoMentions, mapSelection: null })
      if (m.settings.showCoMentions) await get().refreshCoMentions()
    },
    // The list follows each answer's change (loadMaps); opening is the user's choice.
    async createMap(name, copyFrom) {
      const m = await call('maps.create', { name, ...(copyFrom ? { copyFrom } : {}) })
      set({ activeMap: m, showCoMentions: m.settings.showCoMentions, mapSelection: null })
    },
    async renameMap(id, name) {
      await call('maps.rename', { id, name })
    },
    async deleteMap(id) {
      await call('maps.delete', { id })
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
      // Read afresh whenever the map is shown; while it is, changes keep it current.
      await Promise.all([get().refreshEntityDocuments(), get().refreshClaims()])
      set({ mapDataReady: true })
      if (get().showCoMentions) await get().refreshCoMentions()
    },
    async refreshEntityDocuments() {
      set({ entityDocuments: await call('graph.entityDocuments') })
    },
    selectOnMap(mapSelection) {
      set({ mapSelection })
    }
  }
}
