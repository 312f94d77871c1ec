// Converting between UTF-16 code-unit offsets (what the project stores) and
// Unicode code-point offsets (what W3C TextPositionSelector counts) for one
// text. Only astral characters (surrogate pairs) make the two differ, so the
// converter remembers where they are and answers each question by binary search.

export class OffsetConverter {
  /** UTF-16 index of each astral character's high surrogate, ascending. */
  private readonly astral16: number[] = []
  /** Code-point index of each astral character, ascending. */
  private readonly astralCp: number[] = []
  readonly length16: number
  readonly lengthCp: number

  constructor(text: string) {
    let cp = 0
    for (let i = 0; i < text.length; i++, cp++) {
      const c = text.charCodeAt(i)
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1)
        if (d >= 0xdc00 && d <= 0xdfff) {
          this.astral16.push(i)
          this.astralCp.push(cp)
          i++
        }
      }
    }
    this.length16 = text.length
    this.lengthCp = cp
  }

  /** Number of entries of `sorted` that are < `value`. */
  private static countBelow(sorted: number[], value: number): number {
    let lo = 0
    let hi = sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (sorted[mid]! < value) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  /** Code-point offset of a UTF-16 offset (one between the halves of a surrogate pair maps to just after that character). */
  toCodePoint(offset16: number): number {
    return offset16 - OffsetConverter.countBelow(this.astral16, offset16 - 1)
  }

  /** UTF-16 offset of a code-point offset, or null when it is past the end of the text. */
  toUtf16(offsetCp: number): number | null {
    if (!Number.isInteger(offsetCp) || offsetCp < 0 || offsetCp > this.lengthCp) return null
    return offsetCp + OffsetConverter.countBelow(this.astralCp, offsetCp)
  }
}
