// Pure renderer helpers: the map's Cytoscape element builder and the
// reader's span segmentation / find.
import { describe, expect, it, vi } from 'vitest'
import type { CoMention, Entity } from '../../src-main/contract/types'
import { ENTITY_TYPES, entityType, RELATION_TYPES } from '../../src-main/contract/vocabulary'
import { linkPredicate } from '../../src-main/core/tagging/legacyLinks'

// The renderer imports the contract through the '@contract' alias, which
// electron.vite.config.ts defines for the renderer build but vitest.config.ts
// does not; map the runtime import to the real module here.
vi.mock('@contract/vocabulary', () => import('../../src-main/contract/vocabulary'))

import { buildElements, elementsKey, nodeSize } from '../../src-renderer/src/map/graph'
import { edgesFromClaims, type MapClaim } from '../../src-renderer/src/map/edgesFromClaims'
import { findAll, segmentRange, type Layer, type Segment } from '../../src-renderer/src/reader/segments'
import { rng } from '../support/rng'

/** mulberry32: deterministic, so a failure reproduces from its seed. */

const entity = (id: number, type: string, mentionCount = 0, name = `E${id}`): Entity => ({ id, name, type, notes: '', mentionCount, createdAt: '2025-01-01T00:00:00.000Z' })
/** A link: an analyst-judgement claim without a passage (what "Link to…" makes, and what migration 0006 made of every old link). */
const link = (id: number, subjectId: number, objectId: number, predicate = 'awarded contract to'): MapClaim => ({
  id,
  subjectId,
  objectId,
  objectLabel: `E${objectId}`,
  predicate,
  reliability: 'F',
  credibility: 6,
  status: 'unverified',
  documentId: null,
  documentTitle: null,
  start: null,
  end: null,
  quote: null,
  grade: 'F6',
  analystJudgement: true,
  createdAt: '2025-01-01T00:00:00.000Z'
})
const links = (...ls: MapClaim[]) => edgesFromClaims(ls)

describe('nodeSize', () => {
  it('is monotonic (non-decreasing) and bounded', () => {
    let prev = -Infinity
    for (let m = 0; m <= 10_000; m++) {
      const s = nodeSize(m)
      expect(s).toBeGreaterThanOrEqual(prev)
      expect(s).toBeGreaterThanOrEqual(26)
      expect(s).toBeLessThanOrEqual(84)
      expect(Number.isInteger(s)).toBe(true)
      prev = s
    }
    expect(nodeSize(Number.MAX_SAFE_INTEGER)).toBe(84)
  })

  it('grows with mentions before it saturates', () => {
    expect(nodeSize(0)).toBe(26)
    expect(nodeSize(1)).toBeGreaterThan(nodeSize(0))
    expect(nodeSize(4)).toBeGreaterThan(nodeSize(1))
    expect(nodeSize(20)).toBeGreaterThan(nodeSize(4))
    expect(nodeSize(1000)).toBe(84)
  })

  it('treats a negative count as zero', () => {
    expect(nodeSize(-5)).toBe(nodeSize(0))
  })
})

describe('buildElements', () => {
  const entities = [entity(1, 'Person', 0, 'Alexandr Wang'), entity(2, 'Company', 12, 'Scale AI'), entity(3, 'PublicBody', 3, 'Department of Defense'), entity(4, 'Gadget', 5000, 'Unknown-type thing')]
  const nodes = (els: ReturnType<typeof buildElements>) => els.filter((e) => e.group === 'nodes')
  const edges = (els: ReturnType<typeof buildElements>, cls?: string) => els.filter((e) => e.group === 'edges' && (!cls || e.classes === cls))

  it('makes one node per entity, coloured by type and sized by mentions', () => {
    const els = buildElements({ entities, coMentions: [], showCoMentions: false })
    const ns = nodes(els)
    expect(ns).toHaveLength(4)
    expect(ns.map((n) => n.data.id)).toEqual(['e1', 'e2', 'e3', 'e4'])
    expect(new Set(ns.map((n) => n.data.id)).size).toBe(4)
    for (const [i, e] of entities.entries()) {
      expect(ns[i]!.data).toMatchObject({ entityId: e.id, label: e.name, mentions: e.mentionCount, size: nodeSize(e.mentionCount), color: entityType(e.type).color })
    }
    expect(ns[0]!.data.color).toBe(ENTITY_TYPES.find((t) => t.key === 'Person')!.color)
    expect(ns[1]!.data.color).toBe(ENTITY_TYPES.find((t) => t.key === 'Company')!.color)
    expect(ns[0]!.data.color).not.toBe(ns[1]!.data.color)
    expect(ns[2]!.data.type).toBe('Public body')
    // an unknown type still gets a colour, and its own name as the label
    expect(ns[3]!.data.color).toMatch(/^#[0-9a-f]{6}$/i)
    expect(ns[3]!.data.type).toBe('Gadget')
    // size grows with mentions, within bounds
    expect(ns[1]!.data.size).toBeGreaterThan(ns[2]!.data.size)
    expect(ns[2]!.data.size).toBeGreaterThan(ns[0]!.data.size)
    expect(ns[3]!.data.size).toBe(84)
  })

  it('every known entity type has a distinct colour', () => {
    const els = buildElements({ entities: ENTITY_TYPES.map((t, i) => entity(i + 1, t.key)), coMentions: [], showCoMentions: false })
    const colours = nodes(els).map((n) => n.data.color)
    expect(new Set(colours).size).toBe(ENTITY_TYPES.length)
  })

  it('an old link (migration 0006) says its label, or its type\'s verb when it had none, as the map drew it', () => {
    expect(linkPredicate('$500M contract', 'contract')).toBe('$500M contract')
    expect(linkPredicate('', 'employment')).toBe(RELATION_TYPES.find((t) => t.key === 'employment')!.verb)
    expect(linkPredicate('', 'funding')).toBe('invested in')
    expect(linkPredicate('', 'not-a-known-type')).toBe('not-a-known-type')
    expect(linkPredicate('  ', 'contract')).toBe('awarded contract to')
  })

  it('makes one directed edge per link, labelled with its predicate and drawn as a link', () => {
    const ls = links(link(10, 3, 2, '$500M contract'), link(11, 2, 1, linkPredicate('', 'employment')), link(12, 1, 3, linkPredicate('', 'not-a-known-type')), link(13, 2, 3, 'invested in'))
    const els = buildElements({ entities, claimEdges: ls, coMentions: [], showCoMentions: false })
    const rs = edges(els, 'claim link')
    expect(edges(els)).toHaveLength(4)
    expect(rs.map((r) => [r.data.id, r.data.source, r.data.target, r.data.label])).toEqual([
      ['k10', 'e3', 'e2', '$500M contract'],
      ['k11', 'e2', 'e1', RELATION_TYPES.find((t) => t.key === 'employment')!.verb],
      ['k12', 'e1', 'e3', 'not-a-known-type'],
      ['k13', 'e2', 'e3', 'invested in']
    ])
    expect(rs.map((r) => r.data.claimIds)).toEqual([[10], [11], [12], [13]])
  })

  it('links between the same pair in either direction, or saying different things, stay separate edges', () => {
    const els = buildElements({ entities, claimEdges: links(link(1, 1, 2), link(2, 2, 1), link(3, 1, 2, 'invested in')), coMentions: [], showCoMentions: false })
    expect(edges(els).map((e) => e.data.id)).toEqual(['k1', 'k2', 'k3'])
  })

  it('co-mention edges appear only when showCoMentions is on', () => {
    const coMentions: CoMention[] = [
      { a: 1, b: 2, count: 1 },
      { a: 2, b: 3, count: 7 }
    ]
    const off = buildElements({ entities, claimEdges: links(link(1, 1, 2)), coMentions, showCoMentions: false })
    expect(edges(off, 'comention')).toEqual([])
    const on = buildElements({ entities, claimEdges: links(link(1, 1, 2)), coMentions, showCoMentions: true })
    const cs = edges(on, 'comention')
    expect(cs.map((c) => [c.data.source, c.data.target, c.data.count])).toEqual([
      ['e1', 'e2', 1],
      ['e2', 'e3', 7]
    ])
    // width grows with the count, bounded
    expect(cs[1]!.data.width).toBeGreaterThan(cs[0]!.data.width)
    const huge = buildElements({ entities, coMentions: [{ a: 1, b: 2, count: 1e9 }], showCoMentions: true })
    expect(edges(huge)[0]!.data.width).toBeLessThanOrEqual(6)
    // link edges are unaffected by the toggle
    // (but for being drawn apart from the co-mention between the same two entities)
    const apart = (els: ReturnType<typeof buildElements>) => els.map((e) => ({ ...e, data: { ...e.data, parallel: undefined } }))
    expect(apart(edges(on, 'claim link'))).toEqual(apart(edges(off, 'claim link')))
    expect(edges(on, 'claim link')[0]!.data.parallel).toBe(true)
    expect(edges(off, 'claim link')[0]!.data.parallel).toBe(false)
    expect(edges(on, 'claim link')).toHaveLength(1)
  })

  it('makes no edge to an unknown entity id', () => {
    const els = buildElements({
      entities,
      claimEdges: links(link(1, 1, 99), link(2, 99, 1), link(3, 98, 99), link(4, 1, 2)),
      coMentions: [
        { a: 1, b: 99, count: 3 },
        { a: 99, b: 2, count: 3 },
        { a: 2, b: 3, count: 1 }
      ],
      showCoMentions: true
    })
    const ids = new Set(nodes(els).map((n) => n.data.id))
    for (const e of edges(els)) {
      expect(ids.has(e.data.source)).toBe(true)
      expect(ids.has(e.data.target)).toBe(true)
    }
    expect(edges(els).map((e) => e.data.id)).toEqual(['k4', 'c2-3'])
  })

  it('element ids are unique, and nothing at all comes out of no entities', () => {
    const r = rng(7)
    const ents = Array.from({ length: 30 }, (_, i) => entity(i + 1, ENTITY_TYPES[i % ENTITY_TYPES.length]!.key, Math.floor(r() * 50)))
    const rels = links(...Array.from({ length: 60 }, (_, i) => link(i + 1, 1 + Math.floor(r() * 35), 1 + Math.floor(r() * 35), `p${i % 7}`)))
    const cms: CoMention[] = []
    for (let a = 1; a <= 35; a++) for (let b = a + 1; b <= 35; b++) if (r() < 0.1) cms.push({ a, b, count: 1 + Math.floor(r() * 9) })
    const els = buildElements({ entities: ents, claimEdges: rels, coMentions: cms, showCoMentions: true })
    const all = els.map((e) => e.data.id)
    expect(new Set(all).size).toBe(all.length)
    expect(buildElements({ entities: [], claimEdges: rels, coMentions: cms, showCoMentions: true })).toEqual([])
  })

  it('elementsKey changes when a label, colour or size changes, not otherwise', () => {
    const input = { entities, claimEdges: links(link(1, 1, 2)), coMentions: [], showCoMentions: false }
    const key = elementsKey(buildElements(input))
    expect(elementsKey(buildElements(structuredClone(input)))).toBe(key)
    expect(elementsKey(buildElements({ ...input, entities: [entity(1, 'Company', 0, 'Alexandr Wang'), ...entities.slice(1)] }))).not.toBe(key)
    expect(elementsKey(buildElements({ ...input, entities: [entity(1, 'Person', 40, 'Alexandr Wang'), ...entities.slice(1)] }))).not.toBe(key)
    expect(elementsKey(buildElements({ ...input, claimEdges: links(link(1, 1, 2, 'renamed')) }))).not.toBe(key)
  })
})

// ---------------------------------------------------------------------------

/** Independent model: the ids of the layers covering the unit [i, i+1). */
function coverAt(layers: readonly Layer[], i: number): number[] {
  return layers
    .filter((l) => l.start <= i && l.end >= i + 1)
    .map((l) => l.id)
    .sort((a, b) => a - b)
}

/** Checks the segmentation of [start, end) against the independent model. */
function checkSegments(start: number, end: number, layers: readonly Layer[], segs: Segment[]): void {
  // tiles the range exactly: contiguous, non-empty, in order
  if (end <= start) {
    expect(segs).toEqual([])
    return
  }
  expect(segs[0]!.start).toBe(start)
  expect(segs.at(-1)!.end).toBe(end)
  for (let i = 0; i < segs.length; i++) {
    expect(segs[i]!.end).toBeGreaterThan(segs[i]!.start)
    if (i > 0) expect(segs[i]!.start).toBe(segs[i - 1]!.end)
  }
  for (const s of segs) {
    // outermost (longest) first
    for (let k = 1; k < s.covers.length; k++) {
      const a = s.covers[k - 1]!
      const b = s.covers[k]!
      expect(a.end - a.start).toBeGreaterThanOrEqual(b.end - b.start)
    }
    // the same set of layers covers every unit of the segment, and it is exactly `covers`
    const ids = s.covers.map((l) => l.id).sort((a, b) => a - b)
    for (let i = s.start; i < s.end; i++) expect(coverAt(layers, i)).toEqual(ids)
  }
}

describe('segmentRange', () => {
  it('no layers: one plain segment', () => {
    expect(segmentRange(5, 20, [])).toEqual([{ start: 5, end: 20, covers: [] }])
  })

  it('an empty range gives no segments', () => {
    expect(segmentRange(7, 7, [{ start: 0, end: 10, id: 1 }])).toEqual([])
  })

  it('nested layers: flat segments, outermost first', () => {
    // "Department of Defense" ⊃ "Defense"
    const outer = { start: 10, end: 31, id: 1 }
    const inner = { start: 24, end: 31, id: 2 }
    const segs = segmentRange(0, 40, [inner, outer])
    expect(segs.map((s) => [s.start, s.end, s.covers.map((c) => c.id)])).toEqual([
      [0, 10, []],
      [10, 24, [1]],
      [24, 31, [1, 2]],
      [31, 40, []]
    ])
    checkSegments(0, 40, [inner, outer], segs)
  })

  it('three levels of nesting', () => {
    const layers = [
      { start: 4, end: 6, id: 3 },
      { start: 0, end: 10, id: 1 },
      { start: 2, end: 8, id: 2 }
    ]
    const segs = segmentRange(0, 10, layers)
    expect(segs.map((s) => s.covers.map((c) => c.id))).toEqual([[1], [1, 2], [1, 2, 3], [1, 2], [1]])
    checkSegments(0, 10, layers, segs)
  })

  it('overlapping (crossing) layers', () => {
    const a = { start: 0, end: 8, id: 1 }
    const b = { start: 5, end: 20, id: 2 }
    const segs = segmentRange(0, 20, [a, b])
    expect(segs.map((s) => [s.start, s.end, s.covers.map((c) => c.id)])).toEqual([
      [0, 5, [1]],
      [5, 8, [2, 1]],
      [8, 20, [2]]
    ])
    checkSegments(0, 20, [a, b], segs)
  })

  it('identical and touching layers', () => {
    const layers = [
      { start: 2, end: 6, id: 1 },
      { start: 2, end: 6, id: 2 },
      { start: 6, end: 9, id: 3 }
    ]
    const segs = segmentRange(0, 10, layers)
    expect(segs.map((s) => [s.start, s.end, s.covers.map((c) => c.id).sort()])).toEqual([
      [0, 2, []],
      [2, 6, [1, 2]],
      [6, 9, [3]],
      [9, 10, []]
    ])
    checkSegments(0, 10, layers, segs)
  })

  it('layers reaching past the range are clipped to it; layers outside it are ignored', () => {
    // a block [100, 150) of a longer text
    const layers = [
      { start: 90, end: 110, id: 1 }, // starts in the previous block
      { start: 140, end: 170, id: 2 }, // ends in the next block
      { start: 50, end: 200, id: 3 }, // spans the whole block
      { start: 0, end: 100, id: 4 }, // ends exactly where the block starts
      { start: 150, end: 160, id: 5 } // starts exactly where it ends
    ]
    const segs = segmentRange(100, 150, layers)
    expect(segs.map((s) => [s.start, s.end, s.covers.map((c) => c.id)])).toEqual([
      [100, 110, [3, 1]],
      [110, 140, [3]],
      [140, 150, [3, 2]]
    ])
    checkSegments(100, 150, layers, segs)
  })

  it('property: random layers always give a tiling whose covers match an independent model', () => {
    const r = rng(20250101)
    for (let round = 0; round < 500; round++) {
      const start = Math.floor(r() * 20)
      const end = start + Math.floor(r() * 60)
      const layers: Layer[] = Array.from({ length: Math.floor(r() * 12) }, (_, id) => {
        const s = Math.floor(r() * 100)
        return { start: s, end: s + 1 + Math.floor(r() * 30), id }
      })
      checkSegments(start, end, layers, segmentRange(start, end, layers))
    }
  })

  it('does not modify its input', () => {
    const layers = Object.freeze([Object.freeze({ start: 3, end: 9, id: 1 }), Object.freeze({ start: 1, end: 4, id: 2 })])
    expect(() => segmentRange(0, 10, layers)).not.toThrow()
  })
})

describe('findAll', () => {
  it('is case-insensitive', () => {
    const text = 'Scale AI met the Pentagon. SCALE ai won; scale Ai grew.'
    expect(findAll(text, 'scale ai')).toEqual([
      { start: 0, end: 8 },
      { start: 27, end: 35 },
      { start: 41, end: 49 }
    ])
    expect(findAll(text, 'PENTAGON')).toEqual([{ start: 17, end: 25 }])
    for (const m of findAll(text, 'sCaLe')) expect(text.slice(m.start, m.end).toLowerCase()).toBe('scale')
  })

  it('returns non-overlapping matches, left to right', () => {
    expect(findAll('aaaa', 'aa')).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 }
    ])
    expect(findAll('aaaaa', 'aa')).toHaveLength(2)
    expect(findAll('abababa', 'aba')).toEqual([
      { start: 0, end: 3 },
      { start: 4, end: 7 }
    ])
  })

  it('empty query or no match → []', () => {
    expect(findAll('anything', '')).toEqual([])
    expect(findAll('', 'x')).toEqual([])
    expect(findAll('Department of Defense', 'Defence')).toEqual([])
  })

  it('offsets are UTF-16 indexes into the original text (emoji, accents)', () => {
    const text = '😀 Émile and ÉMILE 国防部 émile'
    const hits = findAll(text, 'émile')
    expect(hits).toHaveLength(3)
    for (const h of hits) expect(text.slice(h.start, h.end).toLowerCase()).toBe('émile')
    expect(findAll(text, '国防部')).toEqual([{ start: text.indexOf('国防部'), end: text.indexOf('国防部') + 3 }])
  })

  it('when lower-casing changes the length (İ), it falls back to exact matching with correct offsets', () => {
    const text = 'İstanbul and Ankara, ankara'
    const hits = findAll(text, 'Ankara')
    for (const h of hits) expect(text.slice(h.start, h.end)).toBe('Ankara')
    expect(hits).toEqual([{ start: text.indexOf('Ankara'), end: text.indexOf('Ankara') + 6 }])
  })

  it('property: matches are non-overlapping, in order, and each equals the query ignoring case', () => {
    const r = rng(99)
    const alphabet = ['a', 'A', 'b', 'B', ' ', 'ab', 'AB']
    for (let round = 0; round < 300; round++) {
      let text = ''
      for (let i = Math.floor(r() * 60); i > 0; i--) text += alphabet[Math.floor(r() * alphabet.length)]
      let query = ''
      for (let i = 1 + Math.floor(r() * 3); i > 0; i--) query += alphabet[Math.floor(r() * 4)]
      const hits = findAll(text, query)
      let last = 0
      for (const h of hits) {
        expect(h.start).toBeGreaterThanOrEqual(last)
        expect(h.end - h.start).toBe(query.length)
        expect(text.slice(h.start, h.end).toLowerCase()).toBe(query.toLowerCase())
        last = h.end
      }
      // greedy left-to-right: the count equals an independent scan's
      let n = 0
      const hay = text.toLowerCase()
      const needle = query.toLowerCase()
      for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + needle.length)) n++
      expect(hits).toHaveLength(n)
    }
  })
})
