// One project, one window: a lock file beside the project (`<path>.lock`),
// created exclusively ('wx'), holding who has the project open. A second
// window (in this process or another) is refused with a clear message; a lock
// left behind by a crash (its process is gone, or it predates the machine's
// boot, or its pid now belongs to a younger process) is taken over.
// Runs in main: a few small synchronous file operations, no Electron.
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs'
import { hostname as osHostname, uptime } from 'node:os'
import { basename, resolve } from 'node:path'
import { randomBytes } from 'node:crypto'
import { CoreError } from '../app/errors'

export interface LockOwner {
  app: 'Research Workbench'
  pid: number
  hostname: string
  /** When the lock was taken (ISO time). */
  startedAt: string
  /** Unique per acquisition, so a release never removes someone else's lock. */
  token: string
}

export function lockPath(projectPath: string): string {
  return `${projectPath}.lock`
}

/** The previous save of a project, kept beside it by every durable save. */
export function backupPath(projectPath: string): string {
  return `${projectPath}.bak`
}

/** Locks held by this process, by resolved lock path → token. */
const held = new Map<string, string>()

let exitHookInstalled = false
function installExitHook(): void {
  if (exitHookInstalled) return
  exitHookInstalled = true
  // A normal exit without close() still leaves no lock behind (a crash does:
  // that is what stale-lock recovery is for).
  process.on('exit', () => {
    for (const [file, token] of held) removeIfOurs(file, token)
  })
}

/** True when a process with this pid exists on this machine (zombies count as gone). */
export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
  if (process.platform === 'linux') {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'latin1')
      const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0]
      if (state === 'Z' || state === 'X') return false
    } catch {
      // no /proc: trust kill(0)
    }
  }
  return true
}

function bootTimeMs(): number {
  return Date.now() - uptime() * 1000
}

/** When the process with this pid started (Linux only), or null when unknown. */
function processStartMs(pid: number): number | null {
  if (process.platform !== 'linux') return null
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const ticks = Number(fields[19]) // field 22 of the whole line: starttime, in clock ticks after boot
    const btime = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'latin1'))?.[1])
    if (!Number.isFinite(ticks) || !Number.isFinite(btime)) return null
    const start = btime * 1000 + (ticks / 100) * 1000 // USER_HZ is 100 on Linux
    return start <= Date.now() + 1000 ? start : null // a nonsense value (other USER_HZ) is ignored
  } catch {
    return null
  }
}

function parseOwner(text: string): LockOwner | null {
  try {
    const o = JSON.parse(text) as Partial<LockOwner>
    if (typeof o.pid !== 'number' || typeof o.hostname !== 'string' || typeof o.startedAt !== 'string' || typeof o.token !== 'string') return null
    return o as LockOwner
  } catch {
    return null
  }
}

function removeIfOurs(file: string, token: string): void {
  try {
    if (parseOwner(readFileSync(file, 'utf8'))?.token === token) unlinkSync(file)
  } catch {
    // already gone (folder deleted, another window recovered it): nothing to do
  }
}

/** Why a lock another owner wrote no longer counts, or null while it does. */
export function staleReason(owner: LockOwner | null, fileAgeMs: number): string | null {
  if (!owner) return fileAgeMs > 2000 ? 'unreadable lock file' : null
  if (owner.hostname !== osHostname()) return null // another machine: cannot tell, so it holds
  const since = Date.parse(owner.startedAt)
  if (owner.pid === process.pid) return 'left by an earlier process with this pid'
  if (!pidAlive(owner.pid)) return `process ${owner.pid} is gone`
  if (Number.isFinite(since) && since < bootTimeMs() - 5000) return 'taken before this machine started'
  const start = processStartMs(owner.pid)
  if (start !== null && Number.isFinite(since) && start > since + 2000) return `pid ${owner.pid} now belongs to another process`
  return null
}

function lockedError(projectPath: string, owner: LockOwner | null): CoreError {
  const name = basename(projectPath)
  const who = owner ? ` (pid ${owner.pid} on host ${owner.hostname})` : ''
  return new CoreError('CONFLICT', `${name} is open in another Research Workbench window${who}. Close it there first, or open a copy.`, {
    reason: 'locked',
    path: projectPath,
    ...(owner ? { pid: owner.pid, hostname: owner.hostname, since: owner.startedAt } : {})
  })
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export class ProjectLock {
  private released = false

  private constructor(
    readonly projectPath: string,
    readonly file: string,
    private readonly token: string,
    /** False when the folder cannot hold a lock file (read-only media): only this process is guarded. */
    readonly onDisk: boolean,
    /** Set when a stale lock was taken over, saying why. */
    readonly recovered: string | null
  ) {}

  /** Takes the lock of a project, or throws CONFLICT naming the window that has it. */
  static async acquire(projectPath: string): Promise<ProjectLock> {
    const file = resolve(lockPath(projectPath))
    let recovered: string | null = null
    for (let attempt = 0; attempt < 40; attempt++) {
      if (held.has(file)) {
        throw lockedError(projectPath, { app: 'Research Workbench', pid: process.pid, hostname: osHostname(), startedAt: '', token: '' })
      }
      const owner: LockOwner = {
        app: 'Research Workbench',
        pid: process.pid,
        hostname: osHostname(),
        startedAt: new Date().toISOString(),
        token: randomBytes(12).toString('hex')
      }
      let fd: number
      try {
        fd = openSync(file, 'wx', 0o644)
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code
        if (code !== 'EEXIST') {
          // A folder that cannot hold a lock (read-only media, missing folder):
          // guard this process only; the open or save reports the real problem.
          held.set(file, owner.token)
          installExitHook()
          return new ProjectLock(projectPath, file, owner.token, false, null)
        }
        const reason = await ProjectLock.judgeExisting(file)
        if (reason === 'retry') continue
        recovered = reason
        continue
      }
      try {
        writeSync(fd, JSON.stringify(owner))
        fsyncSync(fd)
      } finally {
        closeSync(fd)
      }
      held.set(file, owner.token)
      installExitHook()
      return new ProjectLock(projectPath, file, owner.token, true, recovered)
    }
    throw lockedError(projectPath, null)
  }

  /**
   * Looks at a lock file that exists: throws if it holds, removes it and
   * returns why if it is stale, 'retry' when it changed under us.
   */
  private static async judgeExisting(file: string): Promise<string | 'retry'> {
    let text: string
    let ageMs: number
    try {
      text = readFileSync(file, 'utf8')
      ageMs = Date.now() - statSync(file).mtimeMs
    } catch {
      return 'retry' // released meanwhile
    }
    const owner = parseOwner(text)
    const reason = staleReason(owner, ageMs)
    if (!reason) {
      if (!owner) {
        // being written right now by another window: give it a moment
        await sleep(50)
        return 'retry'
      }
      throw lockedError(file.slice(0, -'.lock'.length), owner)
    }
    // Take the stale lock away atomically, then make sure what we took is
    // what we judged (another window may have recovered it first).
    const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString('hex')}`
    try {
      renameSync(file, aside)
    } catch {
      return 'retry'
    }
    let taken = ''
    try {
      taken = readFileSync(aside, 'utf8')
    } catch {
      // vanished: fall through to retry
    }
    if (taken !== text) {
      // Not the file we judged: put it back unless a new lock already exists.
      try {
        linkSync(aside, file)
      } catch {
        // a newer lock is in place; ours was stale anyway
      }
    }
    try {
      unlinkSync(aside)
    } catch {
      // ignore
    }
    return taken === text ? reason : 'retry'
  }

  release(): void {
    if (this.released) return
    this.released = true
    if (held.get(this.file) === this.token) held.delete(this.file)
    if (this.onDisk) removeIfOurs(this.file, this.token)
  }

  get isReleased(): boolean {
    return this.released
  }
}

/** Reads who holds a project's lock, or null. For messages and tests. */
export function readLockOwner(projectPath: string): LockOwner | null {
  try {
    return parseOwner(readFileSync(lockPath(projectPath), 'utf8'))
  } catch {
    return null
  }
}
