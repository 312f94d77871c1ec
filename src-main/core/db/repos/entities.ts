import type { Entity } from '../../../contract/types'
import { CoreError } from '../../app/errors'
import { all, get, run, type Database } from '../sqlite'

const COLUMNS = `e.id, e.name, e.type, e.notes, e.created_at AS createdAt,
  (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) AS mentionCount`

export function listEntities(db: Database): Entity[] {
  return all<Entity>(db, `SELECT ${COLUMNS} FROM entities e ORDER BY e.name COLLATE NOCASE, e.id`)
}

export function getEntity(db: Database, id: number): Entity {
  const row = get<Entity>(db, `SELECT ${COLUMNS} FROM entities e WHERE e.id = ?`, [id])
  if (!row) throw new CoreError('NOT_FOUND', `Entity ${id} does not exist.`)
  return row
}

export function createEntity(db: Database, a: { name: string; type: string }, now: string): Entity {
  const id = run(db, 'INSERT INTO entities (name, type, notes, created_at) VALUES (?, ?, ?, ?)', [a.name.trim(), a.type, '', now]).lastId
  return getEntity(db, id)
}

export function updateEntity(db: Database, a: { id: number; name?: string; type?: string; notes?: string }): Entity {
  getEntity(db, a.id)
  if (a.name !== undefined) db.run('UPDATE entities SET name = ? WHERE id = ?', [a.name.trim(), a.id])
  if (a.type !== undefined) db.run('UPDATE entities SET type = ? WHERE id = ?', [a.type, a.id])
  if (a.notes !== undefined) db.run('UPDATE entities SET notes = ? WHERE id = ?', [a.notes, a.id])
  return getEntity(db, a.id)
}

export function deleteEntity(db: Database, id: number): number {
  return run(db, 'DELETE FROM entities WHERE id = ?', [id]).changes
}
