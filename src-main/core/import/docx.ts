// Word documents (.docx) through mammoth: paragraphs, headings, lists and
// tables become HTML, which is sanitised and turned into blocks like any
// page; footnotes and endnotes become paragraphs at the end ("[1] ...", as
// their markers read in the text). mammoth gets the bytes only: no path, no
// external file access, no images read, no style map embedded in the file.
// The zip is checked first (zipGuard.ts), so a zip bomb fails fast.
import { CoreError } from '../app/errors'
import { domToBlocks } from './domBlocks'
import { sanitizeToFragment, sharedWindow } from './sanitize'
import type { ParsedDocument } from './types'
import { checkZip, DEFAULT_ZIP_LIMITS, ZipError, type ZipLimits } from './zipGuard'

export const NOT_WORD = 'not a Word document (corrupt or wrong format)'

type Mammoth = typeof import('mammoth')
let loading: Promise<Mammoth> | null = null

function loadMammoth(): Promise<Mammoth> {
  loading ??= import('mammoth').then((m) => ((m as { default?: Mammoth }).default ?? m) as Mammoth)
  return loading
}

// Word's own title styles, beside mammoth's default map (headings, lists, notes).
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh", "p[style-name='Quote'] => blockquote > p:fresh", "p[style-name='Intense Quote'] => blockquote > p:fresh"]

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

export interface DocxOptions {
  zipLimits?: ZipLimits
}

export async function parseDocx(bytes: Uint8Array, opts: DocxOptions = {}): Promise<ParsedDocument> {
  if (OLE_SIGNATURE.every((b, i) => bytes[i] === b)) {
    // Password-protected .docx files and old .doc files are both OLE containers.
    throw new CoreError('IMPORT_FAILED', 'this Word file is password-protected or in the old .doc format; save it as an unprotected .docx and import that')
  }
  let parts: Map<string, Buffer>
  try {
    parts = await checkZip(bytes, ['docProps/core.xml'], opts.zipLimits ?? DEFAULT_ZIP_LIMITS)
  } catch (e) {
    if (e instanceof ZipError) throw new CoreError('IMPORT_FAILED', NOT_WORD)
    throw e
  }
  const mammoth = await loadMammoth()
  let html: string
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        externalFileAccess: false,
        includeEmbeddedStyleMap: false,
        includeDefaultStyleMap: true,
        styleMap: STYLE_MAP,
        ignoreEmptyParagraphs: true,
        // Images are never read (an external link is never followed); the sanitiser drops <img>.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' }))
      }
    )
    html = result.value
  } catch (e) {
    const msg = (e as Error).message ?? ''
    throw new CoreError('IMPORT_FAILED', /main document part|corrupted zip|end of central directory|not a valid zip/i.test(msg) ? NOT_WORD : `${NOT_WORD}: ${msg.split('\n')[0]}`)
  }
  const built = domToBlocks(sanitizeToFragment(notesAsParagraphs(html)))
  const core = coreProperties(parts.get('docProps/core.xml'))
  const firstHeading = built.blocks.find((b) => /^h[1-3]$/.test(b.kind))
  return {
    title: core.title ?? (firstHeading ? built.text.slice(firstHeading.start, firstHeading.end) : firstLineTitle(built.text)),
    byline: core.creator,
    siteName: null,
    publishedTime: core.created,
    lang: core.language,
    dir: null,
    excerpt: core.description,
    text: built.text,
    blocks: built.blocks,
    pages: null
  }
}

/**
 * mammoth writes notes as `<ol><li id="footnote-1"><p>text <a href="#footnote-ref-1">↑</a></p></li></ol>`
 * and their markers as "[1]", numbered across footnotes and endnotes in that
 * list's order. Each note becomes "<p>[n] text</p>", without the back link.
 */
function notesAsParagraphs(html: string): string {
  if (!/id="(?:footnote|endnote)-/.test(html)) return html
  const doc = sharedWindow().document
  const host = doc.createElement('div')
  host.innerHTML = html
  const notes = [...host.querySelectorAll('li[id^="footnote-"], li[id^="endnote-"]')]
  notes.forEach((li, i) => {
    for (const back of li.querySelectorAll('a[href^="#footnote-ref-"], a[href^="#endnote-ref-"]')) back.remove()
    const paras = [...li.querySelectorAll('p')]
    const out: Element[] = paras.length ? paras : [doc.createElement('p')]
    if (!paras.length) out[0]!.textContent = li.textContent
    out[0]!.prepend(doc.createTextNode(`[${i + 1}] `))
    // The notes' list is replaced by their paragraphs, in order.
    const list = li.parentElement
    for (const p of out) list?.before(p)
    li.remove()
  })
  for (const ol of host.querySelectorAll('ol')) if (!ol.children.length) ol.remove()
  return host.innerHTML
}

interface CoreProperties {
  title: string | null
  creator: string | null
  created: string | null
  language: string | null
  description: string | null
}

const DC = 'http://purl.org/dc/elements/1.1/'
const DCTERMS = 'http://purl.org/dc/terms/'

/** docProps/core.xml: title, author, creation date, language, description. */
function coreProperties(xml: Buffer | undefined): CoreProperties {
  const none: CoreProperties = { title: null, creator: null, created: null, language: null, description: null }
  if (!xml || xml.length > 1_000_000) return none
  try {
    const doc = new (sharedWindow().DOMParser)().parseFromString(xml.toString('utf8').replace(/^\uFEFF/, ''), 'application/xml')
    if (doc.getElementsByTagName('parsererror').length) return none
    const text = (ns: string, name: string) => {
      const t = doc.getElementsByTagNameNS(ns, name)[0]?.textContent?.replace(/\s+/g, ' ').trim()
      return t ? t : null
    }
    const created = text(DCTERMS, 'created')
    return {
      title: text(DC, 'title'),
      creator: text(DC, 'creator'),
      created: created && !Number.isNaN(Date.parse(created)) ? new Date(created).toISOString() : created,
      language: text(DC, 'language'),
      description: text(DC, 'description')
    }
  } catch {
    return none
  }
}

/**
 * No title property and no heading: the document's first line, as Word itself
 * proposes it for a file name, when it is short enough to read as a title
 * (a long first paragraph is prose, and the file name says more).
 */
export function firstLineTitle(text: string): string | null {
  const line = text.trim().split('\n', 1)[0]?.trim() ?? ''
  return line.length >= 2 && line.length <= 100 ? line : null
}
