// Saved web pages: Mozilla Readability finds the article and its metadata,
// DOMPurify cleans what is kept, and the clean DOM becomes canonical text.
import { Readability } from '@mozilla/readability'
import { JSDOM, VirtualConsole } from 'jsdom'
import { domToBlocks } from './domBlocks'
import { sanitizeToFragment } from './sanitize'
import type { ParsedDocument } from './types'

function clean(s: string | null | undefined): string | null {
  const t = s?.replace(/\s+/g, ' ').trim()
  return t ? t : null
}

/**
 * What jsdom is given: bytes that hold non-ASCII text and are valid UTF-8 are
 * decoded as UTF-8 whatever the page declares (a saved page keeps its old
 * <meta charset> after being re-saved as UTF-8, a declaration can sit past the
 * 1024 bytes jsdom's prescan reads, or be missing, and legacy-encoded text is
 * practically never valid UTF-8: browsers' detectors decide the same way).
 * Anything else goes to jsdom as bytes, so the BOM or <meta charset> decides,
 * with windows-1252 as the fallback; pure ASCII also stays bytes, so 7-bit
 * encodings such as ISO-2022-JP still follow their declaration.
 */
function htmlInput(bytes: Uint8Array): string | Buffer {
  if (bytes.some((b) => b >= 0x80)) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    } catch {
      // not UTF-8: let jsdom sniff
    }
  }
  return Buffer.from(bytes)
}

export function parseHtml(bytes: Uint8Array, sourceUrl = 'about:blank'): ParsedDocument {
  // A silent console: jsdom otherwise prints every stylesheet it cannot parse.
  const dom = new JSDOM(htmlInput(bytes), { url: sourceUrl, contentType: 'text/html', virtualConsole: new VirtualConsole() })
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
