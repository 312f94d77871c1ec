// rwb export <project.rwb> --format graphml|gexf|csv|ftm|w3c|cyjs --out <path> [--co-mentions]
//
// Opens the project read only (validated and migrated in memory, never
// written: no lock, no backup), so it can export a project the app has open.
// `--out` is the file to write; for csv it names the tables written beside
// it (<out without .csv>-nodes.csv, -edges, -mentions, -claims, -passages)
// and their <out>-README.txt. `--co-mentions` adds entities tagged in the
// same paragraph as edges of kind "co-mention".
// Files are written atomically. The written paths are printed on stdout, one
// a line; a summary goes to stderr.
//
// Trade-off: without the worker and its lock, the export is of the project's
// last save: edits the app has not saved yet are not in it.
import { existsSync, statSync } from 'node:fs'
import { DATA_EXPORT_FORMATS, type DataExportFormat } from '../../contract/exportFormats'
import { snapshotOptionsFor, writeExport } from '../../core/export/index'
import { readSnapshotFrom } from '../../core/export/snapshot'
import { CliError, EXIT_FAILED, EXIT_OK, parseCommandArgs, usage, type CliIo } from '../args'
import { existingProject, withReadOnly } from '../project'

export async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { format: { type: 'string' }, out: { type: 'string' }, 'co-mentions': { type: 'boolean' } }, { strict: true })
  const project = existingProject(positionals[0], 'export')
  if (positionals.length > 1) throw usage(`export: unexpected argument ${positionals[1]}`)
  const format = values.format as string | undefined
  if (!format) throw usage(`export: --format is required (${DATA_EXPORT_FORMATS.join(', ')})`)
  if (!(DATA_EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw usage(`export: unknown format ${JSON.stringify(format)} (one of ${DATA_EXPORT_FORMATS.join(', ')})`)
  }
  const out = values.out as string | undefined
  if (!out) throw usage('export: --out <path> is required')
  if (existsSync(out) && statSync(out).isDirectory()) throw usage(`export: --out ${out} is a folder; give a file name`)
  const f = format as DataExportFormat
  const paths = await withReadOnly(project, (db) => {
    const snapshot = readSnapshotFrom(db, project, snapshotOptionsFor(f, { coMentions: values['co-mentions'] === true }))
    let paths: string[]
    try {
      paths = writeExport(snapshot, f, out)
    } catch (e) {
      throw new CliError(`could not write ${out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, EXIT_FAILED)
    }
    io.err(`rwb: exported ${snapshot.entities.length} entities, ${snapshot.claims.length} claims, ${snapshot.mentions.length} mentions as ${f}\n`)
    return paths
  })
  for (const p of paths) io.out(`${p}\n`)
  return EXIT_OK
}
