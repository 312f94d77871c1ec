// Carrying anchors (tags, claim passages) from a document's old text to its
// re-extracted text. An anchor moves only where its exact quote occurs in the
// new text; among several occurrences the one whose surrounding words match
// the recorded context best wins (whitespace compared loosely: a re-import
// changes "\n\n" between table rows into "\n", and cells into tabs), then the
// one nearest the old position (scaled to the new length). An anchor whose
// quote is nowhere in the new text is not moved, never guessed: the caller
// lists it for the analyst.
import { makeAnchor, type Anchor } from './anchor'

export interface StoredAnchor extends Anchor {
  kind: 'mention' | 'claim'
  id: number
}

export interface CarryResult {
  /** Anchors found in the new text, with their new place and context. */
  placed: (StoredAnchor & { moved: boolean })[]
  /** Anchors whose quote the new text does not hold. */
  unplaced: StoredAnchor[]
}

/** Occurrences looked at per anchor: enough for any real quote, bounded for "the". */
const MAX_OCCURRENCES = 5000

const squash = (s: string) => s.replace(/\s+/g, ' ')

/** Characters the two strings share at their ends (a) / starts (b), whitespace squashed. */
function commonTail(a: string, b: string): number {
  const x = squash(a)
  const y = squash(b)
  let n = 0
  while (n < x.length && n < y.length && x[x.length - 1 - n] === y[y.length - 1 - n]) n++
  return n
}
function commonHead(a: string, b: string): number {
  const x = squash(a)
  const y = squash(b)
  let n = 0
  while (n < x.length && n < y.length && x[n] === y[n]) n++
  return n
}

export function carryAnchors(oldText: string, newText: string, anchors: readonly StoredAnchor[]): CarryResult {
  const placed: CarryResult['placed'] = []
  const unplaced: StoredAnchor[] = []
  const scale = oldText.length ? newText.length / oldText.length : 1
  for (const a of anchors) {
    if (!a.quote) {
      unplaced.push(a)
      continue
    }
    const expected = a.start * scale
    let best = -1
    let bestScore = -1
    let bestDistance = Infinity
    let seen = 0
    for (let at = newText.indexOf(a.quote); at >= 0 && seen < MAX_OCCURRENCES; at = newText.indexOf(a.quote, at + 1), seen++) {
      const end = at + a.quote.length
      const score =
        commonTail(a.prefix, newText.slice(Math.max(0, at - a.prefix.length - 8), at)) +
        commonHead(a.suffix, newText.slice(end, end + a.suffix.length + 8))
      const distance = Math.abs(at - expected)
      if (score > bestScore || (score === bestScore && distance < bestDistance)) {
        best = at
        bestScore = score
        bestDistance = distance
      }
    }
    if (best < 0) {
      unplaced.push(a)
      continue
    }
    const next = makeAnchor(newText, best, best + a.quote.length)
    const moved = next.start !== a.start || next.end !== a.end || next.prefix !== a.prefix || next.suffix !== a.suffix
    placed.push({ ...a, ...next, moved })
  }
  return { placed, unplaced }
}
