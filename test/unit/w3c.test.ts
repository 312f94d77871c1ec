// W3C Web Annotation export and import over real projects: the model's
// required fields, code-point offsets on text with emoji and CJK before the
// spans, export → import into a fresh project recreating the same mentions,
// and anchors that do not match: relocated only when the quote is unique,
// otherwise reported, never moved silently.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AnnotationImportReport } from '../../src-main/contract/api'
import { ProjectDb } from '../../src-main/core/db/projectDb'
import { OffsetConverter } from '../../src-main/core/export/codePoints'
import { importAnnotationFile } from '../../src-main/core/export/run'
import { readSnapshot } from '../../src-main/core/export/snapshot'
import { ANNO_CONTEXT, entityTypeFor, parseW3CAnnotations, RWB_CONTEXT, toW3CCollection } from '../../src-main/core/export/w3c'
import { resolveSpan } from '../../src-main/core/db/repos/annotations'
import { tempDir } from '../support/tempDir'
import { buildProject, EMOJI_TEXT, importFile, seedPath, writeEmojiFile, type DocInfo, type Fixture } from './exportFixture'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

let t: ReturnType<typeof tempDir>
let fx: Fixture
let collection: Json
let items: Json[]
let file: string

beforeAll(async () => {
  t = tempDir('rwb-w3c-')
  fx = await buildProject(t.dir)
  collection = toW3CCollection(await readSnapshot(fx.db, { codePoints: true, texts: true }))
  // the mentions (the links follow as analyst-judgement claims, see export.claims.test.ts)
  items = collection.first.items.filter((a: Json) => a.motivation === 'identifying')
  file = join(t.dir, 'mentions.jsonld')
  // the mentions only (claims round-trip in exportW3C.test.ts)
  writeFileSync(file, JSON.stringify({ ...collection, total: items.length, first: { ...collection.first, items } }, null, 2))
})

afterAll(async () => {
  await fx?.db.close()
  t?.cleanup()
})

/** A fresh project holding the same two files (imported in the other order, so document ids differ). */
async function freshProject(name: string): Promise<{ db: ProjectDb; emoji: DocInfo; seed: DocInfo }> {
  const db = await ProjectDb.open(join(t.dir, name), { create: true, saveDelayMs: 60_000 })
  const emoji = await importFile(db, writeEmojiFile(t.dir))
  const seed = await importFile(db, seedPath())
  return { db, emoji, seed }
}

/** Every mention in a project as comparable facts: document hash, UTF-16 span, quote, entity name and type. */
async function mentionFacts(db: ProjectDb): Promise<string[]> {
  const docs = await db.call('documents.list', undefined)
  const entities = new Map((await db.call('entities.list', undefined)).map((e) => [e.id, e]))
  const out: string[] = []
  for (const d of docs) {
    for (const m of await db.call('mentions.forDocument', { documentId: d.id })) {
      const e = entities.get(m.entityId)!
      out.push(JSON.stringify([d.sha256, m.start, m.end, m.quote, m.prefix, m.suffix, e.name, e.type]))
    }
  }
  return out.sort()
}

function writeJson(name: string, value: unknown): string {
  const p = join(t.dir, name)
  writeFileSync(p, JSON.stringify(value))
  return p
}

describe('W3C export', () => {
  it('is an AnnotationCollection with the model’s required fields', () => {
    expect(collection['@context']).toEqual([ANNO_CONTEXT, RWB_CONTEXT])
    expect(collection.type).toBe('AnnotationCollection')
    expect(collection.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/)
    expect(collection.total).toBe(fx.mentionCount + fx.linkCount)
    expect(collection.first.type).toBe('AnnotationPage')
    expect(collection.first.id).toMatch(/^urn:uuid:/)
    expect(collection['rwb:note']).toMatch(/canonical text.*code points/s)
    expect(items).toHaveLength(fx.mentionCount)
    expect(new Set(items.map((a) => a.id)).size).toBe(items.length)
    // target.source is the canonical text, exported in the collection with the file as its dcterms:source
    const textOf = new Map<string, string>(collection['rwb:canonicalTexts'].map((x: Json) => [x.id, x['dcterms:source'].id]))
    const shas = new Set([`urn:sha256:${fx.seed.sha256}`, `urn:sha256:${fx.emoji.sha256}`])
    for (const a of items) {
      expect(a.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
      expect(a.type).toBe('Annotation')
      expect(['tagging', 'identifying']).toContain(a.motivation)
      expect(a.body).toEqual([
        { type: 'TextualBody', purpose: 'tagging', value: expect.any(String), format: 'text/plain' },
        { type: 'TextualBody', purpose: 'classifying', value: expect.any(String), format: 'text/plain' },
        { type: 'SpecificResource', purpose: 'identifying', source: expect.stringMatching(/^urn:uuid:/) }
      ])
      expect(a.target.source).toMatch(/^urn:sha256:[0-9a-f]{64}$/)
      expect(shas.has(textOf.get(a.target.source)!)).toBe(true)
      expect(a.target['rwb:sourcePath']).toMatch(/\.txt$/)
      const [q, p] = a.target.selector
      expect(q).toEqual({ type: 'TextQuoteSelector', exact: expect.any(String), prefix: expect.any(String), suffix: expect.any(String) })
      expect(p).toEqual({ type: 'TextPositionSelector', start: expect.any(Number), end: expect.any(Number) })
    }
  })

  it('counts TextPositionSelector offsets in code points (emoji and CJK before the span)', () => {
    const texts = new Map<string, string>(collection['rwb:canonicalTexts'].map((x: Json) => [x.id, x.value]))
    expect([...texts.values()].sort()).toEqual([fx.seed.text, fx.emoji.text].sort())
    for (const a of items) {
      const text = texts.get(a.target.source)!
      const [q, p] = a.target.selector
      const cps = [...text]
      expect(cps.slice(p.start, p.end).join('')).toBe(q.exact)
      expect(cps.slice(Math.max(0, p.start - [...q.prefix].length), p.start).join('')).toBe(q.prefix)
      expect(cps.slice(p.end, p.end + [...q.suffix].length).join('')).toBe(q.suffix)
    }
    // Concretely: the second "Zhang Wei" comes after 🎉🎉, 👩‍👩‍👧 (3 astral) and 😀: four fewer code points than code units.
    const zhang = items.filter((a) => a.body[0].value === 'Zhang Wei').map((a) => a.target.selector[1].start)
    const second = EMOJI_TEXT.indexOf('Zhang Wei', EMOJI_TEXT.indexOf('Zhang Wei') + 1)
    expect(zhang).toContain(second - 2 - 3 - 1)
    // "李小龙" the second time also follows 𠀋𠀋: six fewer.
    const li = items.filter((a) => a.body[0].value === '李小龙').map((a) => a.target.selector[1].start)
    expect(li).toContain(EMOJI_TEXT.lastIndexOf('李小龙') - 2 - 3 - 1 - 2)
  })

  it('gives the same ids on every export', async () => {
    const again = toW3CCollection(await readSnapshot(fx.db, { codePoints: true, texts: true }))
    expect(again.id).toBe(collection.id)
    expect((again.first as Json).items.map((a: Json) => a.id)).toEqual(collection.first.items.map((a: Json) => a.id))
  })
})

describe('W3C import', () => {
  it('recreates the same mentions in a fresh project holding the same documents', async () => {
    const p = await freshProject('fresh.rwb')
    try {
      expect(p.seed.id).not.toBe(fx.seed.id) // different document ids: matched by hash
      const report = await importAnnotationFile(p.db, file)
      expect(report).toEqual({ imported: fx.mentionCount, skippedDuplicates: 0, claimsImported: 0, claimsSkippedDuplicates: 0, relocated: [], unresolved: [], ignored: [], entitiesCreated: 9 })
      expect(await mentionFacts(p.db)).toEqual(await mentionFacts(fx.db))
      // entity names and types come back, one entity per name+type
      const names = (await p.db.call('entities.list', undefined)).map((e) => `${e.type}:${e.name}`).sort()
      expect(names).toEqual(['Company:Meta', 'Company:Scale AI', 'Location:Café Ünïcode', 'Location:北京', 'Money:$500 million', 'Person:Trump', 'Person:Zhang Wei', 'Person:李小龙', 'PublicBody:U.S. Department of Defense'])

      // importing again creates nothing
      const again = await importAnnotationFile(p.db, file)
      expect(again).toEqual({ imported: 0, skippedDuplicates: fx.mentionCount, claimsImported: 0, claimsSkippedDuplicates: 0, relocated: [], unresolved: [], ignored: [], entitiesCreated: 0 })
      expect((await mentionFacts(p.db)).length).toBe(fx.mentionCount)
    } finally {
      await p.db.close()
    }
  })

  it('reuses an existing entity with the same name and type, and makes a new one for another type', async () => {
    const p = await freshProject('reuse.rwb')
    try {
      const scale = await p.db.call('entities.create', { name: 'Scale AI', type: 'Company' })
      const trumpOrg = await p.db.call('entities.create', { name: 'Trump', type: 'Organization' })
      const report = await importAnnotationFile(p.db, file)
      expect(report.imported).toBe(fx.mentionCount)
      expect(report.entitiesCreated).toBe(8)
      const entities = await p.db.call('entities.list', undefined)
      expect(entities.find((e) => e.id === scale.id)!.mentionCount).toBe(3)
      expect(entities.find((e) => e.id === trumpOrg.id)!.mentionCount).toBe(0)
      expect(entities.filter((e) => e.name === 'Trump').map((e) => e.type).sort()).toEqual(['Organization', 'Person'])
    } finally {
      await p.db.close()
    }
  })

  it('reports a tampered quote as unresolved and never moves it; relocates only a unique quote', async () => {
    const doc = structuredClone({ ...collection, first: { ...collection.first, items } })
    const list: Json[] = doc.first.items
    const byName = (name: string, n = 0) => list.filter((a) => a.body[0].value === name)[n]!
    // 1. the quote changed: not at the position, not anywhere
    const tampered = byName('Meta')
    tampered.target.selector[0].exact = 'Metaverse'
    // 2. the position is off by some code points but the quote with its context occurs once: relocated
    const shifted = byName('Trump')
    shifted.target.selector[1].start += 7
    shifted.target.selector[1].end += 7
    // 3. the position is off and the quote is ambiguous without context: unresolved
    const ambiguous = byName('Scale AI', 1)
    ambiguous.target.selector[1].start += 1
    ambiguous.target.selector[1].end += 1
    ambiguous.target.selector[0].prefix = ''
    ambiguous.target.selector[0].suffix = ''
    // 4. the document is not in the project
    const foreign = byName('北京')
    foreign.target.source = `urn:sha256:${'ab'.repeat(32)}`
    // 5. right position, wrong prefix: the context does not match, and prefix+quote+suffix is nowhere
    const context = byName('李小龙', 1)
    context.target.selector[0].prefix = 'XX' + context.target.selector[0].prefix.slice(2)

    const p = await freshProject('tampered.rwb')
    try {
      const report: AnnotationImportReport = await importAnnotationFile(p.db, writeJson('tampered.jsonld', doc))
      expect(report.imported).toBe(fx.mentionCount - 4)
      expect(report.relocated).toEqual([shifted.id])
      const reasons = new Map(report.unresolved.map((u) => [u.id, u.reason]))
      expect([...reasons.keys()].sort()).toEqual([tampered.id, ambiguous.id, foreign.id, context.id].sort())
      expect(reasons.get(tampered.id)).toMatch(/differs from its quote.*not in the document/)
      expect(reasons.get(ambiguous.id)).toMatch(/occurs more than once/)
      expect(reasons.get(foreign.id)).toMatch(/not in this project/)
      expect(reasons.get(context.id)).toMatch(/prefix\/suffix/)

      const facts = (await mentionFacts(p.db)).map((f) => JSON.parse(f) as [string, number, number, string, string, string, string, string])
      // nothing was made for the unresolved ones: no "Metaverse", no Meta entity, no mention at the shifted places
      expect(facts.some((f) => f[3] === 'Metaverse' || f[6] === 'Meta')).toBe(false)
      expect((await p.db.call('entities.list', undefined)).some((e) => e.name === 'Meta' || e.name === '北京')).toBe(false)
      // the relocated one sits exactly where the original mention was
      const trump = facts.filter((f) => f[6] === 'Trump')
      expect(trump).toHaveLength(1)
      expect(trump[0]![1]).toBe(fx.seed.text.indexOf('Trump'))
      for (const f of facts) {
        const text = f[0] === fx.seed.sha256 ? fx.seed.text : fx.emoji.text
        expect(text.slice(f[1], f[2])).toBe(f[3])
      }
    } finally {
      await p.db.close()
    }
  })

  it('reads a reasonable subset from other tools: single annotations, arrays, bodyValue, quote-only targets, NER labels', async () => {
    const src = `urn:sha256:${fx.emoji.sha256}`
    const annotations = [
      {
        '@context': ANNO_CONTEXT,
        id: 'http://example.org/anno/1',
        type: 'Annotation',
        motivation: 'tagging',
        body: [
          { type: 'TextualBody', value: 'Li Xiaolong' },
          { type: 'TextualBody', purpose: 'classifying', value: 'PER' }
        ],
        // a target array, a single selector object, no position
        target: [{ source: { id: src, type: 'Text' }, selector: { type: 'TextQuoteSelector', exact: '李小龙', prefix: 'Zhang Wei and ', suffix: ' at' } }]
      },
      {
        id: 'http://example.org/anno/2',
        type: ['Annotation'],
        bodyValue: 'Beijing',
        motivation: 'identifying',
        target: { source: src.toUpperCase().replace('URN:SHA256:', 'urn:sha256:'), selector: [{ type: 'TextQuoteSelector', exact: '北京' }] }
      },
      { id: 'http://example.org/anno/3', type: 'Annotation', target: 'http://example.org/page.html' },
      { id: 'http://example.org/anno/4', type: 'Annotation', target: { source: 'http://example.org/page.html', selector: { type: 'TextQuoteSelector', exact: 'x' } } },
      { id: 'http://example.org/anno/5', type: 'Annotation', target: { source: src, selector: { type: 'TextPositionSelector', start: 0, end: 2 } } },
      // the same text twice without context: ambiguous
      { id: 'http://example.org/anno/6', type: 'Annotation', bodyValue: 'Zhang', target: { source: src, selector: { type: 'TextQuoteSelector', exact: 'Zhang Wei' } } }
    ]
    const p = await freshProject('others.rwb')
    try {
      const report = await importAnnotationFile(p.db, writeJson('others.json', annotations))
      expect(report.imported).toBe(2)
      expect(report.relocated).toEqual([])
      expect(report.unresolved.map((u) => u.id)).toEqual([
        'http://example.org/anno/3',
        'http://example.org/anno/4',
        'http://example.org/anno/5',
        'http://example.org/anno/6'
      ])
      expect(report.unresolved[0]!.reason).toMatch(/no target/)
      expect(report.unresolved[1]!.reason).toMatch(/not a urn:sha256/)
      expect(report.unresolved[2]!.reason).toMatch(/no TextQuoteSelector/)
      const entities = await p.db.call('entities.list', undefined)
      expect(entities.map((e) => `${e.type}:${e.name}:${e.mentionCount}`).sort()).toEqual(['Other:Beijing:1', 'Person:Li Xiaolong:1'])
      const ms = await p.db.call('mentions.forDocument', { documentId: p.emoji.id })
      expect(ms.map((m) => m.quote).sort()).toEqual(['北京', '李小龙'])
      expect(ms.find((m) => m.quote === '李小龙')!.start).toBe(EMOJI_TEXT.indexOf('李小龙'))

      // a bare annotation page and a single annotation object work too
      const page = { type: 'AnnotationPage', items: [annotations[0]] }
      expect((await importAnnotationFile(p.db, writeJson('page.json', page))).skippedDuplicates).toBe(1)
      expect((await importAnnotationFile(p.db, writeJson('one.json', annotations[1]))).skippedDuplicates).toBe(1)
    } finally {
      await p.db.close()
    }
  })

  it('refuses files that are not JSON or hold no annotations', async () => {
    const bad = join(t.dir, 'bad.jsonld')
    writeFileSync(bad, '{not json')
    await expect(importAnnotationFile(fx.db, bad)).rejects.toMatchObject({ code: 'IMPORT_FAILED' })
    await expect(importAnnotationFile(fx.db, writeJson('empty.json', { hello: 'world' }))).rejects.toMatchObject({ code: 'IMPORT_FAILED' })
    await expect(importAnnotationFile(fx.db, writeJson('array.json', [{ id: 'x', type: 'Thing' }]))).rejects.toMatchObject({ code: 'IMPORT_FAILED' })
    // an empty collection (a project without mentions) is fine: nothing to do
    const empty = { '@context': ANNO_CONTEXT, id: 'urn:x', type: 'AnnotationCollection', total: 0, first: { type: 'AnnotationPage', items: [] } }
    expect(await importAnnotationFile(fx.db, writeJson('empty-collection.jsonld', empty))).toMatchObject({ imported: 0, unresolved: [], ignored: [] })
    await expect(importAnnotationFile(fx.db, writeJson('linked.json', { type: 'AnnotationCollection', first: 'http://x/page1' }))).rejects.toThrow(/link/)
    await expect(importAnnotationFile(fx.db, join(t.dir, 'missing.jsonld'))).rejects.toMatchObject({ code: 'IO' })
    // our own export has a BOM-free body; a BOM is tolerated
    writeFileSync(join(t.dir, 'bom.jsonld'), '\ufeff' + readFileSync(file, 'utf8'))
    expect((await importAnnotationFile(fx.db, join(t.dir, 'bom.jsonld'))).skippedDuplicates).toBe(fx.mentionCount)
  })
})

describe('pieces', () => {
  it('converts offsets both ways around astral characters', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom('a', '中', '😀', '𠀋', 'é', '\n', '👩‍👧')), { maxLength: 40 }), (parts) => {
        const text = parts.join('')
        const conv = new OffsetConverter(text)
        expect(conv.lengthCp).toBe([...text].length)
        let u = 0
        const cps = [...text]
        for (let cp = 0; cp <= cps.length; cp++) {
          expect(conv.toUtf16(cp)).toBe(u)
          expect(conv.toCodePoint(u)).toBe(cp)
          u += cps[cp]?.length ?? 0
        }
        expect(conv.toUtf16(cps.length + 1)).toBeNull()
        expect(conv.toUtf16(-1)).toBeNull()
        expect(conv.toUtf16(1.5)).toBeNull()
      })
    )
  })

  it('resolves a span by position only when the quote and context match there', () => {
    const text = 'ab 😀 cd ab 😀 cd'
    const conv = new OffsetConverter(text)
    expect(resolveSpan(text, conv, { exact: 'cd', prefix: '😀 ', suffix: ' ab', start: 5, end: 7 })).toEqual({ start: 6, end: 8, relocated: false })
    expect(resolveSpan(text, conv, { exact: 'cd', prefix: '', suffix: '', start: 4, end: 6 })).toHaveProperty('reason')
    expect(resolveSpan(text, conv, { exact: 'cd', prefix: '😀 ', suffix: '', start: null, end: null })).toHaveProperty('reason') // twice
    expect(resolveSpan(text, conv, { exact: 'cd', prefix: ' ', suffix: ' ab', start: 0, end: 2 })).toEqual({ start: 6, end: 8, relocated: true })
    expect(resolveSpan(text, conv, { exact: 'cd', prefix: '', suffix: '', start: 99, end: 100 })).toEqual({
      reason: 'its position is outside the document, and its quote (with its prefix and suffix) occurs more than once'
    })
  })

  it('maps entity types from our keys, labels and common NER labels', () => {
    expect(entityTypeFor('Company')).toBe('Company')
    expect(entityTypeFor('public body')).toBe('PublicBody')
    expect(entityTypeFor('ORG')).toBe('Organization')
    expect(entityTypeFor('GPE')).toBe('Location')
    expect(entityTypeFor('Vessel')).toBe('Vessel')
    expect(entityTypeFor(null)).toBe('Other')
    expect(entityTypeFor('x'.repeat(61))).toBe('Other')
  })

  it('reports annotations whose entity name is unusable', () => {
    const base = { type: 'Annotation', target: { source: `urn:sha256:${'0'.repeat(64)}`, selector: { type: 'TextQuoteSelector', exact: 'q' } } }
    const parsed = parseW3CAnnotations([
      { ...base, id: 'a', bodyValue: '   ' },
      { ...base, id: 'b', bodyValue: 'n'.repeat(501) },
      { ...base, id: 'c', motivation: 'commenting', body: { type: 'TextualBody', value: 'a long comment' } }
    ])
    // an empty name falls back to the quote; a comment is not a name (the quote is used)
    expect(parsed.candidates.map((c) => [c.id, c.entityName])).toEqual([
      ['a', 'q'],
      ['c', 'q']
    ])
    expect(parsed.unresolved).toEqual([{ id: 'b', reason: 'its entity name is longer than 500 characters' }])
  })
})
