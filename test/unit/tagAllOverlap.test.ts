// Tag all must not offer (or create) a span that overlaps a mention of the
// same entity: after "Pentagon" is tagged and "the Pentagon" becomes an
// alias, "the Pentagon" around the tagged word is already this entity's
// mention, not a second one (#14: two boxes "the|Pentagon", count doubled).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Entity } from '../../src-main/contract/types'
import { tempDir } from '../support/tempDir'
import { span, startSession, type Session } from './taggingSupport'

describe('tag all and overlapping mentions of the same entity', () => {
  const t = tempDir('rwb-tagall-overlap-')
  let s: Session
  let doc: number
  let pentagon: Entity
  const text = 'Officials at the Pentagon said so. The Pentagon agreed.\n\nA Pentagon deal; the pentagon again.'

  beforeAll(async () => {
    s = await startSession(t.dir, { seeds: false })
    doc = await s.addDoc('Pentagon', text)
    pentagon = await s.call('entities.create', { name: 'Pentagon', type: 'PublicBody' })
    await s.call('mentions.create', { documentId: doc, entityId: pentagon.id, ...span(text, 'Pentagon', 0) })
    await s.call('aliases.add', { entityId: pentagon.id, name: 'the Pentagon' })
  })
  afterAll(async () => {
    await s.core.shutdown()
    t.cleanup()
  })

  it('marks a candidate that overlaps this entity’s mention as already tagged', async () => {
    const c = await s.call('entities.tagAllCandidates', { entityId: pentagon.id, documentId: doc })
    const first = c.find((x) => x.start <= span(text, 'Pentagon', 0).start && x.end >= span(text, 'Pentagon', 0).end)!
    expect(first.quote).toBe('the Pentagon')
    expect(first.alreadyTagged).toBe(true)
    // the other places are still offered
    expect(c.filter((x) => !x.alreadyTagged).map((x) => x.quote)).toEqual(['The Pentagon', 'Pentagon', 'the pentagon'])
  })

  it('does not create a second, overlapping mention even when asked to', async () => {
    const c = await s.call('entities.tagAllCandidates', { entityId: pentagon.id, documentId: doc })
    const res = await s.call('entities.tagAllConfirm', { entityId: pentagon.id, spans: c.map(({ documentId, start, end }) => ({ documentId, start, end })) })
    expect(res.created).toHaveLength(3)
    expect(res.skipped).toBe(1)
    const mentions = (await s.call('entities.mentions', { entityId: pentagon.id })).filter((m) => m.documentId === doc)
    expect(mentions).toHaveLength(4)
    const sorted = [...mentions].sort((a, b) => a.start - b.start)
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.start).toBeGreaterThanOrEqual(sorted[i - 1]!.end)
  })
})
