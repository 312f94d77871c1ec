import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export function tempDir(prefix = 'rwb-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

export const REPO_ROOT = join(import.meta.dirname, '../..')
export const SHARED = join(REPO_ROOT, '../shared')
export const SEEDS_DIR = join(REPO_ROOT, 'seeds')
