// What the claims pane shows: the claims that pass its filters, sorted, and
// (when grouping is on) gathered under their group (same subject and
// predicate across documents). Pure, so it can be tested on plain data.
import { SOURCE_RELIABILITY, type Claim, type ClaimGroup } from '@contract/types'
import type { ClaimFilters, ClaimSortKey } from '../store/claimsSlice'

/** Claims whose group disagrees on the value, and the values it disagrees on. */
export function conflictsByClaim(groups: ClaimGroup[], claims: Claim[]): Map<number, ClaimGroup> {
  const refuted = new Set(claims.filter((c) => c.status === 'refuted').map((c) => c.id))
  const out = new Map<number, ClaimGroup>()
  for (const g of groups) {
    if (!g.conflict) continue
    // A refuted claim never causes a conflict, so it is not flagged as one.
    for (const id of g.claimIds) if (!refuted.has(id)) out.set(id, g)
  }
  return out
}

export function groupByClaim(groups: ClaimGroup[]): Map<number, ClaimGroup> {
  const out = new Map<number, ClaimGroup>()
  for (const g of groups) for (const id of g.claimIds) out.set(id, g)
  return out
}

/** Every word of the filter text appears somewhere in the claim (names, predicate, value, quote, sources, notes). */
function matchesText(c: Claim, words: string[]): boolean {
  if (!words.length) return true
  const hay = [c.subjectName, c.predicate, c.objectLabel, c.qualifier, c.passage?.quote ?? '', c.passage?.documentTitle ?? '', c.notes, c.grade, c.status, ...c.attribution.map((a) => `${a.role} ${a.entityName}`)]
    .join('\n')
    .toLocaleLowerCase()
  return words.every((w) => hay.includes(w))
}

export function predicateKeyOf(p: string): string {
  return p
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

export function filterClaims(claims: Claim[], f: ClaimFilters, conflicts: Map<number, ClaimGroup>): Claim[] {
  const words = f.text.trim().toLocaleLowerCase().split(/\s+/).filter(Boolean)
  return claims.filter(
    (c) =>
      (f.entityId === null || c.subjectId === f.entityId || (c.object.kind === 'entity' && c.object.entityId === f.entityId) || c.attribution.some((a) => a.entityId === f.entityId)) &&
      (f.predicateKey === null || predicateKeyOf(c.predicate) === f.predicateKey) &&
      (!f.reliability.length || f.reliability.includes(c.reliability)) &&
      (!f.credibility.length || f.credibility.includes(c.credibility)) &&
      (f.status === null || c.status === f.status) &&
      (f.documentId === null || (f.documentId === 'none' ? c.passage === null : c.passage?.documentId === f.documentId)) &&
      (!f.conflictsOnly || conflicts.has(c.id)) &&
      matchesText(c, words)
  )
}

const STATUS_ORDER = { corroborated: 0, unverified: 1, disputed: 2, refuted: 3 }

/** Sorts a value by its magnitude when it is a number (exactly: by digits, never as a float). */
function compareDecimal(a: string, b: string): number {
  const neg = (s: string) => s.startsWith('-')
  if (neg(a) !== neg(b)) return neg(a) ? -1 : 1
  const [ai, af = ''] = a.replace('-', '').split('.')
  const [bi, bf = ''] = b.replace('-', '').split('.')
  const mag = ai!.length - bi!.length || (ai! < bi! ? -1 : ai! > bi! ? 1 : 0) || (af.padEnd(12, '0') < bf.padEnd(12, '0') ? -1 : af.padEnd(12, '0') > bf.padEnd(12, '0') ? 1 : 0)
  return neg(a) ? -mag : mag
}

function compareObject(a: Claim, b: Claim): number {
  const ao = a.object
  const bo = b.object
  if (ao.kind === 'money' && bo.kind === 'money') return ao.currency.localeCompare(bo.currency) || compareDecimal(ao.amount, bo.amount)
  if (ao.kind === 'number' && bo.kind === 'number') return compareDecimal(ao.value, bo.value)
  return ao.kind.localeCompare(bo.kind) || a.objectLabel.localeCompare(b.objectLabel, undefined, { sensitivity: 'base' })
}

const COMPARE: Record<ClaimSortKey, (a: Claim, b: Claim) => number> = {
  subject: (a, b) => a.subjectName.localeCompare(b.subjectName, undefined, { sensitivity: 'base' }) || predicateKeyOf(a.predicate).localeCompare(predicateKeyOf(b.predicate)),
  predicate: (a, b) => predicateKeyOf(a.predicate).localeCompare(predicateKeyOf(b.predicate)) || a.subjectName.localeCompare(b.subjectName, undefined, { sensitivity: 'base' }),
  object: compareObject,
  // Best grade first: A before F, 1 before 6.
  grade: (a, b) => SOURCE_RELIABILITY.indexOf(a.reliability) - SOURCE_RELIABILITY.indexOf(b.reliability) || a.credibility - b.credibility,
  status: (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status],
  document: (a, b) => (a.passage?.documentTitle ?? '\uffff').localeCompare(b.passage?.documentTitle ?? '\uffff') || (a.passage?.start ?? 0) - (b.passage?.start ?? 0),
  created: (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id
}

export function sortClaims(claims: Claim[], key: ClaimSortKey, desc: boolean): Claim[] {
  const cmp = COMPARE[key]
  return [...claims].sort((a, b) => (desc ? -1 : 1) * (cmp(a, b) || a.id - b.id))
}

export type ClaimListItem = { kind: 'group'; group: ClaimGroup; shown: number } | { kind: 'claim'; claim: Claim; grouped: boolean }

/**
 * The pane's rows. Grouped: each group with more than one claim gets a
 * heading where its first claim would be, its shown claims right under it.
 */
export function listItems(sorted: Claim[], groupOf: Map<number, ClaimGroup>, grouped: boolean): ClaimListItem[] {
  if (!grouped) return sorted.map((claim) => ({ kind: 'claim', claim, grouped: false }))
  const buckets = new Map<string, Claim[]>()
  const order: string[] = []
  for (const c of sorted) {
    const g = groupOf.get(c.id)
    const key = g && g.claimIds.length > 1 ? g.key : `claim:${c.id}`
    if (!buckets.has(key)) {
      buckets.set(key, [])
      order.push(key)
    }
    buckets.get(key)!.push(c)
  }
  const out: ClaimListItem[] = []
  for (const key of order) {
    const cs = buckets.get(key)!
    const g = key.startsWith('claim:') ? undefined : groupOf.get(cs[0]!.id)
    if (g) out.push({ kind: 'group', group: g, shown: cs.length })
    for (const claim of cs) out.push({ kind: 'claim', claim, grouped: !!g })
  }
  return out
}
