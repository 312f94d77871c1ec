// Parsing in isolation: the import worker's time and memory caps, its reuse
// across many files and its restart after a failure; hostile pages (deep
// nesting, scripts everywhere, binary junk) through it; and AppCore's import
// storing PDF page numbers and page counts in a real project.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppEvent } from '../../src-main/contract/types'
import { AppCore } from '../../src-main/core/app/appCore'
import { isCoreError } from '../../src-main/core/app/errors'
import type { NativeHost } from '../../src-main/core/app/native'
import { ProjectDb } from '../../src-main/core/db/projectDb'
import { parseForImport, readForImport, type ImportedDocument } from '../../src-main/core/import/importFile'
import { importWorkerStats, OUT_OF_MEMORY, parseIsolated, RECYCLE_AFTER_FILES, type IsolationOptions } from '../../src-main/core/import/isolated'
import { SHARED, tempDir } from '../support/tempDir'

let t: ReturnType<typeof tempDir>
beforeAll(() => (t = tempDir('rwb-isolation-')))
afterAll(() => t.cleanup())

let n = 0
function write(bytes: Uint8Array | string, name: string): string {
  const path = join(t.dir, `${++n}-${name}`)
  writeFileSync(path, bytes)
  return path
}

async function outcome(path: string, opts?: IsolationOptions): Promise<{ doc?: ImportedDocument; error?: { code: string; message: string }; ms: number }> {
  const started = performance.now()
  try {
    const doc = await parseIsolated(readForImport(path), opts)
    return { doc, ms: performance.now() - started }
  } catch (e) {
    expect(isCoreError(e), `a CoreError, not ${String(e)}`).toBe(true)
    return { error: e as { code: string; message: string }, ms: performance.now() - started }
  }
}

/** A long article: `paras` paragraphs of prose. */
const bigPage = (paras: number) =>
  `<!doctype html><html><head><title>Big</title></head><body><article>${Array.from(
    { length: paras },
    (_, i) => `<p>Paragraph ${i} of the report: the ministry confirmed the contract on Tuesday, and officials said the review would take months.</p>`
  ).join('\n')}</article></body></html>`

describe('the import worker', () => {
  it('terminates a parse that runs over the time cap, says so, and starts afresh for the next file', async () => {
    const slow = write(bigPage(40_000), 'slow.html') // several seconds of jsdom + Readability
    const small = write('A small note that reads quickly.\n', 'small.txt')
    await outcome(small) // a running worker, so that the cap measures parsing only
    const before = importWorkerStats()
    const r = await outcome(slow, { timeoutMs: 300 })
    expect(r.error).toEqual(expect.objectContaining({ code: 'IMPORT_FAILED', message: 'reading the file took longer than 0.3 s' }))
    expect(r.ms).toBeGreaterThanOrEqual(290)
    expect(r.ms).toBeLessThan(3_000)
    const next = await outcome(small)
    expect(next.doc?.text).toBe('A small note that reads quickly.\n')
    expect(importWorkerStats().starts).toBe(before.starts + 1)
  })

  it('says when a file needs more memory than the cap allows, and the next file still imports', async () => {
    const big = write(bigPage(60_000), 'big.html')
    const r = await outcome(big, { maxMemoryMb: 32, timeoutMs: 60_000 })
    expect(r.error).toEqual(expect.objectContaining({ code: 'IMPORT_FAILED', message: OUT_OF_MEMORY }))
    expect(OUT_OF_MEMORY).toBe('the file needs more memory than allowed to read')
    const next = await outcome(write('Still fine.\n', 'after.txt'))
    expect(next.doc?.text).toBe('Still fine.\n')
  })

  it('reuses each worker for many small files (a fresh one every RECYCLE_AFTER_FILES)', async () => {
    const dir = join(t.dir, 'many')
    mkdirSync(dir)
    const paths = Array.from({ length: 1000 }, (_, i) => {
      const kind = i % 3
      const path = join(dir, `note-${i}.${['txt', 'md', 'html'][kind]}`)
      const text = `Note ${i}: the contract was confirmed on day ${i}.`
      writeFileSync(path, kind === 2 ? `<html><head><title>Note ${i}</title></head><body><p>${text}</p></body></html>` : kind === 1 ? `# Note ${i}\n\n${text}\n` : `${text}\n`)
      return path
    })
    await outcome(paths[0]!)
    const before = importWorkerStats()
    const started = performance.now()
    const docs: ImportedDocument[] = []
    for (const p of paths) docs.push(await parseIsolated(readForImport(p)))
    const ms = performance.now() - started
    expect(docs.map((d) => d.text.includes(`the contract was confirmed on day ${docs.indexOf(d)}.`)).every(Boolean)).toBe(true)
    // One start-up per RECYCLE_AFTER_FILES files, not one per file.
    expect(importWorkerStats().starts - before.starts).toBeLessThanOrEqual(Math.ceil(1000 / RECYCLE_AFTER_FILES))
    expect(importWorkerStats().starts - before.starts).toBeGreaterThan(0)
    expect(importWorkerStats().jobs - before.jobs).toBe(1000)
    console.log(`1,000 small files through the import worker: ${(ms / 1000).toFixed(1)} s (${(ms / 1000).toFixed(2)} ms each)`)
    expect(ms).toBeLessThan(60_000)
  }, 120_000)

  it('queues concurrent calls and answers each with its own document', async () => {
    const paths = Array.from({ length: 20 }, (_, i) => write(`Document number ${i}.\n`, `c${i}.txt`))
    const docs = await Promise.all(paths.map((p) => parseIsolated(readForImport(p))))
    expect(docs.map((d) => d.text)).toEqual(paths.map((_, i) => `Document number ${i}.\n`))
  })
})

describe('hostile web pages through the worker', () => {
  it('100,000 nested <div>s: safe text within the time cap, and in-process too', async () => {
    const deep = `<html><head><title>Deep</title></head><body>${'<div>'.repeat(100_000)}deep text here${'</div>'.repeat(100_000)}<p>The paragraph after the nest.</p></body></html>`
    const path = write(deep, 'deep.html')
    const r = await outcome(path)
    expect(r.error).toBeUndefined()
    expect(r.doc!.text).toContain('deep text here')
    expect(r.doc!.text).toContain('The paragraph after the nest.')
    expect(r.ms).toBeLessThan(20_000)
    // The same in-process: no stack overflow on the caller's thread either.
    const started = performance.now()
    expect(parseForImport(readForImport(path)).text).toContain('deep text here')
    expect(performance.now() - started).toBeLessThan(20_000)
    // Nested inline elements, and unclosed ones.
    for (const html of [`<p>${'<b>'.repeat(50_000)}bold words${'</b>'.repeat(50_000)}</p>`, `<p>${'<span>'.repeat(50_000)}open spans`]) {
      const s = await outcome(write(html, 'inline.html'))
      expect(s.doc?.text ?? s.error?.message).toMatch(/bold words|open spans/)
    }
  }, 60_000)

  it('a page full of scripts, event handlers and javascript: links: the prose, and nothing that runs', async () => {
    const traps = Array.from(
      { length: 500 },
      (_, i) =>
        `<script>document.title='PWNED${i}'; SCRIPT_MARKER_${i}()</script><img src=x onerror="ONERROR_MARKER_${i}()"><a href="javascript:JS_LINK_MARKER_${i}()">link ${i}</a><p>Line ${i} of the real report text, which the reader should keep.</p>`
    ).join('\n')
    const r = await outcome(write(`<html><head><title>Traps</title><script>EVIL()</script></head><body><article>${traps}</article></body></html>`, 'traps.html'))
    expect(r.error).toBeUndefined()
    const stored = [r.doc!.text, r.doc!.title].join('\n')
    expect(stored).not.toMatch(/PWNED|SCRIPT_MARKER|ONERROR_MARKER|JS_LINK_MARKER|javascript:|EVIL|<script|onerror/)
    expect(r.doc!.title).toBe('Traps')
    expect(r.doc!.text).toContain('Line 499 of the real report text, which the reader should keep.')
    expect(r.ms).toBeLessThan(20_000)
  })

  it('random bytes named .html or .txt: a plain "binary data" reason', async () => {
    const bytes = Uint8Array.from({ length: 30_000 }, (_, i) => (i * 2654435761) >>> 24)
    for (const name of ['junk.html', 'junk.txt', 'junk.md']) {
      const r = await outcome(write(bytes, name))
      expect(r.error?.message, name).toMatch(/^this is not (a web page|text|Markdown): it holds binary data \(wrong file type or corrupt\)$/)
    }
  })
})

class QuietNative implements NativeHost {
  events: AppEvent[] = []
  async showOpenDialog(): Promise<string[]> {
    return []
  }
  async showSaveDialog(): Promise<string | null> {
    return null
  }
  emit(event: AppEvent): void {
    this.events.push(event)
  }
}

describe('AppCore import through the worker', () => {
  it('stores PDF page numbers and page counts, Word and HTML without, and reports broken files', async () => {
    const dataDir = join(t.dir, 'data')
    const core = new AppCore({ dataDir, seedsDir: null, native: new QuietNative(), saveDelayMs: 60_000 })
    const project = join(t.dir, 'pages.rwb')
    await core.openProject(project, true)
    const pdf = join(SHARED, 'corpus', 'pdf', 'tracemonkey.pdf')
    const docx = join(SHARED, 'corpus', 'docx', 'tables.docx')
    const html = join(SHARED, 'corpus', 'html', 'bbc-1', 'source.html')
    const broken = write(Buffer.from('%PDF-1.4\nnot really'), 'broken.pdf')
    const results = await core.importPaths([pdf, docx, html, broken, pdf])
    expect(results.map((r) => r.status)).toEqual(['imported', 'imported', 'imported', 'failed', 'duplicate'])
    expect(results[3]!.reason).toMatch(/PDF/)
    const db = core.db()
    const list = await db.call('documents.list', undefined)
    const byPath = new Map(list.map((d) => [d.sourcePath, d]))
    expect(byPath.get(pdf)!.pages).toBe(14)
    expect(byPath.get(docx)!.pages).toBeNull()
    expect(byPath.get(html)!.pages).toBeNull()
    const stored = await db.call('documents.get', { id: results[0]!.documentId! })
    expect(stored.pages).toBe(14)
    expect(stored.mediaType).toBe('application/pdf')
    const p4 = stored.blocks.find((b) => stored.text.slice(b.start, b.end).startsWith('A trace is simply a program path'))
    expect(p4?.page).toBe(4)
    expect(stored.blocks.every((b) => Number.isInteger(b.page))).toBe(true)
    const word = await db.call('documents.get', { id: results[1]!.documentId! })
    expect(word.blocks.every((b) => b.page === undefined)).toBe(true)
    await core.shutdown()

    // Reopened from disk: the page numbers and the count are still there.
    const again = await ProjectDb.open(project)
    try {
      const doc = await again.call('documents.get', { id: results[0]!.documentId! })
      expect(doc.pages).toBe(14)
      expect(doc.blocks).toEqual(stored.blocks)
    } finally {
      await again.close()
    }
  }, 60_000)
})
