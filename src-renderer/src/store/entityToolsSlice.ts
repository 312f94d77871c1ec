// The entity tools' slice: the project's entity types (built-in and the
// user's own, with colour and icon), and the aliases, merges, tag-all and
// merge/split actions of the entity detail. What a mutation changed is read
// again by the change table (./changes.ts).
import type { StateCreator } from 'zustand'
import type { EntityAlias, EntityTypeInfo, MergeRecord, TagAllResult } from '@contract/types'
import { ENTITY_TYPES } from '@contract/vocabulary'
import { call } from '../api'
import { readForSelected } from './slices'
import type { AppState } from './types'

export interface EntityToolsSlice {
  /** Built-in types first, then the project's own; loaded with the project. */
  entityTypes: EntityTypeInfo[]
  /** Aliases and merges of the selected entity (empty when none is selected). */
  entityDetail: { entityId: number | null; aliases: EntityAlias[]; merges: MergeRecord[] }
  /** Every alias of the project, for finding entities by another name (filter, tag popover). */
  allAliases: EntityAlias[]
  refreshAllAliases(): Promise<void>
  refreshEntityTypes(): Promise<void>
  createEntityType(a: { label: string; color: string; icon: string }): Promise<EntityTypeInfo>
  updateEntityType(a: { key: string; label?: string; color?: string; icon?: string }): Promise<EntityTypeInfo>
  refreshEntityDetail(): Promise<void>
  addAlias(entityId: number, name: string): Promise<void>
  removeAlias(id: number): Promise<void>
  tagAllConfirm(entityId: number, spans: { documentId: number; start: number; end: number }[]): Promise<TagAllResult>
  /** Merges `mergeId` into `keepId` and selects the kept entity. */
  mergeEntities(keepId: number, mergeId: number): Promise<void>
  splitMerge(mergeId: number): Promise<void>
}

type Slice<T> = StateCreator<AppState, [], [], T>

/** Until the project's list arrives, the built-in vocabulary stands in. */
const BUILT_INS: EntityTypeInfo[] = ENTITY_TYPES.map((t) => ({ ...t, icon: '', builtIn: true }))

export const entityToolsSlice: Slice<EntityToolsSlice> = (set, get) => ({
  entityTypes: BUILT_INS,
  entityDetail: { entityId: null, aliases: [], merges: [] },
  allAliases: [],

  async refreshEntityTypes() {
    set({ entityTypes: await call('entityTypes.list') })
  },
  createEntityType(a) {
    return call('entityTypes.create', { label: a.label, color: a.color, icon: a.icon })
  },
  updateEntityType(a) {
    return call('entityTypes.update', a)
  },

  async refreshEntityDetail() {
    const entityId = get().selectedEntityId
    if (entityId === null) {
      set({ entityDetail: { entityId: null, aliases: [], merges: [] } })
      return
    }
    const read = await readForSelected(get, () => Promise.all([call('aliases.list', { entityId }), call('entities.merges', { entityId })]))
    // A slow answer for an entity no longer selected is dropped.
    if (read && get().selectedEntityId === entityId) set({ entityDetail: { entityId, aliases: read[0], merges: read[1] } })
  },
  async refreshAllAliases() {
    // Nothing to read before a project is open (the pane mounts first).
    if (!get().project) return
    set({ allAliases: await call('aliases.list', {}) })
  },
  async addAlias(entityId, name) {
    await call('aliases.add', { entityId, name })
  },
  async removeAlias(id) {
    await call('aliases.remove', { id })
  },

  tagAllConfirm(entityId, spans) {
    return call('entities.tagAllConfirm', { entityId, spans })
  },
  async mergeEntities(keepId, mergeId) {
    await call('entities.merge', { keepId, mergeId })
    await get().selectEntity(keepId)
  },
  async splitMerge(mergeId) {
    await call('entities.split', { mergeId })
  }
})
