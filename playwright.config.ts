import { defineConfig } from '@playwright/test'

// The harness launches Chromium itself (see test/e2e/harness.ts), so no
// browser is configured here. Two cores: one worker keeps timings honest.
export default defineConfig({
  testDir: 'test',
  testMatch: ['e2e/**/*.spec.ts', 'electron/**/*.spec.ts'],
  workers: 1,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results/artifacts'
})
