// What the AppCore tests (appCore.*.test.ts) share: a fresh data folder per
// test, AppCores over it with a ScriptedNative (all shut down after each test),
// and a reader of project files straight from disk.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach } from 'vitest'
import { AppCore, type AppCoreOptions } from '../../src-main/core/app/appCore'
import { loadSqlJs } from '../../src-main/core/db/sqlite'
import { ScriptedNative } from './scriptedNative'
import { SEEDS_DIR, tempDir } from './tempDir'

export const SEED_TITLE = 'Scale AI Secures $500 Million Pentagon Deal to Power Classified AI Systems'
export const DEFAULT_FILE = 'Research Workbench.rwb'

export let t: ReturnType<typeof tempDir>
export let dataDir: string
export const cores: AppCore[] = []

export function makeCore(opts: Partial<AppCoreOptions> = {}): { core: AppCore; native: ScriptedNative } {
  const native = new ScriptedNative()
  const core = new AppCore({ dataDir, seedsDir: SEEDS_DIR, native, saveDelayMs: 60_000, ...opts })
  cores.push(core)
  return { core, native }
}

/** Reads a project file straight from disk with sql.js (no worker, no migrations). */
export async function readProjectFile(path: string): Promise<{ documents: string[]; entities: string[] }> {
  const SQL = await loadSqlJs()
  const db = new SQL.Database(readFileSync(path))
  try {
    const col = (sql: string) => (db.exec(sql)[0]?.values ?? []).map((r) => String(r[0]))
    return { documents: col('SELECT title FROM documents ORDER BY id'), entities: col('SELECT name FROM entities ORDER BY id') }
  } finally {
    db.close()
  }
}

/** Registers the file's beforeEach (a fresh temp folder, dataDir inside it) and afterEach (every core shut down, the folder removed). */
export function useAppCoreSession(): void {
  beforeEach(() => {
    t = tempDir()
    dataDir = join(t.dir, 'data')
  })

  afterEach(async () => {
    for (const c of cores.splice(0)) await c.shutdown().catch(() => {})
    t.cleanup()
  })
}
