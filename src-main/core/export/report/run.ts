// Export → Evidence Report… in the app: a save dialog, one read of the
// claims, entities and documents in the database worker (`report.rows`, so
// the read is consistent with itself), then the file written atomically.
//
// Trade-off: the renderer sends the claim ids its map or claims view shows
// and the PNG it drew; the session adds only what the renderer cannot know
// (the user's name, the documents' full citations) and never re-applies a
// filter, so the report holds exactly what the analyst was looking at.
import { basename, dirname, extname, join } from 'node:path'
import type { ReportFormat, ReportResult } from '../../../contract/export'
import { CoreError } from '../../app/errors'
import type { NativeHost } from '../../app/native'
import type { ProjectDb } from '../../db/projectDb'
import { pngSize, type ReportData } from './model'
import { REPORT_FORMAT_INFO } from './formats'

export interface ReportArgs {
  format: ReportFormat
  claimIds: number[] | null
  selection: string
  mapName: string | null
  png: Uint8Array | null
  imageNote: string | null
}

export async function reportDialog(db: ProjectDb, native: NativeHost, author: string, a: ReportArgs, now = new Date()): Promise<ReportResult | null> {
  const size = a.png ? pngSize(a.png) : null
  if (a.png && !size) throw new CoreError('BAD_ARGS', 'The map image is not a PNG file.')
  const info = REPORT_FORMAT_INFO[a.format]
  const project = basename(db.path, extname(db.path))
  const safe = `${project}${a.mapName ? ` ${a.mapName}` : ''} evidence report`.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').trim()
  const chosen = await native.showSaveDialog({
    title: 'Export evidence report',
    filters: [{ name: info.label, extensions: info.accepts.map((e) => e.slice(1)) }],
    defaultPath: join(dirname(db.path), `${safe}.${info.extension}`)
  })
  if (!chosen) return null
  const rows = await db.call('report.rows', { claimIds: a.claimIds })
  const data: ReportData = {
    ...rows,
    project,
    mapName: a.mapName,
    author,
    date: now.toISOString(),
    selection: rows.missing ? `${a.selection}; ${rows.missing} deleted meanwhile, left out` : a.selection,
    image: a.png && size ? { png: a.png, ...size } : null,
    imageNote: a.png ? null : a.imageNote
  }
  let path: string
  try {
    // Loaded here, not at start-up: the docx package is only needed when a report is written.
    const { writeReport } = await import('./index')
    path = await writeReport(data, a.format, chosen)
  } catch (e) {
    throw new CoreError('IO', `Could not write the report (${basename(chosen)}): ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`)
  }
  return { path, format: a.format, claims: rows.claims.length, entities: rows.entities.length, documents: rows.documents.length, image: !!data.image, missing: rows.missing }
}
