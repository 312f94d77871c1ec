// A PDF page as a greyscale image for OCR, rendered by pdf.js in this
// (worker) thread onto a @napi-rs/canvas canvas: pdf.js's own Node canvas
// (its NodeCanvasFactory requires that package), a native Skia build with
// prebuilt binaries on npm, so no system libraries and no build step.
//
// Why here and not in the renderer, which has a canvas of its own: the
// import runs in a worker of the main process, also from the command line
// (`rwb import`) where no renderer exists; sending 300 DPI pages from the
// renderer would cost ~33 MB of pixels per page through IPC and tie OCR to
// an open window. Rendering is a small share of a page's cost beside
// recognition (the OCR bench: ~12 s of CPU a page in all, on a loaded
// machine), and it overlaps with the recognisers' threads.
//
// The image goes to Tesseract as a binary PGM (P5): greyscale is what it
// recognises anyway, and PGM needs no encoding (a PNG of the same page costs
// ~0.2 s to compress only for Leptonica to decompress it again).
import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api'

export interface PageImage {
  /** A binary PGM: header, then one byte of grey per pixel. */
  pgm: Uint8Array
  width: number
  height: number
  /** Pixels per PDF unit (dpi / 72). */
  scale: number
  /** The page's height in PDF units (to turn image rows into PDF y, which points up). */
  pageHeight: number
}

/** Refuses pages that would need more than this many pixels (a 300 DPI A0 poster is ~140 M). */
export const MAX_PIXELS = 60_000_000

interface CanvasLike {
  width: number
  height: number
  getContext(kind: '2d'): {
    fillStyle: string
    fillRect(x: number, y: number, w: number, h: number): void
    getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray }
  }
}

interface CanvasFactory {
  create(w: number, h: number): { canvas: CanvasLike; context: ReturnType<CanvasLike['getContext']> }
  destroy(c: { canvas: CanvasLike; context: unknown }): void
}

export async function renderPageImage(page: PDFPageProxy, canvasFactory: unknown, dpi: number): Promise<PageImage> {
  let scale = dpi / 72
  let viewport = page.getViewport({ scale })
  // An oversized page is rendered at a lower resolution rather than refused.
  if (viewport.width * viewport.height > MAX_PIXELS) {
    scale *= Math.sqrt(MAX_PIXELS / (viewport.width * viewport.height))
    viewport = page.getViewport({ scale })
  }
  const width = Math.ceil(viewport.width)
  const height = Math.ceil(viewport.height)
  const factory = canvasFactory as CanvasFactory
  const cc = factory.create(width, height)
  try {
    // A transparent canvas reads as black: scans sit on white paper.
    cc.context.fillStyle = '#ffffff'
    cc.context.fillRect(0, 0, width, height)
    await page.render({ canvasContext: cc.context as never, viewport, intent: 'display', annotationMode: 0 }).promise
    const rgba = cc.context.getImageData(0, 0, width, height).data
    const header = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`)
    const pgm = new Uint8Array(header.length + width * height)
    pgm.set(header)
    // ITU-R BT.601 luma in integers (the weights sum to 256).
    for (let i = 0, o = header.length; i < rgba.length; i += 4, o++) pgm[o] = (77 * rgba[i]! + 150 * rgba[i + 1]! + 29 * rgba[i + 2]!) >> 8
    return { pgm, width, height, scale, pageHeight: viewport.height / scale }
  } finally {
    factory.destroy(cc)
  }
}
