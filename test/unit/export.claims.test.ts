// Data export: claims (with a passage, and a money value) in every format —
// the snapshot in both offset units, graph edges, claims.csv, FtM links and
// W3C "describing" annotations the annotation importer recognises.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse as parseCsv } from 'csv-parse/sync'
import Graph from 'graphology'
import { parse as parseGexf } from 'graphology-gexf'
import { parse as parseGraphml } from 'graphology-graphml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { toFtmEntities } from '../../src-main/core/export/ftm'
import { renderExport } from '../../src-main/core/export/index'
import { importAnnotationFile } from '../../src-main/core/export/run'
import { readSnapshot } from '../../src-main/core/export/snapshot'
import type { GraphSnapshot } from '../../src-main/core/export/types'
import { tempDir } from '../support/tempDir'
import { buildProject, type Fixture } from './exportFixture'
import { linksOf } from './exportSnapshot'

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
