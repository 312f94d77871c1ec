// What every `rwb` command shares: exit codes, the one-line error a command
// throws, printing a list (or its JSON), and reading its arguments with node:util parseArgs (the CLI's only
// argument parser).
//
// Trade-off: parseArgs runs in one of two ways, so that every command keeps
// the messages and exit codes it has always had. `strict` (export,
// import-annotations) is parseArgs's own validation and message. The lenient
// way (import, documents, text, search) reads parseArgs's tokens: an argument
// with a single dash is a positional (`rwb search p.rwb -word` excludes a
// word; a file may be called `-notes.txt`), and the messages are rwb's own.

import { parseArgs } from 'node:util'

export interface CliIo {
  out(text: string): void
  err(text: string): void
  /** Whether stdout is a terminal (the search command then marks hits in bold). */
  isTty: boolean
  /** Called with a function that stops a running import after the current file (Ctrl-C). */
  onInterrupt?(stop: () => void): void
}

/** One command: its arguments (after the command name) in, its exit code out. */
export type Command = (args: string[], io: CliIo) => Promise<number>

export const EXIT_OK = 0
export const EXIT_FAILED = 1
export const EXIT_USAGE = 2
/** Ctrl-C during an import: what was imported so far is saved. */
export const EXIT_INTERRUPTED = 130

/** An error to report as one line with its exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number
  ) {
    super(message)
  }
}

export const usage = (message: string) => new CliError(`${message} (rwb --help for usage)`, EXIT_USAGE)

/** A list on stdout: all of it as JSON with --json, `empty` when there is nothing, else what `render` makes of it. */
export function printList<T>(io: CliIo, items: readonly T[], json: boolean, empty: string, render: (items: readonly T[]) => string): number {
  if (json) io.out(`${JSON.stringify(items, null, 2)}\n`)
  else io.out(items.length === 0 ? `${empty}\n` : render(items))
  return EXIT_OK
}

export function firstLine(s: string): string {
  return s.split('\n')[0]!.trim()
}

type Options = Record<string, { type: 'boolean' | 'string' }>

export interface ParsedArgs {
  positionals: string[]
  /** Option values by name (without the dashes): true for a boolean flag given, the text for a string option. */
  values: Record<string, string | boolean | undefined>
}

/**
 * A command's positionals and options; flags may stand anywhere, `--` ends
 * them. Only the listed options are accepted (a usage error otherwise).
 */
export function parseCommandArgs(args: string[], options: Options, opts: { strict?: boolean } = {}): ParsedArgs {
  if (opts.strict) {
    try {
      const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true })
      return { values, positionals }
    } catch (e) {
      throw usage(firstLine((e as Error).message))
    }
  }
  const { tokens } = parseArgs({ args, options, allowPositionals: true, strict: false, tokens: true })
  const positionals: string[] = []
  const values: ParsedArgs['values'] = {}
  let lastShort = -1
  for (const t of tokens) {
    if (t.kind === 'positional') positionals.push(t.value)
    else if (t.kind === 'option' && !t.rawName.startsWith('--')) {
      // parseArgs splits `-word` into -w -o -r -d, all from one argument: keep that argument as it was.
      if (t.index !== lastShort) positionals.push(args[t.index]!)
      lastShort = t.index
    } else if (t.kind === 'option') {
      const kind = Object.prototype.hasOwnProperty.call(options, t.name) ? options[t.name]!.type : undefined
      if (!kind) throw usage(`unknown option ${t.rawName}`)
      if (kind === 'boolean') {
        if (t.inlineValue) throw usage(`${t.rawName} takes no value`)
        values[t.name] = true
      } else {
        if (t.value === undefined) throw usage(`${t.rawName} needs a value`)
        values[t.name] = t.value
      }
    }
  }
  return { positionals, values }
}
