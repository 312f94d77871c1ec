// Grouping claims across documents and flagging conflicts. Pure.
//
// A group is every claim with the same subject and the same predicate
// (compared by predicateKey: case, accents, punctuation and spacing do not
// matter). Inside a group, claims with the same object (objectKey: entity id,
// or the exact normalised value) are one value. A group is a conflict when
// its non-refuted claims give more than one distinct *value* (money, number,
// date, text): "$500 million" vs "$480 million". Different entity objects are
// not a conflict (Department of Defense awards contracts to several firms);
// refuted claims never make a conflict (they are already known to be wrong).
import type { Claim, ClaimGroup, ClaimGroupValue } from '../../contract/types'
import { objectKey, predicateKey } from './values'

/** What grouping reads of a claim: its own fields, and its passage's document (null without one). */
export type GroupableClaim = Pick<Claim, 'id' | 'subjectId' | 'subjectName' | 'predicate' | 'object' | 'objectLabel' | 'status'> & { documentId: number | null }

function uniqueSorted(ns: Iterable<number>): number[] {
  return [...new Set(ns)].sort((a, b) => a - b)
}

export function groupClaims(claims: readonly GroupableClaim[]): ClaimGroup[] {
  const groups = new Map<string, { claims: GroupableClaim[]; key: string; predicateKey: string }>()
  for (const c of claims) {
    const pk = predicateKey(c.predicate)
    const key = `${c.subjectId}|${pk}`
    let g = groups.get(key)
    if (!g) groups.set(key, (g = { claims: [], key, predicateKey: pk }))
    g.claims.push(c)
  }
  const out: ClaimGroup[] = []
  for (const g of groups.values()) {
    const values = new Map<string, ClaimGroupValue & { refutedOnly: boolean }>()
    const spellings = new Map<string, number>()
    for (const c of g.claims) {
      spellings.set(c.predicate, (spellings.get(c.predicate) ?? 0) + 1)
      const vk = objectKey(c.object)
      let v = values.get(vk)
      if (!v) values.set(vk, (v = { object: c.object, objectLabel: c.objectLabel, claimIds: [], documentIds: [], refutedOnly: true }))
      v.claimIds.push(c.id)
      if (c.documentId !== null) v.documentIds.push(c.documentId)
      if (c.status !== 'refuted') v.refutedOnly = false
    }
    const vals = [...values.values()]
      .map((v) => ({ ...v, claimIds: uniqueSorted(v.claimIds), documentIds: uniqueSorted(v.documentIds) }))
      .sort((a, b) => b.claimIds.length - a.claimIds.length || a.objectLabel.localeCompare(b.objectLabel))
    const liveValues = vals.filter((v) => !v.refutedOnly && v.object.kind !== 'entity')
    const predicate = [...spellings.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0]
    const first = g.claims[0]!
    out.push({
      key: g.key,
      subjectId: first.subjectId,
      subjectName: first.subjectName,
      predicate,
      predicateKey: g.predicateKey,
      claimIds: uniqueSorted(g.claims.map((c) => c.id)),
      documentIds: uniqueSorted(g.claims.flatMap((c) => (c.documentId === null ? [] : [c.documentId]))),
      values: vals.map(({ refutedOnly: _r, ...v }) => v),
      conflict: liveValues.length > 1
    })
  }
  return out.sort(
    (a, b) =>
      Number(b.conflict) - Number(a.conflict) ||
      b.claimIds.length - a.claimIds.length ||
      a.subjectName.localeCompare(b.subjectName) ||
      a.predicate.localeCompare(b.predicate)
  )
}
