// A one-page vector PDF around the content a PdfCanvas drew: the page, its
// fonts (embedded subsets, written by pdfFonts.ts), transparency states,
// pictures of text no embedded font can show, and the document's title.
// Written here rather than by a PDF library: the file is a handful of
// objects around one content stream, and the font objects are the part
// that needs care (see pdfFonts.ts for why not pdf-lib's).
import { concat } from '../imageEncoder'
import type { PdfCanvas, TextImage } from './pdfCanvas'

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

function latin1(s: string): Uint8Array {
  const out = new Uint8Array(s.length)
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff
  return out
}

/** A PDF text string: printable ASCII as is, anything else as UTF-16BE hex. */
export function pdfTextString(s: string): string {
  if (/^[\x20-\x7e]*$/.test(s)) return `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`
  let hex = 'FEFF'
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).padStart(4, '0')
  return `<${hex}>`
}

async function imageObjects(img: TextImage): Promise<{ rgb: Uint8Array; alpha: Uint8Array }> {
  const n = img.width * img.height
  const rgb = new Uint8Array(n * 3)
  const alpha = new Uint8Array(n)
  for (let i = 0; i < n; i++) {
    const a = img.rgba[i * 4 + 3]!
    alpha[i] = a
    // Un-premultiplied colour (the canvas gives it so); transparent pixels black.
    rgb[i * 3] = img.rgba[i * 4]!
    rgb[i * 3 + 1] = img.rgba[i * 4 + 1]!
    rgb[i * 3 + 2] = img.rgba[i * 4 + 2]!
  }
  return { rgb: await deflate(rgb), alpha: await deflate(alpha) }
}

export async function pdfDocument(canvas: PdfCanvas, page: { width: number; height: number }, title: string): Promise<Uint8Array<ArrayBuffer>> {
  const parts: Uint8Array[] = []
  const offsets: number[] = []
  let size = 0
  const push = (b: Uint8Array) => {
    parts.push(b)
    size += b.length
  }
  const text = (s: string) => push(latin1(s))
  let next = 1
  const reserve = () => next++
  const obj = (n: number, body: string, stream?: Uint8Array) => {
    offsets[n] = size
    if (!stream) return text(`${n} 0 obj\n${body}\nendobj\n`)
    text(`${n} 0 obj\n${body}\nstream\n`)
    push(stream)
    text('\nendstream\nendobj\n')
  }

  const catalog = reserve()
  const pages = reserve()
  const pageObj = reserve()
  const contents = reserve()
  const info = reserve()
  const images = canvas.images.map((img) => ({ img, n: reserve(), mask: reserve() }))

  const pw = page.width.toFixed(2)
  const ph = page.height.toFixed(2)
  const gs = [...canvas.alphas].map((a) => `/Gf${a.replace('.', '_')} << /ca ${a} >> /Gs${a.replace('.', '_')} << /CA ${a} >>`).join(' ')
  text('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')
  const fontDict = await canvas.fonts.write({ reserve, obj, deflate })
  const xobj = images.map(({ img, n }) => `/${img.name} ${n} 0 R`).join(' ')
  const resources = `<< /ProcSet [/PDF /Text /ImageB /ImageC]${fontDict ? ` /Font << ${fontDict} >>` : ''}${gs ? ` /ExtGState << ${gs} >>` : ''}${xobj ? ` /XObject << ${xobj} >>` : ''} >>`

  obj(catalog, `<< /Type /Catalog /Pages ${pages} 0 R >>`)
  obj(pages, `<< /Type /Pages /Kids [${pageObj} 0 R] /Count 1 >>`)
  obj(pageObj, `<< /Type /Page /Parent ${pages} 0 R /MediaBox [0 0 ${pw} ${ph}] /Resources ${resources} /Contents ${contents} 0 R >>`)
  const content = await deflate(latin1(canvas.content()))
  obj(contents, `<< /Length ${content.length} /Filter /FlateDecode >>`, content)
  obj(info, `<< /Title ${pdfTextString(title)} /Producer (Research Workbench) /CreationDate (D:${new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z) >>`)
  for (const { img, n, mask } of images) {
    const { rgb, alpha } = await imageObjects(img)
    obj(n, `<< /Type /XObject /Subtype /Image /Width ${img.width} /Height ${img.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /SMask ${mask} 0 R /Filter /FlateDecode /Length ${rgb.length} >>`, rgb)
    obj(mask, `<< /Type /XObject /Subtype /Image /Width ${img.width} /Height ${img.height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${alpha.length} >>`, alpha)
  }
  const xref = size
  const count = next
  let table = `xref\n0 ${count}\n0000000000 65535 f \n`
  for (let n = 1; n < count; n++) table += `${String(offsets[n]).padStart(10, '0')} 00000 n \n`
  text(`${table}trailer\n<< /Size ${count} /Root ${catalog} 0 R /Info ${info} 0 R >>\nstartxref\n${xref}\n%%EOF\n`)
  return concat(parts)
}
