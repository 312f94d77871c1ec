// The map export's own zlib writer (fastDeflate.ts): whatever it is given,
// Node's zlib (the reference inflater) must give the same bytes back, and a
// mostly white map must come out small.
import { inflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { FastDeflate, huffmanLengths } from '../../src-renderer/src/map/fastDeflate'

function rng(seed: number) {
  return () => {
    seed = (seed * 16807) % 2147483647
    return seed / 2147483647
  }
}

function roundTrip(parts: Uint8Array[]): { out: Buffer; zlib: Uint8Array } {
  const z = new FastDeflate()
  for (const p of parts) z.push(p)
  const zlib = z.finish()
  return { out: inflateSync(zlib), zlib }
}

const joined = (parts: Uint8Array[]) => Buffer.concat(parts.map((p) => Buffer.from(p)))

describe('FastDeflate', () => {
  it('round-trips random bytes, runs of every length around the 258 limit, and an empty stream', () => {
    const r = rng(5)
    const noise = Uint8Array.from({ length: 70_000 }, () => Math.floor(r() * 256))
    const runs: number[] = []
    for (let len = 1; len <= 600; len++) for (let i = 0; i < len; i++) runs.push(len % 7)
    const cases = [[noise], [Uint8Array.from(runs)], [new Uint8Array(0)], [Uint8Array.of(9)], [Uint8Array.of(4, 4, 4, 4)]]
    for (const parts of cases) expect(roundTrip(parts).out.equals(joined(parts))).toBe(true)
  })

  it('round-trips input pushed in pieces, with runs across pieces and across its 4 MB blocks', () => {
    const r = rng(11)
    const big = new Uint8Array(9 * 1024 * 1024 + 123)
    for (let i = 0; i < big.length; i++) big[i] = r() < 0.02 ? Math.floor(r() * 256) : 0
    const parts = [big.subarray(0, 1000), big.subarray(1000, 5_000_000), big.subarray(5_000_000)]
    expect(roundTrip(parts).out.equals(Buffer.from(big))).toBe(true)
  })

  it('packs a mostly blank map small', () => {
    const blank = new Uint8Array(10 * 1024 * 1024)
    const r = rng(3)
    for (let i = 0; i < 20_000; i++) blank[Math.floor(r() * blank.length)] = 1 + Math.floor(r() * 3)
    const { zlib, out } = roundTrip([blank])
    expect(out.equals(Buffer.from(blank))).toBe(true)
    expect(zlib.length).toBeLessThan(blank.length / 50)
  })

  it('keeps Huffman codes within the length limit, even for skewed frequencies', () => {
    const fib = [1, 1]
    while (fib.length < 30) fib.push(fib.at(-1)! + fib.at(-2)!)
    const lens = huffmanLengths(fib, 15)
    expect(Math.max(...lens)).toBeLessThanOrEqual(15)
    // A complete prefix code: the Kraft sum is exactly 1.
    expect([...lens].reduce((s, l) => s + 2 ** -l, 0)).toBeCloseTo(1, 12)
  })
})
