// Re-import (documents.reimport) of a document imported before tables and
// lists were kept: the real tables.docx stored as the old extraction stored
// it (one `row` block per row, rows two line breaks apart), tags and a claim
// on it, then the re-import through the app's handler table: the new text
// is read from the project file (the source path does not exist), tags move
// only where their words are, the rest stay put and are listed (and show in
// the anchor review), and Undo restores the old text, blocks and tags exactly.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Mention } from '../../src-main/contract/types'
import { DOCX, sha256 } from '../../src-main/core/import/importFile'
import { carryAnchors } from '../../src-main/core/anchor/carry'
import { makeAnchor } from '../../src-main/core/anchor/anchor'
import { SHARED, tempDir } from '../support/tempDir'
import { startSession, type Session } from './taggingSupport'

const BYTES = new Uint8Array(readFileSync(join(SHARED, 'corpus', 'docx', 'tables.docx')))
// Exactly what the extraction before this change made of tables.docx (its test pinned these blocks).
const OLD_TEXT = 'Above\n\nTop left\tTop right\n\nBottom left\tBottom right\n\nBelow'
const NEW_TEXT = 'Above\n\nTop left\tTop right\nBottom left\tBottom right\n\nBelow'
const at = (text: string, quote: string) => {
  const start = text.indexOf(quote)
  expect(start, quote).toBeGreaterThanOrEqual(0)
  return { start, end: start + quote.length }
}

describe('re-import of an old-extraction document', () => {
  let tmp: ReturnType<typeof tempDir>
  let s: Session
  let docId: number
  beforeEach(async () => {
    tmp = tempDir()
    s = await startSession(tmp.dir, { seeds: false })
    const blocks = [
      { start: 0, end: 5, kind: 'p' as const },
      { start: 7, end: 25, kind: 'row' as const },
      { start: 27, end: 51, kind: 'row' as const },
      { start: 53, end: 58, kind: 'p' as const }
    ]
    expect(blocks.map((b) => OLD_TEXT.slice(b.start, b.end))).toEqual(['Above', 'Top left\tTop right', 'Bottom left\tBottom right', 'Below'])
    docId = await s.core.db().call('documents.insert', {
      title: 'Quarterly figures',
      byline: null,
      siteName: null,
      publishedTime: null,
      lang: null,
      dir: null,
      excerpt: null,
      sourcePath: join(tmp.dir, 'gone', 'tables.docx'),
      mediaType: DOCX,
      sha256: sha256(BYTES),
      original: BYTES,
      text: OLD_TEXT,
      blocks,
      extraction: 1
    })
  })
  afterEach(async () => {
    await s.core.shutdown()
    tmp.cleanup()
  })

  it('moves tags with their words, lists the rest, and Undo/Redo restore each text exactly', async () => {
    const e = await s.call('entities.create', { name: 'Acme', type: 'Company' })
    const topRight = await s.call('mentions.create', { documentId: docId, entityId: e.id, ...at(OLD_TEXT, 'Top right') })
    const below = await s.call('mentions.create', { documentId: docId, entityId: e.id, ...at(OLD_TEXT, 'Below') })
    // Across the old row break ("\n\n"), which the new text writes as one "\n": not found, so not moved.
    const across = await s.call('mentions.create', { documentId: docId, entityId: e.id, ...at(OLD_TEXT, 'right\n\nBottom') })
    const claim = await s.call('claims.create', { subjectId: e.id, predicate: 'reports', object: { kind: 'text', text: 'figures' }, passage: { documentId: docId, ...at(OLD_TEXT, 'Bottom left') } })

    const before = await s.call('documents.get', { id: docId })
    expect(before).toMatchObject({ extraction: 1, structureOutdated: true, text: OLD_TEXT })
    const mentionsBefore = await s.call('mentions.forDocument', { documentId: docId })

    const r = await s.call('documents.reimport', { id: docId })
    expect(r.carried).toBe(3)
    expect(r.unplaced).toEqual([{ kind: 'mention', id: across.id, quote: 'right\n\nBottom' }])

    const after = await s.call('documents.get', { id: docId })
    expect(after.text).toBe(NEW_TEXT)
    expect(after).toMatchObject({ extraction: 2, structureOutdated: false, title: 'Quarterly figures' })
    expect(after.blocks.map((b) => [b.kind, after.text.slice(b.start, b.end)])).toEqual([
      ['p', 'Above'],
      ['table', 'Top left\tTop right\nBottom left\tBottom right'],
      ['p', 'Below']
    ])
    const moved = new Map((await s.call('mentions.forDocument', { documentId: docId })).map((m) => [m.id, m]))
    for (const m of [topRight, below]) {
      const now = moved.get(m.id)!
      expect(NEW_TEXT.slice(now.start, now.end)).toBe(m.quote)
      expect(now).toMatchObject(makeAnchor(NEW_TEXT, now.start, now.end))
    }
    expect(moved.get(topRight.id)!.start).toBe(NEW_TEXT.indexOf('Top right'))
    // The unplaced tag is where it was recorded, and the anchor review lists it.
    expect(moved.get(across.id)).toEqual(mentionsBefore.find((m) => m.id === across.id))
    const review = await s.call('anchors.review', { documentId: docId })
    expect(review.map((i) => [i.kind, i.id])).toEqual([['mention', across.id]])
    const c = await s.call('claims.get', { id: claim.id })
    expect(NEW_TEXT.slice(c.passage!.start, c.passage!.end)).toBe('Bottom left')
    expect(c.passage!.start).toBe(NEW_TEXT.indexOf('Bottom left'))
    // Search reads the new text too.
    expect((await s.call('search.query', { query: 'bottom', limit: 5 })).map((h) => h.documentId)).toContain(docId)

    const state = await s.call('history.state', {})
    expect(state.undoLabel).toBe('Re-import “Quarterly figures” with its tables and lists')
    await s.call('history.undo', {})
    const undone = await s.call('documents.get', { id: docId })
    expect(undone.text).toBe(OLD_TEXT)
    expect(undone.blocks).toEqual(before.blocks)
    expect(undone).toMatchObject({ extraction: 1, structureOutdated: true })
    expect(await s.call('mentions.forDocument', { documentId: docId })).toEqual(mentionsBefore)
    expect((await s.call('claims.get', { id: claim.id })).passage).toEqual(claim.passage)
    expect(await s.call('anchors.review', { documentId: docId })).toEqual([])

    await s.call('history.redo', {})
    expect((await s.call('documents.get', { id: docId })).text).toBe(NEW_TEXT)
    expect((await s.call('mentions.forDocument', { documentId: docId })).find((m: Mention) => m.id === topRight.id)!.start).toBe(NEW_TEXT.indexOf('Top right'))
  })

  it('refuses a second re-import and leaves the text alone outside a re-import', async () => {
    await s.call('documents.reimport', { id: docId })
    const err = await s.fail('documents.reimport', { id: docId })
    expect(err.code).toBe('CONFLICT')
    expect((await s.call('documents.get', { id: docId })).text).toBe(NEW_TEXT)
  })
})

describe('carrying anchors', () => {
  it('prefers the occurrence whose context matches, then the nearest; a missing quote is never guessed', () => {
    const oldText = 'Alpha beta.\n\nGamma beta delta.\n\nbeta'
    const newText = 'Alpha beta.\nGamma beta delta.\nbeta'
    const second = { kind: 'mention' as const, id: 1, ...makeAnchor(oldText, oldText.indexOf('beta delta'), oldText.indexOf('beta delta') + 4) }
    const gone = { kind: 'claim' as const, id: 2, ...makeAnchor(oldText, 0, 11) }
    const { placed, unplaced } = carryAnchors(oldText, newText.replace('Alpha beta.', 'Alpha beta!'), [second, gone])
    expect(placed.map((p) => [p.id, p.start])).toEqual([[1, newText.indexOf('beta delta')]])
    expect(unplaced.map((u) => u.id)).toEqual([2])
  })
})
