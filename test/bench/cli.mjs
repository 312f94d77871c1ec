// `rwb` start-up: how long the built command line takes to list the
// documents of a one-article project, from spawning Node to its exit, as a
// person at a terminal or a script waits for it. Target from issue #15:
// <= 300 ms (median of 10 runs, after one warm-up run that fills the disk
// cache). Bare Node and `rwb --help` are measured the same way, as the floor
// the command stands on; only `documents` has a target.
//
// The project is the seed article, written by the current version's core.
//
// Alone: `npx electron-vite build && node test/bench/run.mjs cli`.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { loadCore } from './lib/core.mjs'
import { OUT_MAIN, REPO_ROOT } from './lib/paths.mjs'
import { median, round } from './lib/stats.mjs'
import { tempDir } from './lib/tempDir.mjs'

export const CLI_DOCUMENTS_TARGET_MS = 300
const RUNS = 10

const RWB = join(REPO_ROOT, 'bin/rwb.mjs')

function run(args) {
  const t0 = performance.now()
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  const ms = performance.now() - t0
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${r.status}: ${(r.stderr || r.stdout).trim().slice(0, 300)}`)
  return { ms, stdout: r.stdout }
}

/** Median wall time of RUNS runs after one warm-up; `check` looks at the warm-up's output. */
function timed(args, check = () => {}) {
  check(run(args).stdout)
  const ms = []
  for (let i = 0; i < RUNS; i++) ms.push(run(args).ms)
  return ms
}

/**
 * The one-article project, written by the app's own core (the seed article
 * parsed in-process and inserted through the database worker, then saved).
 * Not through `rwb import`: its import worker has a 20 s cap that a heavily
 * loaded machine can exceed before the article is even read.
 */
async function makeProject(path, seed) {
  const { core } = await loadCore()
  const file = core.readForImport(seed)
  const doc = core.parseForImport(file)
  const db = await core.ProjectDb.open(path, { create: true })
  await db.call('documents.insertMany', {
    documents: [{ ...doc, sourcePath: seed, mediaType: file.mediaType, sha256: file.sha256, original: new Uint8Array(file.bytes) }]
  })
  await db.close()
}

export async function benchCli({ log }) {
  if (!existsSync(join(OUT_MAIN, 'cli.js'))) throw new Error('out/main/cli.js is missing: run `npx electron-vite build` first (npm run bench does).')
  const tmp = tempDir('rwb-bench-cli-')
  try {
    const seedDir = join(REPO_ROOT, 'seeds')
    const seed = join(seedDir, readdirSync(seedDir).find((f) => f.endsWith('.txt')))
    const project = join(tmp.dir, 'one.rwb')
    await makeProject(project, seed)

    const bare = timed(['-e', '0'])
    const help = timed([RWB, '--help'], (out) => {
      if (!out.startsWith('Usage: rwb')) throw new Error('rwb --help printed no usage')
    })
    // The table, as a person types it (the 0.75 s); --json is checked once.
    const list = JSON.parse(run([RWB, 'documents', project, '--json']).stdout)
    if (list.length !== 1) throw new Error(`expected one document, rwb documents --json listed ${list.length}`)
    const documents = timed([RWB, 'documents', project], (out) => {
      const rows = out.split('\n').filter(Boolean)
      if (rows.length !== 2 || !rows[1].includes(list[0].title.slice(0, 20))) throw new Error(`rwb documents printed ${JSON.stringify(out.slice(0, 300))}`)
    })
    const show = (ms) => `median ${round(median(ms), 0)} ms (${ms.map((x) => round(x, 0)).join(', ')})`
    log(`bare node:      ${show(bare)}`)
    log(`rwb --help:     ${show(help)}`)
    log(`rwb documents:  ${show(documents)}`)
    return [
      { name: 'cli_documents_ms', value: round(median(documents), 0), unit: 'ms', target: CLI_DOCUMENTS_TARGET_MS, stat: 'median', samples: documents.map((x) => round(x)) },
      { name: 'cli_help_ms', value: round(median(help), 0), unit: 'ms', stat: 'median' },
      { name: 'cli_bare_node_ms', value: round(median(bare), 0), unit: 'ms', stat: 'median' }
    ]
  } finally {
    tmp.cleanup()
  }
}
