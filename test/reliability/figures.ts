// Tests write the figures `npm run reliability` prints (kill trials, corrupt
// files tried, hostile calls sent...) to test-results/reliability/<name>.json.
// Numbers come only from what a test actually ran.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { REPO_ROOT } from '../support/tempDir'

export const RESULTS_DIR = join(REPO_ROOT, 'test-results', 'reliability')

export function mkResults(): string {
  mkdirSync(RESULTS_DIR, { recursive: true })
  return RESULTS_DIR
}

export function recordFigures(name: string, figures: Record<string, unknown>): void {
  mkResults()
  writeFileSync(join(RESULTS_DIR, `${name}.json`), JSON.stringify({ ...figures, writtenAt: new Date().toISOString() }, null, 2))
}
