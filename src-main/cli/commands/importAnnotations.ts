// rwb import-annotations <project.rwb> <file.jsonld> [--json]
//
// Imports W3C Web Annotations as mentions through AppCore and the database
// worker like the app (lock, transaction, durable save), and prints the
// report: what could not be placed and what was relocated on stderr, a
// summary on stderr and, with --json, the whole report as JSON on stdout.
// Exit 1 when any annotation was left unresolved.
//
// Trade-off: it takes the project's lock like the app, so it refuses a
// project that is open in the app instead of writing beside it.
import { existsSync } from 'node:fs'
import { importAnnotationFile } from '../../core/export/run'
import { CliError, EXIT_FAILED, EXIT_OK, parseCommandArgs, usage, type CliIo } from '../args'
import { existingProject, withAppCore } from '../project'

export async function importAnnotationsCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } }, { strict: true })
  const project = existingProject(positionals[0], 'import-annotations')
  const file = positionals[1]
  if (!file) throw usage('import-annotations: missing the annotation file (.jsonld)')
  if (positionals.length > 2) throw usage(`import-annotations: unexpected argument ${positionals[2]}`)
  if (!existsSync(file)) throw new CliError(`${file}: no such file`, EXIT_FAILED)

  const report = await withAppCore(project, false, (core) => importAnnotationFile(core.db(), file))
  if (values.json) io.out(`${JSON.stringify(report, null, 2)}\n`)
  for (const u of report.unresolved) io.err(`unresolved: ${u.id}: ${u.reason}\n`)
  for (const id of report.relocated) io.err(`relocated: ${id}: its position did not match; placed at the one place its quote occurs\n`)
  io.err(
    `rwb: ${report.imported} imported, ${report.skippedDuplicates} already there, ${report.unresolved.length} unresolved` +
      ` (${report.claimsImported} claims imported, ${report.claimsSkippedDuplicates} claims already there,` +
      ` ${report.relocated.length} relocated, ${report.entitiesCreated} new entities` +
      `${report.ignored.length ? `, ${report.ignored.length} claim annotations ignored` : ''}); saved ${project}\n`
  )
  return report.unresolved.length > 0 ? EXIT_FAILED : EXIT_OK
}
