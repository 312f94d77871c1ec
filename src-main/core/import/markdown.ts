// Markdown notes: rendered to HTML by markdown-it (raw HTML off), sanitised,
// then turned into blocks like any page, so headings and lists keep their shape.
import MarkdownIt from 'markdown-it'
import { domToBlocks } from './domBlocks'
import { sanitizeToFragment } from './sanitize'
import type { ParsedDocument } from './types'

const md = new MarkdownIt({ html: false, linkify: false })

export function parseMarkdown(source: string): ParsedDocument {
  const html = md.render(source)
  const built = domToBlocks(sanitizeToFragment(html))
  const firstHeading = built.blocks.find((b) => /^h[1-3]$/.test(b.kind))
  const title = firstHeading ? built.text.slice(firstHeading.start, firstHeading.end) : null
  return {
    title,
    byline: null,
    siteName: null,
    publishedTime: null,
    lang: null,
    dir: null,
    excerpt: null,
    text: built.text,
    blocks: built.blocks
  }
}
