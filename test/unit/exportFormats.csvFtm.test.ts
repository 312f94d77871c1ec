// Issue 12: every export carries the claim model — CSV parsed back strictly
// by csv-parse, with its README and formula guard, and FtM against the
// official model (@alephdata/followthemoney), on the fixture project
// (claimsFixture.ts). Each claim's status, grades, attribution and value are asserted.
import { Model, defaultModel } from '@alephdata/followthemoney'
import { parse as parseCsv } from 'csv-parse/sync'
import { beforeAll, describe, expect, it } from 'vitest'
import { CSV_COLUMNS } from '../../src-main/core/export/csvReadme'
import { safeText } from '../../src-main/core/export/csv'
import { toFtmEntities, type FtmEntity } from '../../src-main/core/export/ftm'
import { renderExport } from '../../src-main/core/export/index'
import { gradeWords } from '../support/gradeWords'
import { NAMES, type ExpectedClaim } from './claimsFixture'
import { attributionText, expected, fx, snap, useClaimsProject, valueText } from './claimsExport'

useClaimsProject()

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
        grade_meaning: gradeWords(c.grade),
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
      expect(summary).toContain(`grade: ${gradeWords(c.grade)}`)
      expect(summary).toContain(`attribution: ${attributionText(c) || 'none recorded'}`)
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
