// Messages between main (ProjectDb) and the database worker.
import type { ApiError } from '../../contract/api'
import type { SaveState } from '../../contract/types'

export type WorkerRequest =
  | { id: number; type: 'open'; path: string; create: boolean; saveDelayMs: number }
  | { id: number; type: 'call'; op: string; args: unknown }
  | { id: number; type: 'save' }
  | { id: number; type: 'saveAs'; path: string }
  | { id: number; type: 'exportOneFile'; path: string }
  | { id: number; type: 'close' }

export type WorkerMessage =
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; error: ApiError }
  | { type: 'saveState'; state: SaveState }
