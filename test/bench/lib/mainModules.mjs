// The core's classes as the app's main process has them: only the chunks the
// built Electron main (out/main/index.js) imports are loaded, not the whole
// core (out/main/core.js also holds the importers, jsdom and the report
// writer, which main loads only inside its workers or when used). A
// benchmark that watches main's loop must run with main's heap: with the
// whole core loaded, main's heap was 44–60 MB instead of 11–15 MB during an
// import, and its major collections took up to 24 ms instead of 7.
//
// Names are read from core.js's imports (`import { o as ProjectDb } from
// "./appCore-….js"`), so a class core.js exports is found in whichever chunk
// the bundler put it; a name whose chunk main does not import is an error,
// as it would load code main does not have.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { OUT_MAIN, useBuiltWorkers } from './paths.mjs'

const IMPORT_LINE = /^import \{([^}]*)\} from "\.\/([^"]+)";/gm

/** `{ local: [chunk file, exported name] }` for each binding of `file`'s import lines. */
function bindings(file) {
  const src = readFileSync(join(OUT_MAIN, file), 'utf8')
  const out = {}
  for (const m of src.matchAll(IMPORT_LINE)) {
    for (const b of m[1].split(',').map((s) => s.trim()).filter(Boolean)) {
      const [exported, local = exported] = b.split(/\s+as\s+/)
      out[local] = [m[2], exported]
    }
  }
  return out
}

/** The named exports of core.js (e.g. 'AppCore', 'ProjectDb'), loaded from main's own chunks only. */
export async function loadMainModules(names) {
  useBuiltWorkers()
  const mainChunks = new Set(Object.values(bindings('index.js')).map(([chunk]) => chunk))
  const core = bindings('core.js')
  const out = {}
  for (const name of names) {
    const where = core[name]
    if (!where) throw new Error(`out/main/core.js does not export ${name}: the benchmark needs updating`)
    if (!mainChunks.has(where[0])) throw new Error(`${name} is in ${where[0]}, which out/main/index.js does not load: main would not have it`)
    const mod = await import(pathToFileURL(join(OUT_MAIN, where[0])).href)
    out[name] = mod[where[1]]
  }
  return out
}
