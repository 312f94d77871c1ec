// Aliases: other names of one entity ("DoD", "the Pentagon" for "Department
// of Defense"). Unique per entity whatever their case or Unicode form
// (name_key = foldKey(name)), and never the entity's own name.
import type { EntityAlias } from '../../../contract/types'
import { CoreError } from '../../app/errors'
import { foldKey } from '../../tagging/text'
import { all, get, run, type Database } from '../sqlite'
import { getEntity } from './entities'
import { describeAction } from './history'

const COLUMNS = 'id, entity_id AS entityId, name, created_at AS createdAt'

export function listAliases(db: Database, a: { entityId?: number } = {}): EntityAlias[] {
  if (a.entityId !== undefined) {
    getEntity(db, a.entityId)
    return all<EntityAlias>(db, `SELECT ${COLUMNS} FROM entity_aliases WHERE entity_id = ? ORDER BY name COLLATE NOCASE, id`, [a.entityId])
  }
  return all<EntityAlias>(db, `SELECT ${COLUMNS} FROM entity_aliases ORDER BY entity_id, name COLLATE NOCASE, id`)
}

export function aliasNames(db: Database, entityId: number): string[] {
  return all<{ name: string }>(db, 'SELECT name FROM entity_aliases WHERE entity_id = ? ORDER BY id', [entityId]).map((r) => r.name)
}

/** Adds an alias row without the checks' messages (used by merge); returns its id, or null if the name is taken. */
export function insertAliasIfFree(db: Database, entityId: number, name: string, now: string): number | null {
  const clean = name.normalize('NFC').trim()
  const key = foldKey(clean)
  const entity = getEntity(db, entityId)
  if (foldKey(entity.name) === key) return null
  if (get(db, 'SELECT 1 AS x FROM entity_aliases WHERE entity_id = ? AND name_key = ?', [entityId, key])) return null
  return run(db, 'INSERT INTO entity_aliases (entity_id, name, name_key, created_at) VALUES (?, ?, ?, ?)', [entityId, clean, key, now]).lastId
}

export function addAlias(db: Database, a: { entityId: number; name: string }, now: string): EntityAlias {
  const entity = getEntity(db, a.entityId)
  const clean = a.name.normalize('NFC').replace(/\s+/gu, ' ').trim()
  if (!clean) throw new CoreError('BAD_ARGS', 'An alias needs a name.')
  const key = foldKey(clean)
  if (foldKey(entity.name) === key) throw new CoreError('CONFLICT', `“${clean}” is already the name of this entity.`)
  const dup = get<{ name: string }>(db, 'SELECT name FROM entity_aliases WHERE entity_id = ? AND name_key = ?', [a.entityId, key])
  if (dup) throw new CoreError('CONFLICT', `“${entity.name}” already has the alias “${dup.name}”.`)
  const id = run(db, 'INSERT INTO entity_aliases (entity_id, name, name_key, created_at) VALUES (?, ?, ?, ?)', [a.entityId, clean, key, now]).lastId
  describeAction(`Add alias “${clean}” to “${entity.name}”`)
  return get<EntityAlias>(db, `SELECT ${COLUMNS} FROM entity_aliases WHERE id = ?`, [id])!
}

export function removeAlias(db: Database, id: number): number {
  const row = get<{ name: string; entityId: number }>(db, 'SELECT name, entity_id AS entityId FROM entity_aliases WHERE id = ?', [id])
  if (!row) return 0
  describeAction(`Remove alias “${row.name}”`)
  return run(db, 'DELETE FROM entity_aliases WHERE id = ?', [id]).changes
}
