// Undo/redo for every tagging action, kept in the project (it survives a
// restart), redo cleared by a new action, ids restored exactly; the audit
// log with the user's name; and the row-image triggers covering every column.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ArgsOf, Method } from '../../src-main/contract/api'
import type { Entity } from '../../src-main/contract/types'
import { TRACKED_TABLES } from '../../src-main/core/db/repos/history'
import { tempDir } from '../support/tempDir'
import { plainDoc, rows, span, startSession, withProjectFile, taggingState, type Session } from './taggingSupport'

// The tagging state, and the suggestions the analyst rejected (a tracked table too).
const state = async (s: Session) => ({ ...(await taggingState(s)), rejections: await s.core.db().call('suggest.rejections') })

describe('undo and redo', () => {
  const t = tempDir('rwb-history-')
  let s: Session
  let doc: number
  let text: string
  const e: Record<string, Entity> = {}

  beforeAll(async () => {
    s = await startSession(t.dir, { seeds: false })
    text = 'The U.S. Department of Defense awarded Scale AI a $500 million contract, according to Bloomberg.\n\nDoD and Scale AI signed.'
    doc = await s.addDoc('History fixture', text)
  })
  afterAll(async () => {
    await s.core.shutdown()
    t.cleanup()
  })

  it('starts with nothing to undo; importing a document is audited but not an undo step', async () => {
    expect(await s.call('history.state', {})).toEqual({ canUndo: false, canRedo: false, undoLabel: null, redoLabel: null })
    const step = await s.call('history.undo', {})
    expect(step).toMatchObject({ label: null, canUndo: false, changed: { tables: [], entityIds: [], documentIds: [] } })
    const audit = await s.call('audit.list', {})
    expect(audit.entries.map((x) => x.action)).toEqual(['documents.insert'])
    expect(audit.entries[0]!.label).toBe('Import document “History fixture”')
  })

  // Each step: do it, check the undo label, undo (state as before), redo (state as after).
  const steps: [string, () => Promise<unknown>, string | RegExp][] = [
    ['create entity', async () => (e.dod = await s.call('entities.create', { name: 'Department of Defense', type: 'PublicBody' })), 'Create entity “Department of Defense”'],
    ['create entity 2', async () => (e.scale = await s.call('entities.create', { name: 'Scale AI', type: 'Company' })), 'Create entity “Scale AI”'],
    ['create entity 3', async () => (e.bloomberg = await s.call('entities.create', { name: 'Bloomberg', type: 'Source' })), 'Create entity “Bloomberg”'],
    ['rename', () => s.call('entities.update', { id: e.dod!.id, name: 'US Department of Defense' }), 'Rename “Department of Defense” to “US Department of Defense”'],
    ['change type', () => s.call('entities.update', { id: e.dod!.id, type: 'Organization' }), 'Change type of “US Department of Defense” to Organization'],
    ['notes', () => s.call('entities.update', { id: e.dod!.id, notes: 'Federal department' }), 'Edit notes of “US Department of Defense”'],
    ['tag', () => s.call('mentions.create', { documentId: doc, entityId: e.dod!.id, ...span(text, 'U.S. Department of Defense') }), 'Tag “U.S. Department of Defense” as US Department of Defense'],
    ['tag nested', () => s.call('mentions.create', { documentId: doc, entityId: e.dod!.id, ...span(text, 'Department of Defense') }), /^Tag “Department of Defense”/],
    ['tag 2', () => s.call('mentions.create', { documentId: doc, entityId: e.scale!.id, ...span(text, 'Scale AI') }), /^Tag “Scale AI”/],
    ['alias', () => s.call('aliases.add', { entityId: e.dod!.id, name: 'DoD' }), 'Add alias “DoD” to “US Department of Defense”'],
    ['tag all', () => s.call('entities.tagAllConfirm', { entityId: e.dod!.id, spans: [{ documentId: doc, ...span(text, 'DoD') }] }), 'Tag all: 1 mention of “US Department of Defense”'],
    // A link is an analyst-judgement claim without a passage ("Link to…").
    [
      'link',
      async () =>
        (e.linkId = {
          id: (await s.call('claims.create', { subjectId: e.dod!.id, predicate: 'awarded contract to', object: { kind: 'entity', entityId: e.scale!.id }, analystJudgement: true })).id
        } as Entity),
      'Claim: US Department of Defense — awarded contract to — Scale AI'
    ],
    [
      'claim',
      async () =>
        (e.claimId = {
          id: (
            await s.call('claims.create', {
              subjectId: e.dod!.id,
              predicate: 'awarded contract to',
              object: { kind: 'entity', entityId: e.scale!.id },
              passage: { documentId: doc, ...span(text, 'awarded Scale AI a $500 million contract') },
              attribution: [{ entityId: e.bloomberg!.id, role: 'according to' }]
            })
          ).id
        } as Entity),
      'Claim: US Department of Defense — awarded contract to — Scale AI'
    ],
    ['money claim', () => s.call('claims.create', { subjectId: e.scale!.id, predicate: 'contract value', object: { kind: 'money', amount: '500000000', currency: 'USD' }, passage: { documentId: doc, ...span(text, '$500 million') } }), /^Claim: Scale AI — contract value — 500,000,000 USD/],
    ['grade claim', () => s.call('claims.update', { id: e.claimId!.id, reliability: 'B', credibility: 2, status: 'corroborated', attribution: [] }), /^Edit claim/],
    ['custom type', () => s.call('entityTypes.create', { label: 'Agency', color: '#123456', icon: '🛰' }), 'Add entity type “Agency”'],
    ['edit type', () => s.call('entityTypes.update', { key: 'Agency', color: '#654321' }), 'Edit entity type “Agency”'],
    ['merge', async () => (e.mergeId = { id: (await s.call('entities.merge', { keepId: e.scale!.id, mergeId: e.bloomberg!.id })).merge.id } as Entity), 'Merge “Bloomberg” into “Scale AI”'],
    ['split', () => s.call('entities.split', { mergeId: e.mergeId!.id }), 'Split “Bloomberg” from “Scale AI”'],
    ['remove alias', async () => s.call('aliases.remove', { id: (await s.call('aliases.list', { entityId: e.dod!.id }))[0]!.id }), 'Remove alias “DoD”'],
    ['delete claim', () => s.call('claims.delete', { id: e.claimId!.id }), /^Delete claim: US Department of Defense — awarded contract to — Scale AI/],
    ['delete link', () => s.call('claims.delete', { id: e.linkId!.id }), /^Delete claim: US Department of Defense — awarded contract to — Scale AI/],
    ['delete mention', async () => s.call('mentions.delete', { id: (await s.call('mentions.forDocument', { documentId: doc }))[0]!.id }), /^Remove tag “/],
    ['reject suggestion', () => s.call('suggestions.reject', { documentId: doc, spans: [span(text, 'Bloomberg')], text: 'Bloomberg' }), 'Reject suggestion “Bloomberg”'],
    ['delete entity', () => s.call('entities.delete', { id: e.dod!.id }), 'Delete entity “US Department of Defense”']
  ]

  for (const [name, act, label] of steps) {
    it(`undoes and redoes: ${name}`, async () => {
      const before = await state(s)
      await act()
      const after = await state(s)
      expect(after).not.toEqual(before)
      const h = await s.call('history.state', {})
      expect(h.canUndo).toBe(true)
      expect(h.canRedo).toBe(false)
      if (typeof label === 'string') expect(h.undoLabel).toBe(label)
      else expect(h.undoLabel).toMatch(label)
      const u = await s.call('history.undo', {})
      expect(u.label).toBe(h.undoLabel)
      expect(u.canRedo).toBe(true)
      expect(u.redoLabel).toBe(h.undoLabel)
      expect(u.changed.tables.length).toBeGreaterThan(0)
      expect(await state(s)).toEqual(before)
      const r = await s.call('history.redo', {})
      expect(r.label).toBe(h.undoLabel)
      expect(r.canRedo).toBe(false)
      expect(await state(s)).toEqual(after)
    })
  }

  it('undoing a whole sequence restores every id exactly: mentions point at the re-created entity', async () => {
    // Undo back past "delete entity": the entity and its mentions come back with their ids.
    const entitiesBefore = await s.call('entities.list', {})
    const u = await s.call('history.undo', {})
    expect(u.label).toBe('Delete entity “US Department of Defense”')
    expect(u.changed.tables).toEqual(['entities', 'mentions']) // its alias, link and claim were removed by earlier steps
    expect(u.changed.entityIds).toContain(e.dod!.id)
    expect(u.changed.documentIds).toEqual([doc])
    const back = await s.call('entities.list', {})
    const dod = back.find((x) => x.id === e.dod!.id)!
    expect(dod.name).toBe('US Department of Defense')
    expect(dod.mentionCount).toBeGreaterThan(0)
    const ms = await s.call('entities.mentions', { entityId: dod.id })
    for (const m of ms) expect(text.slice(m.start, m.end)).toBe(m.quote)
    expect(back.length).toBe(entitiesBefore.length + 1)
  })

  it('a new action clears the redo stack', async () => {
    const h0 = await s.call('history.state', {})
    expect(h0.canRedo).toBe(true)
    await s.call('entities.update', { id: e.dod!.id, notes: 'changed again' })
    const h = await s.call('history.state', {})
    expect(h).toMatchObject({ canUndo: true, canRedo: false, redoLabel: null })
    const r = await s.call('history.redo', {})
    expect(r.label).toBeNull()
    // a failed action changes nothing and does not clear anything
    await s.call('history.undo', {})
    expect((await s.call('history.state', {})).canRedo).toBe(true)
    await s.fail('mentions.create', { documentId: doc, entityId: 9999, start: 0, end: 3 })
    await s.fail('aliases.add', { entityId: e.dod!.id, name: 'US Department of Defense' })
    expect((await s.call('history.state', {})).canRedo).toBe(true)
    await s.call('history.redo', {})
  })

  it('survives closing and reopening the project', async () => {
    // several steps back, then close
    const h1 = await s.call('history.state', {})
    const undone = await s.call('history.undo', {})
    const stateBefore = await state(s)
    const h2 = await s.call('history.state', {})
    expect(h2.redoLabel).toBe(undone.label)
    await s.core.shutdown()
    s = await startSession(t.dir, { seeds: false })
    expect(await s.call('history.state', {})).toEqual(h2)
    expect(await state(s)).toEqual(stateBefore)
    await s.call('history.redo', {})
    expect(await s.call('history.state', {})).toEqual(h1)
    // and back through the whole history to the empty project
    let n = 0
    while ((await s.call('history.state', {})).canUndo) {
      await s.call('history.undo', {})
      n++
    }
    expect(n).toBeGreaterThan(steps.length - 5)
    const empty = await state(s)
    expect(empty.entities).toEqual([])
    expect(empty.mentions).toEqual([])
    expect(empty.claims).toEqual([])
    expect(empty.aliases).toEqual([])
    expect(empty.types.every((x) => x.builtIn)).toBe(true)
    // and forward again, after another restart
    await s.core.shutdown()
    s = await startSession(t.dir, { seeds: false })
    while ((await s.call('history.state', {})).canRedo) await s.call('history.redo', {})
    expect((await s.call('entities.list', {})).map((x) => x.name).sort()).toEqual(['Bloomberg', 'Scale AI', 'US Department of Defense'])
  })

  it('refuses to replay a step over rows changed behind its back, and changes nothing', async () => {
    const before = await state(s)
    await s.call('entities.update', { id: e.scale!.id, notes: 'note A' })
    const path = s.core.db().path
    await s.core.shutdown()
    await withProjectFile(path, (db) => db.run("UPDATE entities SET notes = 'edited outside' WHERE id = ?", [e.scale!.id]), true)
    s = await startSession(t.dir, { seeds: false })
    const err = await s.fail('history.undo', {})
    expect(err.code).toBe('CONFLICT')
    expect((await s.call('entities.list', {})).find((x) => x.id === e.scale!.id)!.notes).toBe('edited outside')
    expect((await s.call('history.state', {})).canUndo).toBe(true)
    expect(before.entities.length).toBe((await s.call('entities.list', {})).length)
  })

  it('records the row images of every column of every tracked table, with triggers that are not stored in the file', async () => {
    // A re-import is the one step that writes document_reimports: a document of the first extraction, re-imported.
    const old = await s.core.db().call('documents.insert', { ...plainDoc('Old extraction', 'An old text.'), extraction: 1 })
    await s.call('documents.reimport', { id: old })
    await s.flush()
    const out = await withProjectFile(s.core.db().path, (db) => {
      const missing: string[] = []
      for (const tbl of TRACKED_TABLES) {
        const cols = rows(db, `PRAGMA table_info("${tbl}")`).map((c) => String(c.name))
        const img = rows(db, 'SELECT coalesce(after, before) AS img FROM history_changes WHERE tbl = ? LIMIT 1', [tbl])[0]
        expect(img, `no recorded change of ${tbl}`).toBeDefined()
        const keys = Object.keys(JSON.parse(String(img!.img)) as object)
        for (const c of cols) if (!keys.includes(c)) missing.push(`${tbl}.${c}`)
      }
      // the triggers and the cursor are TEMP: made when a project opens, never stored in the file
      return { missing, stored: rows(db, "SELECT name FROM sqlite_master WHERE name LIKE 'history%' ORDER BY name").map((r) => r.name) }
    })
    expect(out.missing).toEqual([])
    expect(out.stored).toEqual(['history_actions', 'history_changes', 'history_changes_by_action'])
  })
})

describe('audit log and user name', () => {
  const t = tempDir('rwb-audit-')
  let s: Session

  beforeAll(async () => {
    s = await startSession(t.dir, { seeds: false })
  })
  afterAll(async () => {
    await s.core.shutdown()
    t.cleanup()
  })

  it('records who did what and when, newest first, with paging', async () => {
    // No name chosen yet: the OS full name is only offered (never "root": the first start asks).
    const offered = await s.call('settings.userName', {})
    expect(offered.chosen).toBe(false)
    expect(offered.userName.toLowerCase()).not.toBe('root')
    // Until a name is chosen the log says the OS full name, or 'analyst' where there is none.
    const os = offered.userName || 'analyst'
    const a = await s.call('entities.create', { name: 'Alpha', type: 'Person' })
    expect(await s.call('settings.setUserName', { userName: '  Ana Analyst ' })).toEqual({ userName: 'Ana Analyst', chosen: true })
    await s.call('entities.update', { id: a.id, name: 'Alpha One' })
    await s.call('history.undo', {})
    await s.call('history.redo', {})
    expect((await s.fail('settings.setUserName', { userName: '   ' })).code).toBe('BAD_ARGS')
    const page = await s.call('audit.list', {})
    expect(page.total).toBe(4)
    expect(page.entries.map((x) => [x.user, x.action, x.label])).toEqual([
      ['Ana Analyst', 'history.redo', 'Redo: Rename “Alpha” to “Alpha One”'],
      ['Ana Analyst', 'history.undo', 'Undo: Rename “Alpha” to “Alpha One”'],
      ['Ana Analyst', 'entities.update', 'Rename “Alpha” to “Alpha One”'],
      [os, 'entities.create', 'Create entity “Alpha”']
    ])
    expect(page.entries[2]!.details).toEqual({ 'entities.update': 1 })
    expect(page.entries[3]!.details).toEqual({ 'entities.insert': 1 })
    for (const x of page.entries) expect(Number.isNaN(Date.parse(x.at))).toBe(false)
    const p2 = await s.call('audit.list', { limit: 2, offset: 1 })
    expect(p2.entries.map((x) => x.id)).toEqual(page.entries.slice(1, 3).map((x) => x.id))
    expect(p2.total).toBe(4)
    expect(p2.hidden).toBe(0)
    expect((await s.fail('audit.list', { limit: 0 })).code).toBe('BAD_ARGS')
  })

  it('lists view changes (nodes moved, layouts) apart from edits when asked for edits only', async () => {
    const before = await s.call('audit.list', {})
    const map = await s.call('maps.create', { name: 'Moves' })
    const e = await s.call('entities.create', { name: 'Gamma', type: 'Person' })
    for (let i = 0; i < 3; i++) await s.call('maps.update', { id: map.id, positions: [{ entityId: e.id, x: i * 10, y: 5, pinned: false }] })
    const everything = await s.call('audit.list', {})
    expect(everything.total).toBe(before.total + 5)
    expect(everything.entries.slice(0, 3).map((x) => x.action)).toEqual(['maps.update', 'maps.update', 'maps.update'])
    const edits = await s.call('audit.list', { editsOnly: true })
    expect(edits.hidden).toBe(3)
    expect(edits.total).toBe(everything.total - 3)
    expect(edits.entries.map((x) => x.action).slice(0, 2)).toEqual(['entities.create', 'maps.create'])
    expect(edits.entries.some((x) => x.action === 'maps.update')).toBe(false)
    // Paging counts within the filter.
    const second = await s.call('audit.list', { editsOnly: true, limit: 1, offset: 1 })
    expect(second.entries[0]!.id).toBe(edits.entries[1]!.id)
  })

  it('keeps the user name in the settings across restarts, beside the recent projects', async () => {
    await s.core.shutdown()
    s = await startSession(t.dir, { seeds: false })
    expect(await s.call('settings.userName', {})).toEqual({ userName: 'Ana Analyst', chosen: true })
    expect((await s.call('project.recent', {})).length).toBe(1)
    await s.call('entities.create', { name: 'Beta', type: 'Person' })
    expect((await s.call('audit.list', { limit: 1 })).entries[0]).toMatchObject({ user: 'Ana Analyst', action: 'entities.create' })
  })
})

// Keeps the type-level link between the steps above and the contract honest.
const _typed: [Method, ArgsOf<'history.undo'>] = ['history.undo', {}]
void _typed
