// The app without Electron, in its own process, for measuring the whole
// app's memory (appMemory.mjs): the built session (AppCore: main's part, with
// its database, import and suggestion workers) opening the project given,
// and the built renderer served to Chromium with the handler table behind
// the bridge (rendererHost.mjs). It loads exactly the modules the built
// Electron main (out/main/index.js) loads for these, read from its imports,
// not the whole core (out/main/core.js also holds the importers and the
// report writer, which main loads only when used: 80 MB more at start).
// Prints `ready <origin>` once serving; SIGTERM closes the project and exits.
//   node test/bench/lib/appHost.mjs <data-dir> <project.rwb>
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { OUT_MAIN } from './paths.mjs'
import { serveRenderer } from './rendererHost.mjs'

/** The named exports main's `import { x as Name } from "./chunk.js"` lines bring in. */
async function mainImports(names) {
  const src = readFileSync(join(OUT_MAIN, 'index.js'), 'utf8')
  const out = {}
  for (const m of src.matchAll(/^import \{([^}]*)\} from "\.\/([^"]+)";/gm)) {
    const bindings = m[1].split(',').map((b) => b.trim().split(/\s+as\s+/))
    const wanted = bindings.filter(([, local]) => names.includes(local))
    if (!wanted.length) continue
    const mod = await import(pathToFileURL(join(OUT_MAIN, m[2])).href)
    for (const [exported, local] of wanted) out[local] = mod[exported]
  }
  for (const n of names) if (!out[n]) throw new Error(`out/main/index.js does not import ${n}: the bench's app host needs updating`)
  return out
}

const [dataDir, project] = process.argv.slice(2)
for (const [env, file] of [['RWB_DB_WORKER', 'db-worker.js'], ['RWB_IMPORT_WORKER', 'import-worker.js'], ['RWB_SUGGEST_WORKER', 'suggest-worker.js']]) {
  process.env[env] ??= join(OUT_MAIN, file)
}
const core = await mainImports(['AppCore', 'createHandlers', 'dispatch'])
mkdirSync(dataDir, { recursive: true })
// The project as the last one opened, and a user name chosen (no first-start prompt over the library).
writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ lastProject: project, recent: [], userName: 'Bench' }))
const native = { showOpenDialog: async () => [], showSaveDialog: async () => null, emit: () => {} }
const app = new core.AppCore({ dataDir, seedsDir: null, native, saveDelayMs: 600_000 })
const handlers = core.createHandlers(app)
const { server, origin } = await serveRenderer((method, args) => core.dispatch(handlers, method, args))
process.on('SIGTERM', () => {
  server.close()
  void app.shutdown().finally(() => process.exit(0))
})
process.stdout.write(`ready ${origin}\n`)
