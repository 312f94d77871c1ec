// Entity types: the built-in FollowTheMoney-like types (vocabulary.ts,
// read-only) and the types the user adds to the project, with a colour and
// an icon.
import type { EntityTypeInfo } from '../../../contract/types'
import { ENTITY_TYPES } from '../../../contract/vocabulary'
import { CoreError } from '../../app/errors'
import { all, get, run, type Database } from '../sqlite'
import { describeAction } from './history'

/** Default icons of the built-in types (an emoji the UI may show or replace). */
const BUILT_IN_ICONS: Record<string, string> = {
  Person: '👤',
  Organization: '🏛',
  Company: '🏢',
  PublicBody: '🏛',
  Location: '📍',
  Money: '💰',
  Date: '📅',
  Event: '📌',
  Technology: '⚙',
  Source: '📰'
}

const BUILT_IN_KEYS = new Set(ENTITY_TYPES.map((t) => t.key.toLowerCase()))

export function builtInTypes(): EntityTypeInfo[] {
  return ENTITY_TYPES.map((t) => ({ key: t.key, label: t.label, color: t.color, icon: BUILT_IN_ICONS[t.key] ?? '', builtIn: true }))
}

const COLUMNS = 'key, label, color, icon'

export function customTypes(db: Database): EntityTypeInfo[] {
  return all<Omit<EntityTypeInfo, 'builtIn'>>(db, `SELECT ${COLUMNS} FROM entity_types ORDER BY label COLLATE NOCASE, id`).map((t) => ({
    ...t,
    builtIn: false
  }))
}

/** Built-ins first (in vocabulary order), then the project's own types. */
export function listEntityTypes(db: Database): EntityTypeInfo[] {
  return [...builtInTypes(), ...customTypes(db)]
}

function customType(db: Database, key: string): EntityTypeInfo | undefined {
  const row = get<Omit<EntityTypeInfo, 'builtIn'>>(db, `SELECT ${COLUMNS} FROM entity_types WHERE key = ?`, [key])
  return row ? { ...row, builtIn: false } : undefined
}

function taken(db: Database, key: string): boolean {
  return BUILT_IN_KEYS.has(key.toLowerCase()) || !!get(db, 'SELECT 1 AS x FROM entity_types WHERE lower(key) = lower(?)', [key])
}

/** "Shell company" → "ShellCompany"; letters and digits of any script are kept. */
function keyFromLabel(label: string): string {
  const k = label
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('')
    .slice(0, 50)
  return k || 'Custom'
}

export function createEntityType(db: Database, a: { label: string; key?: string; color: string; icon?: string }, now: string): EntityTypeInfo {
  let key: string
  if (a.key) {
    key = a.key.trim()
    if (taken(db, key)) throw new CoreError('CONFLICT', `There is already an entity type “${key}”.`)
  } else {
    const base = keyFromLabel(a.label)
    key = base
    for (let n = 2; taken(db, key); n++) key = `${base}${n}`
  }
  run(db, 'INSERT INTO entity_types (key, label, color, icon, created_at) VALUES (?, ?, ?, ?, ?)', [
    key,
    a.label.trim(),
    a.color.toLowerCase(),
    (a.icon ?? '').trim(),
    now
  ])
  describeAction(`Add entity type “${a.label.trim()}”`)
  return customType(db, key)!
}

export function updateEntityType(db: Database, a: { key: string; label?: string; color?: string; icon?: string }): EntityTypeInfo {
  if (BUILT_IN_KEYS.has(a.key.toLowerCase()) && !customType(db, a.key)) {
    throw new CoreError('CONFLICT', `“${a.key}” is a built-in type and cannot be changed.`)
  }
  const t = customType(db, a.key)
  if (!t) throw new CoreError('NOT_FOUND', `There is no entity type “${a.key}”.`)
  const next = { label: a.label?.trim() ?? t.label, color: a.color?.toLowerCase() ?? t.color, icon: a.icon?.trim() ?? t.icon }
  db.run('UPDATE entity_types SET label = ?, color = ?, icon = ? WHERE key = ?', [next.label, next.color, next.icon, a.key])
  describeAction(`Edit entity type “${next.label}”`)
  return customType(db, a.key)!
}
