// Named maps in the project file (migration 0005, repos/maps.ts) through the
// real database worker, the pair-evidence read, the contract's checks on map
// calls, and the image writer behind export.saveFile.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { contract } from '../../src-main/contract/api'
import { DEFAULT_MAP_FILTERS, DEFAULT_MAP_SETTINGS } from '../../src-main/contract/types'
import { looksLike, safeFileName, saveImageDialog, writeAtomically } from '../../src-main/core/export/image/saveImage'
import type { NativeHost } from '../../src-main/core/app/native'
import { ProjectDb } from '../../src-main/core/db/projectDb'
import { tempDir } from '../support/tempDir'

const TEXT = 'The Department of Defense awarded Scale AI a contract.\nScale AI builds tools.\nThe Department of Defense and Scale AI signed again.'
const doc = () => ({
  title: 'Deal',
  byline: null,
  siteName: null,
  publishedTime: null,
  lang: null,
  dir: null,
  excerpt: null,
  sourcePath: '/deal.txt',
  mediaType: 'text/plain',
  sha256: 'c'.repeat(64),
  original: new TextEncoder().encode(TEXT),
  text: TEXT,
  blocks: [
    { start: 0, end: 54, kind: 'p' as const },
    { start: 55, end: 77, kind: 'p' as const },
    { start: 78, end: TEXT.length, kind: 'p' as const }
  ]
})

let t: ReturnType<typeof tempDir>
let db: ProjectDb
beforeEach(async () => {
  t = tempDir()
  db = await ProjectDb.open(join(t.dir, 'p.rwb'), { create: true, saveDelayMs: 60_000 })
})
afterEach(async () => {
  await db.close()
  t.cleanup()
})

describe('named maps', () => {
  it('a new project has one map, with default filters and settings', async () => {
    const maps = await db.call('maps.list', undefined)
    expect(maps).toHaveLength(1)
    expect(maps[0]).toMatchObject({ name: 'Main map', filters: DEFAULT_MAP_FILTERS, settings: DEFAULT_MAP_SETTINGS })
    expect((await db.call('maps.get', { id: maps[0]!.id })).positions).toEqual([])
  })

  it('keeps each map’s filters, settings and positions apart, and across a reopen', async () => {
    const a = await db.call('entities.create', { name: 'A', type: 'Person' })
    const b = await db.call('entities.create', { name: 'B', type: 'Company' })
    const [main] = await db.call('maps.list', undefined)
    const second = await db.call('maps.create', { name: 'Contracts' })
    await db.call('maps.update', {
      id: second.id,
      filters: { ...DEFAULT_MAP_FILTERS, entityTypes: ['Company'], hideIsolated: true, focus: { entityId: b.id, hops: 2 } },
      settings: { ...DEFAULT_MAP_SETTINGS, layout: 'grid', sizeBy: 'degree' },
      positions: [
        { entityId: a.id, x: 1.5, y: -2.25, pinned: true },
        { entityId: b.id, x: 100, y: 200, pinned: false }
      ]
    })
    await db.call('maps.update', { id: main!.id, positions: [{ entityId: a.id, x: 9, y: 9, pinned: false }] })
    // merged: only b moves
    await db.call('maps.update', { id: second.id, positions: [{ entityId: b.id, x: 101, y: 202, pinned: true }] })
    await db.save()
    await db.close()
    db = await ProjectDb.open(join(t.dir, 'p.rwb'))
    const got = await db.call('maps.get', { id: second.id })
    expect(got.filters).toMatchObject({ entityTypes: ['Company'], hideIsolated: true, focus: { entityId: b.id, hops: 2 } })
    expect(got.settings).toMatchObject({ layout: 'grid', sizeBy: 'degree' })
    expect(got.positions).toEqual([
      { entityId: a.id, x: 1.5, y: -2.25, pinned: true },
      { entityId: b.id, x: 101, y: 202, pinned: true }
    ])
    expect((await db.call('maps.get', { id: main!.id })).positions).toEqual([{ entityId: a.id, x: 9, y: 9, pinned: false }])
    // replace drops what is not given
    await db.call('maps.update', { id: second.id, positions: [{ entityId: a.id, x: 0, y: 0, pinned: false }], replacePositions: true })
    expect((await db.call('maps.get', { id: second.id })).positions).toEqual([{ entityId: a.id, x: 0, y: 0, pinned: false }])
  })

  it('copies a map with its positions; names are unique (case-insensitive); renames', async () => {
    const a = await db.call('entities.create', { name: 'A', type: 'Person' })
    const [main] = await db.call('maps.list', undefined)
    await db.call('maps.update', { id: main!.id, filters: { ...DEFAULT_MAP_FILTERS, hideIsolated: true }, positions: [{ entityId: a.id, x: 5, y: 6, pinned: true }] })
    const copy = await db.call('maps.create', { name: 'Copy', copyFrom: main!.id })
    expect(copy.filters.hideIsolated).toBe(true)
    expect(copy.positions).toEqual([{ entityId: a.id, x: 5, y: 6, pinned: true }])
    await expect(db.call('maps.create', { name: 'copy' })).rejects.toMatchObject({ code: 'CONFLICT' })
    await expect(db.call('maps.rename', { id: copy.id, name: 'MAIN MAP' })).rejects.toMatchObject({ code: 'CONFLICT' })
    expect((await db.call('maps.rename', { id: copy.id, name: '  Renamed ' })).name).toBe('Renamed')
    // renaming to its own name in another case is fine
    expect((await db.call('maps.rename', { id: copy.id, name: 'renamed' })).name).toBe('renamed')
  })

  it('never deletes the last map; deleting a map deletes its positions; unknown ids are NOT_FOUND', async () => {
    const [main] = await db.call('maps.list', undefined)
    await expect(db.call('maps.delete', { id: main!.id })).rejects.toMatchObject({ code: 'CONFLICT' })
    const other = await db.call('maps.create', { name: 'Other' })
    expect(await db.call('maps.delete', { id: main!.id })).toEqual({ deleted: 1 })
    expect((await db.call('maps.list', undefined)).map((m) => m.id)).toEqual([other.id])
    await expect(db.call('maps.get', { id: 999 })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(db.call('maps.update', { id: 999, positions: [] })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('forgets an entity’s places when it is deleted, and skips places of unknown entities', async () => {
    const a = await db.call('entities.create', { name: 'A', type: 'Person' })
    const [main] = await db.call('maps.list', undefined)
    await db.call('maps.update', { id: main!.id, positions: [{ entityId: a.id, x: 1, y: 1, pinned: false }, { entityId: 4242, x: 2, y: 2, pinned: false }] })
    expect((await db.call('maps.get', { id: main!.id })).positions.map((p) => p.entityId)).toEqual([a.id])
    await db.call('entities.delete', { id: a.id })
    expect((await db.call('maps.get', { id: main!.id })).positions).toEqual([])
  })
})

describe('map reads', () => {
  it('entityDocuments counts mentions per entity and document; pairEvidence finds the shared paragraphs', async () => {
    const docId = await db.call('documents.insert', doc())
    const dod = await db.call('entities.create', { name: 'Department of Defense', type: 'PublicBody' })
    const scale = await db.call('entities.create', { name: 'Scale AI', type: 'Company' })
    await db.call('mentions.create', { documentId: docId, entityId: dod.id, start: 4, end: 25 })
    await db.call('mentions.create', { documentId: docId, entityId: scale.id, start: 34, end: 42 })
    await db.call('mentions.create', { documentId: docId, entityId: scale.id, start: 55, end: 63 })
    await db.call('mentions.create', { documentId: docId, entityId: dod.id, start: 82, end: 103 })
    await db.call('mentions.create', { documentId: docId, entityId: scale.id, start: 108, end: 116 })
    expect(await db.call('graph.entityDocuments', undefined)).toEqual([
      { entityId: dod.id, documentId: docId, count: 2 },
      { entityId: scale.id, documentId: docId, count: 3 }
    ])
    const ev = await db.call('graph.pairEvidence', { a: dod.id, b: scale.id })
    // paragraphs 1 and 3, not 2 (only Scale AI)
    expect(ev.map((p) => [p.start, p.end])).toEqual([
      [0, 54],
      [78, TEXT.length]
    ])
    expect(ev[0]!.text).toBe(TEXT.slice(0, 54))
    expect(ev[0]!.documentTitle).toBe('Deal')
    expect(ev[0]!.spans.map((s) => TEXT.slice(s.start, s.end))).toEqual(['Department of Defense', 'Scale AI'])
    expect(await db.call('graph.pairEvidence', { a: dod.id, b: scale.id, limit: 1 })).toHaveLength(1)
    expect(await db.call('graph.pairEvidence', { a: dod.id, b: 9999 })).toEqual([])
  })
})

describe('contract checks on map calls', () => {
  const parse = (m: keyof typeof contract, a: unknown) => contract[m].args.safeParse(a)
  it('accepts valid filters and refuses bad ones', () => {
    expect(parse('maps.update', { id: 1, filters: DEFAULT_MAP_FILTERS }).success).toBe(true)
    expect(parse('maps.update', { id: 1, filters: { ...DEFAULT_MAP_FILTERS, minGrade: { reliability: 'G', credibility: 1 } } }).success).toBe(false)
    expect(parse('maps.update', { id: 1, filters: { ...DEFAULT_MAP_FILTERS, focus: { entityId: 1, hops: 4 } } }).success).toBe(false)
    expect(parse('maps.update', { id: 1, filters: { ...DEFAULT_MAP_FILTERS, dateFrom: '1 March' } }).success).toBe(false)
    expect(parse('maps.update', { id: 1, filters: { ...DEFAULT_MAP_FILTERS, extra: 1 } }).success).toBe(false)
    expect(parse('maps.update', { id: 1, settings: { ...DEFAULT_MAP_SETTINGS, layout: 'cose' } }).success).toBe(false)
    expect(parse('maps.update', { id: 1, positions: [{ entityId: 1, x: Number.NaN, y: 0, pinned: false }] }).success).toBe(false)
    expect(parse('maps.update', { id: 1, positions: [{ entityId: 1, x: Infinity, y: 0, pinned: false }] }).success).toBe(false)
    expect(parse('maps.create', { name: '   ' }).success).toBe(false)
    expect(parse('export.saveFile', { bytes: new Uint8Array(20), kind: 'gif', suggestedName: 'x' }).success).toBe(false)
  })
})

describe('export.saveFile writer', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])
  const svg = new TextEncoder().encode('\uFEFF<?xml version="1.0"?>\n<!-- map -->\n<svg xmlns="http://www.w3.org/2000/svg"></svg>')
  const pdf = new TextEncoder().encode('%PDF-1.4\n%%EOF')
  it('checks the bytes are of the kind named', () => {
    expect(looksLike('png', png)).toBe(true)
    expect(looksLike('svg', svg)).toBe(true)
    expect(looksLike('pdf', pdf)).toBe(true)
    expect(looksLike('png', pdf)).toBe(false)
    expect(looksLike('svg', new TextEncoder().encode('<html><svg></svg></html>'))).toBe(false)
    expect(looksLike('pdf', png)).toBe(false)
  })
  it('makes a safe file name with the right extension', () => {
    expect(safeFileName('a/b:c*?', 'svg')).toBe('a b c.svg')
    expect(safeFileName('Map.PDF', 'pdf')).toBe('Map.PDF')
    expect(safeFileName('   ', 'png')).toBe('map.png')
  })
  it('writes atomically through the save dialog, adding the extension; cancel writes nothing', async () => {
    const answers: (string | null)[] = [join(t.dir, 'out'), null]
    const native: NativeHost = { showOpenDialog: async () => [], showSaveDialog: async () => answers.shift() ?? null, emit: () => {} }
    expect(await saveImageDialog(native, t.dir, { bytes: svg, kind: 'svg', suggestedName: 'x' })).toEqual({ path: join(t.dir, 'out.svg') })
    expect(readFileSync(join(t.dir, 'out.svg'))).toEqual(Buffer.from(svg))
    expect(await saveImageDialog(native, t.dir, { bytes: svg, kind: 'svg', suggestedName: 'x' })).toBeNull()
    await expect(saveImageDialog(native, t.dir, { bytes: png, kind: 'pdf', suggestedName: 'x' })).rejects.toMatchObject({ code: 'BAD_ARGS' })
    // no temp file left behind; a failed write leaves no file either
    expect(readdirSync(t.dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
    expect(() => writeAtomically(join(t.dir, 'missing-dir', 'x.png'), png)).toThrow(/Could not write x.png/)
    expect(existsSync(join(t.dir, 'missing-dir'))).toBe(false)
  })
})
