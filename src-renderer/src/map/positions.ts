// Where nodes go that have no saved place on a map yet (entities tagged
// since the map was arranged): beside the neighbours that have one, else in
// a row under the map. Pure, unit-tested.

export type Point = { x: number; y: number }

export function placeNewNodes(newIds: string[], placed: Map<string, Point>, edges: [string, string][], spacing = 90): Map<string, Point> {
  const out = new Map<string, Point>()
  if (!newIds.length) return out
  const neighbours = new Map<string, string[]>()
  for (const [a, b] of edges) {
    ;(neighbours.get(a) ?? neighbours.set(a, []).get(a)!).push(b)
    ;(neighbours.get(b) ?? neighbours.set(b, []).get(b)!).push(a)
  }
  let minX = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (const p of placed.values()) {
    minX = Math.min(minX, p.x)
    maxX = Math.max(maxX, p.x)
    maxY = Math.max(maxY, p.y)
  }
  if (!Number.isFinite(minX)) {
    minX = 0
    maxX = 0
    maxY = -spacing
  }
  const taken = (p: Point) => [...placed.values(), ...out.values()].some((q) => Math.abs(q.x - p.x) < spacing * 0.6 && Math.abs(q.y - p.y) < spacing * 0.6)
  const rowWidth = Math.max(maxX - minX, spacing * 6)
  let col = 0
  let row = 0
  for (const id of newIds) {
    const known = (neighbours.get(id) ?? []).map((n) => placed.get(n) ?? out.get(n)).filter((p): p is Point => !!p)
    let spot: Point | null = null
    if (known.length) {
      const cx = known.reduce((s, p) => s + p.x, 0) / known.length
      const cy = known.reduce((s, p) => s + p.y, 0) / known.length
      // Try points on growing circles around the neighbours' centre.
      for (let ring = 1; ring <= 6 && !spot; ring++)
        for (let k = 0; k < 8 * ring && !spot; k++) {
          const a = (k / (8 * ring)) * Math.PI * 2 + ring
          const p = { x: cx + Math.cos(a) * spacing * ring, y: cy + Math.sin(a) * spacing * ring }
          if (!taken(p)) spot = p
        }
    }
    if (!spot) {
      spot = { x: minX + col * spacing, y: maxY + spacing * (1.5 + row) }
      col++
      if (col * spacing > rowWidth) {
        col = 0
        row++
      }
    }
    out.set(id, spot)
  }
  return out
}
