// Room to work: the side panes' widths and whether each is folded away
// (remembered per project, in the app's settings through
// settings.setPaneLayout), and the map's focus mode (only the map and its
// toolbar; not remembered: Escape or a restart leaves it).
//
// Trade-offs: the layout is shown at once and written a moment later (one
// write for a burst of separator key presses or a drag), so a quit within
// that moment loses the last step of a resize, never the project's data.
// It lives in the store, not in the shell, because the commands (menu and
// keys) and the map's toolbar both act on it.
import type { StateCreator } from 'zustand'
import type { PaneLayout } from '@contract/types'
import { call } from '../api'
import type { AppState } from './types'

export const DEFAULT_PANES: PaneLayout = { libraryWidth: 270, entitiesWidth: 330, libraryCollapsed: false, entitiesCollapsed: false }
export const PANE_MIN = 180
export const PANE_MAX = 560

export interface RoomSlice {
  panes: PaneLayout
  /** Only the map and its toolbar are shown (map view only). */
  mapFocus: boolean
  /** Reads the open project's layout (the default when it has none). */
  loadPanes(): Promise<void>
  /** Changes the layout now and remembers it for this project a moment later. */
  setPanes(patch: Partial<PaneLayout>): void
  setMapFocus(on: boolean): void
}

type Slice<T> = StateCreator<AppState, [], [], T>

const clampWidth = (w: number) => Math.round(Math.min(PANE_MAX, Math.max(PANE_MIN, w)))

export const roomSlice: Slice<RoomSlice> = (set, get) => {
  let timer: ReturnType<typeof setTimeout> | null = null
  /** The project whose layout is shown, so a pending write never lands on another project. */
  let loadedFor: string | null = null
  const save = () => {
    timer = null
    const path = get().project?.path ?? null
    if (path === null || path !== loadedFor) return
    void get().guard(() => call('settings.setPaneLayout', get().panes))
  }
  return {
    panes: DEFAULT_PANES,
    mapFocus: false,
    async loadPanes() {
      if (timer) save()
      const path = get().project?.path ?? null
      const stored = await call('settings.paneLayout')
      loadedFor = path
      set({ panes: stored ?? DEFAULT_PANES })
    },
    setPanes(patch) {
      const next = { ...get().panes, ...patch }
      next.libraryWidth = clampWidth(next.libraryWidth)
      next.entitiesWidth = clampWidth(next.entitiesWidth)
      set({ panes: next })
      if (timer) clearTimeout(timer)
      timer = setTimeout(save, 250)
    },
    setMapFocus(mapFocus) {
      set({ mapFocus })
    }
  }
}
