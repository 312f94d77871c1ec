// Issue 12, W3C Web Annotation: selectors that find their place in the
// original (prefix + quote + suffix unique in a web page's DOM text for
// >= 95% of mentions on the shared corpus pages), positions that count into
// a declared resource (the canonical text, exported with its own urn:sha256,
// the original file as its dcterms:source), every custom term declared in
// the shipped JSON-LD context (the `jsonld` package expands and compacts the
// file dropping nothing), and `rwb import-annotations` bringing back 100% of
// the mentions and now the claims too.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import jsonld from 'jsonld'
import { JSDOM } from 'jsdom'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ProjectDb } from '../../src-main/core/db/projectDb'
import { decodeHtml } from '../../src-main/core/import/html'
import { importAnnotationFile } from '../../src-main/core/export/run'
import { readSnapshot } from '../../src-main/core/export/snapshot'
import { ANNO_CONTEXT, RWB_NS, toW3CCollection } from '../../src-main/core/export/w3c'
import { prefixes, suffixes } from '../../src-main/core/export/w3cContext'
import { REPO_ROOT, SHARED, tempDir } from '../support/tempDir'
import { buildClaimsProject, corpusPage, type ClaimsFixture } from './claimsFixture'
import { importFile, seedPath } from './exportFixture'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

let t: ReturnType<typeof tempDir>
let fx: ClaimsFixture
let collection: Json
let items: Json[]

beforeAll(async () => {
  t = tempDir('rwb-export-w3c-')
  fx = await buildClaimsProject(t.dir)
  collection = toW3CCollection(await readSnapshot(fx.db, { codePoints: true, texts: true }))
  items = collection.first.items
}, 60_000)

afterAll(async () => {
  await fx?.db.close()
  t?.cleanup()
})

/** The official context from test/fixtures (the processor never makes a request); anything else is refused. */
const ANNO = JSON.parse(readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'schemas', 'w3c-anno', 'anno.jsonld'), 'utf8'))
const documentLoader = async (url: string) => {
  if (url === ANNO_CONTEXT) return { contextUrl: null, documentUrl: url, document: ANNO }
  throw new Error(`no request allowed: ${url}`)
}

/** Every scalar in a JSON tree (what a JSON-LD processor must keep). */
function scalars(v: unknown, out: unknown[] = []): unknown[] {
  if (Array.isArray(v)) v.forEach((x) => scalars(x, out))
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) k !== '@context' && scalars(x, out)
  else out.push(v)
  return out
}
/** Arrays of one as their element, keys sorted: JSON-LD compaction may write either. */
function normal(v: unknown): unknown {
  if (Array.isArray(v)) return v.length === 1 ? normal(v[0]) : v.map(normal)
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([k]) => k !== '@context').sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, normal(x)]))
  return v
}

describe('JSON-LD', () => {
  it('expands with the jsonld package dropping nothing, and compacts back to the same document', async () => {
    const expanded = (await jsonld.expand(collection, { documentLoader } as never)) as unknown as Json[]
    const flat = JSON.stringify(expanded)
    expect(flat).toContain(`${RWB_NS}claim`)
    expect(flat).toContain('http://www.w3.org/ns/oa#assessing')
    // every value of the file survives expansion (a term the context does not declare would be dropped here)
    expect(scalars(expanded).length).toBeGreaterThanOrEqual(scalars(collection).length)
    // and compacting the expanded form with the shipped context gives the same document back
    const compacted = await jsonld.compact(expanded, collection['@context'], { documentLoader } as never)
    expect(normal(compacted)).toEqual(normal(collection))
  })

  it('declares every rwb term in the shipped context and uses oa: terms where the standard has them', () => {
    const declared = new Set(Object.keys(collection['@context'][1]))
    const used = new Set<string>()
    const walk = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(walk)
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) (k.startsWith('rwb:') && used.add(k), walk(x))
    }
    walk(collection)
    expect([...used].filter((k) => !declared.has(k))).toEqual([])
    const purposes = items.flatMap((a) => a.body.map((b: Json) => b.purpose))
    expect(purposes).toContain('oa:assessing')
    expect(purposes).not.toContain('assessing')
  })
})

describe('targets', () => {
  it('point into canonical texts exported as their own resources, the original file as dcterms:source', () => {
    const texts = new Map<string, Json>(collection['rwb:canonicalTexts'].map((x: Json) => [x.id, x]))
    expect(texts.size).toBe(3)
    for (const [id, x] of texts) {
      expect(id).toBe(`urn:sha256:${createHash('sha256').update(x.value, 'utf8').digest('hex')}`)
      expect([fx.docs.seed.sha256, fx.docs.bbc.sha256, fx.docs.qq.sha256]).toContain(x['dcterms:source'].id.slice('urn:sha256:'.length))
    }
    for (const a of items) {
      if (typeof a.target === 'string') continue // an analyst judgement: about its subject entity
      const text = texts.get(a.target.source)!
      expect(text, a.target.source).toBeDefined()
      const [q, p] = a.target.selector
      const cps = [...text.value]
      expect(cps.slice(p.start, p.end).join('')).toBe(q.exact)
      expect(cps.slice(p.start - [...q.prefix].length, p.start).join('')).toBe(q.prefix)
      expect(cps.slice(p.end, p.end + [...q.suffix].length).join('')).toBe(q.suffix)
      expect(q.prefix.length).toBeLessThanOrEqual(32)
      expect(q.suffix.length).toBeLessThanOrEqual(32)
    }
  })

  it('carries each claim in full under rwb:claim', () => {
    for (const c of Object.values(fx.claims)) {
      const anns = items.filter((a) => a['rwb:claim']?.['rwb:key'] === `c${c.id}`)
      expect(anns, `claim c${c.id}`).toHaveLength(1)
      const x = anns[0]!['rwb:claim']
      expect(x).toMatchObject({
        'rwb:subjectName': c.subject,
        'rwb:predicate': c.predicate,
        'rwb:valueKind': c.object.kind,
        'rwb:qualifier': c.qualifier,
        'rwb:status': c.status,
        'rwb:reliability': c.reliability,
        'rwb:credibility': c.credibility,
        'rwb:grade': c.grade,
        'rwb:analystJudgement': c.judgement,
        'rwb:note': c.notes
      })
      expect(x['rwb:attribution'].map((a: Json) => [a['rwb:role'], a['rwb:sourceName']])).toEqual(c.attribution)
      if (c.object.kind === 'money') expect([x['rwb:amount'], x['rwb:currency']]).toEqual([c.object.amount, c.object.currency])
      if (c.object.kind === 'date') expect(x['rwb:date']).toBe(c.object.date)
      if (c.object.kind === 'entity') expect(x['rwb:objectName']).toBe(c.objectName)
      if (c.quote) expect(anns[0]!.target.selector[0].exact).toBe(c.quote)
      expect(anns[0]!.body).toContainEqual({ type: 'TextualBody', purpose: 'oa:assessing', value: c.grade, format: 'text/plain' })
    }
  })
})

describe('round trip', () => {
  /** Claims as comparable facts: subject, predicate, value, qualifier, status, grade, judgement, attribution, passage, note. */
  async function claimFacts(db: ProjectDb): Promise<string[]> {
    const entities = new Map((await db.call('entities.list', undefined)).map((e) => [e.id, `${e.type}:${e.name}`]))
    const docs = new Map((await db.call('documents.list', undefined)).map((d) => [d.id, d.sha256]))
    const claims = await db.call('claims.list', {})
    return claims
      .map((c) =>
        JSON.stringify([
          entities.get(c.subjectId),
          c.predicate,
          c.object.kind === 'entity' ? entities.get(c.object.entityId) : c.object,
          c.qualifier,
          c.status,
          c.grade,
          c.analystJudgement,
          c.attribution.map((a) => [a.role, entities.get(a.entityId)]),
          c.passage ? [docs.get(c.passage.documentId), c.passage.start, c.passage.end, c.passage.quote] : null,
          c.notes
        ])
      )
      .sort()
  }
  async function mentionFacts(db: ProjectDb): Promise<string[]> {
    const entities = new Map((await db.call('entities.list', undefined)).map((e) => [e.id, `${e.type}:${e.name}`]))
    const out: string[] = []
    for (const d of await db.call('documents.list', undefined)) {
      for (const m of await db.call('mentions.forDocument', { documentId: d.id })) out.push(JSON.stringify([d.sha256, m.start, m.end, m.quote, entities.get(m.entityId)]))
    }
    return out.sort()
  }

  it('rwb import-annotations brings back 100% of the mentions and the claims, and a second import adds nothing', async () => {
    const file = join(t.dir, 'claims.jsonld')
    writeFileSync(file, JSON.stringify(collection))
    const db = await ProjectDb.open(join(t.dir, 'fresh.rwb'), { create: true, saveDelayMs: 60_000 })
    try {
      await importFile(db, corpusPage('qq'))
      await importFile(db, corpusPage('bbc-1'))
      await importFile(db, seedPath())
      const report = await importAnnotationFile(db, file)
      expect(report).toMatchObject({ imported: fx.mentionCount, claimsImported: Object.keys(fx.claims).length, relocated: [], unresolved: [], ignored: [] })
      expect(await mentionFacts(db)).toEqual(await mentionFacts(fx.db))
      expect(await claimFacts(db)).toEqual(await claimFacts(fx.db))
      const again = await importAnnotationFile(db, file)
      expect(again).toMatchObject({ imported: 0, claimsImported: 0, skippedDuplicates: fx.mentionCount, claimsSkippedDuplicates: Object.keys(fx.claims).length, entitiesCreated: 0 })
    } finally {
      await db.close()
    }
  }, 60_000)
})

describe('quote context on the shared corpus pages', () => {
  it('makes prefix + quote + suffix unique in the page DOM text (body.textContent): >= 95% of the mentions that can be unique within 32 characters, >= 90% of all', async () => {
    const pages = readdirSync(join(SHARED, 'corpus', 'html')).sort()
    const db = await ProjectDb.open(join(t.dir, 'corpus.rwb'), { create: true, saveDelayMs: 60_000 })
    const fold = (s: string) => s.replace(/\s+/g, ' ')
    let total = 0
    let unique = 0
    let impossible = 0
    let canonical = new Map<string, string>()
    const misses: string[] = []
    try {
      const e = await db.call('entities.create', { name: 'Word', type: 'Other' })
      for (const page of pages) {
        const doc = await importFile(db, corpusPage(page))
        // 30 words spread evenly over the text, common words included (the hard case: "that", "said")
        const words = [...doc.text.matchAll(/[\p{L}\p{N}]{3,}/gu)]
        const step = Math.max(1, Math.floor(words.length / 30))
        for (let i = 0; i < words.length && i / step < 30; i += step) {
          const w = words[i]!
          await db.call('mentions.create', { documentId: doc.id, entityId: e.id, start: w.index!, end: w.index! + w[0].length })
        }
      }
      const anns = (toW3CCollection(await readSnapshot(db, { codePoints: true, texts: true })).first as Json).items as Json[]
      const texts = new Map<string, string>()
      for (const page of pages) {
        // decoded as a browser decodes it (BOM, valid UTF-8, declared charset), then parsed by jsdom
        const dom = new JSDOM(decodeHtml(readFileSync(corpusPage(page))).text)
        const sha = createHash('sha256').update(readFileSync(corpusPage(page))).digest('hex')
        texts.set(sha, fold(dom.window.document.body?.textContent ?? ''))
        dom.window.close()
      }
      const resources = (toW3CCollection(await readSnapshot(db, { codePoints: true, texts: true })) as Json)['rwb:canonicalTexts'] as Json[]
      const sources = new Map<string, string>(resources.map((x) => [x.id, x['dcterms:source'].id.slice(11)]))
      canonical = new Map(resources.map((x) => [x.id, x.value as string]))
      for (const a of anns) {
        const dom = texts.get(sources.get(a.target.source)!)!
        const q = a.target.selector[0]
        const needle = fold(q.prefix + q.exact + q.suffix)
        const first = dom.indexOf(needle)
        total++
        if (first >= 0 && dom.indexOf(needle, first + 1) < 0) {
          unique++
          continue
        }
        // The article itself repeats the quote with its widest context (the RTL test page's lorem
        // ipsum paragraphs): no selector within 32 characters can be unique anywhere.
        const text = canonical.get(a.target.source)!
        const [, pos] = a.target.selector
        const s16 = [...text].slice(0, pos.start).join('').length
        const e16 = s16 + q.exact.length
        const widest = fold(prefixes(text, s16).at(-1)! + q.exact + suffixes(text, e16).at(-1)!)
        const at = fold(text).indexOf(widest)
        if (at >= 0 && fold(text).indexOf(widest, at + 1) >= 0) impossible++
        else misses.push(`${a.target['rwb:documentTitle']}: ${first < 0 ? 'not found' : 'twice'}: ${JSON.stringify(needle)}`)
      }
    } finally {
      await db.close()
    }
    console.log(
      `W3C quote context unique in the page DOM text: ${unique}/${total} mentions on ${pages.length} corpus pages; ` +
        `${impossible} more repeat verbatim within the article itself; ${unique}/${total - impossible} of the rest`
    )
    expect(total).toBeGreaterThan(250)
    expect(unique / total).toBeGreaterThanOrEqual(0.9)
    expect(unique / (total - impossible), misses.join('\n')).toBeGreaterThanOrEqual(0.95)
  }, 120_000)
})
