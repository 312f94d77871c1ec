// Overlap removal: the last pass of every layout, so no two node boxes (disc
// and label together) overlap, whatever the algorithm before it did. Pure
// (no Cytoscape, no DOM): unit-tested, and run in the layout worker.
//
// Trade-offs: a scan that pushes each overlapping pair apart along the axis
// it overlaps least on (a box moves as little as it can, so the layout's
// picture is kept), over a uniform grid of cells as big as the biggest box
// (each box meets only the boxes of its 3×3 cells: linear per sweep, so 8,000
// nodes take milliseconds). Such pushing usually settles in a few sweeps; when
// it has not after many, the picture is scaled up a little around its centre
// (which only ever lengthens the distances) and pushed again, and a last
// resort puts what still overlaps in the nearest free cell of a grid as big
// as the biggest box, which cannot overlap. Pinned boxes never move; two
// pinned boxes that overlap are the analyst's choice and are left so.

/** A node's box; (x, y) is the node's place, the box's centre is (x + dx, y + dy) (a label under a disc moves it down). */
export interface Box {
  id: string
  x: number
  y: number
  w: number
  h: number
  dx?: number
  dy?: number
  pinned?: boolean
}

export type Placed = Record<string, { x: number; y: number }>

interface Work {
  cx: number
  cy: number
  hw: number
  hh: number
  pinned: boolean
}

/** Cells as big as the biggest box (plus the gap): a box overlaps only boxes in its own and the 8 cells around it. */
function grid(ws: Work[], gap: number): { cell: number; buckets: Map<string, number[]> } {
  let cell = 1
  for (const w of ws) cell = Math.max(cell, 2 * w.hw + gap, 2 * w.hh + gap)
  const buckets = new Map<string, number[]>()
  ws.forEach((w, i) => {
    const k = `${Math.floor(w.cx / cell)},${Math.floor(w.cy / cell)}`
    const b = buckets.get(k)
    if (b) b.push(i)
    else buckets.set(k, [i])
  })
  return { cell, buckets }
}

/** Calls `f(i, j)` for every pair of boxes (i < j) that overlap (closer than `gap`). */
function eachOverlap(ws: Work[], gap: number, f: (i: number, j: number, ox: number, oy: number) => void): void {
  const { cell, buckets } = grid(ws, gap)
  ws.forEach((a, i) => {
    const gx = Math.floor(a.cx / cell)
    const gy = Math.floor(a.cy / cell)
    for (let x = gx - 1; x <= gx + 1; x++)
      for (let y = gy - 1; y <= gy + 1; y++) {
        const b = buckets.get(`${x},${y}`)
        if (!b) continue
        for (const j of b) {
          if (j <= i) continue
          const o = ws[j]!
          const ox = a.hw + o.hw + gap - Math.abs(a.cx - o.cx)
          const oy = a.hh + o.hh + gap - Math.abs(a.cy - o.cy)
          if (ox > 1e-6 && oy > 1e-6) f(i, j, ox, oy)
        }
      }
  })
}

function toWork(boxes: readonly Box[]): Work[] {
  return boxes.map((b) => ({ cx: b.x + (b.dx ?? 0), cy: b.y + (b.dy ?? 0), hw: b.w / 2, hh: b.h / 2, pinned: !!b.pinned }))
}

/** How many pairs of boxes overlap (with `gap` as the least distance between them). */
export function countOverlaps(boxes: readonly Box[], gap = 0): number {
  let n = 0
  eachOverlap(toWork(boxes), gap, (i, j) => {
    if (!(boxes[i]!.pinned && boxes[j]!.pinned)) n++
  })
  return n
}

/** One sweep: every overlapping pair pushed apart. Returns how many pairs overlapped. */
function sweep(ws: Work[], gap: number): number {
  let n = 0
  eachOverlap(ws, gap, (i, j, ox, oy) => {
    const a = ws[i]!
    const b = ws[j]!
    if (a.pinned && b.pinned) return
    n++
    // Along the axis of least overlap; which way by where they are (ties: by order, so the result is the same every run).
    const alongX = ox <= oy
    const d = alongX ? b.cx - a.cx : b.cy - a.cy
    const sign = d > 0 || (d === 0 && i < j) ? 1 : -1
    const push = (alongX ? ox : oy) + 0.01
    const shareA = a.pinned ? 0 : b.pinned ? 1 : 0.5
    const shareB = 1 - shareA
    if (alongX) {
      a.cx -= sign * push * shareA
      b.cx += sign * push * shareB
    } else {
      a.cy -= sign * push * shareA
      b.cy += sign * push * shareB
    }
  })
  return n
}

/** Last resort: what still overlaps goes to the nearest free cell of a grid as big as the biggest box. */
function snapToCells(ws: Work[], gap: number): void {
  let cw = 1
  let ch = 1
  for (const w of ws) {
    cw = Math.max(cw, 2 * w.hw + gap)
    ch = Math.max(ch, 2 * w.hh + gap)
  }
  const taken = new Set<string>()
  const cellOf = (w: Work) => [Math.round(w.cx / cw), Math.round(w.cy / ch)] as const
  // Pinned boxes hold the cells they touch.
  for (const w of ws)
    if (w.pinned)
      for (let i = Math.floor((w.cx - w.hw) / cw); i <= Math.ceil((w.cx + w.hw) / cw); i++)
        for (let j = Math.floor((w.cy - w.hh) / ch); j <= Math.ceil((w.cy + w.hh) / ch); j++) taken.add(`${i},${j}`)
  for (const w of ws) {
    if (w.pinned) continue
    const [i0, j0] = cellOf(w)
    for (let r = 0; ; r++) {
      let best: [number, number] | null = null
      let bestD = Infinity
      for (let di = -r; di <= r; di++)
        for (let dj = -r; dj <= r; dj++) {
          if (Math.max(Math.abs(di), Math.abs(dj)) !== r || taken.has(`${i0 + di},${j0 + dj}`)) continue
          const d = di * di * cw * cw + dj * dj * ch * ch
          if (d < bestD) {
            bestD = d
            best = [i0 + di, j0 + dj]
          }
        }
      if (best) {
        taken.add(`${best[0]},${best[1]}`)
        w.cx = best[0] * cw
        w.cy = best[1] * ch
        break
      }
    }
  }
}

/**
 * Moves boxes apart until none overlaps another (at least `gap` apart);
 * returns every node's new place. Pinned boxes keep theirs exactly.
 */
export function removeOverlaps(boxes: readonly Box[], gap = 6): Placed {
  const ws = toWork(boxes)
  let left = Infinity
  for (let round = 0; round < 8 && left > 0; round++) {
    for (let i = 0; i < 60 && left > 0; i++) left = sweep(ws, gap)
    if (left === 0) break
    // Stuck (a crowd pushing back and forth): more room, around the movable boxes' centre.
    let cx = 0
    let cy = 0
    let n = 0
    for (const w of ws)
      if (!w.pinned) {
        cx += w.cx
        cy += w.cy
        n++
      }
    if (!n) break
    cx /= n
    cy /= n
    for (const w of ws)
      if (!w.pinned) {
        w.cx = cx + (w.cx - cx) * 1.15
        w.cy = cy + (w.cy - cy) * 1.15
      }
  }
  if (left > 0) {
    let still = 0
    eachOverlap(ws, gap, (i, j) => {
      if (!(ws[i]!.pinned && ws[j]!.pinned)) still++
    })
    if (still > 0) snapToCells(ws, gap)
  }
  const out: Placed = {}
  boxes.forEach((b, i) => {
    const w = ws[i]!
    out[b.id] = b.pinned ? { x: b.x, y: b.y } : { x: w.cx - (b.dx ?? 0), y: w.cy - (b.dy ?? 0) }
  })
  return out
}
