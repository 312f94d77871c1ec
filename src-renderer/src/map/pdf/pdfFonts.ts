// The PDF's text is set in Helvetica, one of the 14 standard fonts every
// PDF reader has, so nothing is embedded and the labels stay text (they can
// be searched, selected and copied). Widths are those of Adobe's AFM files
// (units of 1/1000 em), needed to centre a label or end it at a point, as
// the canvas does with textAlign.

export type PdfFontKey = 'F1' | 'F2' | 'F3' | 'F4'

export const PDF_FONTS: Record<PdfFontKey, string> = {
  F1: 'Helvetica',
  F2: 'Helvetica-Bold',
  F3: 'Helvetica-Oblique',
  F4: 'Helvetica-BoldOblique'
}

// Widths of the printable ASCII characters 32..126.
// prettier-ignore
const REGULAR = [278,278,355,556,556,889,667,191,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,556,556,556,278,278,584,584,584,556,1015,667,667,722,722,667,611,778,722,278,500,667,556,833,722,778,667,778,722,667,611,722,667,944,667,667,611,278,278,278,469,556,333,556,556,500,556,556,278,556,556,222,222,500,222,833,556,556,556,556,333,500,278,556,500,722,500,500,500,334,260,334,584]
// prettier-ignore
const BOLD = [278,333,474,556,556,889,722,238,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,556,556,556,333,333,584,584,584,611,975,722,722,722,722,667,611,778,722,278,556,722,611,833,722,778,667,778,722,667,611,722,667,944,667,667,611,333,278,333,584,556,333,556,611,556,611,556,333,611,611,278,278,556,278,889,611,611,611,611,389,556,333,611,556,778,556,556,500,389,280,389,584]

/** Characters of WinAnsiEncoding's 0x80–0x9F row (the rest of 0xA0–0xFF is Latin-1 itself). */
const WIN_ANSI_HIGH: Record<number, number> = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87, 0x02c6: 0x88, 0x2030: 0x89, 0x0160: 0x8a,
  0x2039: 0x8b, 0x0152: 0x8c, 0x017d: 0x8e, 0x2018: 0x91, 0x2019: 0x92, 0x201c: 0x93, 0x201d: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97,
  0x02dc: 0x98, 0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b, 0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f
}

/** The text's bytes in WinAnsiEncoding, or null if a character has no place there (Cyrillic, Greek, CJK…). */
export function winAnsi(text: string): number[] | null {
  const out: number[] = []
  for (const ch of text) {
    const c = ch.codePointAt(0)!
    if (c === 0x09) out.push(0x20)
    else if (c >= 0x20 && c <= 0x7e) out.push(c)
    else if (c >= 0xa0 && c <= 0xff) out.push(c)
    else if (WIN_ANSI_HIGH[c] !== undefined) out.push(WIN_ANSI_HIGH[c]!)
    else return null
  }
  return out
}

/** Width of WinAnsi bytes in ems. */
export function textWidthEm(bytes: number[], bold: boolean): number {
  const table = bold ? BOLD : REGULAR
  let w = 0
  for (const b of bytes) w += b >= 32 && b <= 126 ? table[b - 32]! : b === 0xa0 ? 278 : 556
  return w / 1000
}

/** A PDF literal string of WinAnsi bytes (ASCII stays readable; the rest as octal escapes). */
export function pdfLiteral(bytes: number[]): string {
  let s = '('
  for (const b of bytes) {
    if (b === 0x28 || b === 0x29 || b === 0x5c) s += `\\${String.fromCharCode(b)}`
    else if (b >= 0x20 && b <= 0x7e) s += String.fromCharCode(b)
    else s += `\\${b.toString(8).padStart(3, '0')}`
  }
  return `${s})`
}

/** The font for a CSS font string ("italic 600 12px Inter, …"): bold from weight 600 up. */
export function fontOf(css: string): { key: PdfFontKey; size: number; bold: boolean } {
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(css)?.[1] ?? 10)
  const bold = /\bbold(er)?\b|\b[6-9]00\b/.test(css)
  const italic = /\b(italic|oblique)\b/.test(css)
  const key: PdfFontKey = bold ? (italic ? 'F4' : 'F2') : italic ? 'F3' : 'F1'
  return { key, size, bold }
}
