// Disk full while edits are journalled: an edit whose journal record cannot
// be written is never reported as saved, and nothing already saved is lost.
//
// The decision (worker.ts, mutate()): the edit stays applied in memory and
// its call returns, but the save state the worker posts BEFORE the reply
// says "Could not save <name>: <why>. Your edits are kept in memory; use
// Project → Save As to save them elsewhere." and dirty: the window shows it,
// Save / Save As retry, and closing refuses to drop the edits
// (crashSafety.saveFailures.test.ts "never lose work" covers Save As and close). The
// failed append is cut back, so the journal on disk ends at the last
// acknowledged edit and the next open reads no damage.
//
// How the disk fills, without root: the child process runs under a real
// file-size limit (`ulimit -f` in bash, so the kernel answers EFBIG, the
// errno a full quota or file-size cap gives; Node ignores SIGXFSZ). The limit
// sits a little above the project file, so the journal hits it after a few
// edits while the base is untouched, and the compaction's temp file (the base
// plus those edits) cannot be written either: a real I/O failure on both the
// append and the full save, through the worker's own code, no seam.
import { spawn } from 'node:child_process'
import { copyFileSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { journalPath, readJournal } from '../../src-main/core/db/journal'
import { ProjectDb } from '../../src-main/core/db/projectDb'
import { openProject } from '../../src-main/core/db/projectOpen'
import { pragmaValue } from '../../src-main/core/db/sqlite'
import { buildCrashChild } from '../support/crashChild.build'
import { tempDir } from '../support/tempDir'

let t: ReturnType<typeof tempDir>
let child: string
beforeAll(async () => {
  child = await buildCrashChild('diskfull-child.js')
  t = tempDir('rwb-diskfull-')
}, 120_000)
afterAll(() => t?.cleanup())

/** Runs the child under a file-size limit of `limitKiB`; returns its lines once it says `done` (then kills it). */
function runLimited(path: string, limitKiB: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const p = spawn('bash', ['-c', `ulimit -f ${limitKiB} && exec "$0" "$@"`, process.execPath, child, path, 'diskfull'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env }
    })
    const lines: string[] = []
    let stderr = ''
    const timer = setTimeout(() => p.kill('SIGKILL'), 60_000)
    p.stderr!.on('data', (d) => (stderr += d))
    createInterface({ input: p.stdout! }).on('line', (line) => {
      lines.push(line)
      // Killed, not closed: a crash right after the failures, so nothing but what was durable counts.
      if (line === 'done' || line.startsWith('error ')) p.kill('SIGKILL')
    })
    p.on('exit', () => {
      clearTimeout(timer)
      setImmediate(() => (lines.includes('done') ? resolve(lines) : reject(new Error(`child did not finish: ${lines.slice(-3).join(' | ')} ${stderr.slice(0, 500)}`))))
    })
  })
}

describe('disk full while journalling (real EFBIG from a file-size limit)', () => {
  it('an edit that cannot be journalled is told as not saved; every acknowledged edit and the saved file survive', async () => {
    const path = join(t.dir, 'Full.rwb')
    const setup = await ProjectDb.open(path, { create: true, saveDelayMs: 60_000 })
    await setup.call('entities.create', { name: 'saved before', type: 'Person' })
    await setup.close() // compacted: the base alone, no journal
    const baseBefore = readFileSync(path)
    copyFileSync(path, join(t.dir, 'before.rwb'))
    // Room for the journal to grow by about 24 KiB: some edits of 2 kB fit, then the append fails.
    const limitKiB = Math.ceil(baseBefore.length / 1024) + 24

    const lines = await runLimited(path, limitKiB)
    const acks = lines.filter((l) => l.startsWith('ack ')).map((l) => Number(l.split(' ')[1]))
    const unsaved = lines.filter((l) => l.startsWith('unsaved '))
    expect(acks.length).toBeGreaterThanOrEqual(3)
    expect(acks).toEqual(acks.map((_, i) => i + 1))
    // Every edit after the first failure is told, never acknowledged as saved.
    expect(unsaved).toHaveLength(3)
    for (const l of unsaved) {
      expect(l).toMatch(/^unsaved \d+ dirty Could not save Full\.rwb: the file is too large for this disk\. Your edits are kept in memory; use Project → Save As to save them elsewhere\.$/)
    }
    expect(Number(unsaved[0]!.split(' ')[1])).toBe(acks.length + 1)
    // The full save fails too (its temp file is over the limit) and says so.
    expect(lines).toContain('save failed Could not save Full.rwb: the file is too large for this disk. Your edits are kept in memory; use Project → Save As to save them elsewhere.')

    // Nothing already saved is lost: the base is byte for byte what it was,
    // and the journal ends cleanly (the failed append was cut back), holding
    // every acknowledged edit.
    expect(readFileSync(path).equals(baseBefore)).toBe(true)
    const j = readJournal(path)!
    expect(j).toMatchObject({ damaged: null, tailBytes: 0 })
    expect(j.records.length).toBeGreaterThanOrEqual(2 * acks.length)
    expect(statSync(journalPath(path)).size).toBeLessThanOrEqual(limitKiB * 1024)

    // Opened again (no limit now): every acknowledged edit is there with its notes, no damage reported.
    const opened = await openProject(path, new Date().toISOString())
    expect(opened.problem).toBeNull()
    expect(String(pragmaValue(opened.db, 'quick_check'))).toBe('ok')
    const rows = (opened.db.exec("SELECT name, length(notes) FROM entities WHERE name LIKE 'edit-%' ORDER BY id")[0]?.values ?? []).map(
      (r) => [String(r[0]), Number(r[1])] as const
    )
    opened.db.close()
    for (const n of acks) expect(rows).toContainEqual([`edit-${n}`, 2000])
    // What was told as unsaved is at most the first failed edit's create (its
    // own record fitted); none of the later ones came back from nowhere.
    expect(rows.length).toBeLessThanOrEqual(acks.length + 1)

    // The app's own open path continues it, and its close writes one file with every acknowledged edit.
    const app = await ProjectDb.open(path)
    expect(app.openNotice).toBeNull()
    const names = (await app.call('entities.list', undefined)).map((e) => e.name)
    await app.close()
    expect(names).toContain('saved before')
    for (const n of acks) expect(names).toContain(`edit-${n}`)
  }, 180_000)
})
