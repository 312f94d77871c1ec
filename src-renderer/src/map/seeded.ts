// The same project gives the same layout every time: layouts that use
// randomness (fcose's random start and sampling) run with Math.random
// replaced by a seeded generator for the duration of one synchronous call.
//
// Trade-off: swapping the global is only safe because the layout is one
// synchronous call (nothing else runs on this thread meanwhile) — in the
// worker it is alone anyway. Libraries take no seed of their own, so this is
// the one way to make them repeatable without forking them.

/** mulberry32: small, fast, good enough for layout starts. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let x = Math.imul(s ^ (s >>> 15), 1 | s)
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296
  }
}

/** Runs `fn` with Math.random seeded; the real one is back afterwards, even on a throw. */
export function withSeededRandom<T>(seed: number, fn: () => T): T {
  const real = Math.random
  Math.random = seededRandom(seed)
  try {
    return fn()
  } finally {
    Math.random = real
  }
}

/** A seed from the graph itself (FNV-1a over ids): the same nodes and edges, the same seed. */
export function graphSeed(ids: readonly string[]): number {
  let h = 0x811c9dc5
  for (const id of ids) {
    for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193)
    h = Math.imul(h ^ 0x2c, 0x01000193)
  }
  return h >>> 0
}
