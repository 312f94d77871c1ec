import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import { METHOD_NAMES } from './src-main/contract/api'

const here = (p: string) => resolve(import.meta.dirname, p)

// The renderer's scripts are minified (electron-vite leaves them as they
// are by default), and in ASCII: anything else is written as \u escapes. One
// character past Latin-1 in a script (an ellipsis, a curly quote) makes
// Blink's script cache and V8's source string each hold all of it as UTF-16:
// the 2.6 MB main bundle took 5.2 MB in each. Minified and in ASCII it is
// 1.3 MB, held at one byte a character (the renderer at the map: about 5 MB
// less in the whole-app figure). The minified names cost nothing here: the
// app reads no function or class name at run time (ApiCallError sets its own).
const ASCII_MINIFY = { compress: true, mangle: true, codegen: { asciiOnly: true } }

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // zod is bundled (tree-shaken into the contract chunk), not loaded from
      // node_modules: as a package it is some sixty ES modules, and main's RSS
      // grew 12.7 MB on importing it; bundled, main's modules take 4.7 MB less
      // (measured importing main's chunks in plain Node). Every other
      // dependency main loads at start is Electron's or Node's own.
      externalizeDeps: { exclude: ['zod'] },
      rollupOptions: {
        input: {
          // The Electron shell (the only main-side module that imports electron).
          index: here('src-main/electron/main.ts'),
          // The database worker thread, found beside index.js at run time.
          'db-worker': here('src-main/core/db/worker.ts'),
          // The import worker thread (parsing files off main's loop), found the same way.
          'import-worker': here('src-main/core/import/worker/importWorker.ts'),
          // The entity-suggestion worker thread (the language model runs there), found the same way.
          'suggest-worker': here('src-main/core/suggest/suggestWorker.ts'),
          // The Electron-free core, loaded as is by the e2e harness and bench.
          core: here('src-main/core/index.ts'),
          // The `rwb` command line (plain Node; bin/rwb.mjs imports it).
          cli: here('src-main/cli/main.ts')
        },
        // Chunks sit beside the entries: the DB client finds db-worker.js relative to itself.
        output: {
          format: 'es',
          entryFileNames: '[name].js',
          chunkFileNames: '[name]-[hash].js',
          // The API contract (schemas and method names) in a chunk of its own: left to
          // itself, the bundler put it with the export snapshot reader (which the database
          // worker shares), so main also loaded parse5, chardet and iconv-lite at start.
          manualChunks: (id) => (id.includes('/src-main/contract/') ? 'contract' : undefined)
        }
      }
    }
  },
  preload: {
    // The sandboxed preload cannot load packages (zod): its allow-list is the
    // contract's method list, written in at build time.
    define: { __RWB_METHOD_NAMES__: JSON.stringify(METHOD_NAMES) },
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: here('src-main/preload/index.ts') },
        // A sandboxed preload must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: here('src-renderer'),
    base: './',
    plugins: [react()],
    resolve: { alias: { '@contract': here('src-main/contract') } },
    // The map's layout and PNG workers, the same way.
    worker: { rollupOptions: { output: { minify: ASCII_MINIFY } } },
    build: {
      outDir: here('out/renderer'),
      rollupOptions: { input: here('src-renderer/index.html'), output: { minify: ASCII_MINIFY } }
    }
  }
})
