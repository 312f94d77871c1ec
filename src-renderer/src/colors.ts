// Entity type colours, labels and icons as the project defines them: the
// built-in vocabulary plus the types the user added (store `entityTypes`).
import { useCallback } from 'react'
import type { EntityTypeInfo } from '@contract/types'
import { entityType } from '@contract/vocabulary'
import { useStore } from './store'

/** A light tint of a type colour for reader highlights (hex + alpha). */
export function tint(color: string, alpha = 0.22): string {
  const a = Math.round(alpha * 255)
    .toString(16)
    .padStart(2, '0')
  return `${color}${a}`
}

export interface TypeLook {
  key: string
  label: string
  color: string
  /** The icon to show: the user's own types carry theirs; built-ins show their colour only (their default emoji are not drawn by every system font). */
  icon: string
  builtIn: boolean
}

/** The look of a type among the project's types; an unknown key gets the neutral fallback. */
export function lookupType(types: readonly EntityTypeInfo[], key: string): TypeLook {
  const t = types.find((x) => x.key === key)
  if (t) return { ...t, icon: shownIcon(t) }
  const v = entityType(key)
  return { key, label: v.label, color: v.color, icon: '', builtIn: false }
}

/** The icon drawn for a type: only the user's own types show one. */
export function shownIcon(t: EntityTypeInfo): string {
  return t.builtIn ? '' : t.icon
}

/** The colour of a type now (outside React; components should use `useTypeLookup`). */
export function typeColor(type: string): string {
  return lookupType(useStore.getState().entityTypes, type).color
}

/** A lookup that changes (and so re-renders its users) when the project's types change. */
export function useTypeLookup(): (key: string) => TypeLook {
  const types = useStore((s) => s.entityTypes)
  return useCallback((key: string) => lookupType(types, key), [types])
}
