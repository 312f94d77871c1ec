// Data export, the tabular formats, over a real project (seed article + an
// emoji/CJK document, entities with hostile names, mentions, links): CSV read
// back by csv-parse, with formula cells neutralised; FtM lines against the FtM
// schemata's names, properties and ranges, with stable ids.
import { parse as parseCsv } from 'csv-parse/sync'
import { beforeAll, describe, expect, it } from 'vitest'
import { uuidV5 } from '../../src-main/core/export/common'
import { BOM, safeText } from '../../src-main/core/export/csv'
import { ftmLinkFor, toFtmEntities } from '../../src-main/core/export/ftm'
import { renderExport } from '../../src-main/core/export/index'
import { readSnapshot } from '../../src-main/core/export/snapshot'
import { HOSTILE } from './exportFixture'
import { fx, linksOf, snap, snapCp, useExportProject } from './exportSnapshot'

useExportProject()

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
  // Full validation against the official model is in exportFormats.csvFtm.test.ts; here, this project's mapping.
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
