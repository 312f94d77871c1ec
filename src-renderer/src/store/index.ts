import { create } from 'zustand'
import { onChanges } from '../api'
import { applyChanges } from './changes'
import { claimsSlice } from './claimsSlice'
import { entityToolsSlice } from './entityToolsSlice'
import { historySlice } from './historySlice'
import { mapSlice } from './mapSlice'
import { prefsSlice } from './prefsSlice'
import { roomSlice } from './roomSlice'
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
  ...claimsSlice(...a),
  ...roomSlice(...a),
  ...prefsSlice(...a)
}))

export type { AppState } from './types'

// Every mutation's answer names what it changed; the change table refreshes it.
onChanges((changes, answer) => applyChanges(useStore.getState, changes, answer))
