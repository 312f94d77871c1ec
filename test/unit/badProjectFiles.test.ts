// Opening bad project files is calm: empty, truncated at random offsets,
// bit-flipped header or pages, a PDF or Word file renamed .rwb, an SQLite file
// of another application, a file from a newer schema. Each gives a clear
// message (never a crash, never "INTERNAL"); when the previous save (.bak) is
// good the error says so and project.openBackup opens a copy of it as a NEW
// file. Nothing is ever overwritten: the damaged bytes and the backup are
// compared after every attempt.
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ApiResponse } from '../../src-main/contract/api'
import type { ProjectInfo } from '../../src-main/contract/types'
import { AppCore } from '../../src-main/core/app/appCore'
import { dispatch } from '../../src-main/core/app/dispatch'
import { CoreError } from '../../src-main/core/app/errors'
import { createHandlers, type Handlers } from '../../src-main/core/app/handlers'
import { LATEST_VERSION } from '../../src-main/core/db/migrations'
import { ProjectDb } from '../../src-main/core/db/projectDb'
import { backupPath, openProjectFile } from '../../src-main/core/db/projectFile'
import { loadSqlJs, pragmaValue } from '../../src-main/core/db/sqlite'
import { recordFigures } from '../reliability/figures'
import { SHARED, tempDir } from '../support/tempDir'
import { ScriptedNative } from '../support/scriptedNative'
import { rng } from '../support/rng'


/** What a clear refusal says: the file's name and one of these, in plain words. */
const CLEAR = [
  /is empty: it is not a Research Workbench project\./,
  /is damaged/,
  /is incomplete: it is [\d,]+ bytes but should be [\d,]+/,
  /is (a PDF document|a ZIP archive \(for example a Word or OpenDocument file\)|a text file|a PNG image), not a Research Workbench project/,
  /is not a Research Workbench project \(it is not an SQLite file\)/,
  /is an SQLite file of another application, not a Research Workbench project/,
  /was saved by a newer version of Research Workbench \(schema \d+; this version knows up to \d+\)\. Update the app to open it\./
]

const figures = {
  casesTried: 0,
  refusedClearly: 0,
  openedUndetected: 0,
  backupOffered: 0,
  backupsOpened: 0,
  byKind: {} as Record<string, { tried: number; refused: number; opened: number }>
}
function count(kind: string, outcome: 'refused' | 'opened'): void {
  figures.casesTried++
  const k = (figures.byKind[kind] ??= { tried: 0, refused: 0, opened: 0 })
  k.tried++
  k[outcome]++
  if (outcome === 'refused') figures.refusedClearly++
  else figures.openedUndetected++
}
afterAll(() => recordFigures('badFiles', figures))


let t: ReturnType<typeof tempDir>
beforeEach(() => (t = tempDir('rwb-bad-')))
afterEach(() => t.cleanup())

/**
 * A real project saved twice: its .bak holds the first save (entity
 * "first save"), the file the second (plus "second save").
 */
async function projectWithBackup(name: string): Promise<{ path: string; good: Buffer; bak: Buffer }> {
  const path = join(t.dir, name)
  const db = await ProjectDb.open(path, { create: true, saveDelayMs: 60_000 })
  await db.call('entities.create', { name: 'first save', type: 'Person' })
  await db.save()
  await db.call('entities.create', { name: 'second save', type: 'Person' })
  for (let i = 0; i < 40; i++) await db.call('entities.create', { name: `filler ${i} ${'x'.repeat(200)}`, type: 'Other' })
  await db.save()
  await db.close()
  return { path, good: readFileSync(path), bak: readFileSync(backupPath(path)) }
}

function expectClear(e: unknown, label: string): asserts e is CoreError {
  expect(e).toBeInstanceOf(CoreError)
  const err = e as CoreError
  expect(err.code).toBe('PROJECT_INVALID')
  expect(err.message.startsWith(label), err.message).toBe(true)
  expect(CLEAR.some((re) => re.test(err.message)), err.message).toBe(true)
  expect(err.message).not.toMatch(/undefined|\[object|at .+\.ts:\d+|TypeError|RangeError/)
}

/**
 * The worker's own open function, in-process: either the file opens intact
 * (a bit flip SQLite cannot see, in text or free space) or it is refused
 * clearly, with the backup offered exactly when it is good.
 */
async function tryOpen(path: string, kind: string, backupGood: boolean): Promise<'refused' | 'opened'> {
  try {
    const db = await openProjectFile(path, new Date().toISOString())
    try {
      expect(String(pragmaValue(db, 'quick_check'))).toBe('ok')
      db.exec('SELECT count(*) FROM entities; SELECT count(*) FROM documents')
    } finally {
      db.close()
    }
    count(kind, 'opened')
    return 'opened'
  } catch (e) {
    expectClear(e, basename(path))
    expect(e.details).toMatchObject({ path, backupAvailable: backupGood })
    if (backupGood) {
      expect(e.message).toMatch(/A backup from the last good save \(.+\) is available: choose Open Backup/)
      figures.backupOffered++
    } else expect(e.message).not.toMatch(/backup/i)
    count(kind, 'refused')
    return 'refused'
  }
}

describe('each kind of bad file, through the worker’s open function', () => {
  it('truncated at random offsets (60 cuts): always refused, the backup offered', async () => {
    const { path, good, bak } = await projectWithBackup('Cut.rwb')
    const r = rng(7)
    const pageSize = good.readUInt16BE(16)
    const cuts = new Set<number>([1, 15, 16, 99, 100, pageSize, pageSize + 1, good.length - pageSize, good.length - 1])
    while (cuts.size < 60) cuts.add(1 + Math.floor(r() * (good.length - 1)))
    for (const cut of cuts) {
      writeFileSync(path, good.subarray(0, cut))
      expect(await tryOpen(path, 'truncated', true), `cut at ${cut}`).toBe('refused')
      expect(readFileSync(path).equals(good.subarray(0, cut))).toBe(true)
      expect(readFileSync(backupPath(path)).equals(bak)).toBe(true)
    }
  })

  it('bit flips in the 100-byte header (every byte, one random bit each)', async () => {
    const { path, good, bak } = await projectWithBackup('Header.rwb')
    const r = rng(11)
    let refused = 0
    for (let at = 0; at < 100; at++) {
      const bad = Buffer.from(good)
      bad[at]! ^= 1 << Math.floor(r() * 8)
      writeFileSync(path, bad)
      if ((await tryOpen(path, 'header bit flip', true)) === 'refused') refused++
      expect(readFileSync(path).equals(bad)).toBe(true)
      expect(readFileSync(backupPath(path)).equals(bak)).toBe(true)
    }
    // The magic, page size, format bytes, payload fractions and application id are all checked.
    expect(refused).toBeGreaterThanOrEqual(16 + 2 + 2 + 3 + 4)
  })

  it('bit flips in pages (80 random bytes across the file)', async () => {
    const { path, good } = await projectWithBackup('Pages.rwb')
    const r = rng(13)
    let refused = 0
    for (let i = 0; i < 80; i++) {
      const bad = Buffer.from(good)
      const at = 100 + Math.floor(r() * (good.length - 100))
      bad[at]! ^= 1 << Math.floor(r() * 8)
      writeFileSync(path, bad)
      if ((await tryOpen(path, 'page bit flip', true)) === 'refused') refused++
      expect(readFileSync(path).equals(bad)).toBe(true)
    }
    // SQLite has no page checksums: a flip inside text or free space is invisible
    // to it, and the file opens intact; flips in b-tree structure are caught.
    expect(refused).toBeGreaterThan(0)
  })

  it('whole pages zeroed or overwritten with garbage', async () => {
    const { path, good } = await projectWithBackup('Zeroed.rwb')
    const pageSize = good.readUInt16BE(16)
    const pages = good.length / pageSize
    const r = rng(17)
    let refused = 0
    for (let p = 1; p < pages; p++) {
      const bad = Buffer.from(good)
      if (p % 2) bad.fill(0, p * pageSize, (p + 1) * pageSize)
      else for (let i = p * pageSize; i < (p + 1) * pageSize; i++) bad[i] = Math.floor(r() * 256)
      writeFileSync(path, bad)
      if ((await tryOpen(path, 'page overwritten', true)) === 'refused') refused++
    }
    expect(refused).toBeGreaterThan(pages / 3)
  })

  it('empty, random bytes, text, a PDF, a Word file, another app’s SQLite, a newer schema: refused with what it is', async () => {
    const SQL = await loadSqlJs()
    const foreign = new SQL.Database()
    foreign.exec('CREATE TABLE messages (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO messages (body) VALUES (\'hi\')')
    const r = rng(19)
    const { path: newerPath } = await projectWithBackup('Newer.rwb')
    const raw = new SQL.Database(readFileSync(newerPath))
    raw.exec(`PRAGMA user_version = ${LATEST_VERSION + 5}`)
    const newer = Buffer.from(raw.export())

    const cases: [string, Uint8Array, RegExp][] = [
      ['empty', new Uint8Array(0), /is empty/],
      ['random bytes', Uint8Array.from({ length: 8192 }, () => Math.floor(r() * 256)), /is not a Research Workbench project \(it is not an SQLite file\)/],
      ['text', Buffer.from('Notes about the case.\nNothing to see here.\n'), /is a text file, not a Research Workbench project/],
      ['pdf', readFileSync(join(SHARED, 'corpus/pdf/tracemonkey.pdf')), /is a PDF document, not a Research Workbench project/],
      ['docx', readFileSync(join(SHARED, 'corpus/docx/simple-list.docx')), /is a ZIP archive \(for example a Word or OpenDocument file\), not a Research Workbench project/],
      ['foreign sqlite', foreign.export(), /is an SQLite file of another application/],
      ['newer schema', newer, /was saved by a newer version of Research Workbench \(schema \d+; this version knows up to \d+\)/]
    ]
    for (const [kind, bytes, message] of cases) {
      for (const withBackup of [false, true]) {
        const path = join(t.dir, `${kind}${withBackup ? ' b' : ''}.rwb`)
        writeFileSync(path, bytes)
        if (withBackup) copyFileSync(join(t.dir, 'Newer.rwb.bak'), backupPath(path))
        let err: unknown = null
        await openProjectFile(path, new Date().toISOString()).then(
          (db) => db.close(),
          (e) => (err = e)
        )
        expect(err, kind).not.toBeNull()
        expectClear(err, basename(path))
        expect((err as CoreError).message).toMatch(message)
        expect((err as CoreError).details).toMatchObject({ path, backupAvailable: withBackup })
        if (withBackup) figures.backupOffered++
        count(kind, 'refused')
        expect(Buffer.from(readFileSync(path)).equals(Buffer.from(bytes))).toBe(true)
      }
    }
  })

  it('a damaged file whose backup is damaged too offers no backup', async () => {
    const { path, good } = await projectWithBackup('Both.rwb')
    writeFileSync(path, good.subarray(0, 3000))
    writeFileSync(backupPath(path), good.subarray(0, 5000))
    expect(await tryOpen(path, 'truncated, backup truncated', false)).toBe('refused')
  })
})

describe('through the app: project.open, project.openBackup and bootstrap', () => {
  let core: AppCore
  let native: ScriptedNative
  let handlers: Handlers
  const call = (m: string, a?: unknown) => dispatch(handlers, m, a)

  beforeEach(async () => {
    native = new ScriptedNative()
    core = new AppCore({ dataDir: join(t.dir, 'data'), seedsDir: null, native, saveDelayMs: 60_000 })
    handlers = createHandlers(core)
    await core.bootstrap()
  })
  afterEach(() => core.shutdown())

  const damages: [string, (good: Buffer) => Buffer][] = [
    ['truncated', (g) => g.subarray(0, Math.floor(g.length / 2) + 123)],
    ['header bit flip', (g) => Buffer.concat([g.subarray(0, 3), Buffer.from([g[3]! ^ 0x10]), g.subarray(4)])],
    ['b-tree page zeroed', (g) => Buffer.concat([g.subarray(0, g.readUInt16BE(16)), Buffer.alloc(g.readUInt16BE(16)), g.subarray(2 * g.readUInt16BE(16))])],
    ['pdf renamed', () => readFileSync(join(SHARED, 'corpus/pdf/sizes.pdf'))],
    ['empty', () => Buffer.alloc(0)]
  ]

  it.each(damages)('%s: refused with the backup on offer; openBackup opens a NEW copy; nothing is overwritten', async (kind, damage) => {
    const { path, good, bak } = await projectWithBackup(`Case ${kind}.rwb`)
    const bad = damage(good)
    writeFileSync(path, bad)
    const before = (await core.info()).path

    native.openAnswers.push([path])
    const r = await call('project.open', {})
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('PROJECT_INVALID')
    expect(r.error.message.startsWith(basename(path))).toBe(true)
    expect(r.error.message).toMatch(/A backup from the last good save .* is available: choose Open Backup/)
    expect(r.error.details).toMatchObject({ path, backupAvailable: true, backupPath: backupPath(path) })
    expect(typeof r.error.details!.backupSavedAt).toBe('string')
    expect((await core.info()).path).toBe(before)
    expect(readFileSync(path).equals(bad)).toBe(true)
    count(`app: ${kind}`, 'refused')
    figures.backupOffered++

    const opened = (await call('project.openBackup', { path })) as ApiResponse<ProjectInfo>
    expect(opened).toMatchObject({ ok: true, value: { path: join(t.dir, `Case ${kind} (recovered).rwb`), name: `Case ${kind} (recovered)`, entityCount: 1 } })
    figures.backupsOpened++
    expect((await core.db().call('entities.list', undefined)).map((e) => e.name)).toEqual(['first save'])
    // the damaged file and its backup are exactly as they were; the copy is a new file
    expect(readFileSync(path).equals(bad)).toBe(true)
    expect(readFileSync(backupPath(path)).equals(bak)).toBe(true)
    expect(readFileSync(join(t.dir, `Case ${kind} (recovered).rwb`)).equals(bak)).toBe(true)

    // Edits go to the copy only.
    await call('entities.create', { name: 'after recovery', type: 'Person' })
    expect(await core.db().save()).toMatchObject({ dirty: false, error: null })
    expect(readFileSync(path).equals(bad)).toBe(true)
    expect(readFileSync(backupPath(path)).equals(bak)).toBe(true)

    // Asking again (after another failed open) never overwrites the first copy.
    native.openAnswers.push([path])
    expect((await call('project.open', {})).ok).toBe(false)
    const again = (await call('project.openBackup', { path })) as ApiResponse<ProjectInfo>
    expect(again).toMatchObject({ ok: true, value: { path: join(t.dir, `Case ${kind} (recovered 2).rwb`) } })
    const first = await ProjectDb.open(join(t.dir, `Case ${kind} (recovered).rwb`))
    expect((await first.call('entities.list', undefined)).map((e) => e.name).sort()).toEqual(['after recovery', 'first save'])
    await first.close()
  })

  it('no backup: the error says nothing about one, and openBackup is refused without creating a file', async () => {
    const path = join(t.dir, 'Lonely.rwb')
    writeFileSync(path, 'not a project at all')
    native.openAnswers.push([path])
    const r = await call('project.open', {})
    expect(r).toMatchObject({ ok: false, error: { code: 'PROJECT_INVALID', details: { path, backupAvailable: false } } })
    if (!r.ok) expect(r.error.message).not.toMatch(/backup/i)
    count('app: text, no backup', 'refused')
    const files = readdirSync(t.dir).sort()
    expect(await call('project.openBackup', { path })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(readdirSync(t.dir).sort()).toEqual(files)
  })

  it('openBackup for a path that was never offered (nor recent) is refused: the renderer cannot copy files at will', async () => {
    const { path } = await projectWithBackup('Elsewhere.rwb')
    const files = readdirSync(t.dir).sort()
    expect(await call('project.openBackup', { path })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await call('project.openBackup', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(readdirSync(t.dir).sort()).toEqual(files)
  })

  it('a recent project whose backup is damaged too: openBackup fails clearly and leaves no copy behind', async () => {
    const { path, good } = await projectWithBackup('Recent.rwb')
    native.openAnswers.push([path])
    expect((await call('project.open', {})).ok).toBe(true) // now in the recent list
    native.saveAnswers.push(join(t.dir, 'Elsewhere'))
    expect((await call('project.new', {})).ok).toBe(true)
    writeFileSync(path, good.subarray(0, 1000))
    writeFileSync(backupPath(path), good.subarray(0, 2000))
    const badBak = readFileSync(backupPath(path))
    const r = await call('project.openBackup', { path })
    expect(r).toMatchObject({ ok: false, error: { code: 'PROJECT_INVALID' } })
    if (!r.ok) expect(r.error.message).toMatch(/^The backup of Recent\.rwb could not be opened either: Recent \(recovered\)\.rwb is (damaged|incomplete)/)
    expect(existsSync(join(t.dir, 'Recent (recovered).rwb'))).toBe(false)
    expect(readFileSync(backupPath(path)).equals(badBak)).toBe(true)
    expect((await core.info()).name).toBe('Elsewhere')
  })
})

describe('bootstrap over a damaged last project', () => {
  it('starts a fresh project beside it, says the backup is there, and openBackup recovers it', async () => {
    const dataDir = join(t.dir, 'data')
    const first = new AppCore({ dataDir, seedsDir: null, native: new ScriptedNative(), saveDelayMs: 60_000 })
    await first.bootstrap()
    const last = (await first.info()).path
    await first.db().call('entities.create', { name: 'first save', type: 'Person' })
    await first.db().save()
    await first.db().call('entities.create', { name: 'second save', type: 'Person' })
    await first.shutdown()
    const bad = readFileSync(last).subarray(0, 4097)
    writeFileSync(last, bad)
    const bak = readFileSync(backupPath(last))

    const core = new AppCore({ dataDir, seedsDir: null, native: new ScriptedNative(), saveDelayMs: 60_000 })
    try {
      const boot = await core.bootstrap()
      expect(boot.notice).toMatch(/^Research Workbench\.rwb could not be opened: Research Workbench\.rwb is (incomplete|damaged)/)
      expect(boot.notice).toMatch(/the file was left untouched/)
      expect(boot.notice).toMatch(/Its last good save can be opened as a copy with Open Backup\./)
      expect(boot.damaged).toEqual({ path: last, backupAvailable: true })
      expect(boot.project.path).not.toBe(last)
      expect(readFileSync(last).equals(bad)).toBe(true)
      count('bootstrap: truncated', 'refused')
      figures.backupOffered++

      const r = (await dispatch(createHandlers(core), 'project.openBackup', { path: last })) as ApiResponse<ProjectInfo>
      expect(r).toMatchObject({ ok: true, value: { path: join(dataDir, 'Research Workbench (recovered).rwb'), entityCount: 1 } })
      figures.backupsOpened++
      expect(readFileSync(last).equals(bad)).toBe(true)
      expect(readFileSync(backupPath(last)).equals(bak)).toBe(true)
    } finally {
      await core.shutdown()
    }
  })

  it('without a good backup the notice does not promise one', async () => {
    const dataDir = join(t.dir, 'data')
    const first = new AppCore({ dataDir, seedsDir: null, native: new ScriptedNative(), saveDelayMs: 60_000 })
    await first.bootstrap()
    const last = (await first.info()).path
    await first.shutdown()
    writeFileSync(last, '')
    const core = new AppCore({ dataDir, seedsDir: null, native: new ScriptedNative(), saveDelayMs: 60_000 })
    try {
      const boot = await core.bootstrap()
      expect(boot.notice).toMatch(/is empty/)
      expect(boot.notice).not.toMatch(/Open Backup/)
      expect(boot.damaged).toEqual({ path: last, backupAvailable: false })
      expect(readFileSync(last).length).toBe(0)
      count('bootstrap: empty', 'refused')
    } finally {
      await core.shutdown()
    }
  })
})
