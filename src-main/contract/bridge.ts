// The bridge between the page and main, without zod: the envelope every call
// is answered with, and what the preload (or the e2e harness) puts on
// `window.rwb`. The method names and argument schemas are in ./api.ts.
import type { Change } from './define'
import type { AppEvent } from './events'

export type ErrorCode =
  | 'BAD_METHOD'
  | 'BAD_ARGS'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'NO_PROJECT'
  | 'IMPORT_FAILED'
  | 'PROJECT_INVALID'
  | 'IO'
  | 'INTERNAL'

export interface ApiError {
  code: ErrorCode
  message: string
  /** Plain-JSON facts the UI can act on, e.g. `{ backupAvailable: true, path }` for a damaged project. */
  details?: Record<string, unknown>
}

/** A call's answer; a mutation's names the kinds of data it changed (see define.ts). */
export type ApiResponse<T> = { ok: true; value: T; changes?: Change[] } | { ok: false; error: ApiError }

/** One call of a batch: the renderer's store sends the refreshes a change needs in one round trip. */
export interface BatchCall {
  method: string
  args: unknown
}

/** A file the page hands back to main for its path (drag and drop); structural so the contract needs no DOM types. */
export type DroppedFile = object

/** What the preload (or the e2e harness) puts on `window.rwb`. */
export interface Bridge {
  invoke(method: string, args: unknown): Promise<ApiResponse<unknown>>
  /** Several calls in one round trip, started in order and answered together; one answer each. */
  invokeBatch(calls: BatchCall[]): Promise<ApiResponse<unknown>[]>
  onEvent(listener: (event: AppEvent) => void): () => void
  /** The file system path of a file dropped on the window ('' if it has none). */
  pathForFile(file: DroppedFile): string
}

export const BRIDGE_KEY = 'rwb'
export const IPC_INVOKE = 'rwb:invoke'
export const IPC_INVOKE_BATCH = 'rwb:invoke-batch'
export const IPC_EVENT = 'rwb:event'
/** A batch is for refreshes: a few dozen reads at most. */
export const MAX_BATCH = 64
