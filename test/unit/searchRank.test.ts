// The BM25 rank reads matchinfo's 32-bit words from the bytes directly (it
// runs once per matching row: 10,000 times for "the" in a large project).
// It must give exactly the scores of reading them through a DataView, for
// any counts, at any byte offset of the buffer sql.js hands over.
import { describe, expect, it } from 'vitest'
import { bm25 } from '../../src-main/core/db/repos/search'

/** The rank as it was written before, over a DataView: the reference. */
function reference(matchinfo: Uint8Array, weights = [4, 1]): number {
  const view = new DataView(matchinfo.buffer, matchinfo.byteOffset, matchinfo.byteLength)
  const u = (i: number) => view.getUint32(i * 4, true)
  const [p, c, n] = [u(0), u(1), u(2)]
  let score = 0
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < c; j++) {
      const x = 3 + 2 * c + 3 * (i * c + j)
      const tf = u(x)
      if (tf === 0) continue
      const df = u(x + 2)
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5))
      const avg = u(3 + j) || 1
      const len = u(3 + c + j)
      score += (weights[j] ?? 1) * idf * ((tf * 2.2) / (tf + 1.2 * (1 - 0.75 + (0.75 * len) / avg)))
    }
  }
  return score
}

describe('bm25 over matchinfo pcnalx', () => {
  it('matches the DataView reading for random counts (large ones too), at unaligned offsets', () => {
    let seed = 15
    const rand = (max: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed % max
    }
    for (let k = 0; k < 2000; k++) {
      const p = 1 + rand(4)
      const c = 2
      const words = [p, c, 1 + rand(20000), rand(5000), rand(200), rand(30000), rand(400)]
      for (let i = 0; i < p * c; i++) {
        const big = rand(10) === 0
        words.push(big ? 2 ** 31 + rand(2 ** 30) : rand(300), rand(900000), rand(20000))
      }
      const shift = rand(4)
      const bytes = new Uint8Array(shift + 4 * words.length)
      const view = new DataView(bytes.buffer)
      words.forEach((w, i) => view.setUint32(shift + 4 * i, w, true))
      const info = bytes.subarray(shift)
      expect(bm25(info)).toBe(reference(info))
    }
  })
})
