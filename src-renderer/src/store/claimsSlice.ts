// The claims slice: every claim of the project with its groups (same subject
// + predicate across documents, conflicts flagged by the core), the claims
// pane's filters and sort, and the create/edit/delete actions. Claims are
// read whole (paged) and filtered in the renderer: a project holds
// thousands, not millions, and the pane must filter as the analyst types.
import type { StateCreator } from 'zustand'
import type { ArgsOf } from '@contract/api'
import type { Claim, ClaimGroup, ClaimStatus, SourceReliability } from '@contract/types'
import { call } from '../api'
import type { AppState } from './types'

export type ClaimSortKey = 'subject' | 'predicate' | 'object' | 'grade' | 'status' | 'document' | 'created'

export interface ClaimFilters {
  text: string
  entityId: number | null
  /** Predicate key (case and spaces folded), as in ClaimGroup.predicateKey. */
  predicateKey: string | null
  reliability: SourceReliability[]
  credibility: number[]
  status: ClaimStatus | null
  /** A document id, 'none' for claims without a passage, or null for all. */
  documentId: number | 'none' | null
  conflictsOnly: boolean
}

export const NO_CLAIM_FILTERS: ClaimFilters = {
  text: '',
  entityId: null,
  predicateKey: null,
  reliability: [],
  credibility: [],
  status: null,
  documentId: null,
  conflictsOnly: false
}

export type ClaimCreateArgs = ArgsOf<'claims.create'>
export type ClaimUpdateArgs = ArgsOf<'claims.update'>

export interface ClaimsSlice {
  /** All claims of the project (the reader's marks, the claims view, the entity pane and the map all read these). */
  claimList: Claim[]
  claimGroups: ClaimGroup[]
  claimsLoaded: boolean
  claimFilters: ClaimFilters
  claimSort: { key: ClaimSortKey; desc: boolean }
  claimGrouped: boolean
  /** Re-reads claims and groups (the change table calls this once claims are loaded). */
  refreshClaims(): Promise<void>
  createClaim(a: ClaimCreateArgs): Promise<Claim>
  updateClaim(a: ClaimUpdateArgs): Promise<Claim>
  deleteClaim(id: number): Promise<void>
  setClaimFilters(patch: Partial<ClaimFilters>): void
  setClaimSort(key: ClaimSortKey): void
  setClaimGrouped(on: boolean): void
}

type Slice<T> = StateCreator<AppState, [], [], T>

const PAGE = 10_000

async function readAll(): Promise<Claim[]> {
  const out: Claim[] = []
  for (let offset = 0; ; offset += PAGE) {
    const page = await call('claims.list', { sort: 'created', order: 'asc', limit: PAGE, offset })
    out.push(...page)
    if (page.length < PAGE) return out
  }
}

let readSeq = 0
/** The project the claims were last read from: another project starts with no filters. */
let readFrom: string | null = null

export const claimsSlice: Slice<ClaimsSlice> = (set, get) => {
  return {
    claimList: [],
    claimGroups: [],
    claimsLoaded: false,
    claimFilters: NO_CLAIM_FILTERS,
    claimSort: { key: 'created', desc: true },
    claimGrouped: true,
    async refreshClaims() {
      // A slow read must not overwrite a newer one.
      const seq = ++readSeq
      const path = get().project?.path ?? null
      const [claimList, claimGroups] = await Promise.all([readAll(), call('claims.groups', {})])
      if (seq !== readSeq) return
      // Filters name entities and documents of one project; they mean nothing in another.
      const fresh = path !== readFrom
      readFrom = path
      set({ claimList, claimGroups, claimsLoaded: true, ...(fresh ? { claimFilters: NO_CLAIM_FILTERS } : {}) })
    },
    // The answers' changes refresh the list, the map and the entities (./changes.ts).
    createClaim(a) {
      return call('claims.create', a)
    },
    updateClaim(a) {
      return call('claims.update', a)
    },
    async deleteClaim(id) {
      await call('claims.delete', { id })
    },
    setClaimFilters(patch) {
      set({ claimFilters: { ...get().claimFilters, ...patch } })
    },
    setClaimSort(key) {
      const cur = get().claimSort
      // Same column again flips the order; a new column starts in its natural order.
      set({ claimSort: cur.key === key ? { key, desc: !cur.desc } : { key, desc: key === 'created' } })
    },
    setClaimGrouped(claimGrouped) {
      set({ claimGrouped })
    }
  }
}
