import type { Block, OcrInfo } from '../../contract/types'

/** What an importer makes of a file's bytes, before it is stored. */
export interface ParsedDocument {
  title: string | null
  byline: string | null
  siteName: string | null
  publishedTime: string | null
  lang: string | null
  dir: 'ltr' | 'rtl' | null
  excerpt: string | null
  text: string
  /** Blocks of `text`; a PDF's blocks carry their 1-based `page`. */
  blocks: Block[]
  /** A PDF's page count; null (or absent) for formats without pages. */
  pages?: number | null
  /** A PDF whose pages (some or all) were recognised by OCR: which, and how surely. */
  ocr?: OcrInfo | null
}
