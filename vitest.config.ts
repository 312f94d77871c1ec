import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    globalSetup: ['test/unit/globalSetup.ts'],
    env: { RWB_DB_WORKER: resolve(import.meta.dirname, 'test/.cache/db-worker.js') },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks'
  }
})
