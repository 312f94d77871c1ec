// How a contract method is declared: once, in its domain's file, with its
// argument schema (zod), its result type, whether it is a query or a
// mutation, where it runs, and (mutations) which kinds of data it changes.
// Everything else is derived from that one declaration: the argument types
// (z.infer), the handler table's and the database worker's signatures (a
// missing implementation is a type error), the preload's allow-list, the
// renderer's typed client, and the change events the store refreshes from.
//
// Trade-off: the result type is a phantom (`returns<T>()`), not a schema.
// Results come from our own core, so validating them would only cost time;
// arguments come from a renderer we must not trust, so they are validated.
import { z } from 'zod'

/**
 * The kinds of data a mutation can change. The renderer's store maps each
 * kind to its refreshers once (src-renderer/src/store/changes.ts); a
 * mutation's reply names the kinds it changed, so no view keeps a refresh
 * list of its own. 'session' means another project is open: everything is
 * read again; 'project' is the open project's info (name, path, counts) and
 * the recent-projects list.
 */
export const CHANGE_KINDS = [
  'session',
  'project',
  'documents',
  'mentions',
  'entities',
  'aliases',
  'merges',
  'entityTypes',
  'claims',
  'maps',
  'history',
  'settings',
  /** Entity suggestions: rejections (a new tag, entity or alias changes them too). */
  'suggestions'
] as const
export type Change = (typeof CHANGE_KINDS)[number]

/** Every kind: what an undo or redo may touch. */
export const ALL_CHANGES: readonly Change[] = CHANGE_KINDS.filter((c) => c !== 'session')

/**
 * Where a method is implemented: 'db' methods are operations of the database
 * worker (core/db/ops.ts), forwarded unchanged by the handler table; 'app'
 * methods need the session (dialogs, files, settings: core/app/appHandlers.ts).
 */
export type Runs = 'db' | 'app'

export interface QueryDef<A extends z.ZodType = z.ZodType, R = unknown, W extends Runs = Runs> {
  readonly kind: 'query'
  readonly args: A
  readonly result: R
  readonly runs: W
}

export interface MutationDef<A extends z.ZodType = z.ZodType, R = unknown, W extends Runs = Runs> {
  readonly kind: 'mutation'
  readonly args: A
  readonly result: R
  readonly runs: W
  /** The kinds of data changed, given the result (a cancelled dialog changes nothing). */
  // Method syntax on purpose: a table of definitions with different result types still type-checks.
  changes(result: R): readonly Change[]
}

export type MethodDef = QueryDef | MutationDef

/** A phantom marker carrying a method's result type. */
export function returns<T>(): T {
  return undefined as T
}

/** A method that reads only. */
export function query<A extends z.ZodType, R, W extends Runs = 'db'>(d: { args: A; result: R; runs?: W }): QueryDef<A, R, W> {
  return { kind: 'query', args: d.args, result: d.result, runs: d.runs ?? ('db' as W) }
}

/**
 * A method that writes. Database mutations are one undoable, audited action
 * each (core/db/repos/history.ts), so 'history' is added to their changes.
 */
export function mutation<A extends z.ZodType, R, W extends Runs = 'db'>(d: {
  args: A
  result: R
  runs?: W
  changes: readonly Change[] | ((result: R) => readonly Change[])
}): MutationDef<A, R, W> {
  const runs = d.runs ?? ('db' as W)
  const declared = d.changes
  const changes =
    typeof declared === 'function'
      ? declared
      : () => (runs === 'db' && !declared.includes('history') ? [...declared, 'history' as const] : declared)
  return { kind: 'mutation', args: d.args, result: d.result, runs, changes }
}

// --- Argument atoms shared by the domains ------------------------------------
export const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)
export const offset = z.number().int().nonnegative().max(1 << 30)
export const name = z.string().trim().min(1, 'a name is required').max(500)
export const typeKey = z.string().trim().min(1).max(60)
export const none = z.object({}).strict()
export const filePath = z.string().min(1).max(4096)
/** File bytes handed to main to save (images, PDFs). */
export const fileBytes = z.instanceof(Uint8Array).refine((b) => b.length > 8 && b.length < 512 * 1024 * 1024)
