// `rwb report --map NAME`: which claims a saved map shows, without a
// renderer. The app never uses this (its renderer sends the ids it draws);
// the CLI has no renderer, so the map's saved filters are applied here.
//
// Trade-off: this follows the map's claim filters as
// src-renderer/src/map/filters.ts applies them (links/claims shown,
// predicates, minimum grade, statuses, documents, date range; entity types
// and documents narrowing the claims' ends; the focus over claim edges) but
// not co-mentions, which are not claims and never go into a report. The two
// are kept in step by test/unit/reportCli.test.ts on a filtered map.
import type { Claim } from '../../../contract/claims'
import type { MapFilters, MapSettings, MapSummary } from '../../../contract/maps'
import { listDocuments } from '../../db/repos/documents'
import { listEntities } from '../../db/repos/entities'
import { entityDocuments } from '../../db/repos/maps'
import type { Database } from '../../db/sqlite'

const RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F']
const relRank = (r: string) => (RELIABILITY.indexOf(r) < 0 ? 5 : RELIABILITY.indexOf(r))
const predicateKey = (p: string) => p.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase().replace(/\s+/g, ' ').trim()
const isLink = (c: Claim) => c.analystJudgement && c.passage === null

function isoDay(s: string | null | undefined): string | null {
  if (!s) return null
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(s.trim())
  if (m) return `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}`
  const t = Date.parse(s)
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10)
}

function claimPasses(c: Claim, f: MapFilters, dates: Map<number, string>): boolean {
  if (f.predicates && !f.predicates.map(predicateKey).includes(predicateKey(c.predicate))) return false
  if (f.minGrade && !(relRank(c.reliability) <= relRank(f.minGrade.reliability) && c.credibility <= f.minGrade.credibility)) return false
  if (f.statuses && !f.statuses.includes(c.status)) return false
  const docId = c.passage?.documentId ?? null
  if (f.documentIds && !isLink(c) && (docId === null || !f.documentIds.includes(docId))) return false
  if (f.dateFrom || f.dateTo) {
    const d = (docId !== null ? dates.get(docId) : undefined) ?? isoDay(c.createdAt)
    if (!d) return false
    if (f.dateFrom && d < f.dateFrom) return false
    if (f.dateTo && d > f.dateTo) return false
  }
  return true
}

/** The claims (of `claims`, in their order) that the map shows. */
export function claimsOnMap(db: Database, map: Pick<MapSummary, 'filters' | 'settings'>, claims: Claim[]): Claim[] {
  const f: MapFilters = map.filters
  const s: MapSettings = map.settings
  const dates = new Map<number, string>()
  for (const d of listDocuments(db)) {
    const day = d.publishedTime ? /^\d{4}-\d{2}-\d{2}/.exec(d.publishedTime)?.[0] : undefined
    if (day) dates.set(d.id, day)
  }
  const kept = claims.filter((c) => (isLink(c) ? s.showLinks : s.showClaims) && claimPasses(c, f, dates))
  const types = f.entityTypes ? new Set(f.entityTypes) : null
  let inDocs: Set<number> | null = null
  if (f.documentIds) {
    const docs = new Set(f.documentIds)
    inDocs = new Set(entityDocuments(db).filter((d) => docs.has(d.documentId)).map((d) => d.entityId))
    for (const c of kept) {
      if (isLink(c)) continue
      inDocs.add(c.subjectId)
      if (c.object.kind === 'entity') inDocs.add(c.object.entityId)
    }
  }
  let entities = new Set(listEntities(db).filter((e) => (!types || types.has(e.type)) && (!inDocs || inDocs.has(e.id))).map((e) => e.id))
  const objectOf = (c: Claim) => (c.object.kind === 'entity' ? c.object.entityId : null)
  const among = (ids: Set<number>) => kept.filter((c) => ids.has(c.subjectId) && (objectOf(c) === null || ids.has(objectOf(c)!)))
  if (f.focus) {
    entities.add(f.focus.entityId)
    const edges = among(entities).filter((c) => objectOf(c) !== null)
    const seen = new Set([f.focus.entityId])
    let frontier = [f.focus.entityId]
    for (let h = 0; h < f.focus.hops && frontier.length; h++) {
      const next: number[] = []
      for (const c of edges) {
        const a = c.subjectId
        const b = objectOf(c)!
        for (const [x, y] of [[a, b], [b, a]] as const)
          if (frontier.includes(x) && !seen.has(y)) {
            seen.add(y)
            next.push(y)
          }
      }
      frontier = next
    }
    entities = seen
  }
  return among(entities)
}

/** A map by name (case-insensitive); null when the project has none of that name. */
export function findMap(maps: MapSummary[], name: string): MapSummary | null {
  const want = name.trim().toLocaleLowerCase()
  return maps.find((m) => m.name === name) ?? maps.find((m) => m.name.toLocaleLowerCase() === want) ?? null
}
