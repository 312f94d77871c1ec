// A fast zlib (RFC 1950/1951) compressor for PNG scanlines. A map export is
// mostly white: after the PNG "Sub" filter, long runs of one byte (zero),
// and short noisy stretches where lines and text are antialiased. This
// writes runs as distance-1 matches and everything else as literals, with a
// Huffman code fitted to each block: about ten times faster than zlib's
// default level (CompressionStream has no level to choose), for files a
// little larger. Any inflater reads it (pngjs/zlib in the tests).

const LBASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
const LEXT = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
/** For a run length 3..258: its length code's index (0..28). */
const LEN_INDEX = (() => {
  const t = new Uint8Array(259)
  for (let i = 0; i < LBASE.length; i++) {
    const end = i + 1 < LBASE.length ? LBASE[i + 1]! : 259
    for (let l = LBASE[i]!; l < end && l <= 258; l++) t[l] = i
  }
  t[258] = 28 // 258 has its own code (285), not 284 + 31
  return t
})()
const CL_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
const BLOCK_INPUT = 1 << 22 // a new Huffman code every 4 MB of input
const MAX_RUN = 258

/** Code lengths of a Huffman code for these frequencies, none longer than `limit`. */
export function huffmanLengths(freq: ArrayLike<number>, limit: number): Uint8Array {
  const n = freq.length
  const lens = new Uint8Array(n)
  const f = Array.from(freq)
  for (;;) {
    const syms: number[] = []
    for (let i = 0; i < n; i++) if (f[i]! > 0) syms.push(i)
    if (syms.length === 0) return lens
    if (syms.length === 1) {
      lens[syms[0]!] = 1
      return lens
    }
    syms.sort((a, b) => f[a]! - f[b]! || a - b)
    const m = syms.length
    const weight = new Float64Array(2 * m - 1)
    const parent = new Int32Array(2 * m - 1)
    for (let i = 0; i < m; i++) weight[i] = f[syms[i]!]!
    // Two queues: leaves in order, internal nodes as they are made (already in order).
    let leaf = 0
    let inner = m
    for (let next = m; next < 2 * m - 1; next++) {
      const pick = () => (leaf < m && (inner >= next || weight[leaf]! <= weight[inner]!) ? leaf++ : inner++)
      const a = pick()
      const b = pick()
      weight[next] = weight[a]! + weight[b]!
      parent[a] = next
      parent[b] = next
    }
    const depth = new Uint8Array(2 * m - 1)
    let max = 0
    for (let i = 2 * m - 3; i >= 0; i--) {
      depth[i] = depth[parent[i]!]! + 1
      if (i < m && depth[i]! > max) max = depth[i]!
    }
    if (max <= limit) {
      for (let i = 0; i < m; i++) lens[syms[i]!] = depth[i]!
      return lens
    }
    // Too deep: flatten the frequencies and build again.
    for (let i = 0; i < n; i++) if (f[i]! > 0) f[i] = (f[i]! >> 1) | 1
  }
}

/** Canonical codes for the lengths, bit-reversed (deflate writes codes from their top bit, bits LSB first). */
function canonical(lens: Uint8Array): Uint16Array {
  const count = new Uint16Array(16)
  for (const l of lens) if (l) count[l]!++
  const next = new Uint16Array(16)
  // RFC 1951, 3.2.2 (count[0] stays 0: unused symbols are not counted)
  let code = 0
  for (let bits = 1; bits < 16; bits++) {
    code = (code + count[bits - 1]!) << 1
    next[bits] = code
  }
  const out = new Uint16Array(lens.length)
  for (let i = 0; i < lens.length; i++) {
    const l = lens[i]!
    if (!l) continue
    let c = next[l]!++
    let r = 0
    for (let k = 0; k < l; k++) {
      r = (r << 1) | (c & 1)
      c >>= 1
    }
    out[i] = r
  }
  return out
}

export class FastDeflate {
  private buf = new Uint8Array(1 << 20)
  private pos = 0
  private bits = 0
  private nbits = 0
  private a = 1
  private b = 0
  private prev = -1
  private done = false

  constructor() {
    this.buf[0] = 0x78 // deflate, 32 K window
    this.buf[1] = 0x01 // fastest
    this.pos = 2
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return
    let size = this.buf.length * 2
    while (size < this.pos + n) size *= 2
    const grown = new Uint8Array(size)
    grown.set(this.buf.subarray(0, this.pos))
    this.buf = grown
  }

  private put(value: number, count: number): void {
    this.bits |= value << this.nbits
    this.nbits += count
    while (this.nbits >= 8) {
      this.buf[this.pos++] = this.bits & 0xff
      this.bits >>>= 8
      this.nbits -= 8
    }
  }

  /** Compresses more input (one or more blocks). */
  push(data: Uint8Array): void {
    if (this.done) throw new Error('the stream is finished')
    for (let o = 0; o < data.length; o += BLOCK_INPUT) this.block(data.subarray(o, Math.min(data.length, o + BLOCK_INPUT)))
    this.adler(data)
  }

  private adler(d: Uint8Array): void {
    let a = this.a
    let b = this.b
    for (let i = 0; i < d.length; ) {
      const end = Math.min(d.length, i + 5552)
      for (; i < end; i++) {
        a += d[i]!
        b += a
      }
      a %= 65521
      b %= 65521
    }
    this.a = a
    this.b = b
  }

  private block(d: Uint8Array): void {
    // Tokens: a byte (0..255) or a run of the previous byte (256 + length).
    const tokens = new Uint16Array(d.length)
    const lit = new Uint32Array(286)
    let nt = 0
    let prev = this.prev
    const n = d.length
    for (let i = 0; i < n; ) {
      const v = d[i]!
      if (v === prev) {
        let j = i + 1
        const end = Math.min(n, i + MAX_RUN)
        while (j < end && d[j] === v) j++
        const run = j - i
        if (run >= 3) {
          tokens[nt++] = 256 + run
          lit[257 + LEN_INDEX[run]!]!++
          i = j
          continue
        }
      }
      tokens[nt++] = v
      lit[v]!++
      prev = v
      i++
    }
    this.prev = prev
    lit[256] = 1
    const litLens = huffmanLengths(lit, 15)
    const distLens = new Uint8Array([1, 1]) // distance 1 only; two codes keep the code complete
    const litCodes = canonical(litLens)

    // Code lengths of both codes, written with a third Huffman code (no repeat codes).
    const all = new Uint8Array(286 + 2)
    all.set(litLens)
    all.set(distLens, 286)
    const clFreq = new Uint32Array(19)
    for (const l of all) clFreq[l]!++
    const clLens = huffmanLengths(clFreq, 7)
    const clCodes = canonical(clLens)

    this.ensure(400 + nt * 3)
    this.put(0, 1) // not the last block (finish() adds it)
    this.put(2, 2) // dynamic Huffman
    this.put(286 - 257, 5)
    this.put(2 - 1, 5)
    this.put(19 - 4, 4)
    for (const s of CL_ORDER) this.put(clLens[s]!, 3)
    for (const l of all) this.put(clCodes[l]!, clLens[l]!)
    const dist0 = canonical(distLens)[0]!
    for (let t = 0; t < nt; t++) {
      const tok = tokens[t]!
      if (tok < 256) this.put(litCodes[tok]!, litLens[tok]!)
      else {
        const run = tok - 256
        const idx = LEN_INDEX[run]!
        this.put(litCodes[257 + idx]!, litLens[257 + idx]!)
        if (LEXT[idx]) this.put(run - LBASE[idx]!, LEXT[idx]!)
        this.put(dist0, 1)
      }
    }
    this.put(litCodes[256]!, litLens[256]!)
  }

  /** Ends the stream (an empty last block, the Adler-32) and returns the zlib bytes. */
  finish(): Uint8Array<ArrayBuffer> {
    if (!this.done) {
      this.ensure(16)
      this.put(1, 1) // last block
      this.put(1, 2) // fixed Huffman
      this.put(0, 7) // end of block (code 256: seven zero bits)
      if (this.nbits > 0) this.put(0, 8 - this.nbits)
      const sum = ((this.b << 16) | this.a) >>> 0
      this.buf[this.pos++] = sum >>> 24
      this.buf[this.pos++] = (sum >>> 16) & 0xff
      this.buf[this.pos++] = (sum >>> 8) & 0xff
      this.buf[this.pos++] = sum & 0xff
      this.done = true
    }
    return this.buf.slice(0, this.pos)
  }
}
