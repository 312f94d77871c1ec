// Issue 12: every export carries the claim model — the graph formats, checked
// with each format's own tools on the fixture project (claimsFixture.ts):
// GraphML against the official XSD and GEXF against the GEXF 1.3 RELAX NG
// schema (libxml2-wasm), both read by networkx with every attribute compared;
// Cytoscape JSON. For each format, each claim's status, grades, attribution
// and value are asserted.
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { RelaxNGValidator, XmlDocument, XsdValidator } from 'libxml2-wasm'
import { xmlRegisterFsInputProviders } from 'libxml2-wasm/lib/nodejs.mjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { EDGE_ATTRS, graphOf, NODE_ATTRS, valueAttr, valueAttrName, valueAttrNames } from '../../src-main/core/export/common'
import { renderExport } from '../../src-main/core/export/index'
import { gradeWords } from '../support/gradeWords'
import { REPO_ROOT } from '../support/tempDir'
import { NAMES } from './claimsFixture'
import { attributionText, entityIdOf, expected, fx, snap, t, useClaimsProject, valueText } from './claimsExport'

const SCHEMAS = join(REPO_ROOT, 'test', 'fixtures', 'schemas')

useClaimsProject()

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
        grade_meaning: gradeWords(c.grade),
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
