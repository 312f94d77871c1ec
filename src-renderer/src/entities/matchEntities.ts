// Finding entities by what the user types, aliases included: typing "DoD"
// or selecting "the Pentagon" offers the Department of Defense.
import type { Entity, EntityAlias } from '@contract/types'

export interface EntityMatch {
  entity: Entity
  /** The alias that matched when the name did not; null for a name match. */
  alias: string | null
}

const fold = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase()

/** Aliases grouped by entity id. */
export function aliasesByEntity(aliases: readonly EntityAlias[]): Map<number, string[]> {
  const out = new Map<number, string[]>()
  for (const a of aliases) out.set(a.entityId, [...(out.get(a.entityId) ?? []), a.name])
  return out
}

/**
 * Entities whose name or an alias contains `query` (case-folded). Exact name
 * matches first, then exact alias matches, then names, then aliases; shorter
 * names first within each. An empty query matches every entity by name.
 */
export function matchEntities(entities: readonly Entity[], aliases: Map<number, string[]>, query: string, limit = Infinity): EntityMatch[] {
  const q = fold(query)
  if (!q) return entities.slice(0, limit).map((entity) => ({ entity, alias: null }))
  const scored: { m: EntityMatch; rank: number }[] = []
  for (const entity of entities) {
    const name = fold(entity.name)
    if (name.includes(q)) {
      scored.push({ m: { entity, alias: null }, rank: name === q ? 0 : 2 })
      continue
    }
    const names = aliases.get(entity.id) ?? []
    const exact = names.find((a) => fold(a) === q)
    const partial = exact ?? names.find((a) => fold(a).includes(q))
    if (partial) scored.push({ m: { entity, alias: partial }, rank: exact ? 1 : 3 })
  }
  return scored
    .sort((a, b) => a.rank - b.rank || a.m.entity.name.length - b.m.entity.name.length)
    .slice(0, limit)
    .map((s) => s.m)
}
