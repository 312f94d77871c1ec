// PDF files through pdf.js (the legacy build, for Node): the text layer of
// every page, laid out into paragraphs by pdfLayout.ts, each block with its
// page number. Nothing is fetched and nothing is evaluated: no eval (fonts
// are parsed as data), no system fonts, no font faces, and the character maps
// and standard fonts pdf.js needs are read from the pdfjs-dist package by
// file path.
import { createRequire } from 'node:module'
import { dirname, join, sep } from 'node:path'
import { CoreError } from '../app/errors'
import { layoutPages, type PdfPageText, type PdfTextItem } from './pdfLayout'
import type { ParsedDocument } from './types'

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')

let loading: Promise<PdfJs> | null = null

/**
 * pdf.js, loaded on first use (only the import worker ever reads a PDF). Its
 * "worker" runs in this same thread: the worker module is imported here and
 * handed to pdf.js as `globalThis.pdfjsWorker`, so pdf.js never starts a
 * thread of its own or fetches a worker script.
 */
function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs')
    ;(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker
    return import('pdfjs-dist/legacy/build/pdf.mjs')
  })()
  return loading
}

let assets: { cMapUrl: string; standardFontDataUrl: string } | null = null

/** The package's character maps and standard fonts, as directory paths (pdf.js reads them with fs in Node). */
function packageAssets(): { cMapUrl: string; standardFontDataUrl: string } {
  if (!assets) {
    const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))
    assets = { cMapUrl: join(root, 'cmaps') + sep, standardFontDataUrl: join(root, 'standard_fonts') + sep }
  }
  return assets
}

export const NO_TEXT_LAYER = 'this PDF has no text layer (it looks scanned); OCR it first'
export const UNMAPPED_FONTS = "this PDF's text cannot be read: its fonts map their glyphs to no characters; OCR it first"

export interface PdfOptions {
  /** Stop (and fail) once the text grows past this many characters. */
  maxChars?: number
}

/**
 * Math.hypot(c, d), the vertical scale of an item. Most text is not skewed
 * (c = 0), and then hypot is |d| exactly: V8's hypot is slow enough to show
 * in an import's profile, so that case skips it (same value, same text).
 */
function scale(c: number, d: number): number {
  return c === 0 ? Math.abs(d) : Math.hypot(c, d)
}

/** Text items of a page, reduced to plain data. */
export function toItems(items: unknown[]): PdfTextItem[] {
  const out: PdfTextItem[] = []
  for (const raw of items) {
    const it = raw as { str?: unknown; transform?: number[]; width?: number; hasEOL?: boolean; dir?: string }
    if (typeof it.str !== 'string' || !Array.isArray(it.transform)) continue
    // Indexing, not destructuring (the array iterator costs in a loop over every item).
    const t = it.transform
    const c = t[2] === undefined ? 0 : t[2]
    const d = t[3] === undefined ? 0 : t[3]
    const e = t[4] === undefined ? 0 : t[4]
    const f = t[5] === undefined ? 0 : t[5]
    out.push({ str: it.str, x: e, y: f, width: Number(it.width) || 0, size: scale(c, d), hasEOL: !!it.hasEOL, dir: it.dir })
  }
  return out
}

export async function parsePdf(bytes: Uint8Array, opts: PdfOptions = {}): Promise<ParsedDocument> {
  const pdfjs = await loadPdfJs()
  const task = pdfjs.getDocument({
    // pdf.js may take over the buffer it is given: hand it a copy.
    data: new Uint8Array(bytes),
    ...packageAssets(),
    cMapPacked: true,
    useWorkerFetch: false,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    isOffscreenCanvasSupported: false,
    enableXfa: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    stopAtErrors: false,
    verbosity: 0
  })
  try {
    let doc: Awaited<typeof task.promise>
    try {
      doc = await task.promise
    } catch (e) {
      throw openError(e)
    }
    const pageTexts: PdfPageText[] = []
    let chars = 0
    let unreadable = 0
    for (let n = 1; n <= doc.numPages; n++) {
      try {
        const page = await doc.getPage(n)
        const content = await page.getTextContent()
        const items = toItems(content.items)
        for (const it of items) chars += it.str.length
        pageTexts.push({ page: n, height: page.view[3]! - page.view[1]!, items })
        page.cleanup()
      } catch {
        unreadable++ // a damaged page: read the others
      }
      if (opts.maxChars && chars > opts.maxChars) throw new CoreError('IMPORT_FAILED', 'the document text is too long')
    }
    if (doc.numPages > 0 && unreadable === doc.numPages) {
      throw new CoreError('IMPORT_FAILED', 'the PDF is damaged: none of its pages could be read')
    }
    const layout = layoutPages(pageTexts)
    if (!layout.builder.text.trim()) {
      throw new CoreError('IMPORT_FAILED', layout.unreadableLines > 0 ? UNMAPPED_FONTS : NO_TEXT_LAYER)
    }

    const meta = await doc.getMetadata().catch(() => null)
    const info = (meta?.info ?? {}) as Record<string, unknown>
    const xmp = meta?.metadata
    const str = (v: unknown) => (typeof v === 'string' ? clean(v) : null)
    // Without a title in the metadata: the largest heading on page 1.
    const firstPage = layout.headings.filter((h) => h.page === 1)
    const biggest = firstPage.reduce<(typeof firstPage)[number] | null>((b, h) => (!b || h.size > b.size + 0.25 ? h : b), null)
    return {
      title: usableTitle(str(info.Title)) ?? usableTitle(str(xmp?.get('dc:title'))) ?? biggest?.text ?? null,
      byline: str(info.Author) ?? str(joinXmp(xmp?.get('dc:creator'))),
      siteName: null,
      publishedTime: pdfDate(pdfjs, str(info.CreationDate)) ?? str(xmp?.get('xmp:createdate')),
      lang: str(info.Language),
      dir: layout.rtl ? 'rtl' : null,
      excerpt: null,
      text: layout.builder.text,
      blocks: layout.builder.blocks,
      pages: doc.numPages
    }
  } finally {
    await task.destroy().catch(() => {})
  }
}

function clean(s: string): string | null {
  // eslint-disable-next-line no-control-regex
  const t = s.replace(/[\u0000-\u001f\u007f-\u009f\ufffd]/g, ' ').replace(/\s+/g, ' ').trim()
  // Placeholders some PDF writers leave in the info dictionary ("ARRAY(0x2c7cf020)").
  if (!t || /^(?:ARRAY|HASH|SCALAR|CODE)\(0x[0-9a-f]+\)$/i.test(t) || /^(?:unknown|none|null|undefined|-)$/i.test(t)) return null
  return t
}

function joinXmp(v: unknown): string | null {
  return Array.isArray(v) ? v.filter((x) => typeof x === 'string').join(', ') : typeof v === 'string' ? v : null
}

/** A title from the info dictionary, unless it is a placeholder or a file name. */
function usableTitle(t: string | null): string | null {
  if (!t) return null
  if (/^(untitled|document|title|microsoft word)\b/i.test(t) && t.split(/\s+/).length <= 2) return null
  if (/\.(docx?|pdf|tex|dvi|ps|rtf|odt|indd|qxd)$/i.test(t)) return null
  return t
}

function pdfDate(pdfjs: PdfJs, s: string | null): string | null {
  if (!s) return null
  try {
    const d = pdfjs.PDFDateString.toDateObject(s)
    return d && !Number.isNaN(d.getTime()) ? d.toISOString() : null
  } catch {
    return null
  }
}

/** A plain reason for a PDF pdf.js cannot open. */
function openError(e: unknown): CoreError {
  const err = e as { name?: string; code?: number; message?: string }
  if (err?.name === 'PasswordException') {
    return new CoreError('IMPORT_FAILED', 'this PDF is encrypted with a password; remove the password (or print it to a new PDF) and import that')
  }
  if (err?.name === 'InvalidPDFException') return new CoreError('IMPORT_FAILED', 'not a PDF (corrupt or wrong format)')
  if (/encrypt/i.test(err?.message ?? '')) return new CoreError('IMPORT_FAILED', `this PDF is encrypted in a way that cannot be read (${err.message})`)
  return new CoreError('IMPORT_FAILED', `the PDF could not be read (${err?.message ?? String(e)})`)
}
