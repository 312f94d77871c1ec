// Merging two entities and splitting them again: everything moves over, the
// merged-away name becomes an alias, and split restores every mention,
// alias, claim, attribution and link exactly (ids included). Also aliases
// and what deleting an entity takes with it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Entity } from '../../src-main/contract/types'
import { tempDir } from '../support/tempDir'
import { span, startSession, taggingState, type Session } from './taggingSupport'

const state = taggingState

describe('aliases', () => {
  const t = tempDir('rwb-alias-')
  let s: Session
  let dod: Entity
  beforeAll(async () => {
    s = await startSession(t.dir, { seeds: false })
    dod = await s.call('entities.create', { name: 'Department of Defense', type: 'PublicBody' })
  })
  afterAll(async () => {
    await s.core.shutdown()
    t.cleanup()
  })

  it('adds, lists and removes aliases; names are unique per entity case-insensitively and in any Unicode form', async () => {
    const a1 = await s.call('aliases.add', { entityId: dod.id, name: 'DoD' })
    const a2 = await s.call('aliases.add', { entityId: dod.id, name: '  the   Pentagon ' })
    expect(a2.name).toBe('the Pentagon')
    expect((await s.fail('aliases.add', { entityId: dod.id, name: 'DOD' })).code).toBe('CONFLICT')
    expect((await s.fail('aliases.add', { entityId: dod.id, name: 'department OF defense' })).code).toBe('CONFLICT')
    expect((await s.fail('aliases.add', { entityId: dod.id, name: '   ' })).code).toBe('BAD_ARGS')
    expect((await s.fail('aliases.add', { entityId: 999, name: 'x' })).code).toBe('NOT_FOUND')
    const zurich = await s.call('entities.create', { name: 'Zurich Insurance', type: 'Company' })
    await s.call('aliases.add', { entityId: zurich.id, name: 'Zu\u0308rich' })
    expect((await s.fail('aliases.add', { entityId: zurich.id, name: 'ZÜRICH' })).code).toBe('CONFLICT')
    // another entity may have the same alias
    await s.call('aliases.add', { entityId: zurich.id, name: 'DoD' })
    expect((await s.call('aliases.list', { entityId: dod.id })).map((a) => a.name)).toEqual(['DoD', 'the Pentagon'])
    expect((await s.call('aliases.list', {})).length).toBe(4)
    expect(await s.call('aliases.remove', { id: a1.id })).toEqual({ deleted: 1 })
    expect(await s.call('aliases.remove', { id: a1.id })).toEqual({ deleted: 0 })
    expect((await s.call('aliases.list', { entityId: dod.id })).map((a) => a.name)).toEqual(['the Pentagon'])
  })
})

describe('entity types', () => {
  const t = tempDir('rwb-types-')
  let s: Session
  beforeAll(async () => {
    s = await startSession(t.dir, { seeds: false })
  })
  afterAll(async () => {
    await s.core.shutdown()
    t.cleanup()
  })

  it('lists the 10 built-ins read-only, adds and edits custom types with a colour and an icon', async () => {
    const before = await s.call('entityTypes.list', {})
    expect(before).toHaveLength(10)
    expect(before.every((x) => x.builtIn)).toBe(true)
    const shell = await s.call('entityTypes.create', { label: 'Shell company', color: '#AA3300', icon: '🐚' })
    expect(shell).toEqual({ key: 'ShellCompany', label: 'Shell company', color: '#aa3300', icon: '🐚', builtIn: false })
    const again = await s.call('entityTypes.create', { label: 'Shell company', color: '#aa3300' })
    expect(again.key).toBe('ShellCompany2')
    expect((await s.fail('entityTypes.create', { label: 'Human', key: 'person', color: '#000000' })).code).toBe('CONFLICT')
    expect((await s.fail('entityTypes.create', { label: 'X', color: 'red' })).code).toBe('BAD_ARGS')
    const edited = await s.call('entityTypes.update', { key: 'ShellCompany', color: '#112233', icon: 'shell' })
    expect(edited).toMatchObject({ label: 'Shell company', color: '#112233', icon: 'shell' })
    expect((await s.fail('entityTypes.update', { key: 'Person', color: '#000000' })).code).toBe('CONFLICT')
    expect((await s.fail('entityTypes.update', { key: 'Nope', color: '#000000' })).code).toBe('NOT_FOUND')
    const list = await s.call('entityTypes.list', {})
    expect(list.map((x) => x.key).slice(10)).toEqual(['ShellCompany', 'ShellCompany2'])
    // entities can use a custom type
    const ent = await s.call('entities.create', { name: 'Acme Holdings', type: 'ShellCompany' })
    expect(ent.type).toBe('ShellCompany')
  })
})

describe('merge and split', () => {
  const t = tempDir('rwb-merge-')
  let s: Session
  let doc: number
  let text: string
  const e: Record<string, Entity> = {}

  beforeAll(async () => {
    s = await startSession(t.dir, { seeds: false })
    text = [
      'The U.S. Department of Defense, also called the Pentagon, awarded Scale AI a contract.',
      'DoD officials and Pentagon staff met NextFin reporters.',
      'The Pentagon said the Department of Defense will pay.'
    ].join('\n\n')
    doc = await s.addDoc('Merge fixture', text)
    for (const [name, type] of [
      ['Department of Defense', 'PublicBody'],
      ['Pentagon', 'PublicBody'],
      ['Scale AI', 'Company'],
      ['NextFin', 'Source'],
      ['Pentagon Press Office', 'PublicBody']
    ] as const) {
      e[name] = await s.call('entities.create', { name, type })
    }
    const A = e['Department of Defense']!.id
    const B = e['Pentagon']!.id
    const C = e['Scale AI']!.id
    await s.call('entities.update', { id: A, notes: 'US federal executive department.' })
    await s.call('entities.update', { id: B, notes: 'The building; used for the department.' })
    await s.call('aliases.add', { entityId: A, name: 'DoD' })
    await s.call('aliases.add', { entityId: B, name: 'the Pentagon' })
    await s.call('aliases.add', { entityId: B, name: 'dod' }) // A has it already: dropped by the merge, back on split
    const tag = (entityId: number, needle: string, nth = 0) => s.call('mentions.create', { documentId: doc, entityId, ...span(text, needle, nth) })
    // nested and overlapping spans
    await tag(A, 'U.S. Department of Defense')
    await tag(A, 'Department of Defense')
    await tag(B, 'the Pentagon')
    await tag(B, 'Pentagon', 1)
    await tag(A, 'DoD')
    await tag(B, 'DoD') // the same words as A's mention: a duplicate after the merge
    await tag(B, 'The Pentagon')
    // the Press Office was merged into the Pentagon earlier
    await tag(e['Pentagon Press Office']!.id, 'Pentagon', 2)
    await s.call('entities.merge', { keepId: B, mergeId: e['Pentagon Press Office']!.id })
    // claims: B as subject, as object, and as a source in A's claim
    await s.call('claims.create', { subjectId: B, predicate: 'awarded contract to', object: { kind: 'entity', entityId: C }, passage: { documentId: doc, ...span(text, 'awarded Scale AI a contract') } })
    await s.call('claims.create', { subjectId: C, predicate: 'briefed', object: { kind: 'entity', entityId: B }, analystJudgement: true })
    await s.call('claims.create', {
      subjectId: A,
      predicate: 'will pay',
      object: { kind: 'text', text: 'the contract' },
      passage: { documentId: doc, ...span(text, 'the Department of Defense will pay') },
      attribution: [{ entityId: B, role: 'said' }, { entityId: e['NextFin']!.id, role: 'reported by' }]
    })
    await s.call('claims.create', { subjectId: A, predicate: 'oversees', object: { kind: 'entity', entityId: B }, analystJudgement: true })
    // links (analyst judgements without a passage): B→C, C→B, A→B (A→A after merging), and one A already has
    const link = (subjectId: number, objectId: number, predicate: string) =>
      s.call('claims.create', { subjectId, predicate, object: { kind: 'entity', entityId: objectId }, analystJudgement: true })
    await link(B, C, 'awarded contract to')
    await link(A, C, 'awarded contract to')
    await link(C, B, 'partners with')
    await link(A, B, 'is housed in')
  })
  afterAll(async () => {
    await s.core.shutdown()
    t.cleanup()
  })

  it('moves mentions, aliases, claims and links; the merged name becomes an alias; split restores everything exactly', async () => {
    const A = e['Department of Defense']!.id
    const B = e['Pentagon']!.id
    const before = await state(s)
    const preview = await s.call('entities.deletePreview', { id: B })
    // links are claims: 3 claims and 3 links name B
    expect(preview).toMatchObject({ mentions: 5, documents: 1, relations: 0, claims: 6, attributions: 1, aliases: 3 })

    const { entity, merge } = await s.call('entities.merge', { keepId: A, mergeId: B })
    expect(entity.id).toBe(A)
    expect(merge).toMatchObject({ keptId: A, mergedId: B, mergedName: 'Pentagon', mergedType: 'PublicBody', splitAt: null })
    expect(merge.moved).toEqual({ mentions: 4, aliases: 2, claims: 6, attributions: 1, relations: 0 })
    const mid = await state(s)
    expect(mid.entities.find((x) => x.id === B)).toBeUndefined()
    // every mention is A's now; the duplicate "DoD" is one mention
    const mentionsOfA = mid.mentions.filter((m) => m.entityId === A)
    expect(mentionsOfA).toHaveLength(before.mentions.filter((m) => m.entityId === A || m.entityId === B).length - 1)
    expect(mid.mentions.some((m) => m.entityId === B)).toBe(false)
    expect(entity.mentionCount).toBe(mentionsOfA.length)
    // aliases: A's own, B's (including the Press Office's from the earlier merge), and B's name; the clashing "dod" is gone
    expect(mid.aliases.filter((a) => a.entityId === A).map((a) => a.name).sort()).toEqual(['DoD', 'Pentagon', 'Pentagon Press Office', 'the Pentagon'])
    // claims and attribution point at A; A→B "oversees" is now A→A
    for (const c of mid.claims) {
      expect(c.subjectId).not.toBe(B)
      if (c.object.kind === 'entity') expect(c.object.entityId).not.toBe(B)
      expect(c.attribution.some((x) => x.entityId === B)).toBe(false)
    }
    expect(mid.claims.find((c) => c.predicate === 'will pay')!.attribution.map((x) => x.entityName)).toEqual(['Department of Defense', 'NextFin'])
    // links move like every claim: B→C is A→C beside A's own, C→B is C→A, A→B is A→A (kept, so split can give it back)
    const links = (st: typeof mid) => st.claims.filter((c) => c.analystJudgement && !c.passage && c.predicate !== 'briefed' && c.predicate !== 'oversees')
    expect(links(mid).map((c) => [c.subjectId, c.object.kind === 'entity' ? c.object.entityId : null, c.predicate])).toEqual([
      [A, e['Scale AI']!.id, 'awarded contract to'],
      [A, e['Scale AI']!.id, 'awarded contract to'],
      [e['Scale AI']!.id, A, 'partners with'],
      [A, A, 'is housed in']
    ])
    // notes follow
    expect(entity.notes).toBe('US federal executive department.\n\nPentagon: The building; used for the department.')
    // the earlier merge into B can now be split from A
    expect((await s.call('entities.merges', { entityId: A })).map((m) => m.mergedName)).toEqual(['Pentagon', 'Pentagon Press Office'])

    const split = await s.call('entities.split', { mergeId: merge.id })
    expect(split.restored).toMatchObject({ id: B, name: 'Pentagon', type: 'PublicBody', notes: 'The building; used for the department.' })
    expect(split.kept.notes).toBe('US federal executive department.')
    const after = await state(s)
    expect(after.entities).toEqual(before.entities)
    expect(after.aliases).toEqual(before.aliases)
    expect(after.mentions).toEqual(before.mentions)
    expect(after.merges).toEqual(before.merges)
    // claims: identical except updated_at is untouched too
    expect(after.claims).toEqual(before.claims)
    expect((await s.fail('entities.split', { mergeId: merge.id })).code).toBe('CONFLICT')
  })

  it('a merge is one undoable step, and so is a split', async () => {
    const A = e['Department of Defense']!.id
    const B = e['Pentagon']!.id
    const before = await state(s)
    const { merge } = await s.call('entities.merge', { keepId: A, mergeId: B })
    const merged = await state(s)
    expect((await s.call('history.state', {})).undoLabel).toBe('Merge “Pentagon” into “Department of Defense”')
    await s.call('history.undo', {})
    expect(await state(s)).toEqual(before)
    await s.call('history.redo', {})
    expect(await state(s)).toEqual(merged)
    await s.call('entities.split', { mergeId: merge.id })
    const split = await state(s)
    expect(split.mentions).toEqual(before.mentions)
    await s.call('history.undo', {})
    expect(await state(s)).toEqual(merged)
    await s.call('history.redo', {})
    expect(await state(s)).toEqual(split)
  })

  it('refuses bad merges', async () => {
    const A = e['Department of Defense']!.id
    expect((await s.fail('entities.merge', { keepId: A, mergeId: A })).code).toBe('BAD_ARGS')
    expect((await s.fail('entities.merge', { keepId: A, mergeId: 9999 })).code).toBe('NOT_FOUND')
    expect((await s.fail('entities.split', { mergeId: 9999 })).code).toBe('NOT_FOUND')
  })

  it('the delete preview spells out what a delete takes, and the delete takes exactly that', async () => {
    const C = e['Scale AI']!.id
    const before = await state(s)
    const p = await s.call('entities.deletePreview', { id: C })
    expect(p.entity.name).toBe('Scale AI')
    expect(p).toMatchObject({ mentions: 0, documents: 0, aliases: 0 })
    expect(p.relations).toBe(0) // links are claims
    expect(p.claims).toBe(before.claims.filter((c) => c.subjectId === C || (c.object.kind === 'entity' && c.object.entityId === C)).length)
    expect(p.claims).toBe(5) // 2 claims and 3 links
    await s.call('entities.delete', { id: C })
    const after = await state(s)
    expect(before.claims.length - after.claims.length).toBe(p.claims)
    expect((await s.call('history.state', {})).undoLabel).toBe('Delete entity “Scale AI”')
    await s.call('history.undo', {})
    expect(await state(s)).toEqual(before)
  })
})
