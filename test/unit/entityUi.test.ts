// The entity UI's pure helpers: the context shown in the tag-all list and the
// type look-up that colours highlights with the project's own types (finding
// entities by name or alias is in rankEntities.test.ts).
import { describe, expect, it } from 'vitest'
import type { EntityTypeInfo } from '@contract/types'
import { around, plural } from '../../src-renderer/src/entities/format'
import { lookupType } from '../../src-renderer/src/colors'

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
