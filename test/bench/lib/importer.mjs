// The importer as the app builds it, for the import benchmarks: the import
// worker is the app's own build (out/main/import-worker.js, made by
// `npm run bench`), and the client side (isolated.ts, importFile.ts) is
// bundled here by Vite the same way, since the core bundle does not export it.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { OUT_MAIN, REPO_ROOT, useBuiltWorkers } from './paths.mjs'

let loaded = null

export function loadImporter() {
  loaded ??= load()
  return loaded
}

async function load() {
  const worker = join(OUT_MAIN, 'import-worker.js')
  if (!existsSync(worker)) throw new Error(`${worker} is missing: run \`npx electron-vite build\` first (npm run bench does).`)
  useBuiltWorkers()
  const outDir = join(REPO_ROOT, 'test/.cache/bench-importer')
  const { build } = await import('vite')
  await build({
    configFile: false,
    root: REPO_ROOT,
    logLevel: 'warn',
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      rollupOptions: {
        input: {
          isolated: join(REPO_ROOT, 'src-main/core/import/isolated.ts'),
          importFile: join(REPO_ROOT, 'src-main/core/import/importFile.ts')
        },
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' }
      }
    }
  })
  const isolated = await import(pathToFileURL(join(outDir, 'isolated.js')).href)
  const importFile = await import(pathToFileURL(join(outDir, 'importFile.js')).href)
  return { ...importFile, ...isolated }
}

/** Runs `fn` `rounds` times after `warmup` runs; the durations in ms. */
export async function timeRuns(fn, rounds, warmup = 1) {
  for (let i = 0; i < warmup; i++) await fn()
  const ms = []
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now()
    await fn()
    ms.push(performance.now() - t0)
  }
  return ms
}
