import { create } from 'zustand'
import { claimsSlice } from './claimsSlice'
import { entityToolsSlice } from './entityToolsSlice'
import { historySlice } from './historySlice'
import { mapSlice } from './mapSlice'
import { entitiesSlice, librarySlice, projectSlice, readerSlice, uiSlice } from './slices'
import type { AppState } from './types'

export const useStore = create<AppState>()((...a) => ({
  ...projectSlice(...a),
  ...librarySlice(...a),
  ...readerSlice(...a),
  ...entitiesSlice(...a),
  ...mapSlice(...a),
  ...entityToolsSlice(...a),
  ...uiSlice(...a),
  ...historySlice(...a),
  ...claimsSlice(...a)
}))

export type { AppState } from './types'
