// Splits a block of text into runs that share the same set of covering
// highlights, so overlapping and nested mentions render as flat spans.
export interface Layer {
  start: number
  end: number
  id: number
}

export interface Segment {
  start: number
  end: number
  /** Covering layers, outermost (longest) first. */
  covers: Layer[]
}

/**
 * Layer ids: mentions are positive, finds -1 - index, the jump's flash
 * -1e9, suggestions (src-renderer/src/suggest) at or below this, minus
 * their start offset.
 */
export const SUGGESTION_ID_BASE = -1_500_000_000

/** A suggestion drawn under its words: a dotted line in its type's colour. */
export interface SuggestionLayer extends Layer {
  color: string
  label: string
}

export function segmentRange(start: number, end: number, layers: readonly Layer[]): Segment[] {
  const inside = layers.filter((l) => l.end > start && l.start < end)
  const cuts = new Set<number>([start, end])
  for (const l of inside) {
    if (l.start > start) cuts.add(l.start)
    if (l.end < end) cuts.add(l.end)
  }
  const points = [...cuts].sort((a, b) => a - b)
  const out: Segment[] = []
  for (let i = 0; i + 1 < points.length; i++) {
    const s = points[i]!
    const e = points[i + 1]!
    const covers = inside.filter((l) => l.start <= s && l.end >= e).sort((a, b) => b.end - b.start - (a.end - a.start))
    out.push({ start: s, end: e, covers })
  }
  return out
}

// The lower-cased text of the last document searched: find runs on every
// keystroke, and lower-casing a 1 MB text each time would cost more than the search.
let lowered: { text: string; lower: string } | null = null

/** Every occurrence of `query` in `text`, case-insensitive. */
export function findAll(text: string, query: string): { start: number; end: number }[] {
  if (!query) return []
  if (lowered?.text !== text) lowered = { text, lower: text.toLocaleLowerCase() }
  const hay = lowered.lower
  const needle = query.toLocaleLowerCase()
  // Lower-casing can change lengths (e.g. 'İ'); fall back to exact matching then.
  const exact = hay.length !== text.length || needle.length !== query.length
  const h = exact ? text : hay
  const n = exact ? query : needle
  const out: { start: number; end: number }[] = []
  for (let i = h.indexOf(n); i !== -1 && out.length < 10_000; i = h.indexOf(n, i + n.length)) out.push({ start: i, end: i + n.length })
  return out
}
