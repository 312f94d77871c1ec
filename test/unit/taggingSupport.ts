// Shared by the tagging, claims and history tests: a real AppCore over a
// project in a temp folder (seeded with the sample article), calls through
// the same dispatch + handler table the app uses (so every argument goes
// through the contract's zod schemas), and plain documents for the rest.
import { readFileSync } from 'node:fs'
import { expect } from 'vitest'
import type { ApiError, ArgsOf, Method, ResultOf } from '../../src-main/contract/api'
import { AppCore } from '../../src-main/core/app/appCore'
import { dispatch } from '../../src-main/core/app/dispatch'
import { createHandlers } from '../../src-main/core/app/handlers'
import type { NativeHost } from '../../src-main/core/app/native'
import type { NewDocument } from '../../src-main/core/db/repos/documents'
import { loadSqlJs } from '../../src-main/core/db/sqlite'
import { sha256 } from '../../src-main/core/import/importFile'
import { writeFileSync } from 'node:fs'
import { SEEDS_DIR } from '../support/tempDir'

export interface Session {
  core: AppCore
  call<M extends Method>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>>
  fail<M extends Method>(method: M, args: unknown): Promise<ApiError>
  /** Adds a plain-text document; its blocks are its paragraphs (split on blank lines). */
  addDoc(title: string, text: string): Promise<number>
  text(documentId: number): Promise<string>
  /** Saves the project now (what the autosave does after a pause). */
  flush(): Promise<void>
}

export async function startSession(dataDir: string, opts: { seeds?: boolean } = {}): Promise<Session> {
  const native: NativeHost = { showOpenDialog: async () => [], showSaveDialog: async () => null, emit: () => {} }
  const core = new AppCore({ dataDir, seedsDir: opts.seeds === false ? null : SEEDS_DIR, native, saveDelayMs: 60_000 })
  await core.bootstrap()
  const handlers = createHandlers(core)
  const session: Session = {
    core,
    async call(method, args) {
      const r = await dispatch(handlers, method, args)
      if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message}`)
      return r.value as never
    },
    async fail(method, args) {
      const r = await dispatch(handlers, method, args)
      expect(r.ok, `${method} should have failed`).toBe(false)
      return (r as { ok: false; error: ApiError }).error
    },
    async addDoc(title, text) {
      return core.db().call('documents.insert', plainDoc(title, text))
    },
    async text(documentId) {
      return (await session.call('documents.get', { id: documentId })).text
    },
    async flush() {
      await core.db().save()
    }
  }
  return session
}

export function plainDoc(title: string, text: string): NewDocument {
  const original = new TextEncoder().encode(`${title}\n${text}`)
  const blocks: NewDocument['blocks'] = []
  const re = /[^\n]+(?:\n(?!\n)[^\n]*)*/g
  for (let m = re.exec(text); m; m = re.exec(text)) blocks.push({ start: m.index, end: m.index + m[0].length, kind: 'p' })
  return {
    title,
    byline: null,
    siteName: 'Test',
    publishedTime: null,
    lang: null,
    dir: null,
    excerpt: null,
    sourcePath: `/tmp/${title}.txt`,
    mediaType: 'text/plain',
    sha256: sha256(original),
    original,
    text: text.normalize('NFC'),
    blocks
  }
}

/** The [start, end) of the n-th occurrence of `needle` (0-based). */
export function span(text: string, needle: string, nth = 0): { start: number; end: number } {
  let at = -1
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1)
    if (at < 0) throw new Error(`“${needle}” occurs only ${i} times`)
  }
  return { start: at, end: at + needle.length }
}

/** Runs SQL directly on a closed project file (to read raw rows, or to damage one) and writes it back when asked. */
export async function withProjectFile<T>(path: string, fn: (db: import('sql.js').Database) => T, write = false): Promise<T> {
  const SQL = await loadSqlJs()
  const db = new SQL.Database(readFileSync(path))
  try {
    const out = fn(db)
    if (write) writeFileSync(path, db.export())
    return out
  } finally {
    db.close()
  }
}

/** Rows of a query as objects. */
export function rows(db: import('sql.js').Database, sql: string, params: import('sql.js').SqlValue[] = []): Record<string, import('sql.js').SqlValue>[] {
  const st = db.prepare(sql)
  st.bind(params)
  const out: Record<string, import('sql.js').SqlValue>[] = []
  while (st.step()) out.push(st.getAsObject())
  st.free()
  return out
}

/** Everything a tagging action can touch, as the API shows it (for before/after comparisons). */
export async function taggingState(s: Session) {
  const docs = await s.call('documents.list', {})
  const entities = await s.call('entities.list', {})
  return {
    entities,
    types: await s.call('entityTypes.list', {}),
    aliases: await s.call('aliases.list', {}),
    mentions: (await Promise.all(docs.map((d) => s.call('mentions.forDocument', { documentId: d.id })))).flat(),
    claims: await s.call('claims.list', {}),
    merges: (await Promise.all(entities.map((e) => s.call('entities.merges', { entityId: e.id })))).flat()
  }
}
