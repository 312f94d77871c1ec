// Structure kept by the current extraction (CURRENT_EXTRACTION): a table is
// one block whose text separates cells with tabs and rows with line breaks
// (and the reader's tableRows reads exactly those cells back, at offsets
// into the canonical text), header rows are counted, list items carry their
// depth and number, headings stay headings; and a new import records the
// extraction that made it. Merged cells keep the text as it was (one cell
// where they start) and record their extent (Block.spans), which the reader's
// tableRows hands to the cells so every row covers the same columns.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CURRENT_EXTRACTION, type Block } from '../../src-main/contract/types'
import { decodeBlocks, encodeBlocks } from '../../src-main/core/db/repos/documents'
import { parseHtml } from '../../src-main/core/import/html'
import { parseMarkdown } from '../../src-main/core/import/markdown'
import { tableRows } from '../../src-renderer/src/reader/tableCells'
import { SHARED, tempDir } from '../support/tempDir'
import { startSession, type Session } from './taggingSupport'

const LONG = 'The ministry confirmed the contract on Tuesday, and officials said the review would take several months to complete. '.repeat(6).trim()
const html = (body: string) => parseHtml(new TextEncoder().encode(`<html><body><article><h1>Contract report</h1><p>${LONG}</p>${body}<p>${LONG}</p></article></body></html>`))
const kinds = (d: { text: string; blocks: Block[] }) => d.blocks.map((b) => [b.kind, d.text.slice(b.start, b.end)])
const cells = (d: { text: string; blocks: Block[] }, b: Block) => tableRows(d.text, b).map((r) => r.cells.map((c) => d.text.slice(c.start, c.end)))
const MERGED = join(import.meta.dirname, '../fixtures/merged-cells.html')
const MERGED_TEXT = 'Company\tFirst half\tSecond half\nQ1\tQ2\tQ3\tQ4\nScale AI\t200\t300\t250 (both quarters)\n10\t20\t30\t40\nAnduril\tn/a\nPalantir\t5\t6\t7\t8'
const MERGED_SPANS = [
  [0, 0, 1, 2],
  [0, 1, 2, 1],
  [0, 2, 2, 1],
  [2, 0, 1, 2],
  [2, 3, 2, 1],
  [4, 1, 4, 1]
]

/** How many columns each row of the drawn table covers: its cells' colspans plus the rowspans reaching down into it, as a browser lays them out. */
function columnsPerRow(text: string, b: Block): number[] {
  const rows = tableRows(text, b)
  const taken = rows.map(() => new Set<number>())
  rows.forEach((row, r) => {
    let col = 0
    for (const c of row.cells) {
      while (taken[r]!.has(col)) col++
      for (let dr = 0; dr < (c.rowSpan ?? 1) && r + dr < rows.length; dr++) for (let dc = 0; dc < (c.colSpan ?? 1); dc++) taken[r + dr]!.add(col + dc)
      col += c.colSpan ?? 1
    }
  })
  return taken.map((t) => t.size)
}

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

  it('merged cells (merged-cells.html): the text keeps one cell where each starts, the spans line the columns up', () => {
    const d = parseHtml(readFileSync(MERGED))
    const table = d.blocks.find((b) => b.kind === 'table')!
    // The empty row under Scale AI is left out of the text, and its rowspan of 3 counts the rows that are kept.
    expect(d.text.slice(table.start, table.end)).toBe(MERGED_TEXT)
    expect(table.head).toBe(2)
    expect(table.spans).toEqual(MERGED_SPANS)
    expect(columnsPerRow(d.text, table)).toEqual([5, 5, 5, 5, 5, 5])
    // Without the spans (a document imported before they were kept) the same text draws ragged rows.
    expect(columnsPerRow(d.text, { ...table, spans: undefined })).toEqual([3, 4, 4, 4, 2, 5])
    const merged = tableRows(d.text, table).flatMap((r) => r.cells.filter((c) => c.colSpan || c.rowSpan).map((c) => [d.text.slice(c.start, c.end), c.colSpan ?? 1, c.rowSpan ?? 1]))
    expect(merged).toEqual([
      ['Company', 1, 2],
      ['First half', 2, 1],
      ['Second half', 2, 1],
      ['Scale AI', 1, 2],
      ['250 (both quarters)', 2, 1],
      ['n/a', 4, 1]
    ])
  })

  it('spans read as a browser reads them, within reason: garbage is 1, at most 1000, a rowspan ends with its row group', () => {
    const d = html(`<table>
      <thead><tr><th rowspan="5">Name</th><th colspan="2px">Awards</th></tr></thead>
      <tbody><tr><td colspan="abc">a</td><td colspan="-3">b</td><td colspan="0">c</td></tr>
      <tr><td colspan="99999999999999999999">d</td><td rowspan="0">e</td></tr>
      <tr><td rowspan=" +2">f</td></tr><tr><td>g</td></tr></tbody>
      <tbody><tr><td rowspan="4">h</td><td>i</td></tr></tbody></table>`)
    const table = d.blocks.find((b) => b.kind === 'table')!
    expect(d.text.slice(table.start, table.end)).toBe('Name\tAwards\na\tb\tc\nd\te\nf\ng\nh\ti')
    expect(table.head).toBe(1)
    expect(table.spans).toEqual([
      [0, 1, 2, 1],
      [2, 0, 1000, 1],
      [2, 1, 1, 3],
      [3, 0, 1, 2]
    ])
  })

  it('a header found by its <th>s is not cut through a rowspan; a rowspan over rows left out shrinks', () => {
    const d = html(`<table><tr><th rowspan="4">Region</th><th>Q1</th></tr><tr><td>1</td></tr><tr><td></td><td> </td></tr><tr><td>2</td></tr>
      <tr><th>North</th><th>South</th></tr></table>`)
    const table = d.blocks.find((b) => b.kind === 'table')!
    expect(d.text.slice(table.start, table.end)).toBe('Region\tQ1\n1\n2\nNorth\tSouth')
    // The first row is all <th>, but its rowspan reaches the rows below: a row header, drawn in the body.
    expect(table.head).toBeUndefined()
    expect(table.spans).toEqual([[0, 0, 1, 3]])
    expect(columnsPerRow(d.text, table)).toEqual([2, 2, 2, 2])
  })

  it("the reader reads stored spans defensively: no cell, no span; a rowspan stops at the header's end and the table's", () => {
    const text = 'A\tB\nC\tD\nE'
    const table: Block = { start: 0, end: text.length, kind: 'table', head: 1, spans: [[0, 0, 1, 3], [1, 0, 1, 9], [1, 1, 1.5, 1], [7, 0, 2, 2], [0, 5, 2, 1], [2, 0, -4, Number.NaN]] }
    const drawn = tableRows(text, table).map((r) => r.cells.map((c) => [c.colSpan ?? 1, c.rowSpan ?? 1]))
    expect(drawn).toEqual([[[1, 1], [1, 1]], [[1, 2], [1, 1]], [[1, 1]]])
  })

  it('spans are stored with the block and read back; blocks stored before them read back without', () => {
    const blocks: Block[] = [{ start: 0, end: 5, kind: 'p' }, { start: 7, end: 60, kind: 'table', head: 2, spans: MERGED_SPANS as Block['spans'] }, { start: 62, end: 70, kind: 'table' }]
    expect(decodeBlocks(encodeBlocks(blocks))).toEqual(blocks)
    expect(encodeBlocks([{ start: 0, end: 9, kind: 'table', head: 1, spans: [] }])).toBe('[[0,9,"table",null,{"head":1}]]')
    expect(decodeBlocks('[[0,9,"table",null,{"head":1}],[11,20,"table"]]')).toEqual([
      { start: 0, end: 9, kind: 'table', head: 1 },
      { start: 11, end: 20, kind: 'table' }
    ])
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

  it('merged-cells.html: its spans through documents.get, and again once the project is saved and opened anew', async () => {
    const [r] = await s.call('documents.importDropped', { paths: [MERGED] })
    expect(r!.status).toBe('imported')
    const table = (d: { text: string; blocks: Block[] }) => d.blocks.find((b) => b.kind === 'table')!
    const d = await s.call('documents.get', { id: r!.documentId! })
    expect(d.text.slice(table(d).start, table(d).end)).toBe(MERGED_TEXT)
    expect(table(d)).toMatchObject({ head: 2, spans: MERGED_SPANS })
    await s.flush()
    await s.core.shutdown()
    s = await startSession(tmp.dir, { seeds: false })
    const again = await s.call('documents.get', { id: r!.documentId! })
    expect(again.text).toBe(d.text)
    expect(again.blocks).toEqual(d.blocks)
  })
})
