// "Tag all mentions" over real documents, span anchors in text with emoji,
// CJK and RTL, overlapping and nested spans, and anchors.review listing a
// stored anchor that no longer matches (written straight into the file).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Entity, TagCandidate } from '../../src-main/contract/types'
import { tempDir } from '../support/tempDir'
import { rows, span, startSession, withProjectFile, type Session } from './taggingSupport'

describe('tag all mentions', () => {
  const t = tempDir('rwb-tagall-')
  let s: Session
  let seedId: number
  let seed: string
  let doc: number
  let text: string
  let dod: Entity

  beforeAll(async () => {
    s = await startSession(t.dir)
    seedId = (await s.call('documents.list', {}))[0]!.id
    seed = await s.text(seedId)
    text = 'The DoD and the DoDo. dod officials at the U.S. Department of Defense (DoD) met the pentagon; DoD2 is a model.\n\nThe PENTAGON’s DoD-funded lab.'
    doc = await s.addDoc('Short', text)
    dod = await s.call('entities.create', { name: 'Department of Defense', type: 'PublicBody' })
    await s.call('aliases.add', { entityId: dod.id, name: 'DoD' })
    await s.call('aliases.add', { entityId: dod.id, name: 'the Pentagon' })
  })
  afterAll(async () => {
    await s.core.shutdown()
    t.cleanup()
  })

  it('finds the name and aliases as whole words, case-insensitively, with their sentences', async () => {
    const c = await s.call('entities.tagAllCandidates', { entityId: dod.id, documentId: doc })
    expect(c.map((x) => x.quote)).toEqual(['DoD', 'dod', 'Department of Defense', 'DoD', 'the pentagon', 'The PENTAGON', 'DoD'])
    for (const x of c) {
      expect(text.slice(x.start, x.end)).toBe(x.quote)
      expect(x.sentence.slice(x.sentenceStart, x.sentenceStart + x.quote.length)).toBe(x.quote)
      expect(x).toMatchObject({ documentId: doc, documentTitle: 'Short', alreadyTagged: false, otherEntityIds: [] })
    }
    expect(c[0]!.matched).toBe('DoD')
    expect(c[2]!.matched).toBe('Department of Defense')
    expect(c[4]!.matched).toBe('the Pentagon')
    expect(c[5]!.sentence).toBe('The PENTAGON’s DoD-funded lab.')
    expect(c[5]!.sentenceStart).toBe(0)
  })

  it('marks places already tagged (by this entity, or another one on the same words)', async () => {
    const other = await s.call('entities.create', { name: 'US DoD', type: 'PublicBody' })
    await s.call('mentions.create', { documentId: doc, entityId: dod.id, ...span(text, 'U.S. Department of Defense') })
    await s.call('mentions.create', { documentId: doc, entityId: other.id, ...span(text, 'DoD', 2) })
    const c = await s.call('entities.tagAllCandidates', { entityId: dod.id, documentId: doc })
    const byQuote = (q: string, n = 0) => c.filter((x) => x.quote === q)[n]!
    // nested inside this entity's own "U.S. Department of Defense" mention
    expect(byQuote('Department of Defense').alreadyTagged).toBe(true)
    expect(byQuote('DoD', 1)).toMatchObject({ alreadyTagged: false, otherEntityIds: [other.id] })
    expect(byQuote('DoD', 0)).toMatchObject({ alreadyTagged: false, otherEntityIds: [] })
  })

  it('searches every document when no document is given', async () => {
    const c = await s.call('entities.tagAllCandidates', { entityId: dod.id })
    const docs = new Set(c.map((x) => x.documentId))
    expect(docs).toEqual(new Set([seedId, doc]))
    const inSeed = c.filter((x) => x.documentId === seedId)
    // the seed article: every "Department of Defense" is found; "Pentagon" alone is not an alias
    const count = (needle: RegExp) => [...seed.matchAll(needle)].length
    expect(inSeed.filter((x) => x.quote.toLowerCase() === 'department of defense')).toHaveLength(count(/Department of Defense/gi))
    expect(inSeed.filter((x) => x.quote.toLowerCase() === 'the pentagon')).toHaveLength(count(/\bthe Pentagon(?![\p{L}\p{N}])/giu))
    for (const x of inSeed) expect(seed.slice(x.start, x.end)).toBe(x.quote)
  })

  it('creates the confirmed mentions in one undoable step and skips those already there', async () => {
    const c: TagCandidate[] = await s.call('entities.tagAllCandidates', { entityId: dod.id })
    const chosen = c.filter((x) => !x.alreadyTagged)
    const before = await s.call('entities.mentions', { entityId: dod.id })
    const res = await s.call('entities.tagAllConfirm', { entityId: dod.id, spans: [...chosen, chosen[0]!].map(({ documentId, start, end }) => ({ documentId, start, end })) })
    expect(res.created).toHaveLength(chosen.length)
    expect(res.skipped).toBe(1)
    for (const m of res.created) {
      const src = m.documentId === seedId ? seed : text
      expect(src.slice(m.start, m.end)).toBe(m.quote)
      expect(m.entityId).toBe(dod.id)
    }
    const after = await s.call('entities.mentions', { entityId: dod.id })
    expect(after).toHaveLength(before.length + chosen.length)
    expect((await s.call('entities.tagAllCandidates', { entityId: dod.id })).every((x) => x.alreadyTagged)).toBe(true)
    const h = await s.call('history.state', {})
    expect(h.undoLabel).toBe(`Tag all: ${chosen.length} mentions of “Department of Defense”`)
    await s.call('history.undo', {})
    expect(await s.call('entities.mentions', { entityId: dod.id })).toEqual(before)
    await s.call('history.redo', {})
    expect(await s.call('entities.mentions', { entityId: dod.id })).toEqual(after)
    // all or nothing: one bad span and nothing is created
    const err = await s.fail('entities.tagAllConfirm', { entityId: dod.id, spans: [{ documentId: doc, start: 0, end: 3 }, { documentId: doc, start: 0, end: text.length + 10 }] })
    expect(err.code).toBe('BAD_ARGS')
    expect(await s.call('entities.mentions', { entityId: dod.id })).toEqual(after)
    expect((await s.fail('entities.tagAllConfirm', { entityId: dod.id, spans: [] })).code).toBe('BAD_ARGS')
  })

  it('finds "Zürich" whether the name was typed with a combining mark or precomposed', async () => {
    const zText = 'Banks in Zu\u0308rich and ZÜRICH; not Zürichsee.'.normalize('NFC')
    const zDoc = await s.addDoc('Zurich', zText)
    const stored = await s.text(zDoc)
    expect(stored).toBe(zText)
    expect(stored).toContain('Z\u00fcrich')
    const z = await s.call('entities.create', { name: 'Zu\u0308rich', type: 'Location' })
    const c = await s.call('entities.tagAllCandidates', { entityId: z.id, documentId: zDoc })
    expect(c.map((x) => x.quote)).toEqual(['Z\u00fcrich', 'ZÜRICH'])
  })
})

describe('anchors', () => {
  const t = tempDir('rwb-anchors-')
  let s: Session
  let doc: number
  const text = [
    '🚀🇺🇸 The U.S. Department of Defense paid 👩🏽‍💻 engineers in 東京 (東京都) and 𠀀𠀁 scholars.',
    'وزارة الدفاع الأمريكية said: Department of Defense.',
    'Zürich, São Paulo, and the Department of Defense again.'
  ].join('\n\n')
  let e: Record<string, Entity> = {}

  beforeAll(async () => {
    s = await startSession(t.dir, { seeds: false })
    doc = await s.addDoc('Scripts', text)
    e = {}
    for (const [name, type] of [
      ['U.S. Department of Defense', 'PublicBody'],
      ['Department of Defense', 'PublicBody'],
      ['Tokyo', 'Location'],
      ['Engineers', 'Other'],
      ['Arabic DoD', 'PublicBody']
    ] as const) {
      e[name] = await s.call('entities.create', { name, type })
    }
  })
  afterAll(async () => {
    await s.core.shutdown()
    t.cleanup()
  })

  it('anchors mentions and claims exactly in text with emoji, CJK and RTL; overlapping and nested spans coexist', async () => {
    const tag = (name: string, needle: string, nth = 0) => s.call('mentions.create', { documentId: doc, entityId: e[name]!.id, ...span(text, needle, nth) })
    const outer = await tag('U.S. Department of Defense', 'U.S. Department of Defense')
    const inner = await tag('Department of Defense', 'Department of Defense')
    const overlap = await tag('Engineers', 'Defense paid 👩🏽‍💻 engineers')
    const tokyo = await tag('Tokyo', '東京', 1)
    const arabic = await tag('Arabic DoD', 'وزارة الدفاع')
    const emoji = await tag('Engineers', '👩🏽‍💻')
    expect(inner.start).toBeGreaterThan(outer.start)
    expect(inner.end).toBe(outer.end)
    expect(overlap.start).toBeLessThan(inner.end)
    for (const m of [outer, inner, overlap, tokyo, arabic, emoji]) {
      expect(text.slice(m.start, m.end)).toBe(m.quote)
      expect(text.slice(m.start - m.prefix.length, m.start)).toBe(m.prefix)
      expect(text.slice(m.end, m.end + m.suffix.length)).toBe(m.suffix)
    }
    expect(emoji.quote).toBe('👩🏽‍💻')
    expect(emoji.end - emoji.start).toBe('👩🏽‍💻'.length)
    expect(tokyo.quote).toBe('東京')
    expect(arabic.quote).toBe('وزارة الدفاع')
    const listed = await s.call('mentions.forDocument', { documentId: doc })
    expect(listed.map((m) => m.id).sort()).toEqual([outer, inner, overlap, tokyo, arabic, emoji].map((m) => m.id).sort())
    // a span cutting a surrogate pair is refused, for mentions and for claims
    const half = text.indexOf('𠀀') + 1
    expect((await s.fail('mentions.create', { documentId: doc, entityId: e['Tokyo']!.id, start: half, end: half + 2 })).code).toBe('BAD_ARGS')
    expect(
      (await s.fail('claims.create', { subjectId: e['Tokyo']!.id, predicate: 'x', object: { kind: 'text', text: 'y' }, passage: { documentId: doc, start: half, end: half + 2 } })).code
    ).toBe('BAD_ARGS')
    const claim = await s.call('claims.create', {
      subjectId: e['Arabic DoD']!.id,
      predicate: 'said',
      object: { kind: 'text', text: 'Department of Defense' },
      passage: { documentId: doc, ...span(text, 'وزارة الدفاع الأمريكية said') }
    })
    expect(text.slice(claim.passage!.start, claim.passage!.end)).toBe('وزارة الدفاع الأمريكية said')
    expect(await s.call('anchors.review', {})).toEqual([])
  })

  it('lists anchors that no longer match for review, and never moves them', async () => {
    const mentions = await s.call('mentions.forDocument', { documentId: doc })
    const inner = mentions.find((m) => m.quote === 'Department of Defense')!
    const tokyo = mentions.find((m) => m.quote === '東京')!
    const arabic = mentions.find((m) => m.quote === 'وزارة الدفاع')!
    const claim = (await s.call('claims.list', {}))[0]!
    const path = s.core.db().path
    await s.core.shutdown()
    // The text is immutable (a trigger refuses changes): damage the anchors instead.
    await withProjectFile(
      path,
      (db) => {
        expect(() => db.run('UPDATE documents SET text = ? WHERE id = ?', ['x', doc])).toThrow(/immutable/)
        db.run('UPDATE mentions SET quote = ? WHERE id = ?', ['Department of Offense', inner.id])
        db.run('UPDATE mentions SET prefix = ? WHERE id = ?', ['(大阪都) and ', tokyo.id])
        db.run('UPDATE mentions SET start = start + 1000, end = end + 1000 WHERE id = ?', [arabic.id])
        db.run('UPDATE claims SET start = start + 1, end = end + 1 WHERE id = ?', [claim.id])
      },
      true
    )
    s = await startSession(t.dir, { seeds: false })
    const issues = await s.call('anchors.review', {})
    const by = (kind: string, id: number) => issues.find((i) => i.kind === kind && i.id === id)
    expect(issues).toHaveLength(4)
    expect(by('mention', inner.id)).toMatchObject({ problem: 'quote-mismatch', found: 'Department of Defense', quote: 'Department of Offense', entityId: inner.entityId, documentTitle: 'Scripts', quoteFoundAt: [] })
    expect(by('mention', tokyo.id)).toMatchObject({ problem: 'context-mismatch', found: '東京', quoteFoundAt: [text.indexOf('東京'), text.indexOf('東京', text.indexOf('東京') + 1)] })
    expect(by('mention', arabic.id)).toMatchObject({ problem: 'out-of-range', found: '', quoteFoundAt: [text.indexOf('وزارة الدفاع')] })
    expect(by('claim', claim.id)).toMatchObject({ problem: 'quote-mismatch', entityId: claim.subjectId, quoteFoundAt: [claim.passage!.start] })
    expect(await s.call('anchors.review', { documentId: doc })).toEqual(issues)
    // listed, not moved: the stored rows are as damaged as before
    const after = await s.call('mentions.forDocument', { documentId: doc })
    expect(after.find((m) => m.id === inner.id)!.quote).toBe('Department of Offense')
    expect(after.find((m) => m.id === arabic.id)!.start).toBe(arabic.start + 1000)
    await s.flush()
    const raw = await withProjectFile(s.core.db().path, (db) => rows(db, 'SELECT start FROM claims WHERE id = ?', [claim.id]))
    expect(raw).toEqual([{ start: claim.passage!.start + 1 }])
  })
})
