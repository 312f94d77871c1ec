// The claims UI's pure parts: what the form guesses from a passage, exact
// value drafts, and the claims pane's filter, sort, grouping and conflicts.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Claim, ClaimGroup, Mention } from '../../src-main/contract/types'
import { parseValue } from '../../src-main/core/tagging/values'
import { conflictsByClaim, filterClaims, groupByClaim, listItems, sortClaims } from '../../src-renderer/src/claims/claimView'
import { draftToObject, EMPTY_OBJECT, inWords, plainDecimal } from '../../src-renderer/src/claims/objectDraft'
import { attributionHints, entitiesInside, qualifierBefore, sentenceAround, valueCandidates } from '../../src-renderer/src/claims/prefill'
import { NO_CLAIM_FILTERS } from '../../src-renderer/src/store/claimsSlice'

const SEEDS = join(import.meta.dirname, '../../seeds')
const SAMPLE = readFileSync(join(SEEDS, readdirSync(SEEDS).find((f) => f.endsWith('.txt'))!), 'utf8')

/** The first value in a passage the core reads, with its qualifier, as the form prefills it. */
function prefillValue(passage: string) {
  for (const c of valueCandidates(passage)) {
    const v = parseValue(c.text)
    if (v) return { value: v, qualifier: qualifierBefore(passage, c.at) }
  }
  return null
}

describe('prefill from the passage', () => {
  it('reads "$29 billion" exactly and "as high as" as up to', () => {
    expect(prefillValue('has since seen its private market valuation fluctuate as high as $29 billion')).toEqual({
      value: { kind: 'money', amount: '29000000000', currency: 'USD' },
      qualifier: 'up to'
    })
    expect(prefillValue('which was valued at approximately $13.8 billion during its Series F round')).toEqual({
      value: { kind: 'money', amount: '13800000000', currency: 'USD' },
      qualifier: 'about'
    })
    expect(prefillValue('awarded Scale AI a $500 million contract')).toEqual({ value: { kind: 'money', amount: '500000000', currency: 'USD' }, qualifier: 'exact' })
    expect(prefillValue('signed in March 2025 after talks')?.value).toEqual({ kind: 'date', date: '2025-03' })
    expect(prefillValue('$29 billion')?.value).toEqual({ kind: 'money', amount: '29000000000', currency: 'USD' })
    expect(prefillValue('the Pentagon is effectively picking winners')).toBeNull()
  })

  it('finds who the sentence credits, the outlet first', () => {
    const start = SAMPLE.indexOf('has since seen its private market valuation')
    const end = start + 'has since seen its private market valuation fluctuate as high as $29 billion'.length
    const sentence = sentenceAround(SAMPLE, start, end)
    expect(sentence).toContain('according to data from TSG Invest.')
    expect(attributionHints(sentence, 'NextFin')).toEqual([
      { name: 'NextFin', role: 'reported by', type: 'Source' },
      { name: 'TSG Invest', role: 'according to', type: 'Source' }
    ])
    const quote = SAMPLE.indexOf('The Pentagon is effectively picking winners')
    const said = attributionHints(sentenceAround(SAMPLE, quote, quote + 20), null)
    expect(said).toContainEqual({ name: 'Marcus Thorne', role: 'said', type: 'Person' })
  })

  it('takes the entities tagged inside the passage, in reading order, once each', () => {
    const m = (id: number, entityId: number, start: number, end: number) => ({ id, entityId, start, end }) as Mention
    expect(entitiesInside([m(1, 7, 50, 58), m(2, 3, 10, 20), m(3, 7, 30, 38), m(4, 9, 5, 12)], 10, 60)).toEqual([3, 7])
  })
})

describe('value drafts stay exact', () => {
  it('accepts separators, never floats or exponents', () => {
    expect(plainDecimal('29,000,000,000')).toBe('29000000000')
    expect(plainDecimal('123456789012345678901234567890')).toBe('123456789012345678901234567890')
    expect(plainDecimal('1e9')).toBeNull()
    expect(plainDecimal('29 billion')).toBeNull()
    expect(draftToObject({ ...EMPTY_OBJECT, kind: 'money', amount: '0.1', currency: 'eur' })).toEqual({ object: { kind: 'money', amount: '0.1', currency: 'EUR' } })
    expect(draftToObject({ ...EMPTY_OBJECT, kind: 'money', amount: '12', currency: 'US' })).toHaveProperty('error')
    expect(draftToObject({ ...EMPTY_OBJECT, kind: 'date', date: '2025-13' })).toHaveProperty('error')
    expect(draftToObject({ ...EMPTY_OBJECT, kind: 'entity' })).toHaveProperty('error')
  })

  it('spells round figures in words by string arithmetic', () => {
    expect(inWords('29000000000')).toBe('29 billion')
    expect(inWords('13800000000')).toBe('13.8 billion')
    expect(inWords('500000000')).toBe('500 million')
    expect(inWords('123456789')).toBeNull()
    expect(inWords('12.5')).toBeNull()
  })
})

function claim(id: number, p: Partial<Claim>): Claim {
  return {
    id,
    subjectId: 1,
    subjectName: 'Department of Defense',
    predicate: 'contract value',
    object: { kind: 'money', amount: '500000000', currency: 'USD' },
    objectLabel: '500,000,000 USD',
    qualifier: 'exact',
    passage: { documentId: 1, documentTitle: 'Doc', start: 0, end: 5, quote: 'quote', prefix: '', suffix: '' },
    analystJudgement: false,
    attribution: [],
    reliability: 'F',
    credibility: 6,
    grade: 'F6',
    status: 'unverified',
    notes: '',
    createdAt: `2026-01-01T00:00:0${id}Z`,
    updatedAt: '',
    ...p
  }
}

describe('the claims pane', () => {
  const a = claim(1, { reliability: 'C', credibility: 3, status: 'corroborated' })
  const b = claim(2, { object: { kind: 'money', amount: '480000000', currency: 'USD' }, objectLabel: '480,000,000 USD', reliability: 'E', credibility: 5, status: 'disputed', passage: null, analystJudgement: true })
  const c = claim(3, { subjectId: 2, subjectName: 'Scale AI', predicate: 'Valuation', object: { kind: 'money', amount: '29000000000', currency: 'USD' }, objectLabel: '29,000,000,000 USD', reliability: 'B', credibility: 2, attribution: [{ entityId: 9, entityName: 'TSG Invest', role: 'according to' }] })
  const d = claim(4, { predicate: 'contract value', object: { kind: 'money', amount: '1', currency: 'USD' }, objectLabel: '1 USD', status: 'refuted' })
  const all = [a, b, c, d]
  const groups: ClaimGroup[] = [
    { key: '1|contract value', subjectId: 1, subjectName: 'Department of Defense', predicate: 'contract value', predicateKey: 'contract value', claimIds: [1, 2, 4], documentIds: [1], values: [], conflict: true },
    { key: '2|valuation', subjectId: 2, subjectName: 'Scale AI', predicate: 'Valuation', predicateKey: 'valuation', claimIds: [3], documentIds: [1], values: [], conflict: false }
  ]
  const conflicts = conflictsByClaim(groups, all)

  it('flags the disagreeing claims of a conflicting group, never a refuted one', () => {
    expect([...conflicts.keys()].sort()).toEqual([1, 2])
  })

  it('filters by entity (any role), predicate, grade, status, document and conflicts', () => {
    const ids = (f: Partial<typeof NO_CLAIM_FILTERS>) => filterClaims(all, { ...NO_CLAIM_FILTERS, ...f }, conflicts).map((x) => x.id)
    expect(ids({})).toEqual([1, 2, 3, 4])
    expect(ids({ entityId: 9 })).toEqual([3])
    expect(ids({ entityId: 1 })).toEqual([1, 2, 4])
    expect(ids({ predicateKey: 'valuation' })).toEqual([3])
    expect(ids({ reliability: ['B', 'C'] })).toEqual([1, 3])
    expect(ids({ credibility: [5] })).toEqual([2])
    expect(ids({ status: 'disputed' })).toEqual([2])
    expect(ids({ documentId: 'none' })).toEqual([2])
    expect(ids({ documentId: 1 })).toEqual([1, 3, 4])
    expect(ids({ conflictsOnly: true })).toEqual([1, 2])
    expect(ids({ text: 'tsg according' })).toEqual([3])
  })

  it('sorts by grade (best first) and by value as exact decimals', () => {
    expect(sortClaims(all, 'grade', false).map((x) => x.id)).toEqual([3, 1, 2, 4])
    expect(sortClaims([a, b, d], 'object', false).map((x) => x.id)).toEqual([4, 2, 1])
    const huge = claim(5, { object: { kind: 'money', amount: '100000000000000000001', currency: 'USD' } })
    const big = claim(6, { object: { kind: 'money', amount: '99999999999999999999.5', currency: 'USD' } })
    expect(sortClaims([huge, big], 'object', false).map((x) => x.id)).toEqual([6, 5])
  })

  it('groups claims of the same subject and predicate under one heading', () => {
    const items = listItems(sortClaims(all, 'created', false), groupByClaim(groups), true)
    expect(items.map((i) => (i.kind === 'group' ? `g:${i.group.key}:${i.shown}` : `c:${i.claim.id}`))).toEqual(['g:1|contract value:3', 'c:1', 'c:2', 'c:4', 'c:3'])
    expect(listItems(all, groupByClaim(groups), false).every((i) => i.kind === 'claim')).toBe(true)
  })
})
