// Data export, the graph formats, over a real project (seed article + an
// emoji/CJK document, entities with hostile names, mentions, links — analyst-
// judgement claims): the snapshot they are made from, XML escaping, and each
// format read back by a real reader: GraphML by graphology-graphml (and
// networkx when Python has it), GEXF by graphology-gexf, both parsed strictly
// by libxml2 (libxml2-wasm); Cytoscape JSON by cytoscape.js.
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import cytoscape from 'cytoscape'
import Graph from 'graphology'
import { parse as parseGexf } from 'graphology-gexf'
import { parse as parseGraphml } from 'graphology-graphml'
import { XmlDocument } from 'libxml2-wasm'
import { beforeAll, describe, expect, it } from 'vitest'
import { entityType } from '../../src-main/contract/vocabulary'
import { stripXmlForbidden, xmlAttr, xmlText } from '../../src-main/core/export/common'
import { renderExport } from '../../src-main/core/export/index'
import { HOSTILE } from './exportFixture'
import { fx, linksOf, snap, snapCp, t, useExportProject } from './exportSnapshot'

useExportProject()

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
