// The project the export-format tests share (exportFormats.*.test.ts): the
// claims fixture (claimsFixture.ts), built once per test file, its snapshot,
// and each claim's expected meaning as the formats write it.
import { afterAll, beforeAll } from 'vitest'
import { readSnapshot } from '../../src-main/core/export/snapshot'
import type { GraphSnapshot } from '../../src-main/core/export/types'
import { tempDir } from '../support/tempDir'
import { buildClaimsProject, type ClaimsFixture, type ExpectedClaim } from './claimsFixture'

export let t: ReturnType<typeof tempDir>
export let fx: ClaimsFixture
export let snap: GraphSnapshot

/** Builds the claims project before the file's tests (into t, fx and snap) and closes it after. */
export function useClaimsProject(): void {
  beforeAll(async () => {
    t = tempDir('rwb-export-formats-')
    fx = await buildClaimsProject(t.dir)
    snap = await readSnapshot(fx.db, { codePoints: true, coMentions: true, contentHashes: true })
  }, 60_000)

  afterAll(async () => {
    await fx?.db.close()
    t?.cleanup()
  })
}

export const expected = () => Object.values(fx.claims)
export const attributionText = (c: ExpectedClaim) => c.attribution.map(([role, name]) => `${role} ${name} [e${entityIdOf(name)}]`).join(' → ')
export const entityIdOf = (name: string) => snap.entities.find((e) => e.name === name)!.id
/** The value as the model writes it in text: qualifier first. */
export function valueText(c: ExpectedClaim): string {
  const q = c.qualifier === 'exact' ? '' : `${c.qualifier} `
  const o = c.object
  if (o.kind === 'entity') return c.objectName!
  if (o.kind === 'money') return `${q}${o.amount} ${o.currency}`
  if (o.kind === 'date') return `${q}${o.date}`
  if (o.kind === 'number') return `${q}${o.value}${o.unit ? ` ${o.unit}` : ''}`
  return `${q}${o.text}`
}
