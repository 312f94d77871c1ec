// Undo/redo (kept in the project file by the core, so it survives restarts).
// A step can touch any table: its answer says so, and the change table
// (./changes.ts) re-reads what every view shows.
import type { StateCreator } from 'zustand'
import type { Change } from '@contract/api'
import type { HistoryState } from '@contract/types'
import { ApiCallError, call } from '../api'
import type { AppState } from './types'

export interface HistorySlice {
  history: HistoryState
  /**
   * How many times each kind of data has changed (bumped once per mutation,
   * undo or redo, after its refreshes landed). A view that derives something
   * expensive from a kind keys its effect on that kind's revision: once per
   * change, however many store fields the change touched.
   */
  revisions: Partial<Record<Change, number>>
  bumpRevisions(kinds: Iterable<Change>): void
  /** Re-reads canUndo/canRedo and the labels (cheap; done after every change). */
  refreshHistory(): Promise<void>
  undo(): Promise<void>
  redo(): Promise<void>
}

type Slice<T> = StateCreator<AppState, [], [], T>

const EMPTY: HistoryState = { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null }

export const historySlice: Slice<HistorySlice> = (set, get) => {
  let stepping = false
  const step = async (direction: 'undo' | 'redo') => {
    // A held-down Ctrl+Z must not start a second step before the first is shown.
    if (stepping) return
    stepping = true
    const before = direction === 'undo' ? get().history.undoLabel : get().history.redoLabel
    try {
      const result = await call(direction === 'undo' ? 'history.undo' : 'history.redo')
      set({ history: { canUndo: result.canUndo, canRedo: result.canRedo, undoLabel: result.undoLabel, redoLabel: result.redoLabel } })
      if (result.label === null) {
        get().notify('info', direction === 'undo' ? 'Nothing to undo' : 'Nothing to redo')
        return
      }
      get().notify('info', `${direction === 'undo' ? 'Undone' : 'Redone'}: ${result.label}`)
    } catch (e) {
      if (e instanceof ApiCallError && e.code === 'CONFLICT') {
        get().notify(
          'error',
          `Cannot ${direction} ${before ? `“${before}”` : 'the last action'}: what it touched was changed outside the undo history since, so replaying it could damage your work. Nothing was changed.`
        )
        void get().refreshHistory().catch(() => {})
      } else {
        get().notify('error', e instanceof Error ? e.message : String(e))
      }
    } finally {
      stepping = false
    }
  }

  return {
    revisions: {},
    bumpRevisions(kinds) {
      const revisions = { ...get().revisions }
      for (const k of kinds) revisions[k] = (revisions[k] ?? 0) + 1
      set({ revisions })
    },
    history: EMPTY,
    async refreshHistory() {
      if (!get().project) return
      set({ history: await call('history.state') })
    },
    undo: () => step('undo'),
    redo: () => step('redo')
  }
}
