// Edge labels that never sit on top of each other, nor on a node or a node's
// label. Pure (no Cytoscape, no DOM): unit-tested; edgeLabelFit.ts feeds it
// the boxes Cytoscape draws and applies what it decides.
//
// How: each label may slide along its own edge, or sit just beside it,
// parallel to it; it keeps Cytoscape's angle (autorotate) and is moved by a
// per-edge `text-margin-x/y` (data lx, ly: mapStyle.ts). Labels are placed
// one by one, those with the fewest choices (the shortest edges) first, each
// at the first free spot in a fixed order of preference: the middle, then a
// little way along the edge, then beside it (where it covers no other
// edge's line, so it cannot be read as that edge's), then further along.
//
// Why this and not the alternatives:
// - A margin moves the label in map coordinates before Cytoscape rotates it
//   (drawing-label-text.mjs), so one number pair per edge says exactly where
//   it is, on screen and in every export (they all draw with Cytoscape's own
//   element renderer), and nothing about the edge's line changes. Bending the
//   edge instead (control points) would move the line, which is evidence.
// - `source-text-offset` only moves the end labels, not the main one.
// - Hiding labels that collide loses what the analyst wrote on the map.
// - Boxes are tested as rotated rectangles (separating axes), not as their
//   axis-aligned bounds: a diagonal label's bounds are up to twice its size
//   and would collide where nothing is drawn.
// When a label has no free spot left, it takes the spot that covers the
// fewest others and is reported as stuck; after a layout the map then makes
// room (edgeLabelFit.ts) rather than leave it so.

export interface Pt {
  x: number
  y: number
}

/** A rectangle centred at (x, y), `w` by `h`, turned by `angle` radians (0 for node boxes). */
export interface RBox {
  x: number
  y: number
  w: number
  h: number
  angle: number
}

export interface EdgeLabel {
  id: string
  /** The label's centre as Cytoscape places it without a margin (the edge's midpoint). */
  anchor: Pt
  /** The edge as drawn, from its source end to its target end (a polyline). */
  path: Pt[]
  /** The label's box (text and background padding), unrotated. */
  w: number
  h: number
  angle: number
}

export interface LabelPlacement {
  /** Margins: where the label's centre is from its anchor. */
  at: Record<string, Pt>
  /** Labels that found no free spot (they sit where they cover the fewest others). */
  stuck: string[]
}

/** Along the edge (share of its length) and beside it (in label heights), in order of preference. */
const CANDIDATES: { t: number; side: number }[] = (() => {
  const out: { t: number; side: number; cost: number }[] = []
  for (let k = 0; k <= 18; k++) {
    const t = 0.5 + (k % 2 ? 1 : -1) * Math.ceil(k / 2) * 0.04
    for (const side of [0, 1, -1]) out.push({ t, side, cost: Math.abs(t - 0.5) * 2 + Math.abs(side) * 0.22 + (side < 0 ? 0.01 : 0) + k * 1e-4 })
  }
  return out.sort((a, b) => a.cost - b.cost).map(({ t, side }) => ({ t, side }))
})()

/** The point at share `t` of the polyline's length. */
export function pointAlong(path: readonly Pt[], t: number): Pt {
  if (path.length === 1) return path[0]!
  let total = 0
  for (let i = 1; i < path.length; i++) total += Math.hypot(path[i]!.x - path[i - 1]!.x, path[i]!.y - path[i - 1]!.y)
  let want = total * t
  for (let i = 1; i < path.length; i++) {
    const a = path[i - 1]!
    const b = path[i]!
    const d = Math.hypot(b.x - a.x, b.y - a.y)
    if (want <= d || i === path.length - 1) {
      const k = d > 0 ? Math.min(1, want / d) : 0
      return { x: a.x + (b.x - a.x) * k, y: a.y + (b.y - a.y) * k }
    }
    want -= d
  }
  return path[path.length - 1]!
}

function corners(b: RBox): Pt[] {
  const c = Math.cos(b.angle)
  const s = Math.sin(b.angle)
  const hw = b.w / 2
  const hh = b.h / 2
  return [
    [-hw, -hh],
    [hw, -hh],
    [hw, hh],
    [-hw, hh]
  ].map(([x, y]) => ({ x: b.x + x! * c - y! * s, y: b.y + x! * s + y! * c }))
}

/** Axis-aligned bounds of a (turned) box. */
export function boundsOf(b: RBox): { x1: number; y1: number; x2: number; y2: number } {
  if (!b.angle) return { x1: b.x - b.w / 2, y1: b.y - b.h / 2, x2: b.x + b.w / 2, y2: b.y + b.h / 2 }
  const cs = corners(b)
  return { x1: Math.min(...cs.map((p) => p.x)), y1: Math.min(...cs.map((p) => p.y)), x2: Math.max(...cs.map((p) => p.x)), y2: Math.max(...cs.map((p) => p.y)) }
}

/** Do two (turned) boxes overlap by more than `eps`? Separating axes: the four edge normals of the two rectangles. */
export function boxesOverlap(a: RBox, b: RBox, eps = 0.01): boolean {
  return cornersOverlap(a, corners(a), b, corners(b), eps)
}

function cornersOverlap(a: RBox, ca: readonly Pt[], b: RBox, cb: readonly Pt[], eps = 0.01): boolean {
  for (const ang of [a.angle, a.angle + Math.PI / 2, b.angle, b.angle + Math.PI / 2]) {
    const ax = Math.cos(ang)
    const ay = Math.sin(ang)
    let minA = Infinity
    let maxA = -Infinity
    let minB = Infinity
    let maxB = -Infinity
    for (const p of ca) {
      const v = p.x * ax + p.y * ay
      minA = Math.min(minA, v)
      maxA = Math.max(maxA, v)
    }
    for (const p of cb) {
      const v = p.x * ax + p.y * ay
      minB = Math.min(minB, v)
      maxB = Math.max(maxB, v)
    }
    if (maxA - minB <= eps || maxB - minA <= eps) return false
  }
  return true
}

/** A uniform grid over the boxes' bounds: a box meets only the boxes filed in the cells it covers. */
class BoxGrid {
  private cells = new Map<string, number[]>()
  /** Each box with its bounds and corners, worked out once (a box is tested against many candidates). */
  readonly boxes: { box: RBox; r: ReturnType<typeof boundsOf>; c: Pt[] }[] = []
  constructor(private cell: number) {}
  private keys(b: RBox, r = boundsOf(b)): string[] {
    const out: string[] = []
    for (let i = Math.floor(r.x1 / this.cell); i <= Math.floor(r.x2 / this.cell); i++) for (let j = Math.floor(r.y1 / this.cell); j <= Math.floor(r.y2 / this.cell); j++) out.push(`${i},${j}`)
    return out
  }
  add(b: RBox): void {
    const r = boundsOf(b)
    const i = this.boxes.push({ box: b, r, c: corners(b) }) - 1
    for (const k of this.keys(b, r)) {
      const list = this.cells.get(k)
      if (list) list.push(i)
      else this.cells.set(k, [i])
    }
  }
  /** How many filed boxes `b` overlaps (stops counting at `limit`). */
  hits(b: RBox, gap: number, limit = Infinity): number {
    const grown = { ...b, w: b.w + gap, h: b.h + gap }
    const r = boundsOf(grown)
    const gc = corners(grown)
    const seen = new Set<number>()
    let n = 0
    for (const k of this.keys(grown, r))
      for (const i of this.cells.get(k) ?? []) {
        if (seen.has(i)) continue
        seen.add(i)
        const o = this.boxes[i]!
        // Bounds apart: the boxes are apart (most pairs in a cell end here).
        if (o.r.x1 >= r.x2 || o.r.x2 <= r.x1 || o.r.y1 >= r.y2 || o.r.y2 <= r.y1) continue
        if (cornersOverlap(grown, gc, o.box, o.c) && ++n >= limit) return n
      }
    return n
  }
}

/** Points every few pixels along the map's edges, filed in cells: does a box cover another edge's line? */
class LineGrid {
  private cells = new Map<string, { x: number; y: number; edge: string }[]>()
  constructor(
    private cell: number,
    lines: readonly { id: string; path: readonly Pt[] }[],
    step = 3
  ) {
    for (const l of lines)
      for (let i = 1; i < l.path.length; i++) {
        const a = l.path[i - 1]!
        const b = l.path[i]!
        const n = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / step))
        for (let k = 0; k < n; k++) {
          const x = a.x + ((b.x - a.x) * k) / n
          const y = a.y + ((b.y - a.y) * k) / n
          const key = `${Math.floor(x / cell)},${Math.floor(y / cell)}`
          const list = this.cells.get(key)
          if (list) list.push({ x, y, edge: l.id })
          else this.cells.set(key, [{ x, y, edge: l.id }])
        }
      }
  }
  /** Whether `b` covers a point of a line other than `own`'s. */
  covers(b: RBox, own: string): boolean {
    const r = boundsOf(b)
    const c = Math.cos(b.angle)
    const s = Math.sin(b.angle)
    for (let i = Math.floor(r.x1 / this.cell); i <= Math.floor(r.x2 / this.cell); i++)
      for (let j = Math.floor(r.y1 / this.cell); j <= Math.floor(r.y2 / this.cell); j++)
        for (const p of this.cells.get(`${i},${j}`) ?? []) {
          if (p.edge === own) continue
          const dx = p.x - b.x
          const dy = p.y - b.y
          if (Math.abs(dx * c + dy * s) < b.w / 2 && Math.abs(-dx * s + dy * c) < b.h / 2) return true
        }
    return false
  }
}

/**
 * Places every label on or beside its edge so that none overlaps another
 * label or an obstacle (node discs, node labels), at least `gap` apart. A
 * label set beside its edge must not cover another edge's line either
 * (`lines`: every edge drawn, labelled or not), or it would read as that
 * edge's label; on its own line it may cross others, as lines cross.
 */
export function placeEdgeLabels(labels: readonly EdgeLabel[], obstacles: readonly RBox[], gap = 2, lines: readonly { id: string; path: readonly Pt[] }[] = labels): LabelPlacement {
  let size = 48
  for (const l of labels) size = Math.max(size, Math.min(400, l.w, l.h * 6))
  const grid = new BoxGrid(size)
  for (const o of obstacles) grid.add(o)
  const lineGrid = new LineGrid(32, lines)
  const length = (l: EdgeLabel) => l.path.reduce((s, p, i) => (i ? s + Math.hypot(p.x - l.path[i - 1]!.x, p.y - l.path[i - 1]!.y) : 0), 0)
  // Fewest choices first (a short edge has little room), then by id: the same map gives the same places.
  const order = labels
    .map((l) => ({ l, len: length(l) - l.w }))
    .sort((a, b) => a.len - b.len || (a.l.id < b.l.id ? -1 : a.l.id > b.l.id ? 1 : 0))
    .map((o) => o.l)
  const at: Record<string, Pt> = {}
  const stuck: string[] = []
  for (const l of order) {
    // Beside the edge: across it, one label height plus the gap.
    const nx = -Math.sin(l.angle)
    const ny = Math.cos(l.angle)
    let best: { box: RBox; hits: number } | null = null
    for (const c of CANDIDATES) {
      const p = l.path.length > 1 ? pointAlong(l.path, c.t) : l.anchor
      const off = c.side * (l.h + gap)
      const box: RBox = { x: p.x + nx * off, y: p.y + ny * off, w: l.w, h: l.h, angle: l.angle }
      const hits: number = grid.hits(box, gap, best ? best.hits : Infinity) + (c.side && lineGrid.covers(box, l.id) ? 1 : 0)
      if (!best || hits < best.hits) best = { box, hits }
      if (hits === 0) break
    }
    const box = best!.box
    if (best!.hits > 0) stuck.push(l.id)
    grid.add(box)
    at[l.id] = { x: box.x - l.anchor.x, y: box.y - l.anchor.y }
  }
  return { at, stuck }
}

/**
 * How much to spread the picture when `stuck` of `total` labels found no
 * room: boldly while many are stuck (fewer rounds, each a full redraw of the
 * map's geometry), gently for the last few (the map grows no more than needed).
 */
export function spreadFactor(stuck: number, total: number): number {
  return stuck > 0.2 * total ? 1.3 : 1.15
}

/** Pairs of labels that overlap, and labels on obstacles (the read-back check of the tests and the bench). */
export function labelOverlaps(labels: readonly RBox[], obstacles: readonly RBox[]): { labels: number; onNodes: number } {
  const grid = new BoxGrid(64)
  for (const o of obstacles) grid.add(o)
  let onNodes = 0
  for (const l of labels) onNodes += grid.hits(l, 0)
  const lg = new BoxGrid(64)
  let pairs = 0
  for (const l of labels) {
    pairs += lg.hits(l, 0)
    lg.add(l)
  }
  return { labels: pairs, onNodes }
}
