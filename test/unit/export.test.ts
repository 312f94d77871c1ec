// Data export over a real project (seed article + an emoji/CJK document,
// entities with hostile names, mentions, links — analyst-judgement claims),
// each format read back by
// a real reader: GraphML by graphology-graphml (and networkx when Python has
// it), GEXF by graphology-gexf, both parsed strictly by libxml2 (libxml2-wasm);
// CSV by csv-parse; Cytoscape JSON by cytoscape.js; FtM lines against the
// FtM schemata's names, properties and ranges.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse as parseCsv } from 'csv-parse/sync'
import cytoscape from 'cytoscape'
import Graph from 'graphology'
import { parse as parseGexf } from 'graphology-gexf'
import { parse as parseGraphml } from 'graphology-graphml'
import { XmlDocument } from 'libxml2-wasm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppEvent } from '../../src-main/contract/types'
import { entityType } from '../../src-main/contract/vocabulary'
import { AppCore } from '../../src-main/core/app/appCore'
import { createHandlers } from '../../src-main/core/app/handlers'
import { dispatch } from '../../src-main/core/app/dispatch'
import type { NativeHost } from '../../src-main/core/app/native'
import { stripXmlForbidden, uuidV5, xmlAttr, xmlText } from '../../src-main/core/export/common'
import { OffsetConverter } from '../../src-main/core/export/codePoints'
import { BOM, safeText } from '../../src-main/core/export/csv'
import { ftmLinkFor, toFtmEntities } from '../../src-main/core/export/ftm'
import { exportPaths, renderExport, writeExport } from '../../src-main/core/export/index'
import { importAnnotationFile } from '../../src-main/core/export/run'
import { readSnapshot } from '../../src-main/core/export/snapshot'
import type { GraphSnapshot } from '../../src-main/core/export/types'
import { tempDir } from '../support/tempDir'
import { buildProject, HOSTILE, type Fixture } from './exportFixture'

let t: ReturnType<typeof tempDir>
let fx: Fixture
let snap: GraphSnapshot
let snapCp: GraphSnapshot

/** The links of a snapshot: claims with an entity object and no evidence. */
const linksOf = (s: GraphSnapshot) => s.claims.filter((c) => c.objectId !== null && c.evidence.length === 0)

beforeAll(async () => {
  t = tempDir('rwb-export-')
  fx = await buildProject(t.dir)
  snap = await readSnapshot(fx.db)
  snapCp = await readSnapshot(fx.db, { codePoints: true })
})

afterAll(async () => {
  await fx?.db.close()
  t?.cleanup()
})

/** The name as it must come back from an XML reader: XML 1.0-forbidden characters removed. */
const xmlSafe = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')

/** Parses with libxml2 (strict XML 1.0: forbidden characters, bad escapes and namespaces fail); returns the root's name and namespace. */
function strictParse(xml: string): { name: string; ns: string | null } {
  const doc = XmlDocument.fromString(xml)
  try {
    return { name: doc.root.name, ns: doc.root.namespaceUri ?? null }
  } finally {
    doc.dispose()
  }
}

describe('graph snapshot', () => {
  it('reads entities, links (as claims), mentions and documents (without texts)', () => {
    expect(snap.version).toBe(1)
    expect(snap.project.name).toBe('Export test')
    expect(snap.project.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/)
    expect(snap.entities).toHaveLength(Object.keys(fx.entities).length)
    expect(snap.mentions).toHaveLength(fx.mentionCount)
    expect(snap.claims).toHaveLength(fx.linkCount)
    expect(linksOf(snap)).toHaveLength(fx.linkCount)
    expect(snap).not.toHaveProperty('relations')
    expect(snap.documents.map((d) => d.sha256).sort()).toEqual([fx.seed.sha256, fx.emoji.sha256].sort())
    for (const d of snap.documents) {
      expect(Object.keys(d).sort()).toEqual(['byline', 'fileName', 'fileSize', 'id', 'language', 'mediaType', 'publishedAt', 'publisher', 'sha256', 'sourcePath', 'title'])
    }
    // code points only when asked for
    expect(snap.mentions.every((m) => m.cpStart === undefined)).toBe(true)
    expect(snapCp.mentions.every((m) => Number.isInteger(m.cpStart) && Number.isInteger(m.cpEnd))).toBe(true)
  })

  it('gives code-point offsets that select the quote in the text (emoji and CJK before the span)', () => {
    const texts = new Map([
      [fx.seed.id, fx.seed.text],
      [fx.emoji.id, fx.emoji.text]
    ])
    let shifted = 0
    for (const m of snapCp.mentions) {
      const cps = [...texts.get(m.documentId)!]
      expect(cps.slice(m.cpStart!, m.cpEnd!).join('')).toBe(m.quote)
      if (m.cpStart !== m.start) shifted++
    }
    // the emoji document's spans all sit after astral characters
    expect(shifted).toBe(snapCp.mentions.filter((m) => m.documentId === fx.emoji.id).length)
    expect(shifted).toBeGreaterThan(0)
  })
})

describe('XML escaping', () => {
  it('strips what XML 1.0 forbids and keeps everything else', () => {
    expect(stripXmlForbidden('a\u0000b\u0001c\u0008d\u000be\u000cf\u001fg')).toBe('abcdefg')
    expect(stripXmlForbidden('tab\tlf\ncr\r')).toBe('tab\tlf\ncr\r')
    expect(stripXmlForbidden('x\ud800y')).toBe('xy') // lone high surrogate
    expect(stripXmlForbidden('x\udc00y')).toBe('xy') // lone low surrogate
    expect(stripXmlForbidden('😀中\ufffd')).toBe('😀中\ufffd')
    expect(stripXmlForbidden('\ufffe\uffff')).toBe('')
    expect(xmlAttr(`<&>"'\n`)).toBe('&lt;&amp;&gt;&quot;&apos;&#10;')
    expect(xmlText('a\r\nb')).toBe('a&#13;\nb')
  })
})

describe('GraphML', () => {
  let xml: string
  let g: Graph
  beforeAll(() => {
    xml = renderExport(snap, 'graphml')[0]!.content
    g = parseGraphml(Graph, xml)
  })

  it('is well-formed XML (libxml2), and libxml2 does reject what the escaping prevents', () => {
    expect(strictParse(xml)).toEqual({ name: 'graphml', ns: 'http://graphml.graphdrawing.org/xmlns' })
    expect(xml).not.toMatch(/[\u0001\u0007]/)
    expect(() => strictParse('<a>\u0007</a>')).toThrow()
    expect(() => strictParse('<a b="<&"/>')).toThrow()
  })

  it('declares every attribute as a <key> and holds every node and edge, directed', () => {
    for (const [f, name, type] of [
      ['node', 'label', 'string'],
      ['node', 'type', 'string'],
      ['node', 'color', 'string'],
      ['node', 'mentions', 'int'],
      ['edge', 'label', 'string'],
      ['edge', 'predicate', 'string'],
      ['edge', 'type', 'string'],
      ['edge', 'grade', 'string']
    ]) {
      expect(xml).toMatch(new RegExp(`<key id="[^"]+" for="${f}" attr.name="${name}" attr.type="${type}"/>`))
    }
    expect(g.type).toBe('directed')
    expect(g.order).toBe(snap.entities.length)
    expect(g.size).toBe(linksOf(snap).length)
  })

  it('round-trips names, types, colours and mention counts (special characters included)', () => {
    for (const e of snap.entities) {
      const a = g.getNodeAttributes(`e${e.id}`)
      expect(a.label).toBe(xmlSafe(e.name))
      expect(a.type).toBe(e.type)
      expect(a.color).toBe(entityType(e.type).color)
      expect(a.mentions).toBe(e.mentionCount)
      expect(a.notes ?? '').toBe(e.notes) // GraphML: empty notes are no value
    }
    expect(g.getNodeAttribute(`e${fx.entities.xml}`, 'label')).toBe(HOSTILE.xml)
    expect(g.getNodeAttribute(`e${fx.entities.control}`, 'label')).toBe('BellCorp')
    expect(g.getNodeAttribute(`e${fx.entities.scale}`, 'notes')).toBe('Notes with, commas; "quotes"\nand a new line')
  })

  it('round-trips edge direction and attributes', () => {
    for (const r of linksOf(snap)) {
      const id = `c${r.id}`
      expect(g.source(id)).toBe(`e${r.subjectId}`)
      expect(g.target(id)).toBe(`e${r.objectId}`)
      const a = g.getEdgeAttributes(id)
      expect(a.type).toBe('claim')
      expect(a.grade).toBe('F6')
      expect(a.category).toBe('claim')
      expect(a.label).toBe(r.predicate)
      expect(a.predicate).toBe(a.label)
    }
    const hostile = linksOf(snap).find((r) => r.subjectId === fx.entities.xml)!
    expect(g.getEdgeAttribute(`c${hostile.id}`, 'label')).toBe(`label <&> "q" 'a'`)
  })

  const python = spawnSync('python3', ['-c', 'import networkx'], { encoding: 'utf8' })
  it.skipIf(python.status !== 0)('is read by networkx (read_graphml)', () => {
    const file = join(t.dir, 'nx.graphml')
    writeFileSync(file, xml)
    const script = `
import json, sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
print(json.dumps({
  "directed": g.is_directed(), "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
  "labels": {n: d.get("label") for n, d in g.nodes(data=True)},
  "mentions": {n: d.get("mentions") for n, d in g.nodes(data=True)},
  "edge_types": sorted(d.get("type") for _, _, d in g.edges(data=True)),
}))`
    const res = spawnSync('python3', ['-c', script, file], { encoding: 'utf8' })
    expect(res.stderr).not.toMatch(/Error/)
    const out = JSON.parse(res.stdout)
    expect(out.directed).toBe(true)
    expect(out.nodes).toBe(snap.entities.length)
    expect(out.edges).toBe(linksOf(snap).length)
    expect(out.labels[`e${fx.entities.xml}`]).toBe(HOSTILE.xml)
    expect(out.labels[`e${fx.entities.li}`]).toBe('李小龙')
    expect(out.mentions[`e${fx.entities.scale}`]).toBe(3)
    expect(out.edge_types).toEqual(linksOf(snap).map(() => 'claim'))
  })
})

describe('GEXF 1.3', () => {
  let xml: string
  let g: Graph
  beforeAll(() => {
    xml = renderExport(snap, 'gexf')[0]!.content
    g = parseGexf(Graph, xml)
  })

  it('is well-formed GEXF 1.3 with declared node and edge attributes', () => {
    expect(strictParse(xml)).toEqual({ name: 'gexf', ns: 'http://gexf.net/1.3' })
    expect(xml).toContain('<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz"')
    expect(xml).toContain('version="1.3"')
    for (const id of ['type', 'color', 'mentions']) expect(xml).toMatch(new RegExp(`<attribute id="${id}" title="${id}" type="(string|integer)"/>`))
    for (const id of ['predicate', 'type', 'grade']) expect(xml).toContain(`<attribute id="${id}" title="${id}" type="string"/>`)
  })

  it('round-trips nodes with labels, attributes and viz colours', () => {
    expect(g.type).toBe('directed')
    expect(g.order).toBe(snap.entities.length)
    expect(g.size).toBe(linksOf(snap).length)
    for (const e of snap.entities) {
      const a = g.getNodeAttributes(`e${e.id}`)
      expect(a.label).toBe(xmlSafe(e.name))
      expect(a.type).toBe(e.type)
      expect(a.mentions).toBe(e.mentionCount)
      const hex = entityType(e.type).color
      const [r, gg, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16))
      expect(a.color).toBe(`rgba(${r},${gg},${b},1.0)`) // the viz:color
      expect(a.size).toBeGreaterThan(0)
    }
    expect(g.getNodeAttribute(`e${fx.entities.xml}`, 'label')).toBe(HOSTILE.xml)
  })

  it('round-trips edges with label, predicate, type and grade', () => {
    for (const r of linksOf(snap)) {
      const id = `c${r.id}`
      expect(g.source(id)).toBe(`e${r.subjectId}`)
      expect(g.target(id)).toBe(`e${r.objectId}`)
      const a = g.getEdgeAttributes(id)
      expect(a.label).toBe(r.predicate)
      expect(a.predicate).toBe(a.label)
      expect(a.type).toBe('claim')
      expect(a.grade).toBe('F6')
    }
  })
})

describe('CSV', () => {
  let files: Map<string, string>
  const table = (suffix: string) => parseCsv(files.get(suffix)!, { bom: true, columns: true, strict: true } as never) as Record<string, string>[]
  const unprefix = (s: string) => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s)
  beforeAll(() => {
    files = new Map(renderExport(snapCp, 'csv').map((f) => [f.suffix, f.content]))
  })

  it('writes nodes, edges, mentions and claims (links included) with a BOM and CRLF', () => {
    expect([...files.keys()]).toEqual(['-nodes.csv', '-edges.csv', '-mentions.csv', '-claims.csv', '-passages.csv', '-README.txt'])
    for (const [suffix, content] of files) {
      if (!suffix.endsWith('.csv')) continue
      expect(content.startsWith(BOM)).toBe(true)
      expect(content.endsWith('\r\n')).toBe(true)
      expect(content.replace(/"[^"]*"/g, '').includes('\n') && /[^\r]\n/.test(content.replace(/"[^"]*"/g, ''))).toBe(false)
    }
    expect(files.get('-claims.csv')!.startsWith(`${BOM}id,kind,subject_id,subject,predicate,object_id,object,value_kind,amount,currency,qualifier,`)).toBe(true)
    expect(table('-claims.csv').map((c) => [c.subject_id, c.object_id, c.evidence_count])).toEqual(
      linksOf(snap).map((c) => [String(c.subjectId), String(c.objectId), '0'])
    )
  })

  it('round-trips every node through a real CSV parser, formula cells neutralised', () => {
    const nodes = table('-nodes.csv')
    expect(nodes).toHaveLength(snap.entities.length)
    for (const e of snap.entities) {
      const row = nodes.find((n) => n.id === `e${e.id}`)!
      expect(unprefix(row.label!)).toBe(e.name)
      expect(row.type).toBe(e.type)
      expect(Number(row.mentions)).toBe(e.mentionCount)
      expect(unprefix(row.notes!)).toBe(e.notes)
    }
    for (const key of ['formula', 'plus', 'at'] as const) {
      const row = nodes.find((n) => n.id === `e${fx.entities[key]}`)!
      expect(row.label).toBe(`'${HOSTILE[key]}`)
    }
    // "-Minus Holdings" is ordinary text, not a formula: left as it is
    expect(nodes.find((n) => n.id === `e${fx.entities.minus}`)!.label).toBe(HOSTILE.minus)
    // no cell of any file starts with a formula trigger (a "-" only before ordinary text)
    for (const suffix of files.keys()) {
      if (!suffix.endsWith('.csv')) continue
      for (const row of table(suffix)) {
        for (const v of Object.values(row)) {
          expect(v).not.toMatch(/^[=+@]/)
          if (v.startsWith('-')) expect(safeText(v)).toBe(v)
        }
      }
    }
    const hostile = nodes.find((n) => n.id === `e${fx.entities.xml}`)!
    expect(hostile.label).toBe(HOSTILE.xml)
    expect(nodes.find((n) => n.id === `e${fx.entities.control}`)!.label).toBe(HOSTILE.control) // CSV keeps it
  })

  it('round-trips edges and mentions (both offset units)', () => {
    const edges = table('-edges.csv')
    expect(edges).toHaveLength(linksOf(snap).length)
    expect(new Set(edges.map((e) => e.relation_type))).toEqual(new Set(['claim']))
    const f = edges.find((e) => e.source === `e${fx.entities.formula}`)!
    expect(f.label).toBe("'=1+1")
    expect(f.source).toBe(`e${fx.entities.formula}`)
    expect(f.source_label).toBe(`'${HOSTILE.formula}`)
    const mentions = table('-mentions.csv')
    expect(mentions).toHaveLength(fx.mentionCount)
    const texts = new Map([
      [fx.seed.id, fx.seed.text],
      [fx.emoji.id, fx.emoji.text]
    ])
    for (const m of mentions) {
      const text = texts.get(Number(m.document_id))!
      expect(text.slice(Number(m.start_utf16), Number(m.end_utf16))).toBe(m.quote)
      expect([...text].slice(Number(m.start_codepoint), Number(m.end_codepoint)).join('')).toBe(m.quote)
      expect(m.prefix).toBe(text.slice(Math.max(0, Number(m.start_utf16) - m.prefix!.length), Number(m.start_utf16)))
    }
  })

  it('neutralises only cells that start with a trigger', () => {
    expect(safeText('=1')).toBe("'=1")
    expect(safeText('\t=1')).toBe("'\t=1")
    expect(safeText('a=1')).toBe('a=1')
    expect(safeText('')).toBe('')
  })
})

describe('FollowTheMoney JSON lines', () => {
  // Full validation against the official model is in exportFormats.test.ts; here, this project's mapping.
  it('writes one FtM entity per line: documents, things, mentions and links with stable, unique ids', () => {
    const text = renderExport(snap, 'ftm')[0]!.content
    const lines = text.split('\n')
    expect(lines.pop()).toBe('')
    const ents = lines.map((l) => JSON.parse(l) as { id: string; schema: string; properties: Record<string, string[]> })
    const byId = new Map(ents.map((e) => [e.id, e]))
    expect(byId.size).toBe(ents.length)
    for (const e of ents) {
      expect(e.id).toMatch(/^rwb-(doc-|mention-)?[0-9a-f-]{36}$/)
      for (const v of Object.values(e.properties)) expect(Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string')).toBe(true)
    }
    // documents, entities (Money is a value: no entity of its own), mentions, links
    const things = ents.filter((e) => e.properties.name && !['Mention', 'HyperText', 'PlainText', 'Document', 'Pages'].includes(e.schema) && !e.properties.keywords?.includes('rwb:mention'))
    expect(things).toHaveLength(snap.entities.length - 1)
    expect(ents.filter((e) => e.schema === 'PlainText')).toHaveLength(2)
    const schemaOf = (key: string) => things.find((e) => e.properties.name?.[0] === key)?.schema
    expect(schemaOf('Scale AI')).toBe('Company')
    expect(schemaOf('U.S. Department of Defense')).toBe('PublicBody')
    expect(schemaOf('Trump')).toBe('Person')
    expect(schemaOf('北京')).toBe('Address')
    expect(schemaOf('$500 million')).toBeUndefined() // a value, not a thing
    const links = ents.filter((e) => e.properties.recordId && e.schema !== 'Documentation')
    // a link whose predicate is a link type's verb gets that type's FtM schema
    expect(links.map((l) => l.schema).sort()).toEqual(['Employment', 'Ownership', 'UnknownLink', 'UnknownLink', 'UnknownLink', 'UnknownLink'])
    const own = links.find((l) => l.schema === 'Ownership')!
    expect(byId.get(own.properties.owner![0]!)!.properties.name).toEqual(['Meta'])
    expect(byId.get(own.properties.asset![0]!)!.properties.name).toEqual(['Scale AI'])
    expect(own.properties.role).toEqual(['owns'])
    expect(own.properties.status).toEqual(['unverified'])
    expect(own.properties.summary![0]).toContain('grade: F6')
    const emp = links.find((l) => l.schema === 'Employment')!
    expect(byId.get(emp.properties.employee![0]!)!.properties.name).toEqual(['Trump'])
    expect(emp.properties.role).toEqual(['works for'])
  })

  it('falls back to UnknownLink when the ends do not fit the schema ranges', () => {
    expect(ftmLinkFor('ownership', 'Person', 'Company').schema).toBe('Ownership')
    expect(ftmLinkFor('ownership', 'Person', 'Person').schema).toBe('UnknownLink')
    expect(ftmLinkFor('employment', 'Company', 'Company').schema).toBe('UnknownLink')
    expect(ftmLinkFor('membership', 'Person', 'PublicBody')).toEqual({ schema: 'Membership', from: 'member', to: 'organization', label: 'role' })
    expect(ftmLinkFor('family', 'Person', 'Person')).toEqual({ schema: 'Family', from: 'person', to: 'relative', label: 'relationship' })
    expect(ftmLinkFor('contract', 'PublicBody', 'Company').schema).toBe('UnknownLink')
  })

  it('gives the same ids on every export of the project', async () => {
    const again = toFtmEntities(await readSnapshot(fx.db)).map((e) => e.id)
    expect(again).toEqual(toFtmEntities(snap).map((e) => e.id))
    expect(uuidV5('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    // RFC 9562's own example: the DNS namespace and "www.example.com"
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2')
  })
})

describe('Cytoscape JSON', () => {
  it('loads into cytoscape.js with every node and edge and their data', () => {
    const obj = JSON.parse(renderExport(snap, 'cyjs')[0]!.content)
    expect(obj.data.name).toBe('Export test')
    const cy = cytoscape({ headless: true, layout: { name: 'preset' }, elements: obj.elements })
    expect(cy.nodes()).toHaveLength(snap.entities.length)
    expect(cy.edges()).toHaveLength(linksOf(snap).length)
    for (const e of snap.entities) {
      const n = cy.getElementById(`e${e.id}`)
      expect(n.data('name')).toBe(e.name)
      expect(n.data('type')).toBe(e.type)
      expect(n.data('mentions')).toBe(e.mentionCount)
      expect(Number.isFinite(n.position('x'))).toBe(true)
    }
    for (const r of linksOf(snap)) {
      const ed = cy.getElementById(`c${r.id}`)
      expect(ed.source().id()).toBe(`e${r.subjectId}`)
      expect(ed.target().id()).toBe(`e${r.objectId}`)
      expect(ed.data('interaction')).toBe('judgement') // links are analyst judgements
      expect(ed.data('label')).toBe(r.predicate)
      expect(ed.data('grade')).toBe('F6')
    }
    // positions do not pile up
    const spots = new Set(cy.nodes().map((n) => `${n.position('x')},${n.position('y')}`))
    expect(spots.size).toBe(snap.entities.length)
    cy.destroy()
  })
})

describe('claims in every format', () => {
  let c: Fixture
  let cs: GraphSnapshot
  let claimIds: number[]
  const dir = tempDir('rwb-export-claims-')
  beforeAll(async () => {
    c = await buildProject(dir.dir, 'Claims.rwb')
    const at = c.emoji.text.indexOf('met Zhang Wei')
    const a = await c.db.call('claims.create', {
      subjectId: c.entities.zhang!,
      predicate: 'met',
      object: { kind: 'entity', entityId: c.entities.li! },
      passage: { documentId: c.emoji.id, start: at, end: c.emoji.text.indexOf('.', at) + 1 },
      reliability: 'B',
      credibility: 2
    })
    const b = await c.db.call('claims.create', {
      subjectId: c.entities.scale!,
      predicate: 'valuation',
      object: { kind: 'money', amount: '29000000000', currency: 'USD' },
      analystJudgement: true
    })
    claimIds = [a.id, b.id]
    cs = await readSnapshot(c.db, { codePoints: true, texts: true })
  })
  afterAll(async () => {
    await c?.db.close()
    dir.cleanup()
  })

  it('reads claims into the snapshot with their passage in both offset units', () => {
    expect(cs.claims.map((x) => x.id)).toEqual([...linksOf(cs).map((x) => x.id), ...claimIds])
    const [met, valuation] = cs.claims.filter((x) => claimIds.includes(x.id))
    expect(met).toMatchObject({ subjectId: c.entities.zhang, predicate: 'met', objectId: c.entities.li, objectText: null, grade: 'B2' })
    const ev = met!.evidence[0]!
    expect(c.emoji.text.slice(ev.start, ev.end)).toBe(ev.quote)
    expect([...c.emoji.text].slice(ev.cpStart!, ev.cpEnd!).join('')).toBe(ev.quote)
    expect(ev.cpStart).toBeLessThan(ev.start)
    expect(valuation).toMatchObject({ objectId: null, evidence: [] })
    expect(valuation!.objectText).toMatch(/29/)
  })

  it('makes a claim with an entity object an edge (GraphML, GEXF, Cytoscape) carrying predicate and grade', () => {
    const g = parseGraphml(Graph, renderExport(cs, 'graphml')[0]!.content)
    expect(g.size).toBe(c.linkCount + 1)
    const id = `c${claimIds[0]}`
    expect(g.source(id)).toBe(`e${c.entities.zhang}`)
    expect(g.target(id)).toBe(`e${c.entities.li}`)
    expect(g.getEdgeAttributes(id)).toMatchObject({ label: 'met', predicate: 'met', type: 'claim', grade: 'B2', category: 'claim' })
    const x = parseGexf(Graph, renderExport(cs, 'gexf')[0]!.content)
    expect(x.getEdgeAttributes(id)).toMatchObject({ predicate: 'met', grade: 'B2', category: 'claim' })
    const cy = JSON.parse(renderExport(cs, 'cyjs')[0]!.content)
    expect(cy.elements.edges.find((e: { data: { id: string } }) => e.data.id === id).data).toMatchObject({ interaction: 'claim', grade: 'B2' })
  })

  it('writes claims.csv rows and FtM links', () => {
    const rows = parseCsv(renderExport(cs, 'csv').find((f) => f.suffix === '-claims.csv')!.content, { bom: true, columns: true } as never) as Record<string, string>[]
    expect(rows).toHaveLength(c.linkCount + 2)
    expect(rows.at(-2)).toMatchObject({ subject: 'Zhang Wei', predicate: 'met', object: '李小龙', grade: 'B2', evidence_count: '1' })
    expect(rows.at(-1)).toMatchObject({ subject: 'Scale AI', predicate: 'valuation', object_id: '', evidence_count: '0' })
    const ftm = toFtmEntities(cs)
    const link = ftm.find((e) => e.properties.role?.[0] === 'met')!
    expect(link.schema).toBe('UnknownLink')
    expect(link.properties.status).toEqual(['unverified'])
    expect(link.properties.summary![0]).toContain('grade: B2')
  })

  it('writes one "describing" W3C annotation per claim passage, which the importer leaves out as not a mention', async () => {
    const w3c = JSON.parse(renderExport(cs, 'w3c')[0]!.content)
    // the claim with a passage (the links and the valuation are judgements: they target their subject)
    const claimsAnn = w3c.first.items.filter((a: { motivation: string; target: unknown }) => a.motivation === 'describing' && typeof a.target === 'object')
    expect(claimsAnn).toHaveLength(1)
    const [q, p] = claimsAnn[0].target.selector
    expect([...c.emoji.text].slice(p.start, p.end).join('')).toBe(q.exact)
    expect(claimsAnn[0].body).toEqual(
      expect.arrayContaining([
        { type: 'TextualBody', purpose: 'describing', value: 'Zhang Wei — met — 李小龙', format: 'text/plain' },
        { type: 'TextualBody', purpose: 'oa:assessing', value: 'B2', format: 'text/plain' }
      ])
    )
    const file = join(dir.dir, 'claims.jsonld')
    writeFileSync(file, JSON.stringify(w3c))
    const report = await importAnnotationFile(c.db, file)
    // the claims are in this project already: counted as duplicates, nothing made twice
    expect(report).toMatchObject({ imported: 0, skippedDuplicates: c.mentionCount, claimsImported: 0, claimsSkippedDuplicates: c.linkCount + 2, unresolved: [], ignored: [] })
  })
})

describe('writing', () => {
  it('names files after the chosen path and writes them atomically', () => {
    const files = renderExport(snapCp, 'csv')
    expect(exportPaths('/x/out.csv', 'csv', files)).toEqual(['/x/out-nodes.csv', '/x/out-edges.csv', '/x/out-mentions.csv', '/x/out-claims.csv', '/x/out-passages.csv', '/x/out-README.txt'])
    expect(exportPaths('/x/out', 'csv', files)[0]).toBe('/x/out-nodes.csv')
    const one = [{ suffix: '', content: '' }]
    expect(exportPaths('/x/g.graphml', 'graphml', one)).toEqual(['/x/g.graphml'])
    expect(exportPaths('/x/g', 'graphml', one)).toEqual(['/x/g.graphml'])
    expect(exportPaths('/x/g.txt', 'gexf', one)).toEqual(['/x/g.txt.gexf'])
    expect(exportPaths('/x/e.json', 'ftm', one)).toEqual(['/x/e.json'])
    expect(exportPaths('/x/e', 'ftm', one)).toEqual(['/x/e.ftm.json'])
    expect(exportPaths('/x/a', 'w3c', one)).toEqual(['/x/a.jsonld'])

    const dir = join(t.dir, 'write')
    spawnSync('mkdir', ['-p', dir])
    writeFileSync(join(dir, 'tables-nodes.csv'), 'old')
    const paths = writeExport(snapCp, 'csv', join(dir, 'tables.csv'))
    expect(paths.map((p) => p.slice(dir.length + 1))).toEqual(['tables-nodes.csv', 'tables-edges.csv', 'tables-mentions.csv', 'tables-claims.csv', 'tables-passages.csv', 'tables-README.txt'])
    expect(readFileSync(paths[0]!, 'utf8')).toBe(files[0]!.content)
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('leaves nothing behind when a file cannot be written', () => {
    const dir = join(t.dir, 'nowhere', 'deeper')
    expect(() => writeExport(snap, 'graphml', join(dir, 'g.graphml'))).toThrow()
    expect(existsSync(join(t.dir, 'nowhere'))).toBe(false)
  })

  it('refuses a W3C export from a snapshot without code points', () => {
    expect(() => renderExport(snap, 'w3c')).toThrow(/code-point/)
  })
})

describe('export.data and annotations.import through the handler table', () => {
  class Native implements NativeHost {
    saves: (string | null)[] = []
    opens: string[][] = []
    saveRequests: { title: string; defaultPath: string }[] = []
    events: AppEvent[] = []
    async showOpenDialog() {
      return this.opens.shift() ?? []
    }
    async showSaveDialog(o: { title: string; defaultPath: string }) {
      this.saveRequests.push(o)
      return this.saves.shift() ?? null
    }
    emit(e: AppEvent) {
      this.events.push(e)
    }
  }

  it('exports every format through a save dialog, and cancelling writes nothing', async () => {
    const dir = tempDir('rwb-export-app-')
    const native = new Native()
    const core = new AppCore({ dataDir: join(dir.dir, 'data'), seedsDir: null, native, saveDelayMs: 60_000 })
    try {
      const proj = await buildProject(dir.dir, 'App.rwb')
      await proj.db.close()
      await core.openProject(proj.path, false)
      const handlers = createHandlers(core)
      for (const format of ['graphml', 'gexf', 'csv', 'ftm', 'w3c', 'cyjs'] as const) {
        native.saves.push(join(dir.dir, `out-${format}`))
        const res = await dispatch(handlers, 'export.data', { format })
        expect(res.ok).toBe(true)
        const value = (res as { ok: true; value: { format: string; paths: string[] } }).value
        expect(value.format).toBe(format)
        expect(value.paths).toHaveLength(format === 'csv' ? 6 : 1)
        for (const p of value.paths) expect(readFileSync(p, 'utf8').length).toBeGreaterThan(10)
      }
      expect(native.saveRequests[0]!.defaultPath).toBe(join(dir.dir, 'App.graphml'))
      const before = readdirSync(dir.dir).length
      expect(await dispatch(handlers, 'export.data', { format: 'gexf' })).toEqual({ ok: true, value: null })
      expect(readdirSync(dir.dir).length).toBe(before)
      expect((await dispatch(handlers, 'export.data', { format: 'pdf' })).ok).toBe(false)

      // annotations.import: our own W3C export back into the same project is all duplicates
      native.opens.push([join(dir.dir, 'out-w3c.jsonld')])
      const imp = await dispatch(handlers, 'annotations.import', {})
      expect(imp).toMatchObject({ ok: true, value: { imported: 0, skippedDuplicates: fx.mentionCount, unresolved: [] } })
      expect(await dispatch(handlers, 'annotations.import', {})).toEqual({ ok: true, value: null })
      native.opens.push([join(dir.dir, 'out-cyjs.cyjs')])
      const wrong = await dispatch(handlers, 'annotations.import', {})
      expect(wrong).toMatchObject({ ok: false, error: { code: 'IMPORT_FAILED' } })
    } finally {
      await core.shutdown()
      dir.cleanup()
    }
  })
})
