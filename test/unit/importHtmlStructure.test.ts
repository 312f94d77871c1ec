// HTML structure: tables as rows of tab-separated cells (also when cells hold
// paragraphs, as Word and many sites write them), layout tables keeping their
// paragraphs, lists, quotes, headings, right-to-left pages, and the nesting
// limit (which must leave every real page untouched).
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Block } from '../../src-main/contract/types'
import { decodeHtml, parseHtml } from '../../src-main/core/import/html'
import { limitNesting, MAX_NESTING } from '../../src-main/core/import/nesting'
import { SHARED } from '../support/tempDir'

const html = (s: string) => parseHtml(new TextEncoder().encode(s))
const blocks = (d: { text: string; blocks: Block[] }) => d.blocks.map((b) => [b.kind, d.text.slice(b.start, b.end)])
const LONG = 'The ministry confirmed the contract on Tuesday, and officials said the review would take several months to complete. '.repeat(6).trim()

describe('HTML structure', () => {
  it('a data table: one table block, cells tab-separated, rows on lines, paragraphs inside cells joined', () => {
    const d = html(`<html><body><article><p>${LONG}</p><table>
      <tr><th>Name</th><th>Role</th><th>Amount</th></tr>
      <tr><td><p>Scale AI</p></td><td><p>Contractor</p><p>(prime)</p></td><td>$500 million</td></tr>
      <tr><td>Pentagon</td><td></td><td>n/a</td></tr>
    </table></article></body></html>`)
    expect(blocks(d).filter(([k]) => k === 'table')).toEqual([['table', 'Name\tRole\tAmount\nScale AI\tContractor (prime)\t$500 million\nPentagon\t\tn/a']])
    // Its first row is all <th>: a header row.
    expect(d.blocks.find((b) => b.kind === 'table')!.head).toBe(1)
  })

  it('a layout table (long cells): its paragraphs stay paragraphs', () => {
    const d = html(`<html><body><table><tr><td><h2>Report</h2><p>${LONG}</p><p>Second paragraph of the report, also in the layout cell.</p></td><td>Sidebar</td></tr></table></body></html>`)
    const b = blocks(d)
    expect(b).toContainEqual(['h2', 'Report'])
    expect(b).toContainEqual(['p', LONG])
    expect(b).toContainEqual(['p', 'Second paragraph of the report, also in the layout cell.'])
  })

  it('lists, quotes and headings keep their kinds', () => {
    const d = html(`<html><body><article><h1>Title here</h1><p>${LONG}</p><ul><li>First item</li><li>Second item</li></ul><blockquote><p>A quoted remark.</p></blockquote><h3>Aside</h3><p>${LONG}</p></article></body></html>`)
    const b = blocks(d)
    for (const expected of [['li', 'First item'], ['li', 'Second item'], ['quote', 'A quoted remark.'], ['h3', 'Aside']]) expect(b).toContainEqual(expected)
  })

  it('right-to-left: from the page (html or body dir) or from Readability', () => {
    const body = `<article><p>${'שלום עולם, זהו טקסט בעברית לבדיקה של כיוון הכתיבה בדף. '.repeat(8)}</p></article>`
    expect(html(`<html dir="rtl"><body>${body}</body></html>`).dir).toBe('rtl')
    expect(html(`<html><body dir="rtl">${body}</body></html>`).dir).toBe('rtl')
    expect(html(`<html><body><div dir="rtl">${body}</div></body></html>`).dir).toBe('rtl')
    expect(html(`<html><body>${body}</body></html>`).dir).toBeNull()
  })
})

describe('the nesting limit', () => {
  const CORPUS = join(SHARED, 'corpus', 'html')
  const pages = existsSync(CORPUS) ? readdirSync(CORPUS).filter((d) => existsSync(join(CORPUS, d, 'source.html'))) : []

  it('leaves every real page of the corpus exactly as it is', () => {
    expect(pages.length).toBeGreaterThanOrEqual(12)
    for (const p of pages) {
      const text = decodeHtml(readFileSync(join(CORPUS, p, 'source.html'))).text
      expect(limitNesting(text) === text, p).toBe(true)
    }
  })

  it('drops start and end tags past the limit, keeping their content', () => {
    const deep = `${'<div>'.repeat(1000)}deep${'</div>'.repeat(1000)}<p>after</p>`
    const limited = limitNesting(deep)
    expect(limited.match(/<div>/g)).toHaveLength(MAX_NESTING)
    expect(limited.match(/<\/div>/g)).toHaveLength(MAX_NESTING)
    expect(limited).toContain('deep')
    expect(limited.endsWith('<p>after</p>')).toBe(true)
    // Implicitly closed elements are not nesting; script text is not markup.
    const flat = `${'<p>para '.repeat(2000)}<script>${'<div>'.repeat(1000)}</script>`
    expect(limitNesting(flat)).toBe(flat)
  })
})
