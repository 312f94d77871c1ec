// Entity suggestions through the app's own handler table (every call
// validated by the contract): computed in the suggestion worker for the
// sample article, cached in the project and read back unchanged, accepted as
// one undoable step (the existing entity when a name or alias matches, else
// a new one), "accept all", rejected for one span or a name everywhere;
// never mentions; kept across a restart. Non-English documents get names,
// money and dates only; possible duplicates are offered, never merged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EntitySuggestion } from '../../src-main/contract/types'
import { tempDir } from '../support/tempDir'
import { plainDoc, span, startSession, type Session } from './taggingSupport'

describe('entity suggestions in the project', () => {
  const t = tempDir('rwb-suggestions-')
  let s: Session
  let seed: number
  let text: string
  const scale = (list: EntitySuggestion[]) => list.filter((x) => x.text === 'Scale AI')

  beforeAll(async () => {
    s = await startSession(t.dir)
    seed = (await s.call('documents.list', {}))[0]!.id
    text = await s.text(seed)
  }, 60_000)
  afterAll(async () => {
    await s.core.shutdown()
    t.cleanup()
  })

  it('computes a new import’s suggestions in the background', async () => {
    await s.core.suggestions.idle()
    const read = await s.core.db().call('suggest.read', { documentId: seed })
    expect(read.cached?.suggestions.length).toBeGreaterThan(20)
  })

  it('suggests the sample article’s names, money and dates, with values, and caches them', async () => {
    const r = await s.call('suggestions.forDocument', { documentId: seed })
    expect(r.limited).toBe(false)
    const list = r.suggestions
    expect(scale(list).length).toBeGreaterThanOrEqual(9)
    expect(['Company', 'Organization']).toContain(scale(list)[0]!.type)
    for (const x of list) expect(text.slice(x.start, x.end)).toBe(x.text)
    for (let i = 1; i < list.length; i++) expect(list[i]!.start).toBeGreaterThanOrEqual(list[i - 1]!.end)
    // "as high as $29 billion": the claim form's own parser, exactly.
    const money = list.find((x) => x.text === '$29 billion')
    expect(money).toMatchObject({ type: 'Money', source: 'rule', value: { object: { kind: 'money', amount: '29000000000', currency: 'USD' }, qualifier: 'up to' } })
    // Read again: the project's cache answers, with the same list.
    const read = await s.core.db().call('suggest.read', { documentId: seed })
    expect(read.cached?.suggestions).toEqual(list)
    // Suggestions are not mentions.
    expect(await s.call('mentions.forDocument', { documentId: seed })).toEqual([])
    expect(await s.call('entities.list', {})).toEqual([])
  })

  it('accepts one as a new entity in one undoable step, then proposes the rest', async () => {
    const before = scale((await s.call('suggestions.forDocument', { documentId: seed })).suggestions)
    const first = before[0]!
    const r = await s.call('suggestions.accept', { documentId: seed, spans: [{ start: first.start, end: first.end }], name: 'Scale AI', type: 'Company' })
    expect(r.createdEntity).toBe(true)
    expect(r.created).toHaveLength(1)
    expect(r.entity).toMatchObject({ name: 'Scale AI', type: 'Company', mentionCount: 1 })
    expect(r.more.inThisDocument).toBe(before.length - 1)
    expect(r.more.documents).toBe(1)
    expect((await s.call('history.state', {})).undoLabel).toMatch(/Accept suggestion “Scale AI” as Scale AI/)
    // The accepted place is a tag now; the others come from the project's own names.
    const after = scale((await s.call('suggestions.forDocument', { documentId: seed })).suggestions)
    expect(after).toHaveLength(before.length - 1)
    expect(after.every((x) => x.source === 'dictionary' && x.entityId === r.entity.id)).toBe(true)
    // One undo takes back both the mention and the entity.
    await s.call('history.undo', {})
    expect(await s.call('entities.list', {})).toEqual([])
    expect(await s.call('mentions.forDocument', { documentId: seed })).toEqual([])
    await s.call('history.redo', {})
    expect((await s.call('entities.list', {}))[0]!.mentionCount).toBe(1)
  })

  it('accepts all of a name as the existing entity (its name or an alias)', async () => {
    const [entity] = await s.call('entities.list', {})
    await s.call('aliases.add', { entityId: entity!.id, name: 'ScaleAI' })
    const rest = scale((await s.call('suggestions.forDocument', { documentId: seed })).suggestions)
    const r = await s.call('suggestions.accept', { documentId: seed, spans: rest.map(({ start, end }) => ({ start, end })), name: 'Scale AI', type: 'Organization' })
    expect(r.createdEntity).toBe(false)
    expect(r.entity.id).toBe(entity!.id)
    expect(r.entity.type).toBe('Company')
    expect(r.created).toHaveLength(rest.length)
    expect(r.more).toEqual({ mentions: 0, documents: 0, inThisDocument: 0 })
    // Accepting under an alias finds the same entity.
    const doc2 = await s.addDoc('Other', 'ScaleAI won again. Scale AI said so.')
    const r2 = await s.call('suggestions.accept', { documentId: doc2, spans: [span('ScaleAI won again. Scale AI said so.', 'ScaleAI')], name: 'scaleai', type: 'Person' })
    expect(r2.entity.id).toBe(entity!.id)
    expect(r2.more).toEqual({ mentions: 1, documents: 1, inThisDocument: 1 })
  })

  it('rejects a span (undoably) and a name everywhere', async () => {
    const list = (await s.call('suggestions.forDocument', { documentId: seed })).suggestions
    const victim = list.find((x) => x.source === 'heuristic')!
    await s.call('suggestions.reject', { documentId: seed, spans: [{ start: victim.start, end: victim.end }], text: victim.text })
    const after = (await s.call('suggestions.forDocument', { documentId: seed })).suggestions
    expect(after.some((x) => x.start === victim.start && x.end === victim.end)).toBe(false)
    expect((await s.call('history.state', {})).undoLabel).toBe(`Reject suggestion “${victim.text}”`)
    await s.call('history.undo', {})
    expect((await s.call('suggestions.forDocument', { documentId: seed })).suggestions.some((x) => x.start === victim.start)).toBe(true)
    await s.call('history.redo', {})
    // A name everywhere: none of its places is offered, in any case.
    const pentagon = list.filter((x) => x.text === 'Pentagon')
    expect(pentagon.length).toBeGreaterThan(1)
    await s.call('suggestions.reject', { documentId: seed, spans: [{ start: pentagon[0]!.start, end: pentagon[0]!.end }], text: 'pentagon', everywhere: true })
    expect((await s.call('suggestions.forDocument', { documentId: seed })).suggestions.some((x) => x.text === 'Pentagon')).toBe(false)
  })

  it('offers only names, money and dates in a non-English document, and says so', async () => {
    const fr = 'Le Pentagone a signé avec Scale AI un contrat de 29 millions de dollars le 3 mars 2025. Marie Curie Dupont a confirmé.'
    const id = await s.core.db().call('documents.insert', { ...plainDoc('Français', fr), lang: 'fr' })
    const r = await s.call('suggestions.forDocument', { documentId: id })
    expect(r.limited).toBe(true)
    expect(r.suggestions.length).toBeGreaterThan(0)
    expect(new Set(r.suggestions.map((x) => x.source))).toEqual(new Set(['dictionary', 'rule']))
    expect(r.suggestions.find((x) => x.text === 'Scale AI')?.source).toBe('dictionary')
    expect(r.suggestions.some((x) => x.text.includes('Marie'))).toBe(false)
  })

  it('offers possible duplicates for merge and merges nothing', async () => {
    const mk = (name: string, type: string) => s.call('entities.create', { name, type })
    await mk('Scale AI Inc.', 'Company')
    const dod = await mk('Department of Defense', 'PublicBody')
    await mk('DoD', 'Organization')
    await mk('Zürich', 'Location')
    await mk('zurich', 'Location')
    await mk('Amazon', 'Company')
    await s.call('aliases.add', { entityId: dod.id, name: 'the Pentagon' })
    await mk('Pentagon', 'PublicBody')
    const pairs = (await s.call('suggestions.duplicates', {})).map((d) => `${d.keep.name} ← ${d.merge.name} (${d.reason})`)
    expect(pairs).toEqual(
      expect.arrayContaining([
        'Scale AI ← Scale AI Inc. (suffix)',
        'Department of Defense ← DoD (acronym)',
        'Department of Defense ← Pentagon (alias)',
        'Zürich ← zurich (same name)'
      ])
    )
    expect(pairs.some((p) => p.includes('Amazon'))).toBe(false)
    expect((await s.call('entities.list', {})).length).toBe(8)
  })

  it('keeps rejections and the cache across a restart', async () => {
    const before = await s.call('suggestions.forDocument', { documentId: seed })
    await s.flush()
    await s.core.shutdown()
    s = await startSession(t.dir)
    const read = await s.core.db().call('suggest.read', { documentId: seed })
    expect(read.cached?.suggestions).toEqual(before.suggestions)
    expect(before.suggestions.some((x) => x.text === 'Pentagon')).toBe(false)
  })
})
