import { defineConfig } from '@playwright/test'

// The harness launches Chromium itself (see test/e2e/harness.ts), so no
// browser is configured here. Two cores: one worker keeps timings honest.
export default defineConfig({
  testDir: 'test',
  testMatch: ['e2e/**/*.spec.ts', 'electron/**/*.spec.ts'],
  workers: 1,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'test-results/e2e.json' }]] : [['list']],
  outputDir: 'test-results/artifacts'
})
