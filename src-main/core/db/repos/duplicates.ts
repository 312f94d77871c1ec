// Possible duplicates: entities that are probably one thing under two names,
// offered for merge (repos/merge.ts), never merged here. Linear in the
// number of entities: each name is reduced to keys, and entities sharing a
// key are paired.
//
// - same name: equal once case, diacritics, punctuation and a leading "the"
//   are set aside ("Zurich" / "Zürich", "the Pentagon" / "Pentagon");
// - suffix: equal once a legal-form suffix is also set aside ("Scale AI" /
//   "Scale AI Inc.");
// - alias: one's alias is the other's name;
// - acronym: a short capitalised name is the initials of the other's words,
//   with or without its small words ("DoD" / "Department of Defense",
//   "DHS" / "Department of Homeland Security").
// Trade-off: acronyms are guessed from initials only; "AI" / "Amnesty
// International" would be offered too, which is why nothing is automatic.
import type { DuplicateCandidate } from '../../../contract/suggestions'
import type { Entity } from '../../../contract/types'
import { all, type Database } from '../sqlite'
import { listEntities } from './entities'

const VALUE_TYPES = new Set(['Money', 'Date'])
const SUFFIX = /\s+(?:inc|incorporated|ltd|limited|llc|llp|corp|corporation|co|company|plc|gmbh|ag|sa|nv|bv|pty|lp)$/
const SMALL = new Set(['of', 'the', 'for', 'and', 'on', 'in', 'to', 'at', 'a', 'an', '&'])

/** Case, diacritics, punctuation and a leading "the" set aside. */
export function plainKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’'`]s\b/g, '')
    .replace(/[^\p{L}\p{N}&]+/gu, ' ')
    .trim()
    .replace(/^the\s+/, '')
}

export function withoutSuffix(key: string): string {
  let k = key
  for (let prev = ''; prev !== k; ) {
    prev = k
    k = k.replace(SUFFIX, '')
  }
  return k
}

/** The acronym a short capitalised name is ("DoD" → "dod"), or null. */
export function acronymOf(name: string): string | null {
  const t = name.replace(/\./g, '').trim()
  if (!/^[\p{Lu}][\p{L}&]{1,7}$/u.test(t)) return null
  const upper = [...t].filter((c) => /\p{Lu}/u.test(c)).length
  return upper >= 2 && upper >= t.length - 1 ? t.toLowerCase() : null
}

/** The initials of a name of three words or more, with and without its small words. */
export function initialsOf(name: string): string[] {
  const words = plainKey(name).split(' ').filter(Boolean)
  if (words.length < 2) return []
  const all = words.map((w) => w[0]).join('')
  const big = words.filter((w) => !SMALL.has(w)).map((w) => w[0]).join('')
  return [...new Set([all, big].filter((x) => x.length >= 2))]
}

export function findDuplicates(db: Database): DuplicateCandidate[] {
  const entities = listEntities(db).filter((e) => !VALUE_TYPES.has(e.type))
  const byId = new Map(entities.map((e) => [e.id, e]))
  const out: DuplicateCandidate[] = []
  const seen = new Set<string>()
  const pair = (a: Entity, b: Entity, reason: DuplicateCandidate['reason']) => {
    if (a.id === b.id) return
    const id = a.id < b.id ? `${a.id}:${b.id}` : `${b.id}:${a.id}`
    if (seen.has(id)) return
    seen.add(id)
    // Keep the one with more mentions, then the longer (fuller) name, then the older.
    const [keep, merge] = [a, b].sort((x, y) => y.mentionCount - x.mentionCount || y.name.length - x.name.length || x.id - y.id) as [Entity, Entity]
    out.push({ keep, merge, reason })
  }
  const group = (keyOf: (e: Entity) => string | null, reason: DuplicateCandidate['reason']) => {
    const groups = new Map<string, Entity[]>()
    for (const e of entities) {
      const k = keyOf(e)
      if (!k) continue
      const g = groups.get(k)
      if (g) g.push(e)
      else groups.set(k, [e])
    }
    for (const g of groups.values()) for (let i = 1; i < g.length; i++) pair(g[0]!, g[i]!, reason)
  }
  group((e) => plainKey(e.name) || null, 'same name')
  group((e) => withoutSuffix(plainKey(e.name)) || null, 'suffix')
  // An alias of one that is another's name.
  const byKey = new Map<string, Entity[]>()
  for (const e of entities) {
    const k = plainKey(e.name)
    byKey.set(k, [...(byKey.get(k) ?? []), e])
  }
  for (const a of all<{ entityId: number; name: string }>(db, 'SELECT entity_id AS entityId, name FROM entity_aliases')) {
    const owner = byId.get(a.entityId)
    if (!owner) continue
    for (const other of byKey.get(plainKey(a.name)) ?? []) pair(owner, other, 'alias')
  }
  // Acronyms against the initials of longer names.
  const byInitials = new Map<string, Entity[]>()
  for (const e of entities) for (const i of initialsOf(e.name)) byInitials.set(i, [...(byInitials.get(i) ?? []), e])
  for (const e of entities) {
    const acr = acronymOf(e.name)
    if (!acr) continue
    for (const other of byInitials.get(acr) ?? []) pair(other, e, 'acronym')
  }
  return out
}
