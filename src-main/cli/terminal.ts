// Text for a terminal: column widths that count wide (CJK) characters as
// two and combining marks as none, a plain table, bold marks for search hits,
// and control characters kept from reaching the terminal as escape sequences.
//
// Trade-off: widths come from a fixed list of wide ranges instead of a
// Unicode width table (a dependency for one listing); rare wide characters
// outside the list misalign a row, never break it.

/** Display width ignoring combining marks; wide (CJK) characters count as two columns. */
export function width(s: string): number {
  let w = 0
  for (const ch of s) {
    // Below U+0300 nothing is a mark or wide: most text never reaches the
    // Unicode-property expression (compiling it costs a command's start-up).
    if (ch.charCodeAt(0) < 0x300) {
      w += 1
      continue
    }
    if (/\p{M}/u.test(ch)) continue
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1faff}\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1
  }
  return w
}

/** One line of at most `max` columns: control characters become spaces, a longer text ends in "…". */
export function fit(s: string, max: number): string {
  const clean = s.replace(/[\u0000-\u001f\u007f]+/g, ' ')
  if (width(clean) <= max) return clean
  let out = ''
  for (const ch of clean) {
    if (width(out + ch) > max - 1) break
    out += ch
  }
  return `${out}…`
}

function pad(s: string, w: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)))
  return right ? fill + s : s + fill
}

/** Columns two spaces apart, each as wide as its widest cell; no trailing spaces. */
export function table(head: string[], rows: string[][], rightAligned: Set<number>): string {
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))))
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, widths[i]!, rightAligned.has(i)))
      .join('  ')
      .trimEnd()
  return [line(head), ...rows.map(line)].join('\n') + '\n'
}

/** The highlighted ranges in bold, on a terminal only. */
export function markHits(s: string, highlights: [number, number][], tty: boolean): string {
  if (!tty) return s
  let out = ''
  let at = 0
  for (const [a, b] of highlights) {
    out += `${s.slice(at, a)}\u001b[1m${s.slice(a, b)}\u001b[22m`
    at = b
  }
  return out + s.slice(at)
}

/** Control characters in document text must not reach a terminal as escape sequences. */
export function printable(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, ' ')
}
