// `rwb`, the Research Workbench command line, on plain Node (no Electron):
// the dispatcher. Each command is a module of its own in commands/, loaded
// only when it runs, so `rwb documents` does not load the importers, the
// exporters or the API contract.
//
//   rwb import <project.rwb> <file-or-folder>...
//   rwb documents <project.rwb> [--json]
//   rwb text <project.rwb> <id>
//   rwb search <project.rwb> <query>... [--json] [--limit N]
//   rwb export <project.rwb> --format graphml|gexf|csv|ftm|w3c|cyjs --out <path> [--co-mentions]
//   rwb import-annotations <project.rwb> <file.jsonld> [--json]
//   rwb report <project.rwb> --out file.docx|file.html [--map NAME] [--author NAME]
//
// Exit codes: 0 done; 1 something failed (a file that would not import, an
// unknown document, a save that failed, annotations left unresolved); 2 usage
// error or a file that is not a project. Messages go to stderr as one line,
// never a stack trace.
//
// Trade-off: the commands are found through dynamic import(), so the bundle
// has a chunk per command; the price is a few small files beside cli.js.
import { isCoreError } from '../core/app/errors'
import { CliError, EXIT_FAILED, EXIT_OK, EXIT_USAGE, firstLine, usage, type CliIo, type Command } from './args'

export { EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, type CliIo } from './args'

const COMMANDS: Record<string, () => Promise<Command>> = {
  import: async () => (await import('./commands/import')).importCommand,
  documents: async () => (await import('./commands/documents')).documentsCommand,
  text: async () => (await import('./commands/text')).textCommand,
  search: async () => (await import('./commands/search')).searchCommand,
  export: async () => (await import('./commands/export')).exportCommand,
  'import-annotations': async () => (await import('./commands/importAnnotations')).importAnnotationsCommand,
  report: async () => (await import('./commands/report')).reportCommand
}

const usageText = async () => (await import('./usage')).USAGE

/** Runs one command line; returns the exit code. Never throws. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv
  try {
    if (command === undefined) {
      io.err(await usageText())
      return EXIT_USAGE
    }
    if (command === '--help' || command === '-h' || command === 'help') {
      io.out(await usageText())
      return EXIT_OK
    }
    const load = Object.prototype.hasOwnProperty.call(COMMANDS, command) ? COMMANDS[command] : undefined
    if (!load) throw usage(`unknown command ${JSON.stringify(command)}`)
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(await usageText())
      return EXIT_OK
    }
    return await (await load())(rest, io)
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`rwb: ${e.message}\n`)
      return e.exitCode
    }
    // A file that is not a project (or is damaged) is the caller's mistake, like a usage error.
    if (isCoreError(e) && e.code === 'PROJECT_INVALID') {
      io.err(`rwb: ${firstLine(e.message)}\n`)
      return EXIT_USAGE
    }
    const message = isCoreError(e) ? e.message : e instanceof Error ? `unexpected error: ${e.message}` : `unexpected error: ${String(e)}`
    io.err(`rwb: ${firstLine(message)}\n`)
    return EXIT_FAILED
  }
}
