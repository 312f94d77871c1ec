// ADAPTER: claims (subject – predicate – object, Admiralty-graded) → map edges.
//
// This is the one place that knows the shape of a claim. The map reads
// claims through `claims.list` (src-main/contract/api.ts); if that shape
// changes, change `claimEdgeSource` below and nothing else in map/.
//
// A claim whose object is an entity becomes (part of) a directed edge
// subject → object labelled with its predicate. Claims with the same
// subject, object and predicate (case, accents and spaces folded) share one
// edge, which lists all of them as its evidence. A link (an analyst
// judgement with no passage: what "Link to…" makes, and what every link of
// a project from before schema 0006 became) never shares an edge with a
// claim a source states: it is drawn as "your link" (settings.showLinks), so
// the map keeps showing the analyst's links apart from the evidence, as it
// did when links were their own table. Other edges are drawn by grade:
//   strong   – at least one claim graded A–B / 1–2 that is not disputed or refuted: solid
//   disputed – no strong claim, and at least one disputed or refuted claim: dashed, red
//   weak     – anything else (C–F or 3–6, unverified): dashed
// Pure, so it is unit-tested on fake claims (test/unit/mapClaims.test.ts).
import type { Claim, MinGrade } from '@contract/types'

export type GradeClass = 'strong' | 'weak' | 'disputed'

const RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'] as const

/** What the map needs of a claim (a subset of the contract's Claim). */
export interface MapClaim {
  id: number
  subjectId: number
  /** The object entity, or null when the object is a value (money, date, text …). */
  objectId: number | null
  objectLabel: string
  predicate: string
  reliability: string
  credibility: number
  status: string
  /** Where the claim is said; null for an analyst judgement without a passage. */
  documentId: number | null
  documentTitle: string | null
  start: number | null
  end: number | null
  quote: string | null
  grade: string
  analystJudgement: boolean
  createdAt: string
  /** Who stands behind the claim, in order ("reported by NextFin", "according to TSG Invest"); the claims-as-nodes map draws them. */
  attribution?: { entityId: number; role: string }[]
  /** "up to", "about", "at least" (or "exact"): how the value is meant. */
  qualifier?: string
}

/** Claim (contract) → MapClaim. Tolerates a claim without a passage. */
export function claimEdgeSource(c: Claim): MapClaim {
  return {
    id: c.id,
    subjectId: c.subjectId,
    objectId: c.object.kind === 'entity' ? c.object.entityId : null,
    objectLabel: c.objectLabel,
    predicate: c.predicate,
    reliability: c.reliability,
    credibility: c.credibility,
    status: c.status,
    documentId: c.passage?.documentId ?? null,
    documentTitle: c.passage?.documentTitle ?? null,
    start: c.passage?.start ?? null,
    end: c.passage?.end ?? null,
    quote: c.passage?.quote ?? null,
    grade: c.grade || `${c.reliability}${c.credibility}`,
    analystJudgement: c.analystJudgement,
    createdAt: c.createdAt,
    attribution: (c.attribution ?? []).map((a) => ({ entityId: a.entityId, role: a.role })),
    qualifier: c.qualifier
  }
}

/** A link: the analyst's own judgement, with no passage behind it. */
export function isLink(c: Pick<MapClaim, 'analystJudgement' | 'documentId'>): boolean {
  return c.analystJudgement && c.documentId === null
}

/** Case, accents and runs of spaces folded: "Awarded  Contract to" = "awarded contract to". */
export function predicateKey(p: string): string {
  return p.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase().replace(/\s+/g, ' ').trim()
}

/** 0 (A) … 5 (F); unknown letters rank as F. */
export function reliabilityRank(r: string): number {
  const i = RELIABILITY.indexOf(r.toUpperCase() as (typeof RELIABILITY)[number])
  return i === -1 ? 5 : i
}

/** 1 … 6; anything else ranks as 6 ("cannot be judged"). */
export function credibilityRank(c: number): number {
  return Number.isInteger(c) && c >= 1 && c <= 6 ? c : 6
}

/** A claim meets a minimum grade when both its reliability and its credibility are at least as good. */
export function meetsMinGrade(c: Pick<MapClaim, 'reliability' | 'credibility'>, min: MinGrade | null): boolean {
  if (!min) return true
  return reliabilityRank(c.reliability) <= reliabilityRank(min.reliability) && credibilityRank(c.credibility) <= credibilityRank(min.credibility)
}

export function isDisputed(c: Pick<MapClaim, 'status'>): boolean {
  return c.status === 'disputed' || c.status === 'refuted'
}

export function isWellGraded(c: Pick<MapClaim, 'reliability' | 'credibility'>): boolean {
  return reliabilityRank(c.reliability) <= 1 && credibilityRank(c.credibility) <= 2
}

/** Sorts best grade first: reliability, then credibility. */
export function compareGrade(a: Pick<MapClaim, 'reliability' | 'credibility'>, b: Pick<MapClaim, 'reliability' | 'credibility'>): number {
  return reliabilityRank(a.reliability) - reliabilityRank(b.reliability) || credibilityRank(a.credibility) - credibilityRank(b.credibility)
}

export function gradeClassOf(claims: readonly MapClaim[]): GradeClass {
  if (claims.some((c) => isWellGraded(c) && !isDisputed(c))) return 'strong'
  if (claims.some(isDisputed)) return 'disputed'
  return 'weak'
}

/** One map edge made of claims sharing subject, object and predicate. */
export interface ClaimEdgeGroup {
  /** Stable element id: the lowest claim id of the group. */
  id: string
  sourceId: number
  targetId: number
  predicate: string
  claimIds: number[]
  /** The best grade among the claims, e.g. "B2". */
  bestGrade: string
  gradeClass: GradeClass
  count: number
  /** Made of links (analyst judgements without a passage) only. */
  link: boolean
}

/** Groups entity-object claims into edges. Claims about values (money, dates …) make no edge. */
export function edgesFromClaims(claims: readonly MapClaim[]): ClaimEdgeGroup[] {
  const groups = new Map<string, MapClaim[]>()
  for (const c of claims) {
    if (c.objectId === null || c.objectId === c.subjectId) continue
    const key = `${isLink(c) ? 'link' : 'claim'}|${c.subjectId}|${c.objectId}|${predicateKey(c.predicate)}`
    const g = groups.get(key)
    if (g) g.push(c)
    else groups.set(key, [c])
  }
  const out: ClaimEdgeGroup[] = []
  for (const g of groups.values()) {
    const sorted = [...g].sort((a, b) => compareGrade(a, b) || a.id - b.id)
    const best = sorted[0]!
    const first = g.reduce((m, c) => (c.id < m.id ? c : m), g[0]!)
    out.push({
      id: `k${first.id}`,
      sourceId: first.subjectId,
      targetId: first.objectId!,
      predicate: first.predicate.trim(),
      claimIds: g.map((c) => c.id).sort((a, b) => a - b),
      bestGrade: `${best.reliability}${credibilityRank(best.credibility)}`,
      gradeClass: gradeClassOf(g),
      count: g.length,
      link: isLink(first)
    })
  }
  return out.sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)))
}
