// Change events → refreshes, in one place. Every mutation's answer names the
// kinds of data it changed (declared with the method in src-main/contract/);
// this table says, once, what the store reads again for each kind. No slice
// or component keeps its own refresh list after a mutation.
//
// Each refresher reads only what is on screen or already loaded (the map's
// data once the map was shown, claims once something needed them, the
// selected entity's detail), so a tag costs one batched round trip of reads
// (src-renderer/src/api.ts batches the reads the refreshers start).
import type { ArgsOf, Change, Method, ResultOf } from '@contract/api'
import { inOneBatch, type Answer } from '../api'
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
  settings: [],
  // The reader's suggestions re-read themselves on this kind's revision (src-renderer/src/suggest/).
  suggestions: []
}

/**
 * What a mutation's own answer already shows, placed at once; the refreshed
 * reads replace it when they land. Only where the wait is felt: a tag's
 * highlight would otherwise wait for the re-read of every highlight, entity
 * and document (200 ms on a 1 MB document with 5,000 tags, reader bench).
 */
type Placer<M extends Method> = (s: AppState, value: ResultOf<M>, args: ArgsOf<M>) => void
export const ANSWERS: { [M in Method]?: Placer<M> } = {
  'mentions.create': (s, mention, args) => s.placeMention(mention, args.newEntity ?? null)
}

function place<M extends Method>(s: AppState, answer: Answer & { method: M }): void {
  const placer = ANSWERS[answer.method] as Placer<M> | undefined
  placer?.(s, answer.value as ResultOf<M>, answer.args as ArgsOf<M>)
}

/**
 * Runs the refreshers of every kind named, each once, all started in the
 * same tick (one batch). A failing read becomes an error toast; it never
 * fails the mutation that caused it, which did happen.
 */
export async function applyChanges(get: () => AppState, changes: readonly Change[], answer?: Answer): Promise<void> {
  const kinds = new Set(changes)
  if (answer) place(get(), answer)
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
  get().bumpRevisions(kinds)
}
