import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { alias: { '@contract': resolve(import.meta.dirname, 'src-main/contract') } },
  test: {
    include: ['test/unit/**/*.test.ts'],
    globalSetup: ['test/unit/globalSetup.ts'],
    env: {
      RWB_DB_WORKER: resolve(import.meta.dirname, 'test/.cache/db-worker.js'),
      RWB_IMPORT_WORKER: resolve(import.meta.dirname, 'test/.cache/import-worker.js'),
      RWB_SUGGEST_WORKER: resolve(import.meta.dirname, 'test/.cache/suggest-worker.js')
    },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // pdf.js can leave a rejected promise behind after it has answered for a
    // damaged file (an internal one of its in-thread worker, e.g. a bad XRef
    // entry). The app reads PDFs only in its import worker, which ignores
    // such rejections (import/worker/importWorker.ts); the property tests also
    // parse damaged PDFs in the test process, where vitest would count the
    // same leftover as a failed run. Only those are let through: anything
    // else, or anything thrown outside pdf.js, still fails the run.
    onUnhandledError(error) {
      const fromPdfJs = /pdfjs-dist[\\/]/.test(error.stack ?? '') && /Exception$|^FormatError$/.test(error.name ?? '')
      if (fromPdfJs) console.warn(`ignored pdf.js's leftover rejection (${error.name}: ${error.message})`)
      return fromPdfJs ? false : undefined
    }
  }
})
