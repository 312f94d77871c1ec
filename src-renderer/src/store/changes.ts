// Change events → refreshes, in one place. Every mutation's answer names the
// kinds of data it changed (declared with the method in src-main/contract/);
// this table says, once, what the store reads again for each kind. No slice
// or component keeps its own refresh list after a mutation.
//
// Each refresher reads only what is on screen or already loaded (the map's
// data once the map was shown, claims once something needed them, the
// selected entity's detail), so a tag costs one batched round trip of reads
// (src-renderer/src/api.ts batches the reads the refreshers start).
import type { Change } from '@contract/api'
import { inOneBatch } from '../api'
import type { AppState } from './types'

type Refresher = (s: AppState) => Promise<unknown> | null

export const REFRESHERS: Record<Change, readonly Refresher[]> = {
  // Another project: everything is read again (loadProject resets the rest).
  session: [(s) => s.loadProject()],
  project: [(s) => s.refreshProjectInfo(), (s) => s.refreshRecent()],
  documents: [(s) => s.refreshDocuments()],
  mentions: [
    (s) => s.refreshMentions(),
    (s) => (s.mapDataReady ? s.refreshEntityDocuments() : null),
    (s) => (s.selectedEntityId !== null ? s.refreshSelectedMentions() : null),
    (s) => (s.showCoMentions ? s.refreshCoMentions() : null)
  ],
  entities: [(s) => s.refreshEntities()],
  aliases: [(s) => s.refreshAllAliases(), (s) => (s.selectedEntityId !== null ? s.refreshEntityDetail() : null)],
  merges: [(s) => (s.selectedEntityId !== null ? s.refreshEntityDetail() : null)],
  entityTypes: [(s) => s.refreshEntityTypes()],
  claims: [(s) => (s.claimsLoaded ? s.refreshClaims() : null)],
  maps: [(s) => (s.maps.length || s.activeMap ? s.loadMaps() : null)],
  history: [(s) => s.refreshHistory()],
  // The user's name is read where it is shown (the name dialog, the log).
  settings: []
}

/**
 * Runs the refreshers of every kind named, each once, all started in the
 * same tick (one batch). A failing read becomes an error toast; it never
 * fails the mutation that caused it, which did happen.
 */
export async function applyChanges(get: () => AppState, changes: readonly Change[]): Promise<void> {
  const kinds = new Set(changes)
  // A new session re-reads everything itself.
  if (kinds.has('session')) {
    await get()
      .loadProject()
      .catch((e: unknown) => get().notify('error', e instanceof Error ? e.message : String(e)))
    return
  }
  const s = get()
  const jobs = inOneBatch(() => [...kinds].flatMap((k) => REFRESHERS[k].map((r) => r(s))).filter((j): j is Promise<unknown> => j !== null))
  await Promise.all(jobs.map((j) => j.catch((e: unknown) => get().notify('error', e instanceof Error ? e.message : String(e)))))
}
