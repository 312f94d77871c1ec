#!/usr/bin/env node
// `rwb`, the Research Workbench command line (README: "Command line").
// The CLI is bundled with the core into out/main/cli.js by `npm run build`;
// this launcher only finds it. Plain Node 20+, no Electron.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const cli = new URL('../out/main/cli.js', import.meta.url)
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write(`rwb: the command line is not built yet: run \`npm run build\` in ${fileURLToPath(new URL('..', import.meta.url))}\n`)
  process.exit(2)
}
await import(cli.href)
