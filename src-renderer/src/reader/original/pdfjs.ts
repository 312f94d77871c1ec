// pdf.js in the renderer, loaded on first use (the text view never pays for
// it). Parsing runs in pdf.js's own worker, which Vite bundles from the
// package as one of the app's files (`?worker`): nothing is fetched from
// anywhere else, and the CSP's script-src 'self' covers it. Drawing (canvas,
// text layer) is on this thread, as pdf.js requires.
//
// pdf.js's character maps and standard-font data (which it asks for when a
// PDF uses a predefined CJK/CID encoding or one of the 14 standard fonts
// without embedding it) are bundled the same way, one file each, and handed
// over by our own factories, so the text layer gets the very text the import
// read (the import passes the same maps to pdf.js in Node).
//
// Trade-off: every map ships with the app (about 1.6 MB in ~170 small files,
// fetched only when a PDF needs one) rather than a guess at which are needed.
import type { PDFDocumentProxy } from 'pdfjs-dist'

// URLs of the package's files; never inlined as data: URLs (the CSP's connect-src is 'self').
const cMapUrls = import.meta.glob<string>('../../../../node_modules/pdfjs-dist/cmaps/*.bcmap', { query: '?url&no-inline', import: 'default', eager: true })
const fontUrls = import.meta.glob<string>('../../../../node_modules/pdfjs-dist/standard_fonts/*.{pfb,ttf}', { query: '?url&no-inline', import: 'default', eager: true })

async function packageFile(table: Record<string, string>, file: string): Promise<Uint8Array> {
  const key = Object.keys(table).find((k) => k.endsWith(`/${file}`))
  if (!key) throw new Error(`pdf.js asked for ${file}, which the app does not ship`)
  const res = await fetch(table[key]!)
  if (!res.ok) throw new Error(`${file} could not be read (${res.status})`)
  return new Uint8Array(await res.arrayBuffer())
}

/** pdf.js's CMapReaderFactory interface, over the bundled maps. */
class BundledCMaps {
  async fetch({ name }: { name: string }) {
    return { cMapData: await packageFile(cMapUrls, `${name}.bcmap`), isCompressed: true }
  }
}

/** pdf.js's StandardFontDataFactory interface, over the bundled fonts. */
class BundledFonts {
  async fetch({ filename }: { filename: string }) {
    return packageFile(fontUrls, filename)
  }
}

type PdfJs = typeof import('pdfjs-dist')

let loading: Promise<PdfJs> | null = null

export function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    const [pdfjs, { default: PdfWorker }] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?worker')])
    // One worker for every document this session opens (pdf.js shares a given port).
    pdfjs.GlobalWorkerOptions.workerPort = new PdfWorker()
    return pdfjs
  })()
  loading.catch(() => (loading = null))
  return loading
}

/** Opens a PDF from its bytes (a copy: pdf.js takes over the buffer it is given). */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const pdfjs = await loadPdfJs()
  return pdfjs.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    CMapReaderFactory: BundledCMaps as never,
    StandardFontDataFactory: BundledFonts as never,
    useWorkerFetch: false,
    enableXfa: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    stopAtErrors: false,
    verbosity: 0
  }).promise
}
