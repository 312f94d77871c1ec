// This machine's preferences that are not the analyst's work: the colour
// theme (kept app-wide) and where reading stopped in the open project (kept
// per project). Both live in the app's settings (settings.theme,
// settings.readingPlace), never in the project file, so neither marks the
// project edited.
//
// Trade-offs: the theme shown is resolved here, from the preference and the
// OS's prefers-color-scheme, and written to <html data-theme>, so the CSS
// variables (styles/theme.css) and the map's Cytoscape styles (which cannot
// read CSS) follow one value in the store. The reading place is written by
// the reader a moment after scrolling stops (reader/useReadingPlace.ts).
import type { StateCreator } from 'zustand'
import type { ReadingPlace, Theme } from '@contract/types'
import { call } from '../api'
import type { AppState } from './types'

export interface PrefsSlice {
  /** What the user chose: light, dark, or follow the system. */
  themePref: Theme
  /** What is shown now. */
  theme: 'light' | 'dark'
  loadTheme(): Promise<void>
  setThemePref(t: Theme): Promise<void>
  /** Remembers where reading stopped in the open project (the reader calls it when scrolling pauses). */
  rememberPlace(place: ReadingPlace): void
}

type Slice<T> = StateCreator<AppState, [], [], T>

const darkQuery = () => (typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null)

function resolve(pref: Theme): 'light' | 'dark' {
  if (pref !== 'system') return pref
  return darkQuery()?.matches ? 'dark' : 'light'
}

function apply(theme: 'light' | 'dark'): void {
  if (typeof document !== 'undefined') document.documentElement.dataset.theme = theme
}

export const prefsSlice: Slice<PrefsSlice> = (set, get) => {
  // The OS switching between light and dark is followed at once while the preference is 'system'.
  darkQuery()?.addEventListener('change', () => {
    const theme = resolve(get().themePref)
    apply(theme)
    set({ theme })
  })
  const initial = resolve('system')
  apply(initial)
  return {
    themePref: 'system',
    theme: initial,
    async loadTheme() {
      const { theme: pref } = await call('settings.theme')
      const theme = resolve(pref)
      apply(theme)
      set({ themePref: pref, theme })
    },
    async setThemePref(pref) {
      const theme = resolve(pref)
      apply(theme)
      set({ themePref: pref, theme })
      await call('settings.setTheme', { theme: pref })
    },
    rememberPlace(place) {
      void get().guard(() => call('settings.setReadingPlace', place))
    }
  }
}
