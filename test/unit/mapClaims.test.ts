// The claims adapter (src-renderer/src/map/edgesFromClaims.ts) on fake
// claims: grouping into edges, grades, and the contract → map conversion.
import { describe, expect, it } from 'vitest'
import type { Claim } from '../../src-main/contract/types'
import {
  claimEdgeSource,
  compareGrade,
  edgesFromClaims,
  gradeClassOf,
  meetsMinGrade,
  predicateKey,
  type MapClaim
} from '../../src-renderer/src/map/edgesFromClaims'

let nextId = 1
function fakeClaim(p: Partial<MapClaim> = {}): MapClaim {
  return {
    id: nextId++,
    subjectId: 1,
    objectId: 2,
    objectLabel: 'E2',
    predicate: 'awarded contract to',
    reliability: 'B',
    credibility: 2,
    status: 'unverified',
    documentId: 10,
    documentTitle: 'Doc',
    start: 0,
    end: 5,
    quote: 'quote',
    grade: 'B2',
    analystJudgement: false,
    createdAt: '2025-03-01T10:00:00.000Z',
    ...p
  }
}

describe('grades', () => {
  it('meets a minimum grade only when both letter and number are at least as good', () => {
    const min = { reliability: 'B' as const, credibility: 3 }
    expect(meetsMinGrade({ reliability: 'A', credibility: 1 }, min)).toBe(true)
    expect(meetsMinGrade({ reliability: 'B', credibility: 3 }, min)).toBe(true)
    expect(meetsMinGrade({ reliability: 'C', credibility: 1 }, min)).toBe(false)
    expect(meetsMinGrade({ reliability: 'A', credibility: 4 }, min)).toBe(false)
    expect(meetsMinGrade({ reliability: 'F', credibility: 6 }, null)).toBe(true)
    // unknown values rank as "cannot be judged"
    expect(meetsMinGrade({ reliability: '?', credibility: 9 }, { reliability: 'E', credibility: 6 })).toBe(false)
    expect(meetsMinGrade({ reliability: '?', credibility: 9 }, { reliability: 'F', credibility: 6 })).toBe(true)
  })

  it('orders grades letter first, then number', () => {
    const sorted = [
      { reliability: 'C', credibility: 1 },
      { reliability: 'A', credibility: 3 },
      { reliability: 'A', credibility: 1 },
      { reliability: 'B', credibility: 6 }
    ].sort(compareGrade)
    expect(sorted.map((g) => `${g.reliability}${g.credibility}`)).toEqual(['A1', 'A3', 'B6', 'C1'])
  })

  it('classes an edge: strong if any well-graded undisputed claim, else disputed if any is, else weak', () => {
    expect(gradeClassOf([fakeClaim({ reliability: 'A', credibility: 2 })])).toBe('strong')
    expect(gradeClassOf([fakeClaim({ reliability: 'B', credibility: 3 })])).toBe('weak')
    expect(gradeClassOf([fakeClaim({ reliability: 'C', credibility: 1 })])).toBe('weak')
    expect(gradeClassOf([fakeClaim({ reliability: 'A', credibility: 1, status: 'disputed' })])).toBe('disputed')
    expect(gradeClassOf([fakeClaim({ reliability: 'E', credibility: 5, status: 'refuted' }), fakeClaim({ reliability: 'D', credibility: 4 })])).toBe('disputed')
    expect(gradeClassOf([fakeClaim({ reliability: 'A', credibility: 1, status: 'disputed' }), fakeClaim({ reliability: 'B', credibility: 2, status: 'corroborated' })])).toBe('strong')
  })
})

describe('edgesFromClaims', () => {
  it('groups claims by subject, object and folded predicate into one directed edge each', () => {
    const a = fakeClaim({ id: 5, predicate: 'Awarded  contract to', reliability: 'C', credibility: 3 })
    const b = fakeClaim({ id: 3, predicate: 'awarded contract to', reliability: 'B', credibility: 2 })
    const c = fakeClaim({ id: 9, predicate: 'funded', subjectId: 2, objectId: 1 })
    const d = fakeClaim({ id: 7, predicate: 'awarded contract to', subjectId: 2, objectId: 1 }) // other direction: its own edge
    const value = fakeClaim({ id: 11, objectId: null, objectLabel: '500000000 USD', predicate: 'contract value' })
    const self = fakeClaim({ id: 12, objectId: 1 }) // subject = object: no edge
    const edges = edgesFromClaims([a, b, c, d, value, self])
    expect(edges.map((e) => [e.id, e.sourceId, e.targetId, e.count, e.claimIds])).toEqual([
      ['k3', 1, 2, 2, [3, 5]],
      ['k7', 2, 1, 1, [7]],
      ['k9', 2, 1, 1, [9]]
    ])
    const first = edges[0]!
    expect(first.bestGrade).toBe('B2')
    expect(first.gradeClass).toBe('strong')
    expect(first.predicate).toBe('awarded contract to')
  })

  it('folds case, accents and spaces in predicates', () => {
    expect(predicateKey('  Détient   ')).toBe(predicateKey('detient'))
    expect(predicateKey('Owns')).toBe('owns')
  })

  it('makes nothing from no claims, and ids are unique', () => {
    expect(edgesFromClaims([])).toEqual([])
    const many = Array.from({ length: 200 }, (_, i) => fakeClaim({ id: 1000 + i, subjectId: 1 + (i % 7), objectId: 1 + ((i * 3) % 11), predicate: ['owns', 'funds', 'Owns'][i % 3]! }))
    const edges = edgesFromClaims(many)
    expect(new Set(edges.map((e) => e.id)).size).toBe(edges.length)
    // every entity-object claim (not to itself) is behind exactly one edge
    const behind = edges.flatMap((e) => e.claimIds).sort((x, y) => x - y)
    expect(behind).toEqual(many.filter((c) => c.objectId !== c.subjectId).map((c) => c.id))
  })
})

describe('claimEdgeSource', () => {
  const base: Claim = {
    id: 4,
    subjectId: 1,
    subjectName: 'Department of Defense',
    predicate: 'awarded contract to',
    object: { kind: 'entity', entityId: 2 },
    objectLabel: 'Scale AI',
    qualifier: 'exact',
    passage: { documentId: 7, documentTitle: 'Scale AI deal', start: 10, end: 40, quote: 'awarded Scale AI a contract', prefix: '', suffix: '' },
    analystJudgement: false,
    attribution: [],
    reliability: 'B',
    credibility: 2,
    grade: 'B2',
    status: 'corroborated',
    notes: '',
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z'
  }
  it('reads the object entity, passage and grade', () => {
    expect(claimEdgeSource(base)).toMatchObject({ id: 4, subjectId: 1, objectId: 2, documentId: 7, start: 10, end: 40, quote: 'awarded Scale AI a contract', grade: 'B2', status: 'corroborated' })
  })
  it('keeps a value object and an analyst judgement without a passage', () => {
    const m = claimEdgeSource({ ...base, object: { kind: 'money', amount: '500000000', currency: 'USD' }, objectLabel: '500000000 USD', passage: null, analystJudgement: true })
    expect(m).toMatchObject({ objectId: null, objectLabel: '500000000 USD', documentId: null, quote: null, analystJudgement: true })
  })
})
