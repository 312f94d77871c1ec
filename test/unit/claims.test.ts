// Claims through the real handler table and database worker, over a project
// seeded with the sample article: passages, attribution chains, Admiralty
// grades, exact money, predicates, listing, grouping with conflicts, the
// map's claim edges, and how the contract refuses bad claims.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Claim, Entity } from '../../src-main/contract/types'
import { tempDir } from '../support/tempDir'
import { rows, span, startSession, withProjectFile, type Session } from './taggingSupport'

describe('claims', () => {
  const t = tempDir('rwb-claims-')
  let s: Session
  let seedId: number
  let seed: string
  const e: Record<string, Entity> = {}
  let valuation: Claim

  beforeAll(async () => {
    s = await startSession(t.dir)
    const docs = await s.call('documents.list', {})
    seedId = docs[0]!.id
    seed = await s.text(seedId)
    for (const [name, type] of [
      ['Scale AI', 'Company'],
      ['Department of Defense', 'PublicBody'],
      ['TSG Invest', 'Source'],
      ['NextFin', 'Source'],
      ['Bloomberg', 'Source'],
      ['Marcus Thorne', 'Person']
    ] as const) {
      e[name] = await s.call('entities.create', { name, type })
    }
  })
  afterAll(async () => {
    await s.core.shutdown()
    t.cleanup()
  })

  it('creates the sample claim: Scale AI — valuation — up to $29 billion, according to TSG Invest, reported by NextFin', async () => {
    const quote = 'has since seen its private market valuation fluctuate as high as $29 billion'
    const at = span(seed, quote)
    valuation = await s.call('claims.create', {
      subjectId: e['Scale AI']!.id,
      predicate: '  valuation ',
      object: { kind: 'money', amount: '29000000000', currency: 'usd' },
      qualifier: 'up to',
      passage: { documentId: seedId, ...at },
      attribution: [
        { entityId: e['TSG Invest']!.id, role: 'according to' },
        { entityId: e['NextFin']!.id, role: 'reported by' }
      ],
      reliability: 'B',
      credibility: 3
    })
    expect(valuation).toMatchObject({
      subjectId: e['Scale AI']!.id,
      subjectName: 'Scale AI',
      predicate: 'valuation',
      object: { kind: 'money', amount: '29000000000', currency: 'USD' },
      objectLabel: '29,000,000,000 USD',
      qualifier: 'up to',
      analystJudgement: false,
      reliability: 'B',
      credibility: 3,
      grade: 'B3',
      status: 'unverified',
      attribution: [
        { entityId: e['TSG Invest']!.id, entityName: 'TSG Invest', role: 'according to' },
        { entityId: e['NextFin']!.id, entityName: 'NextFin', role: 'reported by' }
      ]
    })
    // the passage is a full anchor into the immutable text
    const p = valuation.passage!
    expect(p).toMatchObject({ documentId: seedId, start: at.start, end: at.end, quote })
    expect(seed.slice(p.start, p.end)).toBe(quote)
    expect(seed.slice(p.start - p.prefix.length, p.start)).toBe(p.prefix)
    expect(seed.slice(p.end, p.end + p.suffix.length)).toBe(p.suffix)
    expect(p.prefix.length).toBeGreaterThan(0)
    expect(p.documentTitle).toMatch(/Scale AI/)
    expect(await s.call('claims.get', { id: valuation.id })).toEqual(valuation)
  })

  it('defaults to F6, unverified, exact; a selection with surrounding spaces is trimmed', async () => {
    const at = span(seed, 'awarded Scale AI a $500 million contract')
    const c = await s.call('claims.create', {
      subjectId: e['Department of Defense']!.id,
      predicate: 'awarded contract to',
      object: { kind: 'entity', entityId: e['Scale AI']!.id },
      passage: { documentId: seedId, start: at.start - 1, end: at.end + 1 }
    })
    expect(c).toMatchObject({ grade: 'F6', reliability: 'F', credibility: 6, status: 'unverified', qualifier: 'exact', objectLabel: 'Scale AI', attribution: [] })
    expect(c.passage).toMatchObject({ start: at.start, end: at.end, quote: 'awarded Scale AI a $500 million contract' })
  })

  it('stores money exactly: decimal strings in, the same strings in the project file; floats are refused', async () => {
    const big = '12345678901234567890.12' // far beyond float precision
    const c = await s.call('claims.create', {
      subjectId: e['Scale AI']!.id,
      predicate: 'revenue',
      object: { kind: 'money', amount: big, currency: 'EUR' },
      analystJudgement: true
    })
    expect(c.object).toEqual({ kind: 'money', amount: big, currency: 'EUR' })
    expect(Number(big).toString()).not.toBe(big) // what a float would have done

    const asFloat = await s.fail('claims.create', {
      subjectId: e['Scale AI']!.id,
      predicate: 'valuation',
      object: { kind: 'money', amount: 29e9, currency: 'USD' },
      analystJudgement: true
    })
    expect(asFloat.code).toBe('BAD_ARGS')
    for (const amount of ['29e9', '29,000', '1.5.5', '', 'NaN']) {
      const err = await s.fail('claims.create', { subjectId: e['Scale AI']!.id, predicate: 'valuation', object: { kind: 'money', amount, currency: 'USD' }, analystJudgement: true })
      expect(err.code, amount).toBe('BAD_ARGS')
    }
    expect((await s.fail('claims.create', { subjectId: e['Scale AI']!.id, predicate: 'valuation', object: { kind: 'money', amount: '1', currency: 'DOLLARS' }, analystJudgement: true })).code).toBe('BAD_ARGS')

    await s.flush()
    const raw = await withProjectFile(s.core.db().path, (db) =>
      rows(db, "SELECT id, value_amount, typeof(value_amount) AS t, value_currency FROM claims WHERE object_kind = 'money' ORDER BY id")
    )
    expect(raw).toEqual([
      { id: valuation.id, value_amount: '29000000000', t: 'text', value_currency: 'USD' },
      { id: c.id, value_amount: big, t: 'text', value_currency: 'EUR' }
    ])
  })

  it('a claim without a passage is allowed only as an explicit analyst judgement', async () => {
    const base = { subjectId: e['Department of Defense']!.id, predicate: 'oversees', object: { kind: 'entity' as const, entityId: e['Scale AI']!.id } }
    const err = await s.fail('claims.create', base)
    expect(err.code).toBe('BAD_ARGS')
    expect(err.message).toMatch(/analyst judgement/)
    expect((await s.fail('claims.create', { ...base, analystJudgement: false, passage: null })).code).toBe('BAD_ARGS')
    const judged = await s.call('claims.create', { ...base, analystJudgement: true })
    expect(judged.passage).toBeNull()
    expect(judged.analystJudgement).toBe(true)
    // removing the passage of a sourced claim needs the flag too
    const err2 = await s.fail('claims.update', { id: valuation.id, passage: null })
    expect(err2.code).toBe('BAD_ARGS')
    expect((await s.call('claims.get', { id: valuation.id })).passage).not.toBeNull()
    // an entity cannot be its own object
    expect((await s.fail('claims.create', { ...base, object: { kind: 'entity', entityId: e['Department of Defense']!.id }, analystJudgement: true })).code).toBe('BAD_ARGS')
    await s.call('claims.delete', { id: judged.id })
  })

  it('rejects bad passages and unknown entities', async () => {
    const len = seed.length
    const bad = [
      { passage: { documentId: seedId, start: len, end: len + 5 } },
      { passage: { documentId: 999, start: 0, end: 5 } },
      { passage: { documentId: seedId, start: 5, end: 5 } }
    ]
    for (const b of bad) {
      const err = await s.fail('claims.create', { subjectId: e['Scale AI']!.id, predicate: 'x', object: { kind: 'text', text: 'y' }, ...b })
      expect(['BAD_ARGS', 'NOT_FOUND']).toContain(err.code)
    }
    expect((await s.fail('claims.create', { subjectId: 9999, predicate: 'x', object: { kind: 'text', text: 'y' }, analystJudgement: true })).code).toBe('NOT_FOUND')
    expect((await s.fail('claims.create', { subjectId: e['Scale AI']!.id, predicate: 'x', object: { kind: 'text', text: 'y' }, analystJudgement: true, extra: 1 })).code).toBe('BAD_ARGS')
    expect((await s.fail('claims.create', { subjectId: e['Scale AI']!.id, predicate: 'x', object: { kind: 'date', date: '2025-13-01' }, analystJudgement: true })).code).toBe('BAD_ARGS')
  })

  it('attribution chains: "according to Bloomberg", "said Marcus Thorne"; update replaces the chain in order', async () => {
    const at = span(seed, 'the agreement allows Scale AI to deploy its advanced data foundry capabilities within Impact Levels 6 and 7')
    const c = await s.call('claims.create', {
      subjectId: e['Scale AI']!.id,
      predicate: 'cleared for',
      object: { kind: 'text', text: 'Impact Levels 6 and 7' },
      passage: { documentId: seedId, ...at },
      attribution: [
        { entityId: e['Bloomberg']!.id, role: 'according to' },
        { entityId: e['NextFin']!.id, role: 'reported by' }
      ]
    })
    expect(c.attribution.map((a) => `${a.role} ${a.entityName}`)).toEqual(['according to Bloomberg', 'reported by NextFin'])
    const u = await s.call('claims.update', {
      id: c.id,
      attribution: [
        { entityId: e['NextFin']!.id, role: 'reported by' },
        { entityId: e['Marcus Thorne']!.id, role: 'said' },
        { entityId: e['Bloomberg']!.id, role: 'according to' }
      ],
      status: 'corroborated',
      reliability: 'A',
      credibility: 2
    })
    expect(u.attribution.map((a) => `${a.role} ${a.entityName}`)).toEqual(['reported by NextFin', 'said Marcus Thorne', 'according to Bloomberg'])
    expect(u).toMatchObject({ status: 'corroborated', grade: 'A2', passage: c.passage })
    expect(u.updatedAt >= c.updatedAt).toBe(true)
    expect((await s.fail('claims.update', { id: c.id, attribution: [{ entityId: e['NextFin']!.id, role: 'wrote' }] })).code).toBe('BAD_ARGS')
    expect((await s.fail('claims.update', { id: c.id, reliability: 'G' })).code).toBe('BAD_ARGS')
    expect((await s.fail('claims.update', { id: c.id, credibility: 7 })).code).toBe('BAD_ARGS')
  })

  it('suggests the project’s own predicates, most used first, by prefix', async () => {
    // A link: an analyst judgement without a passage, what "Link to…" makes.
    const link = await s.call('claims.create', {
      subjectId: e['Department of Defense']!.id,
      predicate: 'Awarded contract to',
      object: { kind: 'entity', entityId: e['Scale AI']!.id },
      analystJudgement: true
    })
    const all = await s.call('claims.predicates', {})
    // "awarded contract to": one claim + one link (spelling differs only in case) → 2
    expect(all[0]).toEqual({ predicate: expect.stringMatching(/^[Aa]warded contract to$/), count: 2 })
    expect(all.map((p) => p.predicate)).toEqual(expect.arrayContaining(['valuation', 'revenue', 'cleared for']))
    const aw = await s.call('claims.predicates', { prefix: 'AW' })
    expect(aw).toHaveLength(1)
    const val = await s.call('claims.predicates', { prefix: 'val' })
    expect(val.map((p) => p.predicate)).toEqual(['valuation'])
    // substring matches come after prefix matches
    const con = await s.call('claims.predicates', { prefix: 'contract' })
    expect(con.map((p) => p.predicate.toLowerCase())).toEqual(['awarded contract to'])
    // The rest of this file counts claims with passages: the link goes again.
    expect(await s.call('claims.delete', { id: link.id })).toEqual({ deleted: 1 })
    expect((await s.call('claims.predicates', { prefix: 'AW' }))[0]!.count).toBe(1)
  })

  it('lists claims with their passages, filtered and sorted', async () => {
    const all = await s.call('claims.list', {})
    expect(all.length).toBe(4)
    for (const c of all) if (c.passage) expect(seed.slice(c.passage.start, c.passage.end)).toBe(c.passage.quote)
    const scale = e['Scale AI']!.id
    expect((await s.call('claims.list', { entityId: scale, entityRole: 'subject' })).map((c) => c.predicate).sort()).toEqual(['cleared for', 'revenue', 'valuation'])
    expect((await s.call('claims.list', { entityId: scale, entityRole: 'object' })).map((c) => c.predicate)).toEqual(['awarded contract to'])
    expect((await s.call('claims.list', { entityId: scale })).length).toBe(4)
    expect((await s.call('claims.list', { entityId: e['Marcus Thorne']!.id, entityRole: 'source' })).map((c) => c.predicate)).toEqual(['cleared for'])
    expect((await s.call('claims.list', { predicate: 'VALUATION' })).map((c) => c.id)).toEqual([valuation.id])
    expect((await s.call('claims.list', { reliability: ['A', 'B'] })).map((c) => c.grade).sort()).toEqual(['A2', 'B3'])
    expect((await s.call('claims.list', { credibility: [6] })).length).toBe(2)
    expect((await s.call('claims.list', { status: ['corroborated'] })).map((c) => c.predicate)).toEqual(['cleared for'])
    expect((await s.call('claims.list', { documentId: seedId })).length).toBe(3)
    expect((await s.call('claims.list', { analystJudgement: true })).map((c) => c.predicate)).toEqual(['revenue'])
    expect((await s.call('claims.list', { sort: 'grade' })).map((c) => c.grade)).toEqual(['A2', 'B3', 'F6', 'F6'])
    expect((await s.call('claims.list', { sort: 'grade', order: 'desc' })).map((c) => c.grade)[0]).toBe('F6')
    const page = await s.call('claims.list', { sort: 'created', limit: 2, offset: 1 })
    expect(page.map((c) => c.id)).toEqual(all.slice(1, 3).map((c) => c.id))
    expect((await s.fail('claims.list', { sort: 'random' })).code).toBe('BAD_ARGS')
  })

  it('groups claims across documents and flags disagreeing values ($500M vs $480M)', async () => {
    const other = await s.addDoc('Wire report', 'Officials said the Pentagon contract with Scale AI is worth $480 million.\n\nScale AI denied it.')
    const third = await s.addDoc('Trade press', 'Scale AI won a contract valued at $500 million from the Defense Department.')
    const scale = e['Scale AI']!.id
    const mk = async (documentId: number, text: string, quote: string, amount: string, predicate: string) =>
      s.call('claims.create', {
        subjectId: scale,
        predicate,
        object: { kind: 'money', amount, currency: 'USD' },
        passage: { documentId, ...span(text, quote) }
      })
    const a = await mk(seedId, seed, 'a $500 million contract', '500000000', 'contract value')
    const b = await mk(other, await s.text(other), 'worth $480 million', '480000000', 'Contract value')
    const c = await mk(third, await s.text(third), 'valued at $500 million', '500000000.00', 'contract  value')
    const groups = await s.call('claims.groups', {})
    const g = groups.find((x) => x.predicateKey === 'contract value')!
    expect(g).toMatchObject({ subjectId: scale, subjectName: 'Scale AI', conflict: true, claimIds: [a.id, b.id, c.id].sort((x, y) => x - y) })
    expect(g.documentIds).toEqual([seedId, other, third].sort((x, y) => x - y))
    expect(g.values.map((v) => ({ label: v.objectLabel, claims: v.claimIds, docs: v.documentIds }))).toEqual([
      { label: '500,000,000 USD', claims: [a.id, c.id], docs: [seedId, third].sort((x, y) => x - y) },
      { label: '480,000,000 USD', claims: [b.id], docs: [other] }
    ])
    expect(groups[0]!.key).toBe(g.key) // conflicts first
    expect((await s.call('claims.groups', { conflictsOnly: true })).map((x) => x.key)).toEqual([g.key])
    // refuting the odd one out resolves the conflict
    await s.call('claims.update', { id: b.id, status: 'refuted' })
    expect((await s.call('claims.groups', { conflictsOnly: true }))).toEqual([])
    await s.call('claims.update', { id: b.id, status: 'disputed' })
    // filtered by entity: groups where Scale AI is subject or an entity object
    const byDod = await s.call('claims.groups', { entityId: e['Department of Defense']!.id })
    expect(byDod.map((x) => x.predicateKey)).toEqual(['awarded contract to'])
    expect((await s.call('claims.groups', { entityId: scale })).map((x) => x.predicateKey)).toEqual(
      expect.arrayContaining(['contract value', 'valuation', 'awarded contract to'])
    )
  })

  it('claims with an entity object are the map’s claim edges, links (judgements without a passage) included', async () => {
    const edges = claimEdges(await s.call('claims.list', {}))
    expect(edges).toHaveLength(1)
    expect(edges[0]).toMatchObject({ sourceId: e['Department of Defense']!.id, targetId: e['Scale AI']!.id, predicate: 'awarded contract to', grade: 'F6', analystJudgement: false, documentId: seedId })
    const judged = await s.call('claims.create', {
      subjectId: e['Marcus Thorne']!.id,
      predicate: 'advises',
      object: { kind: 'entity', entityId: e['Department of Defense']!.id },
      analystJudgement: true
    })
    const edges2 = claimEdges(await s.call('claims.list', {}))
    expect(edges2.find((x) => x.claimId === judged.id)).toMatchObject({ analystJudgement: true, documentId: null })
    expect(edges2).toHaveLength(2)
  })

  it('parses values as typed or selected', async () => {
    expect(await s.call('claims.parseValue', { text: 'as high as $29 billion'.replace('as high as ', '') })).toEqual({ kind: 'money', amount: '29000000000', currency: 'USD' })
    expect(await s.call('claims.parseValue', { text: 'late 2025' })).toBeNull()
  })

  it('deleting a claim removes its attribution rows; deleting the subject entity removes its claims', async () => {
    const c = (await s.call('claims.list', { predicate: 'cleared for' }))[0]!
    expect(await s.call('claims.delete', { id: c.id })).toEqual({ deleted: 1 })
    expect(await s.call('claims.delete', { id: c.id })).toEqual({ deleted: 0 })
    expect((await s.fail('claims.get', { id: c.id })).code).toBe('NOT_FOUND')
    await s.flush()
    const left = await withProjectFile(s.core.db().path, (db) => rows(db, 'SELECT count(*) AS n FROM claim_attributions WHERE claim_id = ?', [c.id]))
    expect(left).toEqual([{ n: 0 }])
    const preview = await s.call('entities.deletePreview', { id: e['Marcus Thorne']!.id })
    expect(preview).toMatchObject({ claims: 1, attributions: 0, mentions: 0, aliases: 0, relations: 0 })
    await s.call('entities.delete', { id: e['Marcus Thorne']!.id })
    expect((claimEdges(await s.call('claims.list', {}))).some((x) => x.predicate === 'advises')).toBe(false)
  })
})

/** Claims whose object is an entity: what the map draws as claim edges. */
function claimEdges(claims: Claim[]) {
  return claims.flatMap((c) =>
    c.object.kind === 'entity'
      ? [{ claimId: c.id, sourceId: c.subjectId, targetId: c.object.entityId, predicate: c.predicate, grade: c.grade, status: c.status, analystJudgement: c.analystJudgement, documentId: c.passage?.documentId ?? null }]
      : []
  )
}
