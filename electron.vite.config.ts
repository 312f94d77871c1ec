import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import { METHOD_NAMES } from './src-main/contract/api'

const here = (p: string) => resolve(import.meta.dirname, p)

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
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
    build: {
      outDir: here('out/renderer'),
      rollupOptions: { input: here('src-renderer/index.html') }
    }
  }
})
