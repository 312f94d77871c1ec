// rwb search <project.rwb> <query>... [--json] [--limit N]
//
// Full-text search, ranked, as the app's Search: "phrase", OR, -word,
// prefix*. The words of the query may be separate arguments (they are
// joined with spaces), so a word starting with a dash is a word, not an
// option. On a terminal the matched words are in bold.
//
// Trade-off: queries are capped at 500 characters and hits at
// MAX_SEARCH_LIMIT (as in the app): a script that wants every hit has to
// narrow its query.
import type { SearchHit } from '../../contract/types'
import { MAX_SEARCH_LIMIT, searchDocuments } from '../../core/db/repos/search'
import { parseCommandArgs, printList, usage, type CliIo } from '../args'
import { requireProject, withReadOnly } from '../project'
import { markHits, printable } from '../terminal'

export async function searchCommand(args: string[], io: CliIo): Promise<number> {
  const p = parseCommandArgs(args, { json: { type: 'boolean' }, limit: { type: 'string' } })
  const project = requireProject(p.positionals[0], 'search')
  const query = p.positionals.slice(1).join(' ').trim()
  if (!query) throw usage('search: missing the query')
  if (query.length > 500) throw usage('search: the query is longer than 500 characters')
  let limit: number | undefined
  if (p.values.limit !== undefined) {
    const raw = String(p.values.limit)
    limit = Number(raw)
    if (!/^\d+$/.test(raw) || limit < 1 || limit > MAX_SEARCH_LIMIT) throw usage(`search: --limit must be 1 to ${MAX_SEARCH_LIMIT}`)
  }
  const hits: SearchHit[] = await withReadOnly(project, (db) => searchDocuments(db, { query, limit }))
  return printList(io, hits, Boolean(p.values.json), '(no matches)', (list) =>
    list
      .map((h) => {
        const site = h.siteName ? ` (${printable(h.siteName)})` : ''
        return (
          `${h.documentId}  ${markHits(printable(h.title), h.titleHighlights, io.isTty)}${site}  [at ${h.start}, score ${h.score.toFixed(2)}]\n` +
          `    ${markHits(printable(h.snippet.text), h.snippet.highlights, io.isTty)}\n`
        )
      })
      .join('')
  )
}
