// Packs a layout's disconnected parts tidily: each connected part keeps its
// own shape and is moved as a block; the blocks are set in rows (biggest
// first, like lines of text) about as wide as a landscape page, and the
// isolated nodes end up together in the last rows, evenly spaced by their
// real widths (labels included), never in a grid whose labels run into each
// other. Pure, unit-tested, run in the layout worker.
//
// Trade-offs: shelf packing wastes some room beside tall blocks but reads in
// order (big story first, loose ends last) and is linear. Parts holding a
// pinned node stay where they are; the others are packed to their right.
import type { Box, Placed } from './overlap'

interface Part {
  ids: number[]
  x1: number
  y1: number
  x2: number
  y2: number
  fixed: boolean
}

/** Connected parts, each listed in input order; parts ordered by their first node. */
export function components(n: number, edges: readonly [number, number][]): number[][] {
  const parent = Array.from({ length: n }, (_, i) => i)
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!
      i = parent[i]!
    }
    return i
  }
  for (const [a, b] of edges) {
    const ra = find(a)
    const rb = find(b)
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb)
  }
  const byRoot = new Map<number, number[]>()
  for (let i = 0; i < n; i++) {
    const r = find(i)
    const list = byRoot.get(r)
    if (list) list.push(i)
    else byRoot.set(r, [i])
  }
  return [...byRoot.values()]
}

/**
 * New places for the nodes, the parts packed in rows `gap` apart. `aspect`
 * is the packing's wanted width : height.
 */
export function packComponents(boxes: readonly Box[], edges: readonly { source: string; target: string }[], gap = 40, aspect = 1.6): Placed {
  const index = new Map(boxes.map((b, i) => [b.id, i]))
  const pairs: [number, number][] = []
  for (const e of edges) {
    const a = index.get(e.source)
    const b = index.get(e.target)
    if (a !== undefined && b !== undefined && a !== b) pairs.push([a, b])
  }
  const out: Placed = {}
  for (const b of boxes) out[b.id] = { x: b.x, y: b.y }
  const groups = components(boxes.length, pairs)
  if (groups.length < 2) return out
  const parts: Part[] = groups.map((ids) => {
    let x1 = Infinity
    let y1 = Infinity
    let x2 = -Infinity
    let y2 = -Infinity
    let fixed = false
    for (const i of ids) {
      const b = boxes[i]!
      const cx = b.x + (b.dx ?? 0)
      const cy = b.y + (b.dy ?? 0)
      x1 = Math.min(x1, cx - b.w / 2)
      x2 = Math.max(x2, cx + b.w / 2)
      y1 = Math.min(y1, cy - b.h / 2)
      y2 = Math.max(y2, cy + b.h / 2)
      fixed ||= !!b.pinned
    }
    return { ids, x1, y1, x2, y2, fixed }
  })
  const fixed = parts.filter((p) => p.fixed)
  // Biggest first (by node count, then area); ties by the first node, so every run packs the same way.
  const movable = parts
    .filter((p) => !p.fixed)
    .sort((a, b) => b.ids.length - a.ids.length || (b.x2 - b.x1) * (b.y2 - b.y1) - (a.x2 - a.x1) * (a.y2 - a.y1) || a.ids[0]! - b.ids[0]!)
  if (!movable.length) return out
  let area = 0
  let widest = 0
  for (const p of movable) {
    area += (p.x2 - p.x1 + gap) * (p.y2 - p.y1 + gap)
    widest = Math.max(widest, p.x2 - p.x1)
  }
  const rowWidth = Math.max(widest, Math.sqrt(area * aspect))
  // Start at the top left of the fixed parts' right side, or at the origin.
  let ox = 0
  let oy = 0
  if (fixed.length) {
    ox = Math.max(...fixed.map((p) => p.x2)) + gap * 2
    oy = Math.min(...fixed.map((p) => p.y1))
  }
  let x = 0
  let y = 0
  let rowH = 0
  for (const p of movable) {
    const w = p.x2 - p.x1
    const h = p.y2 - p.y1
    if (x > 0 && x + w > rowWidth) {
      x = 0
      y += rowH + gap
      rowH = 0
    }
    // Each part hangs from its row's top line.
    const shiftX = ox + x - p.x1
    const shiftY = oy + y - p.y1
    for (const i of p.ids) {
      const b = boxes[i]!
      out[b.id] = { x: b.x + shiftX, y: b.y + shiftY }
    }
    x += w + gap
    rowH = Math.max(rowH, h)
  }
  return out
}
