// Helpers of crashSafety.kills.test.ts: runs the crash child (crashChild.ts,
// bundled to test/.cache/crash-child-<pid>.js) and kills it, makes the chain's
// project, and reads what a kill left with the worker's own open function.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { gunzipSync } from 'node:zlib'
import { originalsDir } from '../../src-main/core/db/originals'
import { ProjectDb } from '../../src-main/core/db/projectDb'
import { openProject } from '../../src-main/core/db/projectOpen'
import { documentOriginal } from '../../src-main/core/db/repos/documents'
import { pragmaValue } from '../../src-main/core/db/sqlite'
import { docOriginal } from './crashDocs'
import { REPO_ROOT } from './tempDir'

// One bundle per run (a second run must not rewrite the file a running one spawns its children from).
export const CHILD_NAME = `crash-child-${process.pid}.js`
export const CHILD = resolve(REPO_ROOT, 'test/.cache', CHILD_NAME)

/** Children still running (a failed or timed-out test): killed before the folder goes. */
export const live = new Set<ReturnType<typeof spawn>>()

/** Runs one child: kills it after `delayMs` (from spawn, or from its `ready` line), returns what it said. */
export function runChild(
  path: string,
  mode: 'startup' | 'loop' | 'compaction',
  delayMs: number,
  compactEvery: number,
  compactKillMs = 0
): Promise<{
  ready: { n: number; replayed: number; recovered: string | null } | null
  duringCompaction: boolean
  compactions: number
  compactMs: number
  lastAck: number | null
  acks: number
  ackSpanMs: number
  error: string | null
  readyAfterMs: number | null
}> {
  return new Promise((resolvePromise) => {
    const t0 = Date.now()
    // RWB_CRASH_WORKER runs the children on another worker build (to check that
    // this test catches a broken save, build one from a deliberately broken copy).
    const env = {
      ...process.env,
      RWB_CRASH_COMPACT_EVERY: String(compactEvery),
      ...(process.env.RWB_CRASH_WORKER ? { RWB_DB_WORKER: process.env.RWB_CRASH_WORKER } : {})
    }
    const child = spawn(process.execPath, [CHILD, path], { stdio: ['ignore', 'pipe', 'pipe'], env })
    live.add(child)
    let ready: { n: number; replayed: number; recovered: string | null } | null = null
    let duringCompaction = false
    let compactions = 0
    let compactMs = 0
    let compactStart = 0
    let readyAfterMs: number | null = null
    let lastAck: number | null = null
    let acks = 0
    let ackSpanMs = 0
    let error: string | null = null
    let stderr = ''
    const kill = () => child.kill('SIGKILL')
    if (mode === 'startup') setTimeout(kill, delayMs)
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const [word, a, b] = line.split(' ')
      if (word === 'compact') {
        duringCompaction = true
        compactStart = Date.now()
        // 'compaction' trials aim the kill inside the first compaction (the loop's timer stays as a fallback).
        if (mode === 'compaction' && compactions === 0) setTimeout(kill, compactKillMs)
      } else if (word === 'compacted') {
        duringCompaction = false
        compactions++
        compactMs += Date.now() - compactStart
      } else if (word === 'ready') {
        const rest = line.split(' ').slice(3).join(' ')
        ready = { n: Number(a), replayed: Number(b), recovered: rest === '-' ? null : rest }
        readyAfterMs = Date.now() - t0
        if (mode !== 'startup') setTimeout(kill, delayMs)
      } else if (word === 'ack') {
        lastAck = Number(a)
        acks++
        ackSpanMs = Date.now() - t0 - (readyAfterMs ?? 0)
      }
      else if (word === 'error') error = line.slice(6)
    })
    child.stderr!.on('data', (d) => (stderr += d))
    child.on('exit', () => {
      live.delete(child)
      // readline may still hold the last complete lines: let it drain first
      setImmediate(() =>
        resolvePromise({
          ready,
          duringCompaction,
          compactions,
          compactMs: compactions ? compactMs / compactions : 0,
          lastAck,
          acks,
          ackSpanMs,
          error: error ?? (stderr.trim() ? stderr.trim().slice(0, 500) : null),
          readyAfterMs
        })
      )
    })
  })
}

/** Reads the project with the worker's own open function (base + journal replay); returns the edits in it. */
export async function editsInFile(
  path: string
): Promise<{ max: number; holes: number[]; counter: number | null; quickCheck: string; problem: string | null; docs: Set<number>; badOriginals: string[] }> {
  const opened = await openProject(path, new Date().toISOString())
  const db = opened.db
  try {
    const quickCheck = String(pragmaValue(db, 'quick_check'))
    const names = (db.exec("SELECT name FROM entities WHERE name LIKE 'edit-%'")[0]?.values ?? []).map((r) => String(r[0]))
    const nums = new Set(names.map((n) => Number(n.slice(5))))
    const max = nums.size ? Math.max(...nums) : 0
    const holes: number[] = []
    for (let i = 1; i <= max; i++) if (!nums.has(i)) holes.push(i)
    const c = db.exec("SELECT notes FROM entities WHERE name = 'counter'")[0]?.values[0]?.[0]
    // Each imported document's original, from the originals folder, must be the bytes the child made.
    const docs = new Set<number>()
    const badOriginals: string[] = []
    for (const [id, title, sha] of db.exec("SELECT id, title, sha256 FROM documents WHERE title LIKE 'doc-%'")[0]?.values ?? []) {
      const n = Number(String(title).slice(4))
      docs.add(n)
      // In the folder whether or not this read-only open replayed it from the journal (where it stays inline in memory).
      try {
        if (!gunzipSync(readFileSync(join(originalsDir(path), `${sha}.gz`))).equals(docOriginal(n))) badOriginals.push(`${title}: wrong bytes in the folder`)
      } catch (e) {
        badOriginals.push(`${title}: not in the originals folder (${(e as Error).message})`)
      }
      try {
        if (!Buffer.from(documentOriginal(db, Number(id)).bytes).equals(docOriginal(n))) badOriginals.push(`${title}: wrong bytes`)
      } catch (e) {
        badOriginals.push(`${title}: ${(e as Error).message}`)
      }
    }
    // The counter is made with empty notes before the first edit: empty is 0 (a kill between
    // edit-1 and the counter's first update leaves it so), absent is null.
    return { max, holes, counter: c === undefined ? null : c === '' ? 0 : Number(c), quickCheck, problem: opened.problem?.message ?? null, docs, badOriginals }
  } finally {
    db.close()
  }
}

/** Makes the chain's project; returns its size and how long one edit + save takes here. */
export async function makeProject(path: string, rand: () => number): Promise<{ bytes: number; saveMs: number }> {
  // A project big enough (about 0.8 MB) that a save takes a while, so kills
  // land inside it: the ballast is one document's original bytes (random,
  // so gzip cannot shrink them), which no list query ever carries.
  const setup = await ProjectDb.open(path, { create: true, saveDelayMs: 60_000 })
  const ballast = new Uint8Array(800_000)
  for (let i = 0; i < ballast.length; i++) ballast[i] = Math.floor(rand() * 256)
  const text = 'Ballast document for the crash test.'
  await setup.call('documents.insert', {
    title: 'Ballast',
    byline: null,
    siteName: null,
    publishedTime: null,
    lang: null,
    dir: null,
    excerpt: null,
    sourcePath: '/ballast.bin',
    mediaType: 'text/plain',
    sha256: 'f'.repeat(64),
    original: ballast,
    text,
    blocks: [{ start: 0, end: text.length, kind: 'p' }]
  })
  await setup.save()
  const e = await setup.call('entities.create', { name: 'timing', type: 'Other' })
  const t0 = Date.now()
  for (let i = 0; i < 3; i++) {
    await setup.call('entities.update', { id: e.id, notes: String(i) })
    await setup.save()
  }
  const saveMs = (Date.now() - t0) / 3
  await setup.close()
  return { bytes: readFileSync(path).length, saveMs }
}
