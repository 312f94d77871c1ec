// Saved web pages: Mozilla Readability finds the article and its metadata,
// DOMPurify cleans what is kept, and the clean DOM becomes canonical text.
import { Readability } from '@mozilla/readability'
import { CoreError } from '../app/errors'
import { decodeHtml } from './htmlDecode'
import { domToBlocks } from './domBlocks'
import { limitNesting } from './nesting'
import { sanitizeToFragment, sharedWindow } from './sanitize'
import type { ParsedDocument } from './types'

/** Readability gives up (with a plain reason) on pages with more elements than this. */
export const MAX_HTML_ELEMENTS = 1_000_000

export { decodeHtml } from './htmlDecode'

function clean(s: string | null | undefined): string | null {
  const t = s?.replace(/\s+/g, ' ').trim()
  return t ? t : null
}

export function parseHtml(bytes: Uint8Array, _sourceUrl = 'about:blank'): ParsedDocument {
  const source = limitNesting(decodeHtml(bytes).text)
  // An inert document from DOMParser on one shared jsdom window: no scripts
  // run and nothing is loaded, and it costs far less than a window per page.
  const parse = () => new (sharedWindow().DOMParser)().parseFromString(source, 'text/html')
  const doc = parse()
  // Read what Readability's changes to the document would hide first:
  // Readability works on this document itself (no copy).
  const pageLang = clean(doc.documentElement.getAttribute('lang'))
  const pageDir = clean(doc.documentElement.getAttribute('dir') ?? doc.body?.getAttribute('dir'))?.toLowerCase()
  const pageTitle = clean(doc.title)
  let article: ReturnType<Readability<string>['parse']>
  try {
    article = new Readability(doc, { maxElemsToParse: MAX_HTML_ELEMENTS }).parse()
  } catch (e) {
    if (/Aborting parsing document/.test((e as Error).message)) {
      throw new CoreError('IMPORT_FAILED', `the page is too large to read (more than ${MAX_HTML_ELEMENTS.toLocaleString('en')} elements)`)
    }
    throw e
  }
  let html = article?.content
  if (html == null) {
    // Readability found no article and has changed the page while looking:
    // read the body of a fresh copy instead.
    html = parse().body?.innerHTML ?? ''
  }
  const built = domToBlocks(sanitizeToFragment(html))
  const articleDir = clean(article?.dir)?.toLowerCase()
  const dir = articleDir === 'rtl' || articleDir === 'ltr' ? articleDir : pageDir
  return {
    title: clean(article?.title) ?? pageTitle,
    byline: clean(article?.byline),
    siteName: clean(article?.siteName),
    publishedTime: clean(article?.publishedTime),
    lang: clean(article?.lang) ?? pageLang,
    dir: dir === 'rtl' ? 'rtl' : dir === 'ltr' ? 'ltr' : null,
    excerpt: clean(article?.excerpt),
    text: built.text,
    blocks: built.blocks,
    pages: null
  }
}
