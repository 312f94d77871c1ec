// Room and keyboard on the map: arrow-key moves to the nearest node in a
// direction (keyboardNav.ts), what the live region says, and the pane
// layouts remembered per project in the app's settings file.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { SettingsStore } from '../../src-main/core/app/settings'
import { nearestInDirection, nearestTo, nodeAnnouncement, type NavPoint } from '../../src-renderer/src/map/keyboardNav'

const at = (id: number, x: number, y: number): NavPoint => ({ id, x, y })

describe('arrow keys move to the nearest node in that direction', () => {
  // A plus sign around the centre (0,0), with decoys.
  const points = [at(0, 0, 0), at(1, 100, 5), at(2, -100, 0), at(3, 0, -100), at(4, 0, 100), at(5, 60, 70), at(6, 400, 0)]
  const from = points[0]!

  it('picks the node straight ahead over a nearer one off to the side', () => {
    expect(nearestInDirection(points, from, 'right')).toBe(1)
    expect(nearestInDirection(points, from, 'left')).toBe(2)
    expect(nearestInDirection(points, from, 'up')).toBe(3)
    // (60,70) is nearer than (0,100) and within 45° of down, but further across: down goes straight down.
    expect(nearestInDirection(points, from, 'down')).toBe(4)
  })

  it('walks a row left to right and stops at its end', () => {
    const row = Array.from({ length: 6 }, (_, i) => at(i + 10, i * 200, i % 2 ? 80 : 0))
    let cur = row[0]!
    const seen = [cur.id]
    for (;;) {
      const next = nearestInDirection(row, cur, 'right')
      if (next === null) break
      cur = row.find((p) => p.id === next)!
      seen.push(cur.id)
    }
    expect(seen).toEqual([10, 11, 12, 13, 14, 15])
    expect(nearestInDirection(row, row[5]!, 'right')).toBeNull()
  })

  it('moves to a node outside the 45° cone when the cone is empty, and never backwards', () => {
    const pts = [at(1, 0, 0), at(2, 50, 300), at(3, -500, 0)]
    expect(nearestInDirection(pts, pts[0]!, 'right')).toBe(2)
    expect(nearestInDirection([at(1, 0, 0), at(2, -10, 0)], at(1, 0, 0), 'right')).toBeNull()
  })

  it('breaks ties by id, so the same map always moves the same way', () => {
    const pts = [at(9, 0, 0), at(7, 100, 20), at(4, 100, -20)]
    expect(nearestInDirection(pts, pts[0]!, 'right')).toBe(4)
    expect(nearestTo(pts, 100, 0)).toBe(4)
    expect(nearestTo([], 0, 0)).toBeNull()
  })
})

describe('the live region', () => {
  it('says the name, the type and the number of claims', () => {
    expect(nodeAnnouncement('Сергей Шойгу', 'Person', 1)).toBe('Сергей Шойгу, Person, 1 claim')
    expect(nodeAnnouncement('Meta', 'Company', 3, true)).toBe('Meta, Company, 3 claims, pinned')
    expect(nodeAnnouncement('Accel', 'Company', 0)).toBe('Accel, Company, 0 claims')
  })
})

describe('pane layouts in the settings file', () => {
  const dirs: string[] = []
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))
  const dir = () => {
    const d = mkdtempSync(join(tmpdir(), 'rwb-panes-'))
    dirs.push(d)
    return d
  }
  const layout = { libraryWidth: 300, entitiesWidth: 200, libraryCollapsed: true, entitiesCollapsed: false }

  it('are kept per project path and survive a restart', () => {
    const d = dir()
    const s = new SettingsStore(d)
    expect(s.paneLayout('/p/a.rwb')).toBeNull()
    s.setPaneLayout('/p/a.rwb', layout)
    s.setPaneLayout('/p/b.rwb', { ...layout, libraryCollapsed: false })
    const again = new SettingsStore(d)
    expect(again.paneLayout('/p/a.rwb')).toEqual(layout)
    expect(again.paneLayout('/p/b.rwb')?.libraryCollapsed).toBe(false)
    // The rest of the settings file is untouched.
    expect(again.get().recent).toEqual([])
  })

  it('drop malformed entries instead of failing, and forget the oldest past 50', () => {
    const d = dir()
    writeFileSync(join(d, 'settings.json'), JSON.stringify({ lastProject: null, recent: [], paneLayouts: { '/ok.rwb': layout, '/bad.rwb': { libraryWidth: 'wide' }, '/huge.rwb': { ...layout, libraryWidth: 99999 } } }))
    const s = new SettingsStore(d)
    expect(s.paneLayout('/ok.rwb')).toEqual(layout)
    expect(s.paneLayout('/bad.rwb')).toBeNull()
    expect(s.paneLayout('/huge.rwb')).toBeNull()
    for (let i = 0; i < 60; i++) s.setPaneLayout(`/p/${i}.rwb`, layout)
    const stored = JSON.parse(readFileSync(join(d, 'settings.json'), 'utf8')) as { paneLayouts: Record<string, unknown> }
    expect(Object.keys(stored.paneLayouts)).toHaveLength(50)
    expect(stored.paneLayouts['/p/59.rwb']).toEqual(layout)
    expect(stored.paneLayouts['/p/0.rwb']).toBeUndefined()
  })
})
