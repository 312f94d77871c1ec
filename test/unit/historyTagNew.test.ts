// Tagging words as a new entity is one action: one undo removes the tag and
// the entity it created, one redo brings both back with their ids, and a tag
// that fails leaves no entity behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../support/tempDir'
import { span, startSession, type Session } from './taggingSupport'

describe('tag as a new entity (mentions.create with newEntity)', () => {
  const t = tempDir('rwb-tagnew-')
  let s: Session
  let doc: number
  const text = 'The U.S. Department of Defense awarded Scale AI a $500 million contract.'

  beforeAll(async () => {
    s = await startSession(t.dir, { seeds: false })
    doc = await s.addDoc('Tag new fixture', text)
  })
  afterAll(async () => {
    await s.core.shutdown()
    t.cleanup()
  })

  it('creates the entity and its tag as one undo step', async () => {
    const m = await s.call('mentions.create', { documentId: doc, newEntity: { name: 'Scale AI', type: 'Company' }, ...span(text, 'Scale AI') })
    const entities = await s.call('entities.list', {})
    expect(entities).toEqual([expect.objectContaining({ id: m.entityId, name: 'Scale AI', type: 'Company', mentionCount: 1 })])
    expect(await s.call('history.state', {})).toMatchObject({ canUndo: true, undoLabel: 'Tag “Scale AI” as Scale AI' })

    const undone = await s.call('history.undo', {})
    expect(undone.label).toBe('Tag “Scale AI” as Scale AI')
    expect(undone.canUndo).toBe(false) // nothing else was done: the entity went with the tag
    expect(await s.call('entities.list', {})).toEqual([])
    expect(await s.call('mentions.forDocument', { documentId: doc })).toEqual([])

    await s.call('history.redo', {})
    expect(await s.call('entities.list', {})).toEqual(entities)
    expect(await s.call('mentions.forDocument', { documentId: doc })).toEqual([m])
  })

  it('leaves no entity behind when the tag is refused', async () => {
    const before = await s.call('entities.list', {})
    const history = await s.call('history.state', {})
    // The entity is made first, then the tag is refused (past the end of the text): all or nothing.
    const err = await s.fail('mentions.create', { documentId: doc, newEntity: { name: 'Ghost', type: 'Person' }, start: 10, end: text.length + 5 })
    expect(err.code).toBe('BAD_ARGS')
    expect(await s.call('entities.list', {})).toEqual(before)
    expect(await s.call('history.state', {})).toEqual(history)
  })

  it('takes either an entity or a new one, not both or neither', async () => {
    const [e] = await s.call('entities.list', {})
    const at = span(text, 'Department of Defense')
    expect((await s.fail('mentions.create', { documentId: doc, entityId: e!.id, newEntity: { name: 'DoD', type: 'PublicBody' }, ...at })).code).toBe('BAD_ARGS')
    expect((await s.fail('mentions.create', { documentId: doc, ...at })).code).toBe('BAD_ARGS')
  })
})
