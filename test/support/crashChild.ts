// The process the crash-safety test kills. It opens a project through the
// real ProjectDb (worker thread, lock file, stale-temp clean-up, journal
// replay, durable edits and compactions) and loops: one edit (a new entity
// `edit-N`, then the `counter` entity's notes set to N); each mutation is
// durable (journaled and fsynced) when its call returns, so once both have
// returned with a clean save state it prints `ack N`. Now and then (one
// iteration in RWB_CRASH_COMPACT_EVERY, default 8) it compacts with save(),
// between `compact` and `compacted`. Every fourth edit first imports a small
// document `doc-N` whose original (4 kB derived from N, with its real hash)
// goes to the project's originals folder: acknowledged means that file is
// durable too. The parent SIGKILLs it at a random
// moment and checks that every acknowledged edit is in the file.
//
// Bundled by crashSafety.kills.test.ts into test/.cache/crash-child.js (the core is
// TypeScript) and run with plain node. Protocol on stdout, one line each:
//   ready <lastEditInFile> <editsReplayedFromTheJournal> <recoveredLockReason or ->
//   ack <N>
//   error <message>
// With a second argument `hold` it only opens the project, prints `ready`
// and waits (lock.test.ts uses it as "another window" holding the lock);
// with `diskfull` it runs diskFull() below (journalDiskFull.test.ts).
import { createHash } from 'node:crypto'
import { ProjectDb } from '../../src-main/core/db/projectDb'
import { docOriginal } from './crashDocs'

const docEvery = 4

const out = (line: string) => process.stdout.write(`${line}\n`)

async function main(): Promise<void> {
  const path = process.argv[2]
  if (!path) throw new Error('usage: crash-child <project.rwb> [hold]')
  const db = await ProjectDb.open(path, { saveDelayMs: 60_000 })
  if (process.argv[3] === 'hold') {
    // The handler goes in before "ready": the parent may send SIGTERM the
    // moment it reads that line, and without a handler SIGTERM kills at once.
    process.on('SIGTERM', () => void db.close().then(() => process.exit(0)))
    setInterval(() => {}, 60_000)
    out(`ready 0 ${db.replayedEdits} ${db.recoveredLock ?? '-'}`)
    return
  }
  if (process.argv[3] === 'diskfull') return diskFull(db)
  const entities = await db.call('entities.list', undefined)
  let n = 0
  let counter = entities.find((e) => e.name === 'counter')
  for (const e of entities) {
    const m = /^edit-(\d+)$/.exec(e.name)
    if (m) n = Math.max(n, Number(m[1]))
  }
  if (!counter) counter = await db.call('entities.create', { name: 'counter', type: 'Other' })
  // A kill between `edit-N` and the counter's update leaves the counter at N - 1; catch it up before
  // the next edit, or a second such kill in the next run would leave it two behind (not a torn save).
  else if (n > 0 && counter.notes !== String(n)) await db.call('entities.update', { id: counter.id, notes: String(n) })
  out(`ready ${n} ${db.replayedEdits} ${db.recoveredLock ?? '-'}`)
  const every = Math.max(1, Number(process.env.RWB_CRASH_COMPACT_EVERY ?? 8))
  for (;;) {
    n++
    if (n % docEvery === 1) {
      const original = docOriginal(n)
      const text = `Document ${n}.`
      // Already there when a kill fell between this import and the edit after it.
      await db.call('documents.insert', {
        title: `doc-${n}`,
        byline: null,
        siteName: null,
        publishedTime: null,
        lang: null,
        dir: null,
        excerpt: null,
        sourcePath: `/doc-${n}.bin`,
        mediaType: 'application/octet-stream',
        sha256: createHash('sha256').update(original).digest('hex'),
        original,
        text,
        blocks: [{ start: 0, end: text.length, kind: 'p' }]
      }).catch((e: { code?: string }) => {
        if (e.code !== 'CONFLICT') throw e
      })
    }
    await db.call('entities.create', { name: `edit-${n}`, type: 'Person' })
    await db.call('entities.update', { id: counter.id, notes: String(n) })
    // The worker posts the save state before its reply: this is the state after the edit.
    const s = db.saveState
    if (s.error || s.dirty) throw new Error(`edit not durable: ${s.error ?? 'still dirty'}`)
    out(`ack ${n}`)
    if (Math.random() < 1 / every) {
      out('compact')
      const state = await db.save()
      if (state.error || state.dirty) throw new Error(`compaction failed: ${state.error ?? 'still dirty'}`)
      out('compacted')
    }
  }
}

/**
 * `diskfull`: run under a file-size limit (journalDiskFull.test.ts), edits
 * until the journal can no longer be written, then three more, then a save,
 * then waits to be killed. Each edit is `edit-N` created, then its notes set
 * to 2,000 characters (so the journal fills fast). One line per edit:
 *   ack N                        both mutations durable (clean save state)
 *   unsaved N <dirty|clean> <error>   what the save state said after it
 *   save ok | save failed <error>
 *   done
 */
async function diskFull(db: ProjectDb): Promise<void> {
  const pad = 'n'.repeat(2000)
  let unsaved = 0
  for (let n = 1; unsaved < 3 && n < 10_000; n++) {
    const e = await db.call('entities.create', { name: `edit-${n}`, type: 'Person' })
    await db.call('entities.update', { id: e.id, notes: pad })
    const s = db.saveState
    if (!s.error && !s.dirty) out(`ack ${n}`)
    else {
      unsaved++
      out(`unsaved ${n} ${s.dirty ? 'dirty' : 'clean'} ${(s.error ?? '-').replace(/\s+/g, ' ')}`)
    }
  }
  const s = await db.save()
  out(s.error ? `save failed ${s.error.replace(/\s+/g, ' ')}` : 'save ok')
  out('done')
  setInterval(() => {}, 60_000)
}

main().catch((e: unknown) => {
  out(`error ${(e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ')}`)
  process.exit(1)
})
