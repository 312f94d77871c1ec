import type { Block } from '../../contract/types'

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
  blocks: Block[]
}
