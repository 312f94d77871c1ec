import type { Relation } from '../../../contract/types'
import { CoreError } from '../../app/errors'
import { all, get, run, type Database } from '../sqlite'
import { getEntity } from './entities'

const COLUMNS = `id, source_id AS sourceId, target_id AS targetId, type, label, created_at AS createdAt`

export function listRelations(db: Database): Relation[] {
  return all<Relation>(db, `SELECT ${COLUMNS} FROM relations ORDER BY id`)
}

export function createRelation(
  db: Database,
  a: { sourceId: number; targetId: number; type: string; label: string },
  now: string
): Relation {
  getEntity(db, a.sourceId)
  getEntity(db, a.targetId)
  const dup = get<{ id: number }>(
    db,
    'SELECT id FROM relations WHERE source_id = ? AND target_id = ? AND type = ? AND label = ?',
    [a.sourceId, a.targetId, a.type, a.label]
  )
  if (dup) throw new CoreError('CONFLICT', 'This link already exists.')
  const id = run(db, 'INSERT INTO relations (source_id, target_id, type, label, created_at) VALUES (?, ?, ?, ?, ?)', [
    a.sourceId,
    a.targetId,
    a.type,
    a.label,
    now
  ]).lastId
  return get<Relation>(db, `SELECT ${COLUMNS} FROM relations WHERE id = ?`, [id])!
}

export function deleteRelation(db: Database, id: number): number {
  return run(db, 'DELETE FROM relations WHERE id = ?', [id]).changes
}
