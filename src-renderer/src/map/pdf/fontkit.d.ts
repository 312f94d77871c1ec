// The part of fontkit 2 the PDF export uses (fontkit ships no typings; the
// @types package would be one more dependency for these few members).
declare module 'fontkit' {
  export interface Glyph {
    id: number
    advanceWidth: number
    codePoints: number[]
  }
  export interface GlyphRun {
    glyphs: Glyph[]
  }
  export interface Subset {
    /** The glyph's id in the subset (added on first use). */
    includeGlyph(glyph: number | Glyph): number
    /** The subset as a font program: a TrueType file, or a bare CFF table for CFF fonts. */
    encode(): Uint8Array
  }
  export interface Font {
    postscriptName: string
    unitsPerEm: number
    ascent: number
    descent: number
    capHeight: number
    italicAngle: number
    bbox: { minX: number; minY: number; maxX: number; maxY: number }
    /** The font's tables, by tag ('CFF ' for PostScript outlines). */
    directory: { tables: Record<string, unknown> }
    hasGlyphForCodePoint(codePoint: number): boolean
    glyphsForString(text: string): Glyph[]
    layout(text: string): GlyphRun
    createSubset(): Subset
  }
  export function create(data: Uint8Array): Font
}
