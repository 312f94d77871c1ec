// The PDF's text is set in embedded subsets of Noto fonts, so every label,
// the title, legend and footer stay real text in any script the fonts
// cover: searchable, selectable, and extracted by pdf.js and pdftotext.
//
// Each face is a Type0 font (Identity-H, two-byte glyph ids) over a CID font
// holding only the glyphs the page uses, with its widths (W) and a ToUnicode
// map from each glyph back to the characters it draws (that map is what text
// extraction reads). A text is cut into runs by the first face that has its
// characters: the Latin face (Latin, Greek, Cyrillic), then the fallbacks
// (CJK, Arabic); a run stays in its face through spaces and punctuation the
// face also has, so "谷歌 Inc" is one run. A run no face covers (emoji) is
// left to the caller (pdfCanvas.ts draws it as a small picture).
//
// fontkit 2 (the maintained upstream) parses, shapes and subsets. The fork
// pdf-lib depends on (@pdf-lib/fontkit 1.1) writes broken subsets of exactly
// these fonts (a short `loca` that shifts TrueType glyphs; an invalid CFF
// header for Noto Sans CJK: pdf-lib issue #1232), which is why the PDF file
// around the fonts is written here (pdfDocument.ts) and not by pdf-lib.
//
// Shaping: complex scripts (Arabic, Hebrew, Indic) go through fontkit's
// layout (joining forms, ligatures; right-to-left runs come back in visual
// order); everything else maps characters to glyphs one to one (much faster
// for 20,000 labels). Kerning is not applied. No DOM here: unit-tested in Node.
import { create, type Font, type Subset } from 'fontkit'

/** Scripts that need shaping (joining, reordering) to be drawn right. */
const COMPLEX = /[\u0590-\u08ff\u0900-\u0dff\ufb1d-\ufdff\ufe70-\ufeff]/

export interface FaceBytes {
  /** The main text face (regular weight). */
  regular: Uint8Array
  /** Its bold weight (titles; labels set in 600+); the regular one when absent. */
  bold?: Uint8Array
  /** Faces tried, in order, for characters the main face lacks. */
  fallbacks: Uint8Array[]
}

export interface Face {
  font: Font
  /** The resource name on the page (F1, F2…). */
  key: string
  subset: Subset | null
  /** Advance widths by subset glyph id, in font units. */
  widths: number[]
  /** The characters each subset glyph draws (for ToUnicode). */
  unicode: Map<number, string>
}

export interface Run {
  face: Face | null
  text: string
}

/** A run set in a face: the glyph ids as PDF hex and the width in ems. */
export interface Shown {
  key: string
  hex: string
  em: number
}

/** Where the font objects are written (the document writer's own object table). */
export interface ObjectSink {
  reserve(): number
  obj(n: number, body: string, stream?: Uint8Array): void
  deflate(bytes: Uint8Array): Promise<Uint8Array>
}

const hex4 = (n: number) => n.toString(16).toUpperCase().padStart(4, '0')

function utf16Hex(s: string): string {
  let out = ''
  for (let i = 0; i < s.length; i++) out += hex4(s.charCodeAt(i))
  return out
}

export class PdfFontSet {
  private readonly regular: Face
  private readonly bold: Face
  private readonly fallbacks: Face[]
  private readonly shown = new Map<string, Shown>()
  /** True once a text had characters no face has (drawn another way by the caller). */
  uncovered = false

  constructor(bytes: FaceBytes, parsed = new Map<Uint8Array, Font>()) {
    let n = 0
    const face = (b: Uint8Array): Face => {
      let font = parsed.get(b)
      if (!font) parsed.set(b, (font = create(b)))
      return { font, key: `F${++n}`, subset: null, widths: [], unicode: new Map() }
    }
    this.regular = face(bytes.regular)
    this.bold = bytes.bold ? face(bytes.bold) : this.regular
    this.fallbacks = bytes.fallbacks.map(face)
  }

  private faceFor(cp: number, bold: boolean, current: Face | null): Face | null {
    if (current?.font.hasGlyphForCodePoint(cp)) return current
    const main = bold ? this.bold : this.regular
    if (main.font.hasGlyphForCodePoint(cp)) return main
    return this.fallbacks.find((f) => f.font.hasGlyphForCodePoint(cp)) ?? null
  }

  /** The text cut into runs by the face that draws them (null: no face has those characters). */
  runs(text: string, bold: boolean): Run[] {
    const out: Run[] = []
    let cur = null as Run | null
    for (const ch of text.replace(/[\t\n\r]/g, ' ')) {
      const cp = ch.codePointAt(0)!
      // Marks and joiners belong to the character before them.
      const face = cur && /[\p{M}\u200c\u200d\ufe0f]/u.test(ch) ? cur.face : this.faceFor(cp, bold, cur?.face ?? null)
      if (!face) this.uncovered = true
      if (cur && cur.face === face) cur.text += ch
      else out.push((cur = { face, text: ch }))
    }
    return out
  }

  /** A run set in its face: glyphs added to the face's subset, with their widths and characters. */
  show(face: Face, text: string): Shown {
    const cacheKey = `${face.key}\u0000${text}`
    const hit = this.shown.get(cacheKey)
    if (hit) return hit
    const glyphs = COMPLEX.test(text) ? face.font.layout(text).glyphs : face.font.glyphsForString(text)
    face.subset ??= face.font.createSubset()
    let hex = ''
    let units = 0
    for (const g of glyphs) {
      const id = face.subset.includeGlyph(g.id)
      face.widths[id] = g.advanceWidth
      if (g.codePoints.length && !face.unicode.has(id)) face.unicode.set(id, String.fromCodePoint(...g.codePoints))
      hex += hex4(id)
      units += g.advanceWidth
    }
    const out = { key: face.key, hex, em: units / face.font.unitsPerEm }
    this.shown.set(cacheKey, out)
    return out
  }

  /** Width of the runs a face draws, in ems (runs no face draws are measured by the caller). */
  widthEm(run: Run): number {
    return run.face ? this.show(run.face, run.text).em : 0
  }

  /** The faces with glyphs on the page. */
  private used(): Face[] {
    return [...new Set([this.regular, this.bold, ...this.fallbacks])].filter((f) => f.subset)
  }

  /** Writes each used face (Type0 → CID font → descriptor → subset program, and its ToUnicode); returns the page's /Font entries. */
  async write(sink: ObjectSink): Promise<string> {
    const entries: string[] = []
    for (const [i, face] of this.used().entries()) {
      const { font } = face
      const cff = 'CFF ' in font.directory.tables
      const k = 1000 / font.unitsPerEm
      // A subset's name starts with six capitals and a plus (PDF 32000, 9.6.4); one tag per face.
      const name = `RWB${String.fromCharCode(65 + Math.floor(i / 676) % 26, 65 + Math.floor(i / 26) % 26, 65 + (i % 26))}+${font.postscriptName.replace(/[^\x21-\x7e]|[()<>[\]{}/%#]/g, '')}`
      const program = await sink.deflate(face.subset!.encode())
      const [type0, cid, desc, file, toUni] = [sink.reserve(), sink.reserve(), sink.reserve(), sink.reserve(), sink.reserve()]
      const widths = Array.from({ length: face.widths.length }, (_, g) => Math.round((face.widths[g] ?? 0) * k)).join(' ')
      const bb = font.bbox
      entries.push(`/${face.key} ${type0} 0 R`)
      sink.obj(type0, `<< /Type /Font /Subtype /Type0 /BaseFont /${name} /Encoding /Identity-H /DescendantFonts [${cid} 0 R] /ToUnicode ${toUni} 0 R >>`)
      sink.obj(
        cid,
        `<< /Type /Font /Subtype /${cff ? 'CIDFontType0' : 'CIDFontType2'} /BaseFont /${name} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${desc} 0 R /DW 1000 /W [0 [${widths}]]${cff ? '' : ' /CIDToGIDMap /Identity'} >>`
      )
      sink.obj(
        desc,
        `<< /Type /FontDescriptor /FontName /${name} /Flags 4 /FontBBox [${[bb.minX, bb.minY, bb.maxX, bb.maxY].map((v) => Math.round(v * k)).join(' ')}] /ItalicAngle ${font.italicAngle || 0} /Ascent ${Math.round(font.ascent * k)} /Descent ${Math.round(font.descent * k)} /CapHeight ${Math.round((font.capHeight || font.ascent) * k)} /StemV 80 /${cff ? 'FontFile3' : 'FontFile2'} ${file} 0 R >>`
      )
      sink.obj(file, `<< /Length ${program.length} /Filter /FlateDecode${cff ? ' /Subtype /CIDFontType0C' : ''} >>`, program)
      const cmap = await sink.deflate(new TextEncoder().encode(toUnicodeCMap(face.unicode)))
      sink.obj(toUni, `<< /Length ${cmap.length} /Filter /FlateDecode >>`, cmap)
    }
    return entries.join(' ')
  }
}

/** The ToUnicode CMap: each glyph id to the UTF-16 of the characters it draws, in blocks of at most 100 (the CMap limit). */
export function toUnicodeCMap(unicode: Map<number, string>): string {
  const pairs = [...unicode].sort((a, b) => a[0] - b[0])
  const blocks: string[] = []
  for (let i = 0; i < pairs.length; i += 100) {
    const chunk = pairs.slice(i, i + 100)
    blocks.push(`${chunk.length} beginbfchar\n${chunk.map(([g, s]) => `<${hex4(g)}> <${utf16Hex(s)}>`).join('\n')}\nendbfchar`)
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end'
  ].join('\n')
}

/** The font size and weight of a CSS font string ("italic 600 12px Inter, …"): bold from weight 600 up. */
export function fontOf(css: string): { size: number; bold: boolean } {
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(css)?.[1] ?? 10)
  const bold = /\bbold(er)?\b|\b[6-9]00\b/.test(css)
  return { size, bold }
}
