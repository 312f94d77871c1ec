// Opening the project a command works on, in one of two ways.
//
// Read only (documents, text, search, export): the file is validated and
// migrated in memory in this process, with the same code the app uses but
// without the database worker, so nothing is ever written (not the project,
// not a lock file, not a backup) and a project the app has open can be read.
//
// Through AppCore (import, import-annotations): the database worker, the
// lock, transactions and the durable save, exactly as the app's Open… does.
// AppCore keeps recent-project settings in a data folder: it gets a
// throwaway one, so the CLI never touches the app's own settings.
//
// Trade-off: AppCore is imported when a command asks for it, not up front,
// so the read-only commands do not load the worker client and importers.
// A read-only command on a small project also keeps V8 to its baseline wasm
// compiler (see BASELINE_WASM_MAX_BYTES): a process-wide setting, right for
// a process that runs one command and exits, wrong for a long-lived one.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import type { AppCore } from '../core/app/appCore'
import { openProject } from '../core/db/projectOpen'
import type { Database } from '../core/db/sqlite'
import { CliError, EXIT_FAILED, EXIT_USAGE, firstLine, usage } from './args'

export const now = () => new Date().toISOString()

/** The project argument, which must be given. */
export function requireProject(project: string | undefined, command: string): string {
  if (!project) throw usage(`${command}: missing the project file`)
  return project
}

/** The project argument, which must name an existing file (not a folder). */
export function existingProject(project: string | undefined, command: string): string {
  return checkIsFile(requireProject(project, command))
}

function checkIsFile(project: string): string {
  if (!existsSync(project)) throw new CliError(`${project}: no such project file`, EXIT_USAGE)
  if (statSync(project).isDirectory()) throw new CliError(`${project} is a folder, not a project file`, EXIT_USAGE)
  return project
}

/**
 * Runs `fn` on the project opened read only, then closes it. A file that is
 * not a project (PROJECT_INVALID) is reported by the dispatcher (cli.ts) as a
 * usage error.
 */
export async function withReadOnly<T>(path: string, fn: (db: Database) => T): Promise<T> {
  const file = checkIsFile(path)
  if (statSync(file).size <= BASELINE_WASM_MAX_BYTES) baselineWasmOnly()
  // The base and the edits of its journal (an open app's latest ones included); every table's
  // b-tree checked, not the FTS4 index re-tokenised (nothing is written: see CheckDepth).
  const { db } = await openProject(file, now(), 'tables')
  try {
    return fn(db)
  } finally {
    db.close()
  }
}

/**
 * Up to this size, a read-only command runs SQLite on V8's baseline wasm
 * compiler alone. Its optimising compiler works on SQLite's hot functions
 * (the integrity check's) while the command runs: on a small project that
 * is most of the command's CPU time (about 170 of 280 ms) and it saves
 * nothing, since the command ends before the optimised code pays off. On a
 * large project the optimised code does pay off, so it is left on.
 */
export const BASELINE_WASM_MAX_BYTES = 8 * 1024 * 1024

let baseline = false

/** Turns off optimising wasm compiles for this process; only before sql.js is first loaded (then it is too late to matter). */
function baselineWasmOnly(): void {
  if (baseline) return
  baseline = true
  setFlagsFromString('--liftoff-only')
}

const headlessNative = {
  showOpenDialog: async () => [],
  showSaveDialog: async () => null,
  emit: () => {}
}

/**
 * Opens (or creates) the project through AppCore, runs `fn`, then saves
 * and shuts down; a save that fails is reported as one line with exit 1.
 */
export async function withAppCore<T>(project: string, create: boolean, fn: (core: AppCore) => Promise<T>): Promise<T> {
  const { AppCore } = await import('../core/app/appCore')
  const dataDir = mkdtempSync(join(tmpdir(), 'rwb-cli-'))
  const core = new AppCore({ dataDir, seedsDir: null, native: headlessNative, saveDelayMs: 60 * 60_000 })
  try {
    await core.openProject(project, create)
    const result = await fn(core)
    try {
      await core.shutdown() // saves
    } catch (e) {
      throw new CliError(`could not save ${project}: ${firstLine((e as Error).message)}`, EXIT_FAILED)
    }
    return result
  } finally {
    await core.shutdown().catch(() => {})
    rmSync(dataDir, { recursive: true, force: true })
  }
}
