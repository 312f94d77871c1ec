import { create } from 'zustand'
import { mapSlice } from './mapSlice'
import { entitiesSlice, librarySlice, projectSlice, readerSlice, uiSlice } from './slices'
import type { AppState } from './types'

export const useStore = create<AppState>()((...a) => ({
  ...projectSlice(...a),
  ...librarySlice(...a),
  ...readerSlice(...a),
  ...entitiesSlice(...a),
  ...mapSlice(...a),
  ...uiSlice(...a)
}))

export type { AppState } from './types'
