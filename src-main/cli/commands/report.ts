// rwb report <project.rwb> --out <file.docx|file.html> [--map NAME] [--author NAME]
//
// The evidence report, as the app's Export → Evidence Report… writes it:
// title page, then per claim its statement, grade and what the grade means,
// status, attribution chain, the quoted passage with its document's full
// citation and the analyst's note; an entity index with aliases; a source
// list. The format follows --out's extension (.docx or .html/.htm).
//
// Which claims: every claim, or with --map NAME the claims that saved map
// shows under its filters (core/export/report/mapSelection.ts).
//
// Decision: the command line draws no map image. Drawing one needs the
// renderer (Cytoscape in a browser) and the project stores no exported
// image, so the report says in its Map section that the image is left out
// and how to get it (Export → Evidence Report… in the app). The author is
// --author, else the system user name (the app's "Your Name…" setting lives
// in the app's own settings, which the CLI never reads).
//
// Read only, like `rwb export`: the project is never written (no lock, no
// backup), so a project the app has open can be reported on; edits the app
// has not saved yet are not in it. The path written goes to stdout, a
// summary to stderr.
import { existsSync, statSync } from 'node:fs'
import { userInfo } from 'node:os'
import { basename, extname } from 'node:path'
import { listMaps } from '../../core/db/repos/maps'
import { reportFormatOf } from '../../core/export/report/formats'
import { findMap, claimsOnMap } from '../../core/export/report/mapSelection'
import { readReportRows, type ReportData } from '../../core/export/report/model'
import { CliError, EXIT_FAILED, EXIT_OK, parseCommandArgs, usage, type CliIo } from '../args'
import { existingProject, withReadOnly } from '../project'

export const REPORT_IMAGE_NOTE =
  'No map image: this report was made with the rwb command line, which draws no map. Use Export → Evidence Report… in the app to include the map as it is on screen.'

function systemUser(): string {
  try {
    return userInfo().username || 'analyst'
  } catch {
    return 'analyst'
  }
}

export async function reportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { out: { type: 'string' }, map: { type: 'string' }, author: { type: 'string' } }, { strict: true })
  const project = existingProject(positionals[0], 'report')
  if (positionals.length > 1) throw usage(`report: unexpected argument ${positionals[1]}`)
  const out = values.out as string | undefined
  if (!out) throw usage('report: --out <file.docx|file.html> is required')
  const format = reportFormatOf(out)
  if (!format) throw usage(`report: --out must end in .docx or .html (got ${JSON.stringify(extname(out) || basename(out))})`)
  if (existsSync(out) && statSync(out).isDirectory()) throw usage(`report: --out ${out} is a folder; give a file name`)
  const mapName = values.map as string | undefined
  const author = ((values.author as string | undefined) ?? '').trim() || systemUser()

  const data: ReportData = await withReadOnly(project, (db) => {
    let claimIds: number[] | null = null
    let selection = 'every claim in the project'
    let name: string | null = null
    if (mapName !== undefined) {
      const maps = listMaps(db)
      const map = findMap(maps, mapName)
      if (!map) throw new CliError(`report: no map named ${JSON.stringify(mapName)} (maps: ${maps.map((m) => JSON.stringify(m.name)).join(', ') || 'none'})`, EXIT_FAILED)
      name = map.name
      const all = readReportRows(db, { claimIds: null }).claims
      claimIds = claimsOnMap(db, map, all).map((c) => c.id)
      selection = `the claims the map “${map.name}” shows under its saved filters`
    }
    const rows = readReportRows(db, { claimIds })
    return {
      ...rows,
      project: basename(project, extname(project)),
      mapName: name,
      author,
      date: new Date().toISOString(),
      selection,
      image: null,
      imageNote: REPORT_IMAGE_NOTE
    }
  })
  const { writeReport } = await import('../../core/export/report/index')
  let path: string
  try {
    path = await writeReport(data, format, out)
  } catch (e) {
    throw new CliError(`could not write ${out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, EXIT_FAILED)
  }
  io.err(`rwb: report of ${data.claims.length} claims, ${data.entities.length} entities, ${data.documents.length} sources as ${format} (no map image from the command line)\n`)
  io.out(`${path}\n`)
  return EXIT_OK
}
