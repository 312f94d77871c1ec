// The CLI's data commands, wired into src-main/cli/cli.ts:
//
//   rwb export <project.rwb> --format graphml|gexf|csv|ftm|w3c|cyjs --out <path>
//   rwb import-annotations <project.rwb> <file.jsonld> [--json]
//
// `export` opens the project read only in this process (validated and
// migrated in memory, never written: no lock, no backup), so it can export a
// project the app has open. `--out` is the file to write; for csv it names
// the four tables written beside it (<out without .csv>-nodes.csv, -edges,
// -mentions, -claims). Files are written atomically. The written paths are
// printed on stdout, one a line.
//
// `import-annotations` goes through AppCore and the database worker like the
// app (lock, transaction, durable save) and prints the report: a summary on
// stderr and, with --json, the whole report as JSON on stdout.
//
// Exit codes (as the rest of the CLI): 0 done; 1 something failed (a file
// that cannot be written or read, annotations left unresolved); 2 usage error
// or a file that is not a project.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { DATA_EXPORT_FORMATS, type DataExportFormat } from '../../contract/api'
import { isCoreError } from '../app/errors'
import { openProjectFile } from '../db/projectFile'
import { FORMAT_INFO, writeExport } from './index'
import { importAnnotationFile } from './run'
import { readSnapshotFrom } from './snapshot'

export interface CommandIo {
  out(text: string): void
  err(text: string): void
}

const EXIT_OK = 0
const EXIT_FAILED = 1
const EXIT_USAGE = 2

export const EXPORT_USAGE = `  export <project.rwb> --format ${DATA_EXPORT_FORMATS.join('|')} --out <path>
                                              export entities, links and mentions as data (csv: four files beside <path>)
  import-annotations <project.rwb> <file.jsonld> [--json]
                                              import W3C Web Annotations as mentions; prints what could not be placed
`

class Failure extends Error {
  constructor(
    message: string,
    readonly exitCode: number
  ) {
    super(message)
  }
}

const usage = (message: string) => new Failure(`${message} (rwb --help for usage)`, EXIT_USAGE)

function firstLine(s: string): string {
  return s.split('\n')[0]!.trim()
}

function parse(args: string[], options: Record<string, { type: 'string' | 'boolean' }>) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true })
  } catch (e) {
    throw usage(firstLine((e as Error).message))
  }
}

function checkProjectPath(project: string | undefined, command: string): string {
  if (!project) throw usage(`${command}: missing the project file`)
  if (!existsSync(project)) throw new Failure(`${project}: no such project file`, EXIT_USAGE)
  if (statSync(project).isDirectory()) throw new Failure(`${project} is a folder, not a project file`, EXIT_USAGE)
  return project
}

async function guard(io: CommandIo, fn: () => Promise<number>): Promise<number> {
  try {
    return await fn()
  } catch (e) {
    if (e instanceof Failure) {
      io.err(`rwb: ${e.message}\n`)
      return e.exitCode
    }
    if (isCoreError(e) && e.code === 'PROJECT_INVALID') {
      io.err(`rwb: ${firstLine(e.message)}\n`)
      return EXIT_USAGE
    }
    io.err(`rwb: ${firstLine(isCoreError(e) ? e.message : `unexpected error: ${(e as Error).message}`)}\n`)
    return EXIT_FAILED
  }
}

export function exportCommand(args: string[], io: CommandIo): Promise<number> {
  return guard(io, async () => {
    const { values, positionals } = parse(args, { format: { type: 'string' }, out: { type: 'string' } })
    const project = checkProjectPath(positionals[0], 'export')
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
    const db = await openProjectFile(project, new Date().toISOString())
    let paths: string[]
    try {
      const snapshot = readSnapshotFrom(db, project, { codePoints: FORMAT_INFO[f].codePoints })
      try {
        paths = writeExport(snapshot, f, out)
      } catch (e) {
        throw new Failure(`could not write ${out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, EXIT_FAILED)
      }
      io.err(`rwb: exported ${snapshot.entities.length} entities, ${snapshot.claims.filter((c) => c.objectId !== null).length} links, ${snapshot.mentions.length} mentions as ${f}\n`)
    } finally {
      db.close()
    }
    for (const p of paths) io.out(`${p}\n`)
    return EXIT_OK
  })
}

export function importAnnotationsCommand(args: string[], io: CommandIo): Promise<number> {
  return guard(io, async () => {
    const { values, positionals } = parse(args, { json: { type: 'boolean' } })
    const project = checkProjectPath(positionals[0], 'import-annotations')
    const file = positionals[1]
    if (!file) throw usage('import-annotations: missing the annotation file (.jsonld)')
    if (positionals.length > 2) throw usage(`import-annotations: unexpected argument ${positionals[2]}`)
    if (!existsSync(file)) throw new Failure(`${file}: no such file`, EXIT_FAILED)

    // AppCore keeps recent-project settings in a data folder: give it a
    // throwaway one, so the CLI never touches the app's own settings.
    const { AppCore } = await import('../app/appCore')
    const dataDir = mkdtempSync(join(tmpdir(), 'rwb-cli-'))
    const core = new AppCore({ dataDir, seedsDir: null, native: { showOpenDialog: async () => [], showSaveDialog: async () => null, emit: () => {} }, saveDelayMs: 60 * 60_000 })
    try {
      await core.openProject(project, false)
      const report = await importAnnotationFile(core.db(), file)
      try {
        await core.shutdown() // saves
      } catch (e) {
        throw new Failure(`could not save ${project}: ${firstLine((e as Error).message)}`, EXIT_FAILED)
      }
      if (values.json) io.out(`${JSON.stringify(report, null, 2)}\n`)
      for (const u of report.unresolved) io.err(`unresolved: ${u.id}: ${u.reason}\n`)
      for (const id of report.relocated) io.err(`relocated: ${id}: its position did not match; placed at the one place its quote occurs\n`)
      io.err(
        `rwb: ${report.imported} imported, ${report.skippedDuplicates} already there, ${report.unresolved.length} unresolved` +
          ` (${report.relocated.length} relocated, ${report.entitiesCreated} new entities` +
          `${report.ignored.length ? `, ${report.ignored.length} claim annotations ignored` : ''}); saved ${project}\n`
      )
      return report.unresolved.length > 0 ? EXIT_FAILED : EXIT_OK
    } finally {
      await core.shutdown().catch(() => {})
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
}
