// Reads a GraphSnapshot of a project: through the database worker of an open
// project (the app), or straight from an in-process read-only database (the
// CLI's export, which never writes the project).
import { basename, extname } from 'node:path'
import type { ProjectDb } from '../db/projectDb'
import type { Database } from '../db/sqlite'
import { readSnapshotRows, type SnapshotReadOptions } from './snapshotQuery'
import type { GraphSnapshot, SnapshotRows } from './types'

export interface SnapshotOptions {
  /** Fill in mentions' code-point offsets (W3C, CSV). */
  codePoints?: boolean
  /** Add co-mentions (entities tagged in the same paragraph), marked as such. */
  coMentions?: boolean
  /** Documents' SHA-1 (FtM). */
  contentHashes?: boolean
  /** Canonical texts and W3C quote contexts (W3C). */
  texts?: boolean
  now?: Date
}

export function snapshotFromRows(rows: SnapshotRows, projectPath: string, now = new Date()): GraphSnapshot {
  return {
    version: 1,
    project: { name: basename(projectPath, extname(projectPath)), createdAt: rows.projectCreatedAt },
    exportedAt: now.toISOString(),
    documents: rows.documents,
    entities: rows.entities,
    mentions: rows.mentions,
    claims: rows.claims,
    ...(rows.coMentions ? { coMentions: rows.coMentions } : {})
  }
}

function readOptions(o: SnapshotOptions): SnapshotReadOptions {
  return { codePoints: o.codePoints ?? false, coMentions: o.coMentions ?? false, contentHashes: o.contentHashes ?? false, texts: o.texts ?? false }
}

/** Through the worker of an open project. */
export async function readSnapshot(db: ProjectDb, opts: SnapshotOptions = {}): Promise<GraphSnapshot> {
  const rows = await db.call('graph.snapshot', readOptions(opts))
  return snapshotFromRows(rows, db.path, opts.now)
}

/** From a database opened in this thread (read only). */
export function readSnapshotFrom(db: Database, projectPath: string, opts: SnapshotOptions = {}): GraphSnapshot {
  return snapshotFromRows(readSnapshotRows(db, readOptions(opts)), projectPath, opts.now)
}
