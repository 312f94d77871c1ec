// "Scanned" PDFs for the OCR tests and bench: pages of a real PDF rendered
// by pdf.js (onto @napi-rs/canvas, pdf.js's Node canvas) at 300 DPI, in
// greyscale, and written into a new PDF that holds nothing but one image per
// page (no fonts, no text operators: no text layer). The PDF is written by
// hand (a few objects and an xref table), so the test states exactly what
// the file holds. Also a blank scan: white paper with a little dust.
// A plain .mjs so the bench (plain Node) and the tests share it.
import { createRequire } from 'node:module'
import { dirname, join, sep } from 'node:path'
import { deflateSync } from 'node:zlib'

async function loadPdfJs() {
  globalThis.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs')
  return import('pdfjs-dist/legacy/build/pdf.mjs')
}

/** One greyscale page image: width × height bytes, and the page size in PDF units. */
function imagePage(gray, width, height, ptWidth, ptHeight) {
  return { gray, width, height, ptWidth, ptHeight }
}

/**
 * Renders `pages` (1-based) of the PDF `bytes` at `dpi` into greyscale images.
 * @returns {Promise<{gray: Uint8Array, width: number, height: number, ptWidth: number, ptHeight: number}[]>}
 */
export async function renderPages(bytes, pages, dpi = 300) {
  const pdfjs = await loadPdfJs()
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: join(root, 'cmaps') + sep,
    cMapPacked: true,
    standardFontDataUrl: join(root, 'standard_fonts') + sep,
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0
  })
  const doc = await task.promise
  const out = []
  try {
    for (const n of pages) {
      const page = await doc.getPage(n)
      const viewport = page.getViewport({ scale: dpi / 72 })
      const w = Math.ceil(viewport.width)
      const h = Math.ceil(viewport.height)
      const cc = doc.canvasFactory.create(w, h)
      cc.context.fillStyle = '#ffffff'
      cc.context.fillRect(0, 0, w, h)
      await page.render({ canvasContext: cc.context, viewport }).promise
      const rgba = cc.context.getImageData(0, 0, w, h).data
      const gray = new Uint8Array(w * h)
      for (let i = 0, o = 0; o < gray.length; i += 4, o++) gray[o] = (77 * rgba[i] + 150 * rgba[i + 1] + 29 * rgba[i + 2]) >> 8
      doc.canvasFactory.destroy(cc)
      out.push(imagePage(gray, w, h, viewport.width / (dpi / 72), viewport.height / (dpi / 72)))
      page.cleanup()
    }
  } finally {
    await task.destroy()
  }
  return out
}

/** A blank scanned page (US Letter at `dpi`): white, with a few specks of dust (seeded, so every run is the same). */
export function blankPage(dpi = 300) {
  const ptWidth = 612
  const ptHeight = 792
  const width = Math.round((ptWidth * dpi) / 72)
  const height = Math.round((ptHeight * dpi) / 72)
  const gray = new Uint8Array(width * height).fill(250)
  let seed = 12345
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff)
  for (let k = 0; k < 40; k++) {
    const x = Math.floor(rnd() * (width - 4))
    const y = Math.floor(rnd() * (height - 4))
    for (let dy = 0; dy < 3; dy++) for (let dx = 0; dx < 3; dx++) gray[(y + dy) * width + x + dx] = 60
  }
  return imagePage(gray, width, height, ptWidth, ptHeight)
}

/**
 * An image-only PDF: each page one DeviceGray image (Flate-compressed) filling the page.
 * @param {{gray: Uint8Array, width: number, height: number, ptWidth: number, ptHeight: number}[]} images
 * @returns {Buffer}
 */
export function imagePdf(images) {
  const chunks = []
  const offsets = []
  let size = 0
  const push = (b) => {
    const buf = typeof b === 'string' ? Buffer.from(b, 'latin1') : b
    chunks.push(buf)
    size += buf.length
  }
  const object = (n, dict, stream) => {
    offsets[n] = size
    push(`${n} 0 obj\n${dict}\n`)
    if (stream) {
      push('stream\n')
      push(stream)
      push('\nendstream\n')
    }
    push('endobj\n')
  }
  push('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')
  const kids = images.map((_, i) => 3 + 3 * i)
  object(1, '<< /Type /Catalog /Pages 2 0 R >>')
  object(2, `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${images.length} >>`)
  images.forEach((img, i) => {
    const [pageN, contentN, imageN] = [3 + 3 * i, 4 + 3 * i, 5 + 3 * i]
    const w = img.ptWidth.toFixed(2)
    const h = img.ptHeight.toFixed(2)
    const content = Buffer.from(`q ${w} 0 0 ${h} 0 0 cm /Scan Do Q`, 'latin1')
    object(pageN, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Scan ${imageN} 0 R >> >> /Contents ${contentN} 0 R >>`)
    object(contentN, `<< /Length ${content.length} >>`, content)
    const data = deflateSync(img.gray)
    object(imageN, `<< /Type /XObject /Subtype /Image /Width ${img.width} /Height ${img.height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${data.length} >>`, data)
  })
  const count = 3 + 3 * images.length
  const xref = size
  push(`xref\n0 ${count}\n0000000000 65535 f \n`)
  for (let n = 1; n < count; n++) push(`${String(offsets[n]).padStart(10, '0')} 00000 n \n`)
  push(`trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`)
  return Buffer.concat(chunks)
}

/** Pages of a PDF as an image-only "scan" at `dpi`. */
export async function scanOf(bytes, pages, dpi = 300) {
  return imagePdf(await renderPages(bytes, pages, dpi))
}
