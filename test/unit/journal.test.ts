// The edit journal (src-main/core/db/journal.ts): every acknowledged edit is
// in `<project>.journal` before its call returns; a window that dies without
// compacting (abandon(): the worker is stopped, nothing more is written) is
// reopened with every edit replayed exactly (history, audit and the results
// of queries the same); torn last records are dropped, damage in the middle
// is kept aside and told; compaction and close leave one self-contained file.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { JournalWriter, journalPath, readJournal, type JournalRecord } from '../../src-main/core/db/journal'
import { ProjectDb } from '../../src-main/core/db/projectDb'
import { openProject } from '../../src-main/core/db/projectOpen'
import { loadSqlJs } from '../../src-main/core/db/sqlite'
import { tempDir } from '../support/tempDir'
import { span, startSession, type Session } from './taggingSupport'

let t: ReturnType<typeof tempDir>
beforeAll(() => {
  t = tempDir('rwb-journal-')
})
afterAll(() => t.cleanup())

async function namesInBase(path: string): Promise<string[]> {
  const SQL = await loadSqlJs()
  const db = new SQL.Database(readFileSync(path))
  try {
    return (db.exec('SELECT name FROM entities ORDER BY id')[0]?.values ?? []).map((r) => String(r[0]))
  } finally {
    db.close()
  }
}

const rec = (i: number): JournalRecord => ({ op: 'entities.create', args: { name: `e${i}`, type: 'Person', blob: new Uint8Array([i, 1, 2]) }, now: '2026-01-01T00:00:00.000Z', user: 'u', ok: true, digest: String(i) })

describe('journal file format', () => {
  function journalWith(n: number): { path: string; sizes: number[] } {
    const path = join(t.dir, `fmt-${n}-${Math.random().toString(16).slice(2)}.rwb`)
    const w = JournalWriter.create(path, { baseId: 'b1', schema: 1, createdAt: 'x' })
    const sizes = [w.bytes]
    for (let i = 1; i <= n; i++) {
      w.append(rec(i))
      sizes.push(w.bytes)
    }
    w.close()
    return { path, sizes }
  }

  it('reads back what was appended, binary arguments included', () => {
    const { path, sizes } = journalWith(3)
    const r = readJournal(path)!
    expect(r.header.baseId).toBe('b1')
    expect(r.records.map((x) => (x.args as { name: string }).name)).toEqual(['e1', 'e2', 'e3'])
    expect((r.records[2]!.args as { blob: Uint8Array }).blob).toEqual(new Uint8Array([3, 1, 2]))
    expect(r.validLength).toBe(sizes[3])
    expect(r).toMatchObject({ tailBytes: 0, damaged: null })
  })

  it('a last record torn at any byte is dropped (never acknowledged), and the writer continues after the last good one', () => {
    const { path, sizes } = journalWith(3)
    const full = readFileSync(journalPath(path))
    for (let cut = sizes[2]! + 1; cut < sizes[3]!; cut++) {
      writeFileSync(journalPath(path), full.subarray(0, cut))
      const r = readJournal(path)!
      expect(r.records).toHaveLength(2)
      expect(r.damaged).toBeNull()
      expect(r.validLength).toBe(sizes[2])
    }
    // never-written blocks (zeros) after the last record, and a bit flipped in the last record: torn too
    writeFileSync(journalPath(path), Buffer.concat([full, Buffer.alloc(4096)]))
    expect(readJournal(path)).toMatchObject({ damaged: null, tailBytes: 4096 })
    const flipped = Buffer.from(full)
    flipped[sizes[3]! - 2]! ^= 1
    writeFileSync(journalPath(path), flipped)
    expect(readJournal(path)!.records).toHaveLength(2)
    // continue() cuts the torn tail off and appends after record 2
    writeFileSync(journalPath(path), full.subarray(0, sizes[3]! - 3))
    const w = JournalWriter.continue(path, readJournal(path)!)
    w.append(rec(9))
    w.close()
    expect(readJournal(path)!.records.map((x) => (x.args as { name: string }).name)).toEqual(['e1', 'e2', 'e9'])
    expect(readJournal(path)!.tailBytes).toBe(0)
  })

  it('damage in the middle (good bytes follow) is reported, not taken for a torn tail', () => {
    const { path, sizes } = journalWith(3)
    const bad = readFileSync(journalPath(path))
    bad[sizes[1]! + 10]! ^= 0x40
    writeFileSync(journalPath(path), bad)
    const r = readJournal(path)!
    expect(r.records).toHaveLength(1)
    expect(r.damaged).toMatch(/record 2 .* damaged/)
    // A flipped bit in a record's length (the length itself is checksummed):
    // damage with records after it, not a torn tail that would drop them silently.
    for (const bit of [0x01, 0x80]) {
      const len = Buffer.from(readFileSync(journalPath(path)))
      len[sizes[1]! + 10]! ^= 0x40 // undo the flip above
      len[sizes[1]! + 1]! ^= bit
      writeFileSync(journalPath(path), len)
      const l = readJournal(path)!
      expect(l.records).toHaveLength(1)
      expect(l.damaged).toMatch(new RegExp(`record 2 \\(at byte ${sizes[1]}\\) is damaged and intact records follow it at byte ${sizes[2]}`))
      writeFileSync(journalPath(path), bad)
    }
    const hdr = readFileSync(journalPath(path))
    hdr[20]! ^= 1
    writeFileSync(journalPath(path), hdr)
    expect(() => readJournal(path)).toThrow(/damaged header/)
  })
})

describe('journal through the app', () => {
  it('every edit is in the journal when its call returns; after a crash the reopened project is exactly as it was', async () => {
    const dataDir = join(t.dir, 'app')
    const s = await startSession(dataDir, { seeds: false })
    const path = s.core.db().path
    const doc = await s.addDoc('Journal fixture', 'The U.S. Department of Defense awarded Scale AI a contract worth $500 million.')
    const text = await s.text(doc)
    await s.flush()
    const baseBefore = readFileSync(path)
    const dod = await s.call('entities.create', { name: 'US Department of Defense', type: 'Organization' })
    const scale = await s.call('entities.create', { name: 'Scale AI', type: 'Organization' })
    const extra = await s.call('entities.create', { name: 'Scale', type: 'Organization' })
    await s.call('mentions.create', { documentId: doc, entityId: dod.id, ...span(text, 'U.S. Department of Defense') })
    await s.call('mentions.create', { documentId: doc, entityId: scale.id, ...span(text, 'Scale AI') })
    await s.call('mentions.create', { documentId: doc, newEntity: { name: '$500 million', type: 'Other' }, ...span(text, '$500 million') })
    await s.call('claims.create', { subjectId: dod.id, predicate: 'awarded contract to', object: { kind: 'entity', entityId: scale.id }, analystJudgement: true })
    await s.call('entities.merge', { keepId: scale.id, mergeId: extra.id })
    await s.call('history.undo', {})
    await s.call('history.redo', {})
    await s.call('entities.update', { id: dod.id, notes: 'Notes with “quotes” and a\nnew line' })
    await s.call('documents.updateMeta', { id: doc, title: 'Renamed fixture' })
    await s.fail('mentions.create', { documentId: doc, entityId: 99999, start: 0, end: 3 })
    await s.call('history.undo', {})

    const snapshot = async (x: Session) => ({
      entities: await x.call('entities.list', {}),
      claims: await x.call('claims.list', {}),
      mentions: await x.call('mentions.forDocument', { documentId: doc }),
      history: await x.call('history.state', {}),
      audit: await x.call('audit.list', {}),
      docs: await x.call('documents.list', {})
    })
    const live = await snapshot(s)
    expect(live.entities.map((e) => e.name)).toContain('US Department of Defense')
    // the base file was not rewritten by any of these edits; they are all in the journal
    expect(readFileSync(path).equals(baseBefore)).toBe(true)
    expect(s.core.saveState()).toMatchObject({ dirty: false, error: null })
    expect(readJournal(path)!.records.length).toBeGreaterThanOrEqual(13)

    // The window dies: the worker stops, nothing is compacted, the lock stays.
    await s.core.db().abandon()
    expect(await namesInBase(path)).not.toContain('US Department of Defense')

    // What the CLI and the checker see (read only)...
    const ro = await openProject(path, new Date().toISOString())
    expect(ro.problem).toBeNull()
    expect(ro.replayed).toBe(readJournal(path)!.records.length)
    ro.db.close()
    // ...and the app reopening it: exactly the same answers.
    const s2 = await startSession(dataDir, { seeds: false })
    expect(s2.core.db().path).toBe(path)
    expect(s2.core.db().replayedEdits).toBeGreaterThanOrEqual(13)
    expect(await snapshot(s2)).toEqual(live)

    // Close compacts: one self-contained file (and its backup), no journal.
    await s2.core.shutdown()
    expect(existsSync(journalPath(path))).toBe(false)
    expect(await namesInBase(path)).toContain('US Department of Defense')
    expect(readdirSync(join(path, '..')).filter((f) => f.includes('.journal'))).toEqual([])
  })

  it('a journal that belongs to another file is kept aside and never replayed; a damaged one keeps its good prefix', async () => {
    const a = join(t.dir, 'A.rwb')
    const b = join(t.dir, 'B.rwb')
    for (const p of [a, b]) {
      const db = await ProjectDb.open(p, { create: true, saveDelayMs: 60_000 })
      await db.call('entities.create', { name: `in ${p.endsWith('A.rwb') ? 'A' : 'B'}`, type: 'Person' })
      await db.abandon()
    }
    // B's journal next to A (as if someone copied files around)
    writeFileSync(journalPath(a), readFileSync(journalPath(b)))
    const db = await ProjectDb.open(a, { saveDelayMs: 60_000 })
    expect(db.openNotice).toMatch(/belongs to another version of this file; it was not applied\. It is kept as A\.rwb\.journal\.unused-/)
    expect((await db.call('entities.list', undefined)).map((e) => e.name)).not.toContain('in B')
    await db.call('entities.create', { name: 'second', type: 'Person' })
    await db.call('entities.create', { name: 'third', type: 'Person' })
    await db.call('entities.create', { name: 'fourth', type: 'Person' })
    await db.abandon()
    // flip a byte inside the middle record ('third') of A's new journal
    const bytes = readFileSync(journalPath(a))
    const first = 16 + bytes.readUInt32LE(8)
    const second = first + 8 + bytes.readUInt32LE(first)
    bytes[second + 8 + 5]! ^= 0xff
    writeFileSync(journalPath(a), bytes)
    const reopened = await ProjectDb.open(a, { saveDelayMs: 60_000 })
    const names = (await reopened.call('entities.list', undefined)).map((e) => e.name)
    expect(names).toContain('second')
    expect(names).not.toContain('third')
    expect(reopened.openNotice).toMatch(/is damaged after its first 1 edits .*those were restored\. It is kept as A\.rwb\.journal\.damaged-/)
    await reopened.close()
    expect(readdirSync(t.dir).filter((f) => f.startsWith('A.rwb.journal.')).map((f) => f.replace(/-\d.*$/, '')).sort()).toEqual(['A.rwb.journal.damaged', 'A.rwb.journal.unused'])
    // the restored prefix was written whole into A at once: it opens without any journal
    expect(await namesInBase(a)).toContain('second')
  })
})

describe('older files and sharing', () => {
  it("a project saved by the previous version opens (its untouched bytes become the backup), and Save As writes one self-contained file", async () => {
    const { REPO_ROOT } = await import('../support/tempDir')
    const fixture = join(REPO_ROOT, 'test/fixtures/projects/v1-relations.rwb')
    const path = join(t.dir, 'old.rwb')
    writeFileSync(path, readFileSync(fixture))
    const db = await ProjectDb.open(path, { saveDelayMs: 60_000 })
    const before = (await db.call('entities.list', undefined)).map((e) => e.name)
    expect(before.length).toBeGreaterThan(0)
    // opened = migrated and written whole once, with a journal id; the old bytes are the backup
    expect(readFileSync(`${path}.bak`).equals(readFileSync(fixture))).toBe(true)
    expect(readJournal(path)).toMatchObject({ records: [] })
    await db.call('entities.create', { name: 'Added after the upgrade', type: 'Person' })
    expect(readJournal(path)!.records).toHaveLength(1)
    const shared = join(t.dir, 'shared', 'For a colleague.rwb')
    const { mkdirSync } = await import('node:fs')
    mkdirSync(join(t.dir, 'shared'))
    await db.saveAs(shared)
    await db.close()
    // The colleague gets only the .rwb: everything is in it.
    const alone = join(t.dir, 'colleague.rwb')
    writeFileSync(alone, readFileSync(shared))
    expect(await namesInBase(alone)).toEqual(expect.arrayContaining([...before, 'Added after the upgrade']))
    const opened = await openProject(alone, new Date().toISOString())
    expect(opened).toMatchObject({ journal: null, problem: null, migrated: false })
    opened.db.close()
  })
})
