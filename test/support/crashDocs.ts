// The documents the crash-safety child imports (crashChild.ts) and the test
// checks: each one's original bytes depend only on its number.

/** The original of `doc-N`: 4 kB that only N determines. */
export function docOriginal(n: number): Uint8Array {
  const b = new Uint8Array(4096)
  let x = n * 2654435761 + 1
  for (let i = 0; i < b.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0
    b[i] = x >>> 24
  }
  return b
}
