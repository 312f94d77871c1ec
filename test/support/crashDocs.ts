// The documents the crash-safety child imports (crashChild.ts) and the test
// checks: each one's original bytes depend only on its number.

/** The original of `doc-N`: 4 kB that only N determines. */
export function docOriginal(n: number): Uint8Array {
  const b = new Uint8Array(4096)
  // 32-bit arithmetic throughout (Math.imul): with plain doubles, n * 2654435761
  // times the multiplier passed 2^53 and lost its low bits, so from about
  // n = 1,700 different numbers made the same bytes, the same hash, and the
  // second import was refused as a duplicate (found by the 200-kill run).
  let x = (Math.imul(n, 2654435761) + 1) >>> 0
  for (let i = 0; i < b.length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0
    b[i] = x >>> 24
  }
  return b
}
