// `rwb`, the Research Workbench command line, on plain Node (no Electron).
//
//   rwb import <project.rwb> <file-or-folder>...
//   rwb documents <project.rwb> [--json]
//   rwb text <project.rwb> <id>
//   rwb search <project.rwb> <query>... [--json] [--limit N]
//   rwb export <project.rwb> --format graphml|gexf|csv|ftm|w3c|cyjs --out <path>
//   rwb import-annotations <project.rwb> <file.jsonld> [--json]
//   (these two live in core/export/cliCommands.ts)
//
// Exit codes: 0 done; 1 something failed (a file that would not import, an
// unknown document, a save that failed); 2 usage error or a file that is not
// a project. Messages go to stderr as one line, never a stack trace.
//
// `import` goes through AppCore and the database worker exactly as the app's
// Open… does. The read-only commands (documents, text, search) open the file
// in this process with the same validation and repositories but without the
// worker, so they never write anything: not the project, not a lock file, not
// a backup, and they can read a project the app has open.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { extname, join } from 'node:path'
import type { DocumentSummary, ImportResult, SearchHit } from '../contract/types'
import { isCoreError } from '../core/app/errors'
import { queries } from '../core/db/ops'
import { openProjectFile } from '../core/db/projectFile'
import type { Database } from '../core/db/sqlite'
import { MAX_SEARCH_LIMIT } from '../core/db/repos/search'
import { EXPORT_USAGE, exportCommand, importAnnotationsCommand } from '../core/export/cliCommands'

export interface CliIo {
  out(text: string): void
  err(text: string): void
  /** Whether stdout is a terminal (the search command then marks hits in bold). */
  isTty: boolean
  /** Called with a function that stops a running import after the current file (Ctrl-C). */
  onInterrupt?(stop: () => void): void
}

export const EXIT_OK = 0
export const EXIT_FAILED = 1
export const EXIT_USAGE = 2
/** Ctrl-C during an import: what was imported so far is saved. */
export const EXIT_INTERRUPTED = 130

export const USAGE = `Usage: rwb <command> <project.rwb> ...

Commands:
  import <project.rwb> <file-or-folder>...   import files (folders recursively); creates the project if missing
  documents <project.rwb> [--json]            list the documents
  text <project.rwb> <id>                     print a document's canonical text exactly
  search <project.rwb> <query>... [--json] [--limit N]
                                              full-text search ("phrase", OR, -word, prefix*)
${EXPORT_USAGE}
Exit status: 0 done, 1 something failed, 2 usage error or not a project.
`

/** An error to report as one line with its exit code. */
class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number
  ) {
    super(message)
  }
}

const usage = (message: string) => new CliError(`${message} (rwb --help for usage)`, EXIT_USAGE)

interface Parsed {
  positional: string[]
  flags: Map<string, string | true>
}

/** Flags anywhere after the command; `--` ends them. Only the listed flags are accepted. */
function parseArgs(args: string[], allowed: Record<string, 'bool' | 'value'>): Parsed {
  const positional: string[] = []
  const flags = new Map<string, string | true>()
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    if (a === '--') {
      positional.push(...args.slice(i + 1))
      break
    }
    if (a.startsWith('--') || (a.startsWith('-') && a.length > 1 && !/^-\d/.test(a) && allowed[a] !== undefined)) {
      const [name, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined]
      const kind = allowed[name]
      if (!kind) throw usage(`unknown option ${name}`)
      if (kind === 'bool') {
        if (inline !== undefined) throw usage(`${name} takes no value`)
        flags.set(name, true)
      } else {
        const value = inline ?? args[++i]
        if (value === undefined) throw usage(`${name} needs a value`)
        flags.set(name, value)
      }
      continue
    }
    positional.push(a)
  }
  return { positional, flags }
}

function requireProjectArg(p: Parsed, command: string): string {
  const project = p.positional[0]
  if (!project) throw usage(`${command}: missing the project file`)
  return project
}

// ------------------------------------------------------------ read-only open

/** Opens a project for reading only; the file is validated and migrated in memory, never written. */
async function openReadOnly(path: string): Promise<Database> {
  if (!existsSync(path)) throw new CliError(`${path}: no such project file`, EXIT_USAGE)
  if (statSync(path).isDirectory()) throw new CliError(`${path} is a folder, not a project file`, EXIT_USAGE)
  try {
    return await openProjectFile(path, new Date().toISOString())
  } catch (e) {
    if (isCoreError(e) && e.code === 'PROJECT_INVALID') throw new CliError(firstLine(e.message), EXIT_USAGE)
    throw e
  }
}

async function withReadOnly<T>(path: string, fn: (db: Database) => T): Promise<T> {
  const db = await openReadOnly(path)
  try {
    return fn(db)
  } finally {
    db.close()
  }
}

const now = () => new Date().toISOString()

function firstLine(s: string): string {
  return s.split('\n')[0]!.trim()
}

// -------------------------------------------------------------------- import

/** What goes into the project for each argument: the file itself, or a folder's importable files (recursively). */
async function expand(inputs: string[], io: CliIo): Promise<string[]> {
  const { listImportable } = await import('../core/import/listImportable')
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

async function cmdImport(args: string[], io: CliIo): Promise<number> {
  const p = parseArgs(args, {})
  const project = requireProjectArg(p, 'import')
  const inputs = p.positional.slice(1)
  if (inputs.length === 0) throw usage('import: give at least one file or folder to import')
  const exists = existsSync(project)
  if (exists && statSync(project).isDirectory()) throw new CliError(`${project} is a folder, not a project file`, EXIT_USAGE)
  if (!exists && extname(project).toLowerCase() !== '.rwb') {
    throw usage(`import: ${project} does not exist; a new project file must end in .rwb`)
  }

  // AppCore keeps recent-project settings in a data folder: give it a
  // throwaway one, so the CLI never touches the app's own settings.
  const { AppCore } = await import('../core/app/appCore')
  const dataDir = mkdtempSync(join(tmpdir(), 'rwb-cli-'))
  const core = new AppCore({ dataDir, seedsDir: null, native: headlessNative, saveDelayMs: 60 * 60_000 })
  let stopped = false
  io.onInterrupt?.(() => (stopped = true))
  try {
    try {
      await core.openProject(project, !exists)
    } catch (e) {
      if (isCoreError(e) && e.code === 'PROJECT_INVALID') throw new CliError(firstLine(e.message), EXIT_USAGE)
      if (isCoreError(e)) throw new CliError(firstLine(e.message), EXIT_FAILED)
      throw e
    }
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
    try {
      await core.shutdown() // saves
    } catch (e) {
      throw new CliError(`could not save ${project}: ${firstLine((e as Error).message)}`, EXIT_FAILED)
    }
    const info = `${counts.imported} imported, ${counts.duplicate} duplicate, ${counts.failed} failed`
    const saved = counts.imported > 0 || !exists ? `saved ${project}` : `${project} unchanged`
    io.err(`rwb: ${info}${stopped ? ' (interrupted: the rest was not imported)' : ''}; ${saved}\n`)
    return stopped ? EXIT_INTERRUPTED : counts.failed > 0 ? EXIT_FAILED : EXIT_OK
  } finally {
    await core.shutdown().catch(() => {})
    rmSync(dataDir, { recursive: true, force: true })
  }
}

const headlessNative = {
  showOpenDialog: async () => [],
  showSaveDialog: async () => null,
  emit: () => {}
}

// ----------------------------------------------------------------- documents

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
  const t = now()
  const summaries: DocumentSummary[] = queries['documents.list'](db, {}, t)
  const details = new Map(queries['documents.details'](db, undefined, t).map((d) => [d.id, d]))
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

/** Display width ignoring combining marks; wide (CJK) characters count as two columns. */
function width(s: string): number {
  let w = 0
  for (const ch of s) {
    if (/\p{M}/u.test(ch)) continue
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1faff}\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1
  }
  return w
}

function fit(s: string, max: number): string {
  const clean = s.replace(/[\u0000-\u001f\u007f]+/g, ' ')
  if (width(clean) <= max) return clean
  let out = ''
  for (const ch of clean) {
    if (width(out + ch) > max - 1) break
    out += ch
  }
  return `${out}…`
}

function pad(s: string, w: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)))
  return right ? fill + s : s + fill
}

function table(head: string[], rows: string[][], rightAligned: Set<number>): string {
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))))
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, widths[i]!, rightAligned.has(i)))
      .join('  ')
      .trimEnd()
  return [line(head), ...rows.map(line)].join('\n') + '\n'
}

async function cmdDocuments(args: string[], io: CliIo): Promise<number> {
  const p = parseArgs(args, { '--json': 'bool' })
  const project = requireProjectArg(p, 'documents')
  if (p.positional.length > 1) throw usage(`documents: unexpected argument ${p.positional[1]}`)
  const docs = await withReadOnly(project, listDocuments)
  if (p.flags.has('--json')) {
    io.out(`${JSON.stringify(docs, null, 2)}\n`)
    return EXIT_OK
  }
  if (docs.length === 0) {
    io.out('(no documents)\n')
    return EXIT_OK
  }
  const rows = docs.map((d) => [
    String(d.id),
    fit(d.title, 50),
    fit(d.siteName ?? '', 24),
    d.lang ?? '',
    d.pages === null ? '' : String(d.pages),
    String(d.textLength),
    fit(d.sourcePath, 60)
  ])
  io.out(table(['ID', 'TITLE', 'SITE', 'LANG', 'PAGES', 'CHARS', 'SOURCE'], rows, new Set([0, 4, 5])))
  return EXIT_OK
}

// ---------------------------------------------------------------------- text

function parseId(raw: string | undefined, command: string): number {
  if (raw === undefined) throw usage(`${command}: missing the document id`)
  if (!/^[1-9]\d{0,14}$/.test(raw)) throw usage(`${command}: ${JSON.stringify(raw)} is not a document id (a positive whole number)`)
  return Number(raw)
}

async function cmdText(args: string[], io: CliIo): Promise<number> {
  const p = parseArgs(args, {})
  const project = requireProjectArg(p, 'text')
  const id = parseId(p.positional[1], 'text')
  if (p.positional.length > 2) throw usage(`text: unexpected argument ${p.positional[2]}`)
  const text = await withReadOnly(project, (db) => {
    try {
      return queries['documents.get'](db, { id }, now()).text
    } catch (e) {
      if (isCoreError(e) && e.code === 'NOT_FOUND') throw new CliError(`${project}: document ${id} does not exist`, EXIT_FAILED)
      throw e
    }
  })
  io.out(text)
  return EXIT_OK
}

// -------------------------------------------------------------------- search

function markHits(s: string, highlights: [number, number][], tty: boolean): string {
  if (!tty) return s
  let out = ''
  let at = 0
  for (const [a, b] of highlights) {
    out += `${s.slice(at, a)}\u001b[1m${s.slice(a, b)}\u001b[22m`
    at = b
  }
  return out + s.slice(at)
}

/** Control characters in document text must not reach a terminal as escape sequences. */
function printable(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, ' ')
}

async function cmdSearch(args: string[], io: CliIo): Promise<number> {
  const p = parseArgs(args, { '--json': 'bool', '--limit': 'value' })
  const project = requireProjectArg(p, 'search')
  const query = p.positional.slice(1).join(' ').trim()
  if (!query) throw usage('search: missing the query')
  if (query.length > 500) throw usage('search: the query is longer than 500 characters')
  let limit: number | undefined
  if (p.flags.has('--limit')) {
    const raw = String(p.flags.get('--limit'))
    limit = Number(raw)
    if (!/^\d+$/.test(raw) || limit < 1 || limit > MAX_SEARCH_LIMIT) throw usage(`search: --limit must be 1 to ${MAX_SEARCH_LIMIT}`)
  }
  const hits: SearchHit[] = await withReadOnly(project, (db) => queries['search.query'](db, { query, limit }, now()))
  if (p.flags.has('--json')) {
    io.out(`${JSON.stringify(hits, null, 2)}\n`)
    return EXIT_OK
  }
  if (hits.length === 0) {
    io.out('(no matches)\n')
    return EXIT_OK
  }
  for (const h of hits) {
    const site = h.siteName ? ` (${printable(h.siteName)})` : ''
    io.out(`${h.documentId}  ${markHits(printable(h.title), h.titleHighlights, io.isTty)}${site}  [at ${h.start}, score ${h.score.toFixed(2)}]\n`)
    io.out(`    ${markHits(printable(h.snippet.text), h.snippet.highlights, io.isTty)}\n`)
  }
  return EXIT_OK
}

// ---------------------------------------------------------------------- main

const COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  import: cmdImport,
  documents: cmdDocuments,
  text: cmdText,
  search: cmdSearch,
  export: exportCommand,
  'import-annotations': importAnnotationsCommand
}

/** Runs one command line; returns the exit code. Never throws. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv
  try {
    if (command === undefined) {
      io.err(USAGE)
      return EXIT_USAGE
    }
    if (command === '--help' || command === '-h' || command === 'help') {
      io.out(USAGE)
      return EXIT_OK
    }
    const run = Object.prototype.hasOwnProperty.call(COMMANDS, command) ? COMMANDS[command] : undefined
    if (!run) throw usage(`unknown command ${JSON.stringify(command)}`)
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(USAGE)
      return EXIT_OK
    }
    return await run(rest, io)
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`rwb: ${e.message}\n`)
      return e.exitCode
    }
    const message = isCoreError(e) ? e.message : e instanceof Error ? `unexpected error: ${e.message}` : `unexpected error: ${String(e)}`
    io.err(`rwb: ${firstLine(message)}\n`)
    return EXIT_FAILED
  }
}
