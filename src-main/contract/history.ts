// Undo/redo (kept in the project, so it survives a restart) and the
// activity log.
import { z } from 'zod'
import { ALL_CHANGES, mutation, none, query, returns } from './define'

export interface HistoryState {
  canUndo: boolean
  canRedo: boolean
  undoLabel: string | null
  redoLabel: string | null
}

/** What an undo or redo did, so the UI can refresh what changed. */
export interface HistoryStep extends HistoryState {
  /** The action undone or redone; null when there was none. */
  label: string | null
  changed: { tables: string[]; entityIds: number[]; documentIds: number[] }
}

export interface AuditEntry {
  id: number
  at: string
  user: string
  /** The operation ("mentions.create", "history.undo", …). */
  action: string
  /** What it did, in words. */
  label: string
  /** Rows changed per table and kind, e.g. { "mentions.insert": 3 }. */
  details: Record<string, number>
}

export interface AuditPage {
  entries: AuditEntry[]
  /** Entries in the log under the filter asked for. */
  total: number
  /** Entries the filter left out (view changes when only edits were asked for). */
  hidden: number
}

/**
 * Actions that change how the work is shown, not the work: moving nodes,
 * re-running a layout, map filters and display settings (all maps.update).
 * The activity log lists them apart from edits, which they would flood.
 */
export const VIEW_ACTIONS = ['maps.update'] as const

/** A step can touch any table: everything is read again, unless there was nothing to step. */
const stepped = (r: HistoryStep) => (r.label === null ? ['history' as const] : ALL_CHANGES)

export const historyContract = {
  'history.state': query({ args: none, result: returns<HistoryState>() }),
  'history.undo': mutation({ args: none, result: returns<HistoryStep>(), changes: stepped }),
  'history.redo': mutation({ args: none, result: returns<HistoryStep>(), changes: stepped }),
  'audit.list': query({
    args: z
      .object({
        limit: z.number().int().min(1).max(500).optional(),
        offset: z.number().int().min(0).optional(),
        /** Only edits: leave out VIEW_ACTIONS. */
        editsOnly: z.boolean().optional()
      })
      .strict(),
    result: returns<AuditPage>()
  })
}
