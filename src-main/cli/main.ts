// Entry of the `rwb` command line (bundled to out/main/cli.js; bin/rwb.mjs
// starts it). Runs the command given on the command line and exits with its
// code. Plain Node 20: nothing here or below imports electron.
import { format } from 'node:util'
import { runCli } from './cli'

// stdout carries only the command's output (JSON, a document's text ...):
// any library chatter goes to stderr.
for (const level of ['log', 'info', 'warn', 'debug'] as const) {
  console[level] = (...args: unknown[]) => void process.stderr.write(`${format(...args)}\n`)
}

// A closed pipe (`rwb text ... | head`) ends the command quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0)
})

function fatal(e: unknown): never {
  process.stderr.write(`rwb: unexpected error: ${e instanceof Error ? e.message : String(e)}\n`)
  process.exit(1)
}
process.on('uncaughtException', fatal)
process.on('unhandledRejection', fatal)

let interrupts = 0
const code = await runCli(process.argv.slice(2), {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  isTty: Boolean(process.stdout.isTTY),
  onInterrupt(stop) {
    process.on('SIGINT', () => {
      // First Ctrl-C: finish the current file and save; a second one quits now.
      if (++interrupts > 1) process.exit(130)
      process.stderr.write('rwb: stopping after the current file (Ctrl-C again to quit without saving)\n')
      stop()
    })
  }
})

// Exit once everything written has been handed over (pipes can be asynchronous).
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)))
