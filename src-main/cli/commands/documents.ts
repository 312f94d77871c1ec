// rwb documents <project.rwb> [--json]
//
// Lists the project's documents, by id: a table for people, or with --json
// every field (language, page count, text length in UTF-16 code units, the
// unit of every offset) for scripts.
//
// Trade-off: the table cuts titles, sites and paths to fit a terminal (with
// "…"); only --json gives them whole.
import type { DocumentSummary } from '../../contract/types'
import { documentDetails, listDocuments as listSummaries } from '../../core/db/repos/documents'
import type { Database } from '../../core/db/sqlite'
import { parseCommandArgs, printList, usage, type CliIo } from '../args'
import { requireProject, withReadOnly } from '../project'
import { fit, table } from '../terminal'

export interface DocumentListing {
  id: number
  title: string
  byline: string | null
  siteName: string | null
  publishedTime: string | null
  lang: string | null
  sourcePath: string
  sha256: string
  /** A PDF's page count; null for other formats. */
  pages: number | null
  /** Length of the canonical text in UTF-16 code units (the unit of every offset). */
  textLength: number
}

function listDocuments(db: Database): DocumentListing[] {
  const summaries: DocumentSummary[] = listSummaries(db)
  const details = new Map(documentDetails(db).map((d) => [d.id, d]))
  return summaries
    .map((d) => ({
      id: d.id,
      title: d.title,
      byline: d.byline,
      siteName: d.siteName,
      publishedTime: d.publishedTime,
      lang: details.get(d.id)?.lang ?? null,
      sourcePath: d.sourcePath,
      sha256: d.sha256,
      pages: d.pages ?? null,
      textLength: details.get(d.id)?.textLength ?? d.textLength
    }))
    .sort((a, b) => a.id - b.id)
}

export async function documentsCommand(args: string[], io: CliIo): Promise<number> {
  const p = parseCommandArgs(args, { json: { type: 'boolean' } })
  const project = requireProject(p.positionals[0], 'documents')
  if (p.positionals.length > 1) throw usage(`documents: unexpected argument ${p.positionals[1]}`)
  const docs = await withReadOnly(project, listDocuments)
  return printList(io, docs, Boolean(p.values.json), '(no documents)', (list) => {
    const rows = list.map((d) => [
      String(d.id),
      fit(d.title, 50),
      fit(d.siteName ?? '', 24),
      d.lang ?? '',
      d.pages === null ? '' : String(d.pages),
      String(d.textLength),
      fit(d.sourcePath, 60)
    ])
    return table(['ID', 'TITLE', 'SITE', 'LANG', 'PAGES', 'CHARS', 'SOURCE'], rows, new Set([0, 4, 5]))
  })
}
