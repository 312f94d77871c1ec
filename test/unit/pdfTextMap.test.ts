// The original PDF view's text map (src-renderer/src/reader/original/textMap.ts):
// the text layer's items of every page of real corpus PDFs, as pdf.js gives
// them, mapped onto the canonical text the import made of the same file.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, sep } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { parsePdf } from '../../src-main/core/import/pdf'
import { alignSequences, IGNORED, mapPage, mapSelection, pageOf, spanRuns, UNMAPPED, type PageTextMap } from '../../src-renderer/src/reader/original/textMap'
import type { ParsedDocument } from '../../src-main/core/import/types'
import { SHARED } from '../support/tempDir'

const CORPUS = join(SHARED, 'corpus', 'pdf')

/** Every page's item strings, as the text layer gets them (getTextContent, default options). */
async function pageItems(bytes: Uint8Array): Promise<string[][]> {
  ;(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs')
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  // The character maps, as the renderer's pdf.js gets them (src-renderer/src/reader/original/pdfjs.ts).
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))
  const doc = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, cMapUrl: join(root, 'cmaps') + sep, cMapPacked: true }).promise
  const out: string[][] = []
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent()
    out.push(content.items.map((i) => ('str' in i ? i.str : '')))
  }
  await doc.destroy()
  return out
}

describe('text map on tracemonkey.pdf', () => {
  let doc: ParsedDocument
  let pages: string[][]
  let maps: PageTextMap[]
  beforeAll(async () => {
    const bytes = new Uint8Array(readFileSync(join(CORPUS, 'tracemonkey.pdf')))
    doc = await parsePdf(bytes)
    pages = await pageItems(bytes)
    maps = pages.map((items, i) => mapPage(items, doc.text, doc.blocks, i + 1))
  }, 60_000)

  it('maps every character it pairs to the same character of the canonical text', () => {
    let paired = 0
    const wrong: string[] = []
    maps.forEach((m, p) =>
      m.offsets.forEach((o, i) =>
        o.forEach((v, j) => {
          if (v < 0) return
          paired++
          if (doc.text[v] !== pages[p]![i]![j]) wrong.push(`page ${p + 1} item ${i} unit ${j}`)
        })
      )
    )
    expect(wrong).toEqual([])
    expect(paired).toBeGreaterThan(50_000)
  })

  it('covers nearly all of the canonical text, each page within its own blocks, in reading order', () => {
    const covered = new Uint8Array(doc.text.length)
    const outside: number[] = []
    const backwards: number[] = []
    for (const m of maps) {
      let last = -1
      for (const o of m.offsets) {
        for (const v of o) {
          if (v < 0) continue
          if (v < m.start || v >= m.end) outside.push(v)
          if (v <= last) backwards.push(v)
          last = v
          covered[v] = 1
        }
      }
    }
    expect(outside).toEqual([])
    expect(backwards).toEqual([])
    let want = 0
    let got = 0
    for (let i = 0; i < doc.text.length; i++) {
      if (/\s/.test(doc.text[i]!)) continue
      want++
      got += covered[i]!
    }
    expect(got / want).toBeGreaterThan(0.995)
  })

  it('leaves only what the import changed unmapped: the TeX accent it composed ("na¨ıve" → "naïve")', () => {
    const unmapped = maps.flatMap((m, p) =>
      m.unmappedItems.flatMap((i) => [...m.offsets[i]!].flatMap((v, j) => (v === UNMAPPED ? [pages[p]![i]![j]!] : [])))
    )
    expect(unmapped.length).toBeGreaterThan(0)
    // Only the accent and the dotless i it sits on, nothing else of those lines.
    expect(new Set(unmapped)).toEqual(new Set(['\u00a8', '\u0131']))
    expect(doc.text).toContain('naïve')
  })

  it('maps a selection of words to the canonical span of those words, and back', () => {
    const word = 'TraceMonkey'
    const p = pages.findIndex((items) => items.some((s) => s.includes(word)))
    const i = pages[p]!.findIndex((s) => s.includes(word))
    const j = pages[p]![i]!.indexOf(word)
    const sel = mapSelection(maps[p]!, pages[p]!, [i, j], [i, j + word.length])
    expect(sel).toMatchObject({ ok: true })
    if (!sel?.ok) return
    expect(doc.text.slice(sel.start, sel.end)).toBe(word)
    expect(pageOf(doc.blocks, sel.start)).toBe(p + 1)
    expect(spanRuns(maps[p]!, sel.start, sel.end)).toEqual([{ item: i, from: j, to: j + word.length }])
  })

  it('maps a selection across a hyphenated line break to the joined word', () => {
    for (const [p, items] of pages.entries()) {
      for (let i = 0; i + 1 < items.length; i++) {
        const s = items[i]!
        const o = maps[p]!.offsets[i]!
        if (!/\p{L}{3}-$/u.test(s) || o[s.length - 1] !== IGNORED) continue
        // From the word's start on this line to the end of the next non-empty item's first word.
        const k = items.findIndex((x, n) => n > i && x.trim() !== '')
        const head = /\p{L}+-$/u.exec(s)!
        const tail = /^\p{L}+/u.exec(items[k]!)
        if (!tail) continue
        const sel = mapSelection(maps[p]!, items, [i, head.index], [k, tail[0].length])
        expect(sel).toMatchObject({ ok: true })
        if (sel?.ok) expect(doc.text.slice(sel.start, sel.end)).toBe(head[0].slice(0, -1) + tail[0])
        return
      }
    }
    throw new Error('no hyphenated line break found in tracemonkey.pdf')
  })

  it('refuses a selection that holds text the canonical text does not have', () => {
    const p = maps.findIndex((m) => m.unmappedItems.length > 0)
    const i = maps[p]!.unmappedItems[0]!
    const s = pages[p]![i]!
    const sel = mapSelection(maps[p]!, pages[p]!, [i, 0], [i, s.length])
    expect(sel).toMatchObject({ ok: false })
    expect(maps[p]!.offsets[i]!.some((v) => v === UNMAPPED)).toBe(true)
  })
})

describe('text map on the other corpus PDFs', () => {
  // A tax form, a CID-font page (character maps), a page of many font sizes, a
  // paper whose fonts map many glyphs to nothing (those lines are unmapped).
  for (const file of ['160F-2019.pdf', 'arial_unicode_en_cidfont.pdf', 'sizes.pdf', 'alphatrans.pdf', 'TAMReview.pdf']) {
    it(`${file}: every non-space character of the text is drawn on its page, each pair exact`, async () => {
      const bytes = new Uint8Array(readFileSync(join(CORPUS, file)))
      const doc = await parsePdf(bytes)
      const pages = await pageItems(bytes)
      const covered = new Uint8Array(doc.text.length)
      let wrong = 0
      pages.forEach((items, p) => {
        const m = mapPage(items, doc.text, doc.blocks, p + 1)
        m.offsets.forEach((o, i) =>
          o.forEach((v, j) => {
            if (v < 0) return
            covered[v] = 1
            if (doc.text[v] !== items[i]![j]) wrong++
          })
        )
      })
      let want = 0
      let got = 0
      for (let i = 0; i < doc.text.length; i++) {
        if (/\s/.test(doc.text[i]!)) continue
        want++
        got += covered[i]!
      }
      expect(wrong).toBe(0)
      expect(want).toBeGreaterThan(0)
      expect(got / want).toBeGreaterThan(0.99)
    }, 60_000)
  }
})

describe('alignSequences', () => {
  const u = (s: string) => Uint16Array.from(s, (c) => c.charCodeAt(0))
  it('pairs equal characters in order and gives up past its edit budget', () => {
    expect([...alignSequences(u('HEADabcxdef'), u('abcdef'), 50)!]).toEqual([-1, -1, -1, -1, 0, 1, 2, -1, 3, 4, 5])
    expect(alignSequences(u('abcdefgh'), u('stuvwxyz'), 4)).toBeNull()
  })
})
