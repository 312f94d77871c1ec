// rwb import <project.rwb> <file-or-folder>...
//
// Imports files (folders recursively) through AppCore and the database
// worker, exactly as the app's Open… does, creating the project when it does
// not exist yet. One line per file on stdout (imported, duplicate or failed,
// with the reason), a summary on stderr. Ctrl-C stops after the current file
// and saves what was imported (exit 130).
//
// Trade-off: files go in one at a time (not one importPaths call for all)
// so each result is printed as it comes and Ctrl-C can stop between files.
import { existsSync, statSync } from 'node:fs'
import { extname } from 'node:path'
import type { ImportResult } from '../../contract/types'
import { CliError, EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, parseCommandArgs, usage, type CliIo } from '../args'
import { requireProject, withAppCore } from '../project'

/** What goes into the project for each argument: the file itself, or a folder's importable files (recursively). */
async function expand(inputs: string[], io: CliIo): Promise<string[]> {
  const { listImportable } = await import('../../core/import/listImportable')
  const files: string[] = []
  for (const input of inputs) {
    const found = listImportable([input])
    if (found.length === 0 && existsSync(input) && statSync(input).isDirectory()) io.err(`rwb: ${input}: no importable files in this folder\n`)
    files.push(...found)
  }
  return files
}

function resultLine(r: ImportResult): string {
  switch (r.status) {
    case 'imported':
      return `imported: ${r.path}`
    case 'duplicate':
      return `duplicate: ${r.path} (${r.reason ?? 'already in the project'})`
    case 'failed':
      return `failed: ${r.path}: ${r.reason ?? 'unknown reason'}`
    default:
      return `${r.status}: ${r.path}${r.reason ? ` (${r.reason})` : ''}`
  }
}

export async function importCommand(args: string[], io: CliIo): Promise<number> {
  const p = parseCommandArgs(args, {})
  const project = requireProject(p.positionals[0], 'import')
  const inputs = p.positionals.slice(1)
  if (inputs.length === 0) throw usage('import: give at least one file or folder to import')
  const exists = existsSync(project)
  if (exists && statSync(project).isDirectory()) throw new CliError(`${project} is a folder, not a project file`, EXIT_USAGE)
  if (!exists && extname(project).toLowerCase() !== '.rwb') {
    throw usage(`import: ${project} does not exist; a new project file must end in .rwb`)
  }

  let stopped = false
  io.onInterrupt?.(() => (stopped = true))
  const counts = await withAppCore(project, !exists, async (core) => {
    const files = await expand(inputs, io)
    const counts = { imported: 0, duplicate: 0, failed: 0 }
    for (const file of files) {
      if (stopped) break
      const [r] = await core.importPaths([file])
      if (!r) continue
      io.out(`${resultLine(r)}\n`)
      if (r.status === 'imported') counts.imported++
      else if (r.status === 'duplicate') counts.duplicate++
      else counts.failed++
    }
    return counts
  })
  const info = `${counts.imported} imported, ${counts.duplicate} duplicate, ${counts.failed} failed`
  const saved = counts.imported > 0 || !exists ? `saved ${project}` : `${project} unchanged`
  io.err(`rwb: ${info}${stopped ? ' (interrupted: the rest was not imported)' : ''}; ${saved}\n`)
  return stopped ? EXIT_INTERRUPTED : counts.failed > 0 ? EXIT_FAILED : EXIT_OK
}
