// One project, one window: the lock file beside the project. Two ProjectDb
// and two AppCore instances in this process, a child process holding the
// lock (a real ProjectDb in another process), and stale locks written by hand.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { hostname, uptime } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { AppCore } from '../../src-main/core/app/appCore'
import { dispatch } from '../../src-main/core/app/dispatch'
import { createHandlers } from '../../src-main/core/app/handlers'
import { ProjectDb } from '../../src-main/core/db/projectDb'
import { lockPath, readLockOwner, staleReason, type LockOwner } from '../../src-main/core/db/projectLock'
import { buildCrashChild } from '../support/crashChild.build'
import { mkResults, recordFigures } from '../reliability/figures'
import { tempDir } from '../support/tempDir'
import { ScriptedNative } from '../support/scriptedNative'


const LOCKED = /^(.+) is open in another Research Workbench window \(pid (\d+) on host (.+)\)/
const figures = { cases: 0, refused: 0, recovered: 0 }

let child: string
let t: ReturnType<typeof tempDir>
const open: ProjectDb[] = []
const kids: ChildProcess[] = []

beforeAll(async () => {
  child = await buildCrashChild('lock-child.js')
})
beforeEach(() => (t = tempDir('rwb-lock-')))
afterEach(async () => {
  for (const k of kids.splice(0)) if (k.exitCode === null && k.signalCode === null) k.kill('SIGKILL')
  for (const db of open.splice(0)) await db.close().catch(() => db.abandon())
  t.cleanup()
  recordFigures('lock', figures)
})

async function openDb(path: string, create = false): Promise<ProjectDb> {
  const db = await ProjectDb.open(path, { create, saveDelayMs: 60_000 })
  open.push(db)
  return db
}

async function closeDb(db: ProjectDb): Promise<void> {
  await db.close()
  open.splice(open.indexOf(db), 1)
}

async function newProject(name = 'Case.rwb'): Promise<string> {
  const path = join(t.dir, name)
  const db = await ProjectDb.open(path, { create: true })
  await db.close()
  return path
}

/** A pid that certainly belonged to a process that has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'])
  return Number(String(r.stdout))
}

function writeLock(path: string, owner: Partial<LockOwner>): void {
  const full: LockOwner = { app: 'Research Workbench', pid: 1, hostname: hostname(), startedAt: new Date().toISOString(), token: 'hand-written', ...owner }
  writeFileSync(lockPath(path), JSON.stringify(full))
}

async function expectLocked(p: Promise<unknown>, pid: number, host = hostname()): Promise<void> {
  figures.cases++
  const e = (await p.then(
    () => null,
    (err: unknown) => err
  )) as { code?: string; message?: string; details?: Record<string, unknown> } | null
  expect(e, 'the second open should have been refused').not.toBeNull()
  expect(e!.code).toBe('CONFLICT')
  const m = LOCKED.exec(e!.message ?? '')
  expect(m, e!.message).not.toBeNull()
  expect(Number(m![2])).toBe(pid)
  expect(m![3]).toBe(host)
  expect(e!.details).toMatchObject({ reason: 'locked', pid, hostname: host })
  figures.refused++
}

function startHolder(path: string): Promise<{ proc: ChildProcess; recovered: string | null }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, path, 'hold'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env } })
    kids.push(proc)
    let err = ''
    proc.stderr!.on('data', (d) => (err += d))
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      if (line.startsWith('ready ')) resolve({ proc, recovered: line.split(' ')[3] === '-' ? null : line.split(' ').slice(3).join(' ') })
      if (line.startsWith('error ')) reject(new Error(line))
    })
    proc.on('exit', (code) => reject(new Error(`holder exited ${code}: ${err}`)))
  })
}

const exited = (p: ChildProcess) => new Promise<void>((r) => (p.exitCode !== null || p.signalCode !== null ? r() : p.once('exit', () => r())))

describe('two windows in this process', () => {
  it('a second ProjectDb on the same project is refused, naming this pid and host; after close it opens', async () => {
    const path = await newProject()
    const first = await openDb(path)
    const owner = readLockOwner(path)
    expect(owner).toMatchObject({ pid: process.pid, hostname: hostname(), app: 'Research Workbench' })
    expect(Date.now() - Date.parse(owner!.startedAt)).toBeLessThan(60_000)
    const before = readFileSync(path)

    await expectLocked(ProjectDb.open(path), process.pid)
    // the refused open changed nothing: not the project, not the lock
    expect(readFileSync(path).equals(before)).toBe(true)
    expect(readLockOwner(path)).toEqual(owner)

    await closeDb(first)
    expect(existsSync(lockPath(path))).toBe(false)
    const second = await openDb(path)
    expect(second.recoveredLock).toBeNull()
    expect(readLockOwner(path)!.token).not.toBe(owner!.token)
  })

  it('creating a project that is open elsewhere is refused too', async () => {
    const path = await newProject()
    await openDb(path)
    await expectLocked(ProjectDb.open(path, { create: true }), process.pid)
  })

  it('two AppCores: the second is refused over dispatch with the message; its own project stays open', async () => {
    const path = await newProject('Shared.rwb')
    const a = { native: new ScriptedNative() }
    const b = { native: new ScriptedNative() }
    const coreA = new AppCore({ dataDir: join(t.dir, 'a'), seedsDir: null, native: a.native, saveDelayMs: 60_000 })
    const coreB = new AppCore({ dataDir: join(t.dir, 'b'), seedsDir: null, native: b.native, saveDelayMs: 60_000 })
    try {
      await coreA.bootstrap()
      await coreB.bootstrap()
      a.native.openAnswers.push([path])
      expect(await dispatch(createHandlers(coreA), 'project.open', {})).toMatchObject({ ok: true, value: { path } })

      const ownB = (await coreB.info()).path
      b.native.openAnswers.push([path])
      const r = await dispatch(createHandlers(coreB), 'project.open', {})
      figures.cases++
      expect(r.ok).toBe(false)
      if (r.ok) return
      expect(r.error.code).toBe('CONFLICT')
      expect(r.error.message).toBe(`Shared.rwb is open in another Research Workbench window (pid ${process.pid} on host ${hostname()}). Close it there first, or open a copy.`)
      expect(r.error.details).toMatchObject({ reason: 'locked', pid: process.pid, hostname: hostname(), path })
      figures.refused++
      expect((await coreB.info()).path).toBe(ownB)

      // A switches to another project: the lock goes with it, and B may open it now.
      a.native.saveAnswers.push(join(t.dir, 'Other'))
      await coreA.newProjectDialog()
      expect(existsSync(lockPath(path))).toBe(false)
      b.native.openAnswers.push([path])
      expect(await dispatch(createHandlers(coreB), 'project.open', {})).toMatchObject({ ok: true, value: { path } })
      expect(readLockOwner(path)!.pid).toBe(process.pid)
    } finally {
      await coreA.shutdown()
      await coreB.shutdown()
    }
    expect(existsSync(lockPath(path))).toBe(false)
  })

  it('Save As moves the lock: the old path is free, the new one is held', async () => {
    const path = await newProject()
    const db = await openDb(path)
    const copy = join(t.dir, 'Copy.rwb')
    await db.saveAs(copy)
    expect(existsSync(lockPath(path))).toBe(false)
    expect(readLockOwner(copy)!.pid).toBe(process.pid)
    await expectLocked(ProjectDb.open(copy), process.pid)
    const again = await openDb(path)
    expect(again.path).toBe(path)
  })

  it('Save As onto a project open in another window is refused and overwrites nothing', async () => {
    const a = await newProject('A.rwb')
    const b = await newProject('B.rwb')
    const dbA = await openDb(a)
    await openDb(b)
    await dbA.call('entities.create', { name: 'only in A', type: 'Person' })
    const before = readFileSync(b)
    await expectLocked(dbA.saveAs(b), process.pid)
    expect(readFileSync(b).equals(before)).toBe(true)
    // A keeps its own path and lock, and can still save
    expect(dbA.path).toBe(a)
    expect(readLockOwner(a)!.pid).toBe(process.pid)
    expect((await dbA.save()).error).toBeNull()
  })
})

describe('a child process holding the lock', () => {
  it('refuses while the other process lives; recovers its lock once it was SIGKILLed', async () => {
    const path = await newProject()
    const { proc } = await startHolder(path)
    expect(readLockOwner(path)!.pid).toBe(proc.pid)

    await expectLocked(ProjectDb.open(path), proc.pid!)
    expect(readLockOwner(path)!.pid).toBe(proc.pid)

    proc.kill('SIGKILL')
    await exited(proc)
    expect(readLockOwner(path)!.pid).toBe(proc.pid) // a crash leaves its lock behind...
    const db = await openDb(path) // ...and the next open takes it over
    expect(db.recoveredLock).toBe(`process ${proc.pid} is gone`)
    figures.recovered++
    expect(readLockOwner(path)!.pid).toBe(process.pid)
  })

  it('a child is refused while this process holds the project, and a clean exit there removes its lock', async () => {
    const path = await newProject()
    const mine = await openDb(path)
    await expect(startHolder(path)).rejects.toThrow(new RegExp(`is open in another Research Workbench window \\(pid ${process.pid} on host`))
    figures.cases++
    figures.refused++
    await closeDb(mine)

    const { proc, recovered } = await startHolder(path)
    expect(recovered).toBeNull()
    proc.kill('SIGTERM') // the child closes its project on SIGTERM
    await exited(proc)
    expect(existsSync(lockPath(path))).toBe(false)
  })
})

describe('stale locks', () => {
  it.each([
    ['a dead pid', () => ({ pid: deadPid() }), /^process \d+ is gone$/],
    ['a live pid, but taken before this machine booted', () => ({ pid: process.ppid, startedAt: new Date(Date.now() - uptime() * 1000 - 3_600_000).toISOString() }), /before this machine started/],
    ['this very pid, but not this process (a pid reused after a restart)', () => ({ pid: process.pid }), /earlier process with this pid/]
  ])('written by hand with %s: taken over automatically', async (_label, owner, why) => {
    figures.cases++
    const path = await newProject()
    writeLock(path, owner())
    const db = await openDb(path)
    expect(db.recoveredLock).toMatch(why)
    figures.recovered++
    expect(readLockOwner(path)).toMatchObject({ pid: process.pid, hostname: hostname() })
    expect(readLockOwner(path)!.token).not.toBe('hand-written')
    await closeDb(db)
    expect(existsSync(lockPath(path))).toBe(false)
  })

  it.runIf(process.platform === 'linux')('a live pid that started after the lock was taken (pid reused) is stale', () => {
    // process.ppid started moments ago; a lock "taken" an hour after boot but before that start is not its own
    const startedAt = new Date(Date.now() - uptime() * 1000 + 1000).toISOString()
    figures.cases++
    expect(staleReason({ app: 'Research Workbench', pid: process.ppid, hostname: hostname(), startedAt, token: 'x' }, 0)).toMatch(/now belongs to another process/)
  })

  it('a garbage lock file older than a moment is taken over; a live owner on this host is not', async () => {
    figures.cases++
    const path = await newProject()
    writeFileSync(lockPath(path), 'not json at all')
    const old = new Date(Date.now() - 3_600_000)
    utimesSync(lockPath(path), old, old)
    const db = await openDb(path)
    expect(db.recoveredLock).toBe('unreadable lock file')
    figures.recovered++
    await closeDb(db)

    // a live process (our parent) that took the lock just now holds it
    writeLock(path, { pid: process.ppid })
    await expectLocked(ProjectDb.open(path), process.ppid)
    expect(readLockOwner(path)!.token).toBe('hand-written')
  })

  it('a lock from another machine is never taken over (its process cannot be checked)', async () => {
    const path = await newProject()
    writeLock(path, { pid: deadPid(), hostname: 'analyst-laptop-7', startedAt: '2001-01-01T00:00:00.000Z' })
    await expectLocked(ProjectDb.open(path), readLockOwner(path)!.pid, 'analyst-laptop-7')
    expect(readLockOwner(path)!.hostname).toBe('analyst-laptop-7')
  })
})

// keep the figure file's directory ready even if every test above is filtered out
mkResults()
