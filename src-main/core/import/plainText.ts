// Plain text: the canonical text is the file's own text (NFC, LF line ends),
// unchanged; blocks are its paragraphs, and each bulleted line is a list item.
import type { Block } from '../../contract/types'
import type { ParsedDocument } from './types'

const BULLET = /^\s*(?:[•●▪◦‣∙·*\-–]|\d{1,3}[.)])\s+/

export function parsePlainText(source: string): ParsedDocument {
  const text = source.replace(/\r\n?/g, '\n').normalize('NFC')
  const blocks: Block[] = []
  const lines: { start: number; end: number; line: string }[] = []
  let pos = 0
  for (const line of text.split('\n')) {
    lines.push({ start: pos, end: pos + line.length, line })
    pos += line.length + 1
  }
  let para: { start: number; end: number } | null = null
  const closePara = () => {
    if (para) blocks.push({ ...para, kind: 'p' })
    para = null
  }
  for (const { start, end, line } of lines) {
    if (!line.trim()) {
      closePara()
      continue
    }
    const lead = line.length - line.trimStart().length
    const trail = line.length - line.trimEnd().length
    const s = start + lead
    const e = end - trail
    if (BULLET.test(line)) {
      closePara()
      blocks.push({ start: s, end: e, kind: 'li' })
    } else if (para) {
      para.end = e
    } else {
      para = { start: s, end: e }
    }
  }
  closePara()
  return { ...guessHeadline(text, blocks), byline: null, publishedTime: null, lang: null, dir: null, excerpt: null, text, blocks }
}

/**
 * A saved article often starts with the outlet's name on a line of its own,
 * then the headline ("NextFin" / "Scale AI Secures ..."). Short leading lines
 * become site name and title; the body stays as it is.
 */
function guessHeadline(text: string, blocks: Block[]): { title: string | null; siteName: string | null } {
  const first = blocks[0] && text.slice(blocks[0].start, blocks[0].end)
  const second = blocks[1] && text.slice(blocks[1].start, blocks[1].end)
  const isHeadline = (s: string | undefined) => !!s && s.length <= 200 && !s.includes('\n') && !/[.:;]$/.test(s)
  const isMasthead = (s: string | undefined) => !!s && s.length <= 40 && s.split(/\s+/).length <= 4 && !/[.!?:;,]$/.test(s)
  if (isMasthead(first) && isHeadline(second) && second!.length > first!.length) {
    if (blocks[1]!.kind === 'p') blocks[1]!.kind = 'h1'
    return { siteName: first!, title: second! }
  }
  if (isHeadline(first)) {
    if (blocks[0]!.kind === 'p') blocks[0]!.kind = 'h1'
    return { siteName: null, title: first! }
  }
  return { siteName: null, title: null }
}
