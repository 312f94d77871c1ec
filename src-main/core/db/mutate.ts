// Running a mutation op, the one way both the worker (live edits) and the
// journal replay (opening a project) do it, so a replayed edit walks exactly
// the path it walked when it was made: recordAction (history, audit) around
// the op, with the same `now` and audit user. The digest of each outcome is
// what the journal keeps to prove the replay came out the same.
import { createHash } from 'node:crypto'
import { serialize } from 'node:v8'
import { isCoreError } from '../app/errors'
import type { JournalRecord } from './journal'
import { lookupOp } from './ops'
import { currentUserName, recordAction, setUserName } from './repos/history'
import type { Database } from './sqlite'

export interface Outcome {
  ok: boolean
  value?: unknown
  error?: unknown
  digest: string
}

function digestOf(ok: boolean, v: unknown): string {
  let bytes: Uint8Array
  if (ok) {
    try {
      bytes = serialize(v === undefined ? null : v)
    } catch {
      bytes = Buffer.from(JSON.stringify(v) ?? 'null')
    }
  } else {
    const e = v as { code?: unknown; message?: unknown }
    bytes = Buffer.from(`${isCoreError(v) ? String(e.code) : 'error'}:${String(e?.message ?? v)}`, 'utf8')
  }
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16)
}

/** Runs a mutation op as one action and returns what happened (never throws for the op's own failure). */
export function runMutation(db: Database, op: string, args: unknown, now: string): Outcome {
  const def = lookupOp(op)
  if (!def || !def.mutation) throw new Error(`not a mutation: ${op}`)
  try {
    const value = recordAction(db, op, args, now, () => def.run(db, args, now))
    return { ok: true, value, digest: digestOf(true, value) }
  } catch (error) {
    return { ok: false, error, digest: digestOf(false, error) }
  }
}

/** The journal record of an outcome. */
export function recordOf(op: string, args: unknown, now: string, out: Outcome): JournalRecord {
  return { op, args, now, user: currentUserName(), ok: out.ok, digest: out.digest }
}

/**
 * Replays records onto a database opened from their base. Stops at the first
 * record whose outcome differs from when it was made (returns its number and
 * why); the database then holds every record before it.
 */
export function replayRecords(db: Database, records: JournalRecord[]): { replayed: number; diverged: string | null } {
  const user = currentUserName()
  try {
    for (let i = 0; i < records.length; i++) {
      const r = records[i]!
      setUserName(r.user)
      let out: Outcome
      try {
        out = runMutation(db, r.op, r.args, r.now)
      } catch (e) {
        return { replayed: i, diverged: `edit ${i + 1} (${r.op}) cannot be replayed: ${(e as Error).message}` }
      }
      if (out.ok !== r.ok || out.digest !== r.digest) {
        return { replayed: i, diverged: `edit ${i + 1} (${r.op}) came out differently when replayed` }
      }
    }
    return { replayed: records.length, diverged: null }
  } finally {
    setUserName(user)
  }
}
