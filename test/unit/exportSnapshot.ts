// The project the data-export tests share (export.*.test.ts): the fixture of
// exportFixture.ts, built once per test file, and its graph snapshot.
import { afterAll, beforeAll } from 'vitest'
import { readSnapshot } from '../../src-main/core/export/snapshot'
import type { GraphSnapshot } from '../../src-main/core/export/types'
import { tempDir } from '../support/tempDir'
import { buildProject, type Fixture } from './exportFixture'

export let t: ReturnType<typeof tempDir>
export let fx: Fixture
export let snap: GraphSnapshot
export let snapCp: GraphSnapshot

/** The links of a snapshot: claims with an entity object and no evidence. */
export const linksOf = (s: GraphSnapshot) => s.claims.filter((c) => c.objectId !== null && c.evidence.length === 0)

/** Builds the project before the file's tests (into t, fx, snap and snapCp, code-point offsets in snapCp) and closes it after. */
export function useExportProject(): void {
  beforeAll(async () => {
    t = tempDir('rwb-export-')
    fx = await buildProject(t.dir)
    snap = await readSnapshot(fx.db)
    snapCp = await readSnapshot(fx.db, { codePoints: true })
  })

  afterAll(async () => {
    await fx?.db.close()
    t?.cleanup()
  })
}
