// Full-text search across the project's documents.
import { z } from 'zod'
import { query, returns } from './define'

/** A passage of plain text (never HTML) with [start, end) ranges of the matched words in it. */
export interface SearchSnippet {
  text: string
  highlights: [number, number][]
}

/** One document found by full-text search (`search.query`), best first. */
export interface SearchHit {
  documentId: number
  title: string
  siteName: string | null
  /** The passage around the first hit in the text. */
  snippet: SearchSnippet
  /** The first hit: UTF-16 offsets into the document's canonical text (0, 0 when only the title matched). */
  start: number
  end: number
  /** BM25 relevance; higher is better. */
  score: number
  /** The matched words in `title`, as [start, end) ranges. */
  titleHighlights: [number, number][]
}

export const searchContract = {
  // The query is the user's own text (any text is safe, see core/db/repos/search.ts).
  'search.query': query({
    args: z.object({ query: z.string().min(1, 'a query is required').max(500), limit: z.number().int().min(1).max(200).optional() }).strict(),
    result: returns<SearchHit[]>()
  })
}
