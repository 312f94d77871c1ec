// Saved web pages: Mozilla Readability finds the article and its metadata,
// DOMPurify cleans what is kept, and the clean DOM becomes canonical text.
import { Readability } from '@mozilla/readability'
import { JSDOM } from 'jsdom'
import { domToBlocks } from './domBlocks'
import { sanitizeToFragment } from './sanitize'
import type { ParsedDocument } from './types'

function clean(s: string | null | undefined): string | null {
  const t = s?.replace(/\s+/g, ' ').trim()
  return t ? t : null
}

export function parseHtml(bytes: Uint8Array, sourceUrl = 'about:blank'): ParsedDocument {
  // Passing bytes lets jsdom sniff the encoding from the BOM or <meta charset>.
  const dom = new JSDOM(Buffer.from(bytes), { url: sourceUrl, contentType: 'text/html' })
  const doc = dom.window.document
  const lang = clean(doc.documentElement.getAttribute('lang'))
  const article = new Readability(doc.cloneNode(true) as Document).parse()
  const html = article?.content ?? doc.body?.innerHTML ?? ''
  const built = domToBlocks(sanitizeToFragment(html))
  const dir = clean(article?.dir ?? doc.documentElement.getAttribute('dir'))?.toLowerCase()
  const parsed: ParsedDocument = {
    title: clean(article?.title) ?? clean(doc.title),
    byline: clean(article?.byline),
    siteName: clean(article?.siteName),
    publishedTime: clean(article?.publishedTime),
    lang: clean(article?.lang) ?? lang,
    dir: dir === 'rtl' ? 'rtl' : dir === 'ltr' ? 'ltr' : null,
    excerpt: clean(article?.excerpt),
    text: built.text,
    blocks: built.blocks
  }
  dom.window.close()
  return parsed
}
