// The one rule for finding entities by what the user types, used by every
// entity type-ahead (tag popover, claim form, merge dialog) and the entity
// filter. Aliases match too: typing "DoD" offers the Department of Defense.
//
// Trade-offs: the match kinds are coarse tiers (exact name, exact alias,
// prefix, word prefix, substring) rather than a fuzzy score, so the order is
// predictable and typos find nothing; within a tier the most-mentioned entity
// wins, since that is most often the one meant. Case and diacritics are folded
// ("zurich" finds "Zürich"), so two names that differ only in accents count as
// the same name (an exact match, which also hides "create new").
import type { Entity, EntityAlias } from '@contract/types'

export interface EntityMatch {
  entity: Entity
  /** The alias that matched better than the name did; null for a name match. */
  alias: string | null
  /** The match kind, lower is better (see TIER). */
  tier: number
}

/** Match kinds, best first. An alias's prefix, word prefix or substring counts as the name's would. */
export const TIER = { exactName: 0, exactAlias: 1, prefix: 2, wordPrefix: 3, substring: 4 } as const

/** Case-, diacritic- and spacing-insensitive form for comparing names. */
export function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}+/gu, '').replace(/\s+/g, ' ').trim().toLowerCase()
}

/** Aliases grouped by entity id. */
export function aliasesByEntity(aliases: readonly EntityAlias[]): Map<number, string[]> {
  const out = new Map<number, string[]>()
  for (const a of aliases) out.set(a.entityId, [...(out.get(a.entityId) ?? []), a.name])
  return out
}

const WORD_CHAR = /[\p{L}\p{N}]/u

/** How well folded `text` matches folded `q` (not exact; the caller tells name from alias): a tier, or null. */
function partialTier(text: string, q: string): number | null {
  if (text.startsWith(q)) return TIER.prefix
  let at = text.indexOf(q, 1)
  if (at < 0) return null
  for (; at > 0; at = text.indexOf(q, at + 1)) if (!WORD_CHAR.test(text[at - 1]!)) return TIER.wordPrefix
  return TIER.substring
}

/** The best tier of one entity's name and aliases against folded `q`, and the alias if one beat the name. */
function matchOne(entity: Entity, aliases: readonly string[], q: string): EntityMatch | null {
  const name = fold(entity.name)
  if (name === q) return { entity, alias: null, tier: TIER.exactName }
  const nameTier = partialTier(name, q)
  let best: EntityMatch | null = nameTier === null ? null : { entity, alias: null, tier: nameTier }
  for (const alias of aliases) {
    const a = fold(alias)
    const tier = a === q ? TIER.exactAlias : partialTier(a, q)
    if (tier !== null && (!best || tier < best.tier)) best = { entity, alias, tier }
  }
  return best
}

const byMentionsThenName = (a: Entity, b: Entity) =>
  b.mentionCount - a.mentionCount || a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || a.id - b.id

/**
 * The entities matching `query`, best first: exact name, exact alias, prefix,
 * word prefix, substring; ties by mention count (most first), then name. An
 * empty query matches every entity (most mentioned first).
 */
export function rankEntities(entities: readonly Entity[], aliases: ReadonlyMap<number, readonly string[]>, query: string, limit = Infinity): EntityMatch[] {
  const q = fold(query)
  const found: EntityMatch[] = []
  for (const entity of entities) {
    const m = q ? matchOne(entity, aliases.get(entity.id) ?? [], q) : { entity, alias: null, tier: TIER.substring }
    if (m) found.push(m)
  }
  return found.sort((a, b) => a.tier - b.tier || byMentionsThenName(a.entity, b.entity)).slice(0, limit)
}

/** Whether some entity already has this name (folded): then "create new" is not offered. */
export function hasExactName(entities: readonly Entity[], query: string): boolean {
  const q = fold(query)
  return q !== '' && entities.some((e) => fold(e.name) === q)
}
