// The application session (AppCore): importing files (importPaths and the
// open-files dialog), autosave after a pause, and the flush at shutdown.
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs'
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ImportResult } from '../../src-main/contract/types'
import { DEFAULT_FILE, dataDir, makeCore, readProjectFile, t, useAppCoreSession } from '../support/appCoreSession'
import { SHARED } from '../support/tempDir'

const BBC = join(SHARED, 'corpus', 'html', 'bbc-1', 'source.html')
const BBC_TITLE = "Obama admits US gun laws are his 'biggest frustration'"

async function waitFor(what: string, cond: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<number> {
  const t0 = Date.now()
  while (!(await cond())) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
  return Date.now() - t0
}

useAppCoreSession()

describe('importPaths', () => {
  it('imports good files, reports duplicates and failures in order, and stores only the good ones', async () => {
    const { core, native } = makeCore({ seedsDir: null })
    await core.bootstrap()
    expect((await core.info()).documentCount).toBe(0)

    const dir = join(t.dir, 'inbox')
    mkdirSync(dir)
    const bbcCopy = join(dir, 'renamed copy.html')
    copyFileSync(BBC, bbcCopy)
    // PDFs import now; a spreadsheet is a type the app does not read.
    const pdf = join(dir, 'figures.xlsx')
    writeFileSync(pdf, 'PK not really a spreadsheet')
    const missing = join(dir, 'missing.txt')
    const empty = join(dir, 'empty.txt')
    writeFileSync(empty, '')
    const blank = join(dir, 'blank.md')
    writeFileSync(blank, ' \n\n\t\n')
    const note = join(dir, 'note.txt')
    writeFileSync(note, 'A short note about the Department of Defense.\n')

    const results = await core.importPaths([BBC, BBC, pdf, missing, empty, bbcCopy, blank, note])
    expect(results.map((r) => r.path)).toEqual([BBC, BBC, pdf, missing, empty, bbcCopy, blank, note])
    expect(results.map((r) => r.status)).toEqual(['imported', 'duplicate', 'failed', 'failed', 'failed', 'duplicate', 'failed', 'imported'])

    const [bbc, dup, pdfR, missingR, emptyR, copyR, blankR, noteR] = results as [ImportResult, ...ImportResult[]]
    expect(bbc).toMatchObject({ title: BBC_TITLE, documentId: expect.any(Number) })
    expect(dup).toMatchObject({ documentId: bbc.documentId, title: BBC_TITLE, reason: expect.stringContaining(BBC_TITLE) })
    expect(copyR).toMatchObject({ documentId: bbc.documentId })
    expect(pdfR!.reason).toMatch(/unsupported file type/)
    expect(pdfR!.reason).toContain('.xlsx')
    expect(missingR!.reason).toMatch(/cannot read/)
    expect(emptyR!.reason).toMatch(/no readable text/)
    expect(blankR!.reason).toMatch(/no readable text/)
    // a one-sentence text has no headline: the file name is the title
    expect(noteR).toMatchObject({ title: 'note' })
    for (const r of results) {
      if (r.status === 'failed') expect(r.documentId).toBeUndefined()
    }

    const docs = await core.db().call('documents.list', undefined)
    expect(docs.map((d) => d.title).sort()).toEqual([BBC_TITLE, 'note'].sort())
    expect(docs.find((d) => d.title === BBC_TITLE)).toMatchObject({ sourcePath: BBC, mediaType: 'text/html', fileSize: statSync(BBC).size })
    expect((await core.info()).documentCount).toBe(2)
    // Each import is journalled before its call returns, so the project is never left with unsaved edits.
    expect(native.events.some((e) => e.kind === 'save' && e.state.dirty)).toBe(false)

    // Importing the same batch again stores nothing new.
    const again = await core.importPaths([BBC, note])
    expect(again.map((r) => r.status)).toEqual(['duplicate', 'duplicate'])
    expect((await core.info()).documentCount).toBe(2)
  })

  it('openFilesDialog imports what the dialog returns; cancelled → []', async () => {
    const { core, native } = makeCore({ seedsDir: null })
    await core.bootstrap()
    expect(await core.openFilesDialog()).toEqual([])
    native.openAnswers.push([BBC])
    const [r] = await core.openFilesDialog()
    expect(r).toMatchObject({ status: 'imported', title: BBC_TITLE })
  })
})

describe('saving', () => {
  it('autosaves an edit to disk within a short saveDelayMs, without an explicit save', async () => {
    const { core, native } = makeCore({ saveDelayMs: 50 })
    await core.bootstrap()
    const path = join(dataDir, DEFAULT_FILE)
    const before = readFileSync(path)
    native.events.length = 0

    await core.db().call('entities.create', { name: 'Autosaved', type: 'Person' })
    // Durable when the call returns (in the edit journal); the project file is rewritten at the pause.
    expect(core.saveState().dirty).toBe(false)
    expect(statSync(`${path}.journal`).size).toBeGreaterThan(0)
    const waited = await waitFor('the project file to change', () => !readFileSync(path).equals(before), 3000)
    expect(waited).toBeLessThan(3000)
    expect((await readProjectFile(path)).entities).toEqual(['Autosaved'])
    await waitFor('a clean save state', () => !core.saveState().dirty && !core.saveState().saving, 3000)
    expect(core.saveState()).toMatchObject({ dirty: false, error: null, lastSavedAt: expect.any(String) })
    // the renderer heard about it: saving, then clean (never dirty: the edit was journalled first)
    const saves = native.events.flatMap((e) => (e.kind === 'save' ? [e.state] : []))
    expect(saves.some((x) => x.saving)).toBe(true)
    expect(saves.some((x) => x.dirty)).toBe(false)
    expect(saves.at(-1)).toMatchObject({ dirty: false, saving: false })
    expect(existsSync(`${path}.bak`)).toBe(true)
  })

  it('autosave waits for a pause: a burst of edits is saved together after the last one', async () => {
    const { core } = makeCore({ saveDelayMs: 300 })
    await core.bootstrap()
    const path = join(dataDir, DEFAULT_FILE)
    const before = readFileSync(path)
    for (let i = 0; i < 5; i++) {
      await core.db().call('entities.create', { name: `E${i}`, type: 'Person' })
      await new Promise((r) => setTimeout(r, 100))
    }
    // 100 ms after the last edit, the 300 ms timer has not fired yet
    expect(readFileSync(path).equals(before)).toBe(true)
    await waitFor('the burst to be saved', () => !readFileSync(path).equals(before), 3000)
    expect((await readProjectFile(path)).entities).toEqual(['E0', 'E1', 'E2', 'E3', 'E4'])
  })

  it('shutdown() flushes an edit made with a long saveDelayMs', async () => {
    const { core } = makeCore({ saveDelayMs: 600_000 })
    await core.bootstrap()
    const path = join(dataDir, DEFAULT_FILE)
    await core.db().call('entities.create', { name: 'Flushed on quit', type: 'Person' })
    await new Promise((r) => setTimeout(r, 100))
    expect((await readProjectFile(path)).entities).toEqual([])
    // Not in the project file yet, but durable: in the edit journal beside it.
    expect(core.saveState().dirty).toBe(false)
    expect(statSync(`${path}.journal`).size).toBeGreaterThan(0)

    await core.shutdown()
    expect(() => core.db()).toThrow(/No project/)
    expect((await readProjectFile(path)).entities).toEqual(['Flushed on quit'])

    const { core: next } = makeCore({ saveDelayMs: 600_000 })
    const boot = await next.bootstrap()
    expect(boot.project).toMatchObject({ path, entityCount: 1, documentCount: 1 })
    expect((await next.db().call('entities.list', undefined)).map((e) => e.name)).toEqual(['Flushed on quit'])
  })

  it('shutdown() with nothing open, or twice, is harmless', async () => {
    const { core } = makeCore()
    await core.shutdown()
    await core.bootstrap()
    await core.shutdown()
    await core.shutdown()
    expect(basename(readdirSync(dataDir).find((f) => f.endsWith('.rwb'))!)).toBe(DEFAULT_FILE)
  })
})
