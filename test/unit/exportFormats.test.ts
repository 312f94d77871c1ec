// Issue 12: every export carries the claim model, checked with each format's
// own tools on the fixture project (claimsFixture.ts): GraphML against the
// official XSD and GEXF against the GEXF 1.3 RELAX NG schema (libxml2-wasm),
// both read by networkx with every attribute compared; Cytoscape JSON;
// CSV parsed back strictly by csv-parse, with its README and formula guard;
// FtM against the official model (@alephdata/followthemoney). For each
// format, each claim's status, grades, attribution and value are asserted.
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Model, defaultModel } from '@alephdata/followthemoney'
import { parse as parseCsv } from 'csv-parse/sync'
import { RelaxNGValidator, XmlDocument, XsdValidator } from 'libxml2-wasm'
import { xmlRegisterFsInputProviders } from 'libxml2-wasm/lib/nodejs.mjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EDGE_ATTRS, graphOf, NODE_ATTRS, valueAttr, valueAttrName, valueAttrNames } from '../../src-main/core/export/common'
import { CSV_COLUMNS } from '../../src-main/core/export/csvReadme'
import { safeText } from '../../src-main/core/export/csv'
import { toFtmEntities, type FtmEntity } from '../../src-main/core/export/ftm'
import { renderExport } from '../../src-main/core/export/index'
import { readSnapshot } from '../../src-main/core/export/snapshot'
import type { GraphSnapshot } from '../../src-main/core/export/types'
import { REPO_ROOT, tempDir } from '../support/tempDir'
import { buildClaimsProject, NAMES, type ClaimsFixture, type ExpectedClaim } from './claimsFixture'

const SCHEMAS = join(REPO_ROOT, 'test', 'fixtures', 'schemas')

let t: ReturnType<typeof tempDir>
let fx: ClaimsFixture
let snap: GraphSnapshot

beforeAll(async () => {
  t = tempDir('rwb-export-formats-')
  fx = await buildClaimsProject(t.dir)
  snap = await readSnapshot(fx.db, { codePoints: true, coMentions: true, contentHashes: true })
}, 60_000)

afterAll(async () => {
  await fx?.db.close()
  t?.cleanup()
})

const expected = () => Object.values(fx.claims)
const attributionText = (c: ExpectedClaim) => c.attribution.map(([role, name]) => `${role} ${name} [e${entityIdOf(name)}]`).join(' > ')
const entityIdOf = (name: string) => snap.entities.find((e) => e.name === name)!.id
/** The value as the model writes it in text: qualifier first. */
function valueText(c: ExpectedClaim): string {
  const q = c.qualifier === 'exact' ? '' : `${c.qualifier} `
  const o = c.object
  if (o.kind === 'entity') return c.objectName!
  if (o.kind === 'money') return `${q}${o.amount} ${o.currency}`
  if (o.kind === 'date') return `${q}${o.date}`
  if (o.kind === 'number') return `${q}${o.value}${o.unit ? ` ${o.unit}` : ''}`
  return `${q}${o.text}`
}

function validate(xml: string, schema: 'graphml' | 'gexf'): void {
  xmlRegisterFsInputProviders()
  const file = schema === 'graphml' ? join(SCHEMAS, 'graphml', 'graphml.xsd') : join(SCHEMAS, 'gexf-1.3', 'gexf.rng')
  const schemaDoc = XmlDocument.fromBuffer(readFileSync(file), { url: file })
  const doc = XmlDocument.fromString(xml)
  const v = schema === 'graphml' ? XsdValidator.fromDoc(schemaDoc) : RelaxNGValidator.fromDoc(schemaDoc)
  try {
    v.validate(doc)
  } finally {
    v.dispose()
    doc.dispose()
    schemaDoc.dispose()
  }
}

// networkx: missing locally is a clear skip; in CI (.ci/run installs it) a failure.
const nx = spawnSync('python3', ['-c', 'import networkx'], { encoding: 'utf8' })
const haveNx = nx.status === 0
if (!haveNx && process.env.CI) throw new Error('networkx is missing: .ci/run installs python3-networkx; the export tests need it')
if (!haveNx) console.warn('SKIPPED: networkx tests (python3-networkx is not installed; apt-get install -y python3-networkx)')

interface NxGraph {
  directed: boolean
  multigraph: boolean
  nodes: Record<string, Record<string, unknown>>
  edges: { source: string; target: string; key: string; data: Record<string, unknown> }[]
}
function nxRead(kind: 'graphml' | 'gexf', content: string): NxGraph {
  const file = join(t.dir, `nx.${kind}`)
  writeFileSync(file, content)
  const res = spawnSync('python3', [join(REPO_ROOT, 'test', 'support', 'nxRead.py'), kind, file], { encoding: 'utf8', maxBuffer: 64 << 20 })
  if (res.status !== 0) throw new Error(`networkx could not read the ${kind}: ${res.stderr}`)
  return JSON.parse(res.stdout) as NxGraph
}

/** Every attribute networkx must read back, as the model gives it (undefined: absent). */
function expectedAttrs(kind: 'graphml' | 'gexf') {
  const { nodes, edges } = graphOf(snap)
  const valueNames = valueAttrNames(nodes)
  const nodeAttrs = new Map(
    nodes.map((n) => {
      const a: Record<string, unknown> = {}
      const keep = (v: unknown) => v !== undefined && !(kind === 'graphml' && v === '') // GraphML: an empty text is no value
      for (const d of NODE_ATTRS) if (keep(d.of(n))) a[d.name] = d.of(n)
      for (const v of valueNames) if (valueAttr(n, v) !== undefined) a[v] = valueAttr(n, v)
      return [n.id, a]
    })
  )
  const edgeAttrs = new Map(
    edges.map((e) => {
      const a: Record<string, unknown> = {}
      for (const d of EDGE_ATTRS) if (d.of(e) !== undefined && !(kind === 'graphml' && d.of(e) === '')) a[d.name] = d.of(e)
      if (kind === 'gexf') a.id = e.id
      return [e.id, { source: e.source, target: e.target, attrs: a }]
    })
  )
  return { nodeAttrs, edgeAttrs }
}

/** Each claim's meaning as a graph format carries it: an edge for an entity object, the subject's value_claims otherwise. */
function checkGraphClaims(g: NxGraph, kind: 'graphml' | 'gexf') {
  for (const c of expected()) {
    if (c.object.kind === 'entity') {
      const e = g.edges.find((x) => (kind === 'graphml' ? x.key : x.data.id) === `c${c.id}`)!
      expect(e, `claim c${c.id}`).toBeDefined()
      expect(e.source).toBe(`e${entityIdOf(c.subject)}`)
      const want: Record<string, unknown> = {
        kind: c.judgement ? 'judgement' : 'claim',
        status: c.status,
        reliability: c.reliability,
        credibility: c.credibility,
        grade: c.grade,
        attribution: attributionText(c),
        analyst_judgement: c.judgement,
        predicate: c.predicate,
        note: c.notes
      }
      for (const k of Object.keys(want)) if (kind === 'graphml' && want[k] === '') delete want[k]
      expect(e.data).toMatchObject(want)
      expect(g.nodes[e.target]!.label).toBe(c.objectName)
    } else {
      const n = g.nodes[`e${entityIdOf(c.subject)}`]!
      const values = JSON.parse(n.value_claims as string) as Record<string, unknown>[]
      const v = values.find((x) => x.claim === `c${c.id}`)!
      expect(v).toMatchObject({ predicate: c.predicate, qualifier: c.qualifier, status: c.status, reliability: c.reliability, credibility: c.credibility, analyst_judgement: c.judgement, note: c.notes })
      expect((v.attribution as { role: string; sourceName: string }[]).map((a) => [a.role, a.sourceName])).toEqual(c.attribution)
      if (c.object.kind === 'money') expect(v.value).toMatchObject({ kind: 'money', amount: Number(c.object.amount), amountExact: c.object.amount, currency: c.object.currency })
      if (c.object.kind === 'date') expect(v.value).toMatchObject({ kind: 'date', date: c.object.date, precision: c.object.date.length === 4 ? 'year' : 'day' })
      expect(n[valueAttrName(c.predicate)]).toContain(`${valueText(c)} (${c.status}, ${c.grade})`)
    }
  }
}

describe('GraphML', () => {
  let xml: string
  beforeAll(() => {
    xml = renderExport(snap, 'graphml')[0]!.content
  })

  it('is valid against the official GraphML XSD (and the validator does reject a bad file)', () => {
    expect(() => validate(xml, 'graphml')).not.toThrow()
    expect(() => validate(xml.replace('<graph id="G" edgedefault="directed">', '<graph id="G" edgedefault="sideways">'), 'graphml')).toThrow()
    expect(() => validate(xml.replace('</node>', '<y:Shape xmlns:y="urn:y"/></node>'), 'graphml')).toThrow()
  })

  it.skipIf(!haveNx)('is read by networkx with every node and edge attribute, parallel edges kept', () => {
    const g = nxRead('graphml', xml)
    const { nodeAttrs, edgeAttrs } = expectedAttrs('graphml')
    expect(g.directed).toBe(true)
    expect(Object.keys(g.nodes).sort()).toEqual([...nodeAttrs.keys()].sort())
    for (const [id, attrs] of nodeAttrs) expect(g.nodes[id], id).toEqual(attrs)
    expect(g.edges).toHaveLength(edgeAttrs.size)
    for (const e of g.edges) {
      const want = edgeAttrs.get(e.key)!
      expect(e.data, e.key).toEqual(want.attrs)
      expect([e.source, e.target]).toEqual([want.source, want.target])
    }
    // a claim and a money claim between the DoD and Scale AI, a co-mention too: three edges, not one
    const dod = `e${fx.entities.dod}`
    const scale = `e${fx.entities.scale}`
    expect(g.edges.filter((e) => [e.source, e.target].sort().join() === [dod, scale].sort().join()).map((e) => e.data.kind).sort()).toEqual(['claim', 'co-mention'])
    expect(g.nodes[`e${fx.entities.tsg}`]!.label).toBe(NAMES.special)
    expect(g.nodes[`e${fx.entities.obama}`]!.aliases).toBe('Barack Obama | Mr Obama')
    expect(g.nodes[`e${fx.entities.google}`]!.label).toBe(NAMES.cjk)
    checkGraphClaims(g, 'graphml')
  })
})

describe('GEXF 1.3', () => {
  let xml: string
  beforeAll(() => {
    xml = renderExport(snap, 'gexf')[0]!.content
  })

  it('is valid against the GEXF 1.3 RELAX NG schema (and the validator does reject a bad file)', () => {
    expect(() => validate(xml, 'gexf')).not.toThrow()
    expect(() => validate(xml.replace(' kind="claim"', ' kind="claim" colour="red"'), 'gexf')).toThrow()
    expect(xml).toMatch(/<edge id="c\d+" [^>]*weight="1\.0" kind="judgement">/)
  })

  it.skipIf(!haveNx)('is read by networkx with every node and edge attribute, parallel edges kept', () => {
    const g = nxRead('gexf', xml)
    const { nodeAttrs, edgeAttrs } = expectedAttrs('gexf')
    expect(g.directed).toBe(true)
    for (const [id, attrs] of nodeAttrs) expect(g.nodes[id], id).toEqual(attrs)
    expect(g.edges).toHaveLength(edgeAttrs.size)
    for (const e of g.edges) {
      const want = edgeAttrs.get(e.data.id as string)!
      expect(e.data, String(e.data.id)).toEqual(want.attrs)
      expect([e.source, e.target]).toEqual([want.source, want.target])
    }
    checkGraphClaims(g, 'gexf')
  })
})

describe('Cytoscape JSON', () => {
  it('carries every claim with its meaning, value claims on their subject', () => {
    const cy = JSON.parse(renderExport(snap, 'cyjs')[0]!.content)
    for (const c of expected()) {
      if (c.object.kind === 'entity') {
        const e = cy.elements.edges.find((x: { data: { id: string } }) => x.data.id === `c${c.id}`).data
        expect(e).toMatchObject({ interaction: c.judgement ? 'judgement' : 'claim', status: c.status, grade: c.grade, reliability: c.reliability, credibility: c.credibility, attribution: attributionText(c) })
        expect(e.attribution_chain.map((a: { role: string; sourceName: string }) => [a.role, a.sourceName])).toEqual(c.attribution)
      } else {
        const n = cy.elements.nodes.find((x: { data: { id: string } }) => x.data.id === `e${entityIdOf(c.subject)}`).data
        const v = n.value_claims.find((x: { claim: string }) => x.claim === `c${c.id}`)
        expect(v).toMatchObject({ status: c.status, reliability: c.reliability, credibility: c.credibility, qualifier: c.qualifier })
      }
    }
    const obama = cy.elements.nodes.find((x: { data: { id: string } }) => x.data.id === `e${fx.entities.obama}`).data
    expect(obama.aliases).toEqual(['Barack Obama', 'Mr Obama'])
    expect(cy.elements.edges.some((x: { data: { interaction: string } }) => x.data.interaction === 'co-mention')).toBe(true)
  })
})

describe('CSV', () => {
  let files: Map<string, string>
  const table = (suffix: string) => parseCsv(files.get(suffix)!, { bom: true, columns: true, strict: true, relax_column_count: false } as never) as Record<string, string>[]
  beforeAll(() => {
    files = new Map(renderExport(snap, 'csv').map((f) => [f.suffix, f.content]))
  })

  it('writes money as number + currency + qualifier, and status, attribution and judgement columns, parsed back strictly', () => {
    const rows = table('-claims.csv')
    expect(rows).toHaveLength(expected().length)
    for (const c of expected()) {
      const r = rows.find((x) => x.id === `c${c.id}`)!
      expect(r).toMatchObject({
        kind: c.judgement ? 'judgement' : 'claim',
        subject: c.subject,
        predicate: c.predicate,
        qualifier: c.qualifier,
        status: c.status,
        reliability: c.reliability,
        credibility: String(c.credibility),
        grade: c.grade,
        analyst_judgement: String(c.judgement),
        attribution: attributionText(c),
        attribution_roles: c.attribution.map((a) => a[0]).join('; '),
        attribution_sources: c.attribution.map((a) => a[1]).join('; '),
        note: c.notes,
        value_kind: c.object.kind
      })
      if (c.object.kind === 'money') expect([r.amount, r.currency]).toEqual([c.object.amount, c.object.currency])
      if (c.object.kind === 'date') expect([r.date, r.date_precision]).toEqual([c.object.date, c.object.date.length === 4 ? 'year' : 'day'])
      if (c.object.kind === 'entity') expect(r.object).toBe(c.objectName)
      if (c.quote) expect(r.quotes).toBe(c.quote)
    }
    // the money cell is a bare number a spreadsheet reads as one
    expect(files.get('-claims.csv')).toMatch(/,29000000000,USD,up to,/)
    const passages = table('-passages.csv')
    expect(passages).toHaveLength(expected().filter((c) => c.quote).length)
    const edges = table('-edges.csv')
    expect(new Set(edges.map((e) => e.kind))).toEqual(new Set(['claim', 'judgement', 'co-mention']))
    expect(table('-nodes.csv').find((n) => n.id === `e${fx.entities.tsg}`)!.label).toBe(NAMES.special)
  })

  it('describes every column of every file in README.txt', () => {
    const readme = files.get('-README.txt')!
    for (const [suffix, content] of files) {
      if (!suffix.endsWith('.csv')) continue
      const header = parseCsv(content, { bom: true, to_line: 1 } as never)[0] as string[]
      expect(Object.keys(CSV_COLUMNS[suffix]![1])).toEqual(header)
      for (const col of header) expect(readme).toMatch(new RegExp(`^  ${col}: \\S`, 'm'))
    }
  })

  it('guards only cells a spreadsheet would run as a formula', () => {
    for (const v of ['=1+1', '+1', '@SUM(A1)', '\tx', '\rx', '-1+1', '-SUM(A1:A2)', "-cmd|' /C calc'!A0", '- -1', '-A1', '-2*3']) expect(safeText(v)).toBe(`'${v}`)
    for (const v of ['-based firm, in San Francisco', '- a list item', '-5', '-12.5', 'a=1', '', 'Scale AI', '-Minus Holdings', '—dash']) expect(safeText(v)).toBe(v)
  })
})

describe('FollowTheMoney', () => {
  const model = new Model(defaultModel)
  let ents: FtmEntity[]
  let byId: Map<string, FtmEntity>
  beforeAll(() => {
    const text = renderExport(snap, 'ftm')[0]!.content
    ents = text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as FtmEntity)
    byId = new Map(ents.map((e) => [e.id, e]))
  })

  it('is valid for the official model: schemata, property names and types, required properties, references', () => {
    expect(byId.size).toBe(ents.length)
    const countries = new Set(Object.keys((defaultModel.types as Record<string, { values?: Record<string, string> }>).country!.values!))
    const languages = new Set(Object.keys((defaultModel.types as Record<string, { values?: Record<string, string> }>).language!.values!))
    for (const e of ents) {
      const schema = model.getSchema(e.schema)
      expect(schema.abstract, e.schema).toBe(false)
      // required properties, inherited ones included (Thing requires a name)
      for (const req of [schema, ...schema.getParents()].flatMap((x) => x.required)) expect(e.properties[req], `${e.schema} ${e.id} needs ${req}`).toBeDefined()
      for (const [name, values] of Object.entries(e.properties)) {
        expect(schema.hasProperty(name), `${e.schema}.${name}`).toBe(true)
        const prop = schema.getProperty(name)
        expect(Array.isArray(values) && values.length > 0 && values.every((v) => typeof v === 'string' && v.length <= Math.max(prop.type.maxLength, 65000))).toBe(true)
        for (const v of values) {
          if (prop.type.name === 'entity') {
            const target = byId.get(v)
            expect(target, `${e.schema}.${name} → ${v}`).toBeDefined()
            expect(model.getSchema(target!.schema).isA(prop.getRange()), `${e.schema}.${name} → ${target!.schema}`).toBe(true)
          }
          if (prop.type.name === 'country') expect(countries.has(v), v).toBe(true)
          if (prop.type.name === 'language') expect(languages.has(v), v).toBe(true)
          if (prop.type.name === 'date') expect(v).toMatch(/^\d{4}(-\d\d(-\d\d(T\d\d(:\d\d(:\d\d)?)?)?)?)?$/)
          if (prop.type.name === 'number') expect(Number.isFinite(Number(v))).toBe(true)
          if (prop.type.name === 'checksum') expect(v).toMatch(/^[0-9a-f]{40}$/)
        }
      }
    }
    expect(Object.keys((defaultModel.schemata as Record<string, unknown>)).includes('Mention')).toBe(true)
  })

  it('maps documents, aliases, mentions and countries', () => {
    const docs = ents.filter((e) => ['HyperText', 'PlainText', 'Pages', 'Document'].includes(e.schema))
    expect(docs.map((d) => d.schema).sort()).toEqual(['HyperText', 'HyperText', 'PlainText'])
    const bbc = docs.find((d) => d.properties.keywords?.[0] === `sha256:${fx.docs.bbc.sha256}`)!
    expect(bbc.properties).toMatchObject({ fileName: ['source.html'], author: ['BBC News'], publisher: ['BBC News'], language: ['eng'], publishedAt: ['2015-07-24T04:36:09'] })
    expect(bbc.properties.contentHash![0]).toMatch(/^[0-9a-f]{40}$/)
    const obama = ents.find((e) => e.properties.name?.[0] === NAMES.cyrillic)!
    expect(obama.schema).toBe('Person')
    expect(obama.properties.alias).toEqual(['Barack Obama', 'Mr Obama'])
    expect(obama.properties.country).toEqual(['us']) // "is president of" the United States
    expect(ents.some((e) => e.properties.name?.[0] === 'United States')).toBe(false) // a country is a code, not an Address
    expect(ents.find((e) => e.properties.name?.[0] === 'San Francisco')!.schema).toBe('Address')
    const mentions = ents.filter((e) => e.schema === 'Mention')
    const notesForMentions = ents.filter((e) => e.schema === 'Note' && e.properties.keywords?.includes('rwb:mention'))
    expect(mentions.length + notesForMentions.length).toBe(fx.mentionCount)
    expect(mentions.find((m) => m.properties.name?.[0] === 'US')!.properties.contextCountry).toEqual(['us'])
    expect(notesForMentions.map((n) => n.properties.description?.[0])).toEqual(['San Francisco'])
  })

  it('carries each claim: Payment for money between two parties, intervals with dates, status, grade and attribution on each', () => {
    const record = (c: ExpectedClaim) => ents.find((e) => e.properties.recordId?.[0] === `c${c.id}` && e.schema !== 'Documentation') ?? ents.find((e) => e.properties.keywords?.includes(`rwb:claim:c${c.id}`))
    const name = (id: string) => byId.get(id)!.properties.name![0]
    for (const c of expected()) {
      const e = record(c)!
      expect(e, `claim c${c.id}`).toBeDefined()
      const summary = e.properties.summary![0]!
      expect(summary).toContain(`status: ${c.status}`)
      expect(summary).toContain(`grade: ${c.grade}:`)
      expect(summary).toContain(`attribution: ${attributionText(c) || 'none'}`)
      expect(summary).toContain(`analyst judgement: ${c.judgement ? 'yes' : 'no'}`)
      expect(summary).toContain(`qualifier: ${c.qualifier}`)
      expect(summary).toContain(valueText(c))
      if (c.notes) expect(e.properties.description).toEqual([c.notes])
      if (c.attribution.length) expect(e.properties.publisher).toEqual([...new Set(c.attribution.map((a) => a[1]))])
    }
    const pay = record(fx.claims.payment!)!
    expect(pay.schema).toBe('Payment')
    expect([name(pay.properties.payer![0]!), name(pay.properties.beneficiary![0]!)]).toEqual(['U.S. Department of Defense', 'Scale AI'])
    expect([pay.properties.amount, pay.properties.currency]).toEqual([['500000000'], ['USD']])
    const owns = record(fx.claims.owns!)!
    expect(owns.schema).toBe('Ownership')
    expect(owns.properties.status).toEqual(['refuted'])
    expect(record(fx.claims.employs!)!.schema).toBe('Employment')
    const acquired = record(fx.claims.acquired!)!
    expect(acquired.schema).toBe('Ownership')
    expect(acquired.properties.startDate).toEqual(['2014'])
    expect(name(acquired.properties.owner![0]!)).toBe(NAMES.cjk)
    const dispute = record(fx.claims.dispute!)!
    expect(dispute.schema).toBe('UnknownLink')
    expect(dispute.properties.role).toEqual(['is in dispute with'])
    // values are never loose notes: each value claim's Note is attached to its subject
    for (const key of ['valuation', 'signed'] as const) {
      const n = record(fx.claims[key]!)!
      expect(n.schema).toBe('Note')
      expect(name(n.properties.entity![0]!)).toBe('Scale AI')
    }
    // from a relationship to the article: Documentation per passage, proof on both ends
    const docOfSeed = ents.find((d) => d.properties.keywords?.[0] === `sha256:${fx.docs.seed.sha256}`)!
    const docu = ents.filter((e) => e.schema === 'Documentation' && e.properties.recordId?.[0] === `c${fx.claims.owns!.id}`)
    expect(docu.map((d) => name(d.properties.entity![0]!)).sort()).toEqual(['Meta', 'Scale AI'])
    expect(docu.every((d) => d.properties.document![0] === docOfSeed.id)).toBe(true)
    expect(ents.find((e) => e.properties.name?.[0] === 'Meta')!.properties.proof).toEqual([docOfSeed.id])
  })

  it('gives the same ids on every export', () => {
    expect(toFtmEntities(snap).map((e) => e.id)).toEqual(ents.map((e) => e.id))
  })
})
