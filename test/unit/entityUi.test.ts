// The entity UI's pure helpers: finding entities by name or alias (entity
// filter, tag popover), the context shown in the tag-all list, and the type
// look-up that colours highlights with the project's own types.
import { describe, expect, it } from 'vitest'
import type { Entity, EntityAlias, EntityTypeInfo } from '@contract/types'
import { aliasesByEntity, matchEntities } from '../../src-renderer/src/entities/matchEntities'
import { around, plural } from '../../src-renderer/src/entities/format'
import { lookupType } from '../../src-renderer/src/colors'

const ent = (id: number, name: string, type = 'Organization'): Entity => ({ id, name, type, notes: '', mentionCount: 0, createdAt: '' })
const alias = (id: number, entityId: number, name: string): EntityAlias => ({ id, entityId, name, createdAt: '' })

const ENTITIES = [ent(1, 'Department of Defense', 'PublicBody'), ent(2, 'Pentagon Papers'), ent(3, 'Scale AI', 'Company'), ent(4, 'Defense Innovation Unit')]
const ALIASES = aliasesByEntity([alias(1, 1, 'DoD'), alias(2, 1, 'the Pentagon'), alias(3, 3, 'Scale')])

describe('matchEntities', () => {
  it('finds an entity by an alias and says which alias matched', () => {
    expect(matchEntities(ENTITIES, ALIASES, 'dod').map((m) => [m.entity.id, m.alias])).toEqual([[1, 'DoD']])
  })

  it('puts exact names first, then exact aliases, then partial names, then partial aliases', () => {
    const r = matchEntities(ENTITIES, ALIASES, 'pentagon')
    // "Pentagon Papers" contains it by name; the DoD only through an alias.
    expect(r.map((m) => m.entity.id)).toEqual([2, 1])
    const exactAlias = matchEntities(ENTITIES, ALIASES, 'The  Pentagon')
    expect(exactAlias[0]).toEqual({ entity: ENTITIES[0], alias: 'the Pentagon' })
    expect(matchEntities(ENTITIES, ALIASES, 'scale ai')[0]).toEqual({ entity: ENTITIES[2], alias: null })
  })

  it('reports a name match as such even when an alias matches too', () => {
    const r = matchEntities(ENTITIES, ALIASES, 'defense')
    expect(r.map((m) => [m.entity.id, m.alias])).toEqual([
      [1, null],
      [4, null]
    ])
  })

  it('returns everything (up to the limit) for an empty query, and nothing for a miss', () => {
    expect(matchEntities(ENTITIES, ALIASES, '  ', 2).map((m) => m.entity.id)).toEqual([1, 2])
    expect(matchEntities(ENTITIES, ALIASES, 'NATO')).toEqual([])
  })
})

describe('around', () => {
  const s = 'However, the success of this initiative hinges on the Pentagon’s ability to maintain security protocols as private-sector engineers gain access.'
  it('keeps short context whole', () => {
    const start = s.indexOf('the Pentagon')
    const r = around(s, start, 'the Pentagon'.length, 200)
    expect(r.before + r.hit + r.after).toBe(s)
    expect(r.hit).toBe('the Pentagon')
  })
  it('trims long context at word boundaries with an ellipsis', () => {
    const start = s.indexOf('the Pentagon')
    const r = around(s, start, 'the Pentagon'.length, 20)
    expect(r.hit).toBe('the Pentagon')
    expect(r.before.startsWith('…')).toBe(true)
    expect(r.after.endsWith('…')).toBe(true)
    expect(r.before.length).toBeLessThanOrEqual(21)
    // No word is cut in half.
    expect(s).toContain(r.before.slice(1))
    // The last 20 characters start inside "initiative": that part word is dropped.
    expect(r.before).toBe('…hinges on ')
  })
})

describe('plural and lookupType', () => {
  it('counts', () => {
    expect(plural(1, 'mention')).toBe('1 mention')
    expect(plural(0, 'alias', 'aliases')).toBe('0 aliases')
  })
  it('uses the project’s custom types, and a neutral look for unknown keys', () => {
    const types: EntityTypeInfo[] = [
      { key: 'PublicBody', label: 'Public body', color: '#2b8a3e', icon: '🏛', builtIn: true },
      { key: 'SecurityTier', label: 'Security level', color: '#aa00cc', icon: '⚔', builtIn: false }
    ]
    expect(lookupType(types, 'SecurityTier')).toMatchObject({ label: 'Security level', color: '#aa00cc', icon: '⚔' })
    // Built-ins show their colour; their default emoji is not drawn.
    expect(lookupType(types, 'PublicBody')).toMatchObject({ label: 'Public body', icon: '' })
    expect(lookupType(types, 'Gone')).toMatchObject({ label: 'Gone', icon: '' })
  })
})
