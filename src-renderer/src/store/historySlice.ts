// Undo/redo (kept in the project file by the core, so it survives restarts)
// and the one "refresh everything" an undo needs: a step can touch any table,
// so after it every view re-reads what it shows.
import type { StateCreator } from 'zustand'
import type { HistoryState } from '@contract/types'
import { ApiCallError, call, onMutation } from '../api'
import type { AppState } from './types'

export interface HistorySlice {
  history: HistoryState
  /** Re-reads canUndo/canRedo and the labels (cheap; done after every change). */
  refreshHistory(): Promise<void>
  undo(): Promise<void>
  redo(): Promise<void>
  /** Re-reads everything an undo or redo may have changed. */
  refreshAll(): Promise<void>
}

type Slice<T> = StateCreator<AppState, [], [], T>

const EMPTY: HistoryState = { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null }

export const historySlice: Slice<HistorySlice> = (set, get) => {
  // Several calls in a row (tag = create entity + mention) need one re-read.
  let timer: ReturnType<typeof setTimeout> | null = null
  onMutation(() => {
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => {
      timer = null
      void get().refreshHistory().catch(() => {})
    }, 40)
  })

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
      await get().refreshAll()
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
    history: EMPTY,
    async refreshHistory() {
      if (!get().project) return
      set({ history: await call('history.state') })
    },
    undo: () => step('undo'),
    redo: () => step('redo'),
    async refreshAll() {
      const s = get()
      const selected = s.selectedEntityId
      const jobs: Promise<unknown>[] = [s.refreshEntities(), s.refreshDocuments(), s.refreshMentions(), s.refreshHistory(), s.refreshClaims(), s.refreshEntityTypes()]
      // The map's data (claims, entity–document index, custom types) is read once the map has been shown.
      jobs.push(s.mapDataReady ? s.refreshMapData() : s.refreshCoMentions())
      await Promise.all(jobs.map((j) => j.catch((e: unknown) => get().notify('error', e instanceof Error ? e.message : String(e)))))
      // The selected entity may be gone (its creation undone) or have other mentions now.
      if (selected !== null && get().selectedEntityId === selected) {
        if (get().entities.some((e) => e.id === selected)) await get().selectEntity(selected)
        else await get().selectEntity(null)
      }
    }
  }
}
