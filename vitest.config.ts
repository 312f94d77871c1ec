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
    pool: 'forks'
  }
})
