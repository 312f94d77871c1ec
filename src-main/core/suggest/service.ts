// The session's suggestions: a document's list is read from the project's
// cache when its input is unchanged, else computed in the suggestion worker
// (client.ts; the model is loaded there once) and stored. Newly imported
// documents are computed in the background, one at a time, so opening them
// later is a cache read.
//
// Trade-offs: one worker and one queue for the whole session; a document
// opened while the queue runs waits behind at most the one document being
// computed (the queue yields between documents). A project switched
// mid-queue drops the rest of the queue (its ProjectDb is closed). Background
// failures are logged, never shown: the reader asks again when it opens the
// document, and then a failure is a message.
import type { DocumentSuggestions } from '../../contract/suggestions'
import type { ProjectDb } from '../db/projectDb'
import { SuggestClient } from './client'

export class SuggestService {
  private client: SuggestClient | null = null
  private queue: { db: ProjectDb; documentId: number }[] = []
  private running = false

  constructor(private readonly makeClient: () => SuggestClient = () => new SuggestClient()) {}

  private worker(): SuggestClient {
    return (this.client ??= this.makeClient())
  }

  /** A document's suggestions, from the cache or computed now. */
  async forDocument(db: ProjectDb, documentId: number): Promise<DocumentSuggestions> {
    const read = await db.call('suggest.read', { documentId })
    if (read.cached) return read.cached
    const input = read.input!
    const { suggestions } = await this.worker().suggest(input.text, { entities: input.entities, lang: input.lang })
    return db.call('suggest.store', { documentId, key: read.key, suggestions })
  }

  /** Computes these documents' suggestions in the background (new imports). */
  enqueue(db: ProjectDb, documentIds: readonly number[]): void {
    for (const documentId of documentIds) this.queue.push({ db, documentId })
    if (!this.running) void this.drain()
  }

  /** Resolves when the background queue is empty (tests, benchmarks). */
  async idle(): Promise<void> {
    while (this.running || this.queue.length) await new Promise((r) => setTimeout(r, 20))
  }

  private async drain(): Promise<void> {
    this.running = true
    try {
      for (let job = this.queue.shift(); job; job = this.queue.shift()) {
        try {
          await this.forDocument(job.db, job.documentId)
        } catch (e) {
          // The project was closed, or the document is gone: the rest of this project's queue goes too.
          // The worker stopped: the app is quitting (close() emptied the queue); nothing to say.
          if (/closed|No project/i.test((e as Error).message)) this.queue = this.queue.filter((j) => j.db !== job!.db)
          else if (/app is closing/.test((e as Error).message)) continue
          else console.warn(`[rwb] suggestions for document ${job.documentId} failed: ${(e as Error).message}`)
        }
        await new Promise((r) => setImmediate(r))
      }
    } finally {
      this.running = false
    }
  }

  async close(): Promise<void> {
    this.queue = []
    await this.client?.close()
    this.client = null
  }
}
