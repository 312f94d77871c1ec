// Structure kept by the current extraction (CURRENT_EXTRACTION): a table is
// one block whose text separates cells with tabs and rows with line breaks
// (and the reader's tableRows reads exactly those cells back, at offsets
// into the canonical text), header rows are counted, list items carry their
// depth and number, headings stay headings; and a new import records the
// extraction that made it.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CURRENT_EXTRACTION, type Block } from '../../src-main/contract/types'
import { parseHtml } from '../../src-main/core/import/html'
import { parseMarkdown } from '../../src-main/core/import/markdown'
import { tableRows } from '../../src-renderer/src/reader/tableCells'
import { SHARED, tempDir } from '../support/tempDir'
import { startSession, type Session } from './taggingSupport'

const LONG = 'The ministry confirmed the contract on Tuesday, and officials said the review would take several months to complete. '.repeat(6).trim()
const html = (body: string) => parseHtml(new TextEncoder().encode(`<html><body><article><h1>Contract report</h1><p>${LONG}</p>${body}<p>${LONG}</p></article></body></html>`))
const kinds = (d: { text: string; blocks: Block[] }) => d.blocks.map((b) => [b.kind, d.text.slice(b.start, b.end)])
const cells = (d: { text: string; blocks: Block[] }, b: Block) => tableRows(d.text, b).map((r) => r.cells.map((c) => d.text.slice(c.start, c.end)))

describe('tables', () => {
  it('an HTML table with a caption, a header, an empty first cell and a <br> in a cell', () => {
    const d = html(`<table><caption>Awards in 2025</caption>
      <thead><tr><th></th><th>Q1</th><th>Q2</th></tr></thead>
      <tbody><tr><th>Scale AI</th><td>$200<br>million</td><td>$300 million</td></tr>
      <tr><td>  </td><td> </td><td></td></tr>
      <tr><td>Anduril</td><td></td><td>n/a</td></tr></tbody></table>`)
    const table = d.blocks.find((b) => b.kind === 'table')!
    expect(d.text.slice(table.start, table.end)).toBe('\tQ1\tQ2\nScale AI\t$200 million\t$300 million\nAnduril\t\tn/a')
    expect(table.head).toBe(1)
    expect(cells(d, table)).toEqual([
      ['', 'Q1', 'Q2'],
      ['Scale AI', '$200 million', '$300 million'],
      ['Anduril', '', 'n/a']
    ])
    // The caption is a paragraph just before the table; the blocks stay in order, two line breaks apart.
    const i = d.blocks.indexOf(table)
    expect(kinds(d)[i - 1]).toEqual(['p', 'Awards in 2025'])
    expect(d.text.slice(d.blocks[i - 1]!.end, table.start)).toBe('\n\n')
    // Every cell's offsets index the canonical text.
    for (const row of tableRows(d.text, table)) for (const c of row.cells) expect(c.start >= table.start && c.end <= table.end).toBe(true)
  })

  it('tables.docx: one table block, its cells read back at their offsets', () => {
    // Parsed the way the app does (import worker) in importDocx.test.ts; here its text's cells.
    const text = 'Above\n\nTop left\tTop right\nBottom left\tBottom right\n\nBelow'
    const table: Block = { start: 7, end: 50, kind: 'table' }
    expect(cells({ text, blocks: [table] }, table)).toEqual([
      ['Top left', 'Top right'],
      ['Bottom left', 'Bottom right']
    ])
  })

  it('a layout table keeps its paragraphs; a table holding a table is layout', () => {
    const d = html(`<table><tr><td><h2>Inside</h2><table><tr><td>a</td><td>b</td></tr></table></td><td>Side</td></tr></table>`)
    expect(d.blocks.some((b) => b.kind === 'table' && d.text.slice(b.start, b.end) === 'a\tb')).toBe(true)
    expect(kinds(d)).toContainEqual(['h2', 'Inside'])
  })

  it('Markdown tables too', () => {
    const d = parseMarkdown('# Notes\n\n| Name | Role |\n| --- | --- |\n| Scale AI | Contractor |\n')
    expect(kinds(d)).toEqual([
      ['h1', 'Notes'],
      ['table', 'Name\tRole\nScale AI\tContractor']
    ])
    expect(d.blocks[1]!.head).toBe(1)
  })
})

describe('lists and headings', () => {
  it('nested and numbered items carry their depth and number; headings keep their level', () => {
    const d = html(`<h2>Findings</h2><ol start="3"><li>Third</li><li>Fourth<ul><li>Detail</li><li>More<ol><li>Deep</li></ol></li></ul></li><li value="9">Ninth</li></ol><h3>Notes</h3><ul><li>Bullet</li></ul>`)
    const items = d.blocks.filter((b) => b.kind === 'li').map((b) => [d.text.slice(b.start, b.end), b.level ?? 0, b.n ?? null])
    expect(items).toEqual([
      ['Third', 0, 3],
      ['Fourth', 0, 4],
      ['Detail', 1, null],
      ['More', 1, null],
      ['Deep', 2, 1],
      ['Ninth', 0, 9],
      ['Bullet', 0, null]
    ])
    expect(kinds(d)).toContainEqual(['h2', 'Findings'])
    expect(kinds(d)).toContainEqual(['h3', 'Notes'])
  })
})

describe('new imports record their extraction', () => {
  let tmp: ReturnType<typeof tempDir>
  let s: Session
  beforeEach(async () => {
    tmp = tempDir()
    s = await startSession(tmp.dir, { seeds: false })
  })
  afterEach(async () => {
    await s.core.shutdown()
    tmp.cleanup()
  })

  it('tables.docx imported now: the current extraction, nothing to re-import, the table stored and read back', async () => {
    const [r] = await s.call('documents.importDropped', { paths: [join(SHARED, 'corpus', 'docx', 'tables.docx')] })
    expect(r!.status).toBe('imported')
    const d = await s.call('documents.get', { id: r!.documentId! })
    expect(d).toMatchObject({ extraction: CURRENT_EXTRACTION, structureOutdated: false })
    expect(d.text).toBe('Above\n\nTop left\tTop right\nBottom left\tBottom right\n\nBelow')
    expect(kinds(d)).toEqual([
      ['p', 'Above'],
      ['table', 'Top left\tTop right\nBottom left\tBottom right'],
      ['p', 'Below']
    ])
    expect(readFileSync(join(SHARED, 'corpus', 'docx', 'tables.docx')).length).toBe(d.fileSize)
  })
})
