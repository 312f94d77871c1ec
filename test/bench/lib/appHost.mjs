// The app without Electron, in its own process, for measuring the whole
// app's memory (appMemory.mjs): the built session (AppCore: main's part, with
// its database, import and suggestion workers) opening the project given,
// and the built renderer served to Chromium with the handler table behind
// the bridge (rendererHost.mjs). It loads exactly the modules the built
// Electron main (out/main/index.js) loads for these (mainModules.mjs), not
// the whole core (80 MB more at start).
// Prints `ready <origin>` once serving; SIGTERM closes the project and exits.
//   node test/bench/lib/appHost.mjs <data-dir> <project.rwb>
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadMainModules } from './mainModules.mjs'
import { serveRenderer } from './rendererHost.mjs'

const [dataDir, project] = process.argv.slice(2)
const core = await loadMainModules(['AppCore', 'createHandlers', 'dispatch'])
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
