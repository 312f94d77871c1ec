// A map for the room and keyboard tests: ten entities of several types in a
// wide, shallow zigzag (saved places, so no layout runs and every position is
// known), linked in a chain by analyst judgements, two of them with a second
// link. Made through the API as tagging would; the page is reloaded so the
// app reads it like a project it opened.
import type { Page } from '@playwright/test'

export const NAMES = ['Scale AI', 'Pentagon', 'Alexandr Wang', 'Meta', 'NextFin', 'Bloomberg', 'TSG Invest', 'Marcus Thorne', 'Department of Defense', 'Accel']
/** Type keys (contract/vocabulary.ts). */
const TYPES = ['Company', 'PublicBody', 'Person', 'Company', 'Source', 'Source', 'Company', 'Person', 'PublicBody', 'Company']

export async function invoke<T>(page: Page, method: string, args: unknown = {}): Promise<T> {
  const res = await page.evaluate(
    ([m, a]) => (window as unknown as { rwb: { invoke(m: string, a: unknown): Promise<{ ok: boolean; value?: unknown; error?: { message: string } }> } }).rwb.invoke(m as string, a),
    [method, args] as const
  )
  if (!res.ok) throw new Error(`${method}: ${res.error?.message}`)
  return res.value as T
}

/** Makes the map; returns the entity ids in left-to-right order. */
export async function makeRoomMap(page: Page): Promise<number[]> {
  const ids: number[] = []
  for (let i = 0; i < NAMES.length; i++) ids.push((await invoke<{ id: number }>(page, 'entities.create', { name: NAMES[i], type: TYPES[i] })).id)
  const link = (a: number, b: number, predicate: string) => invoke(page, 'claims.create', { subjectId: a, predicate, object: { kind: 'entity', entityId: b }, analystJudgement: true })
  for (let i = 0; i + 1 < ids.length; i++) await link(ids[i]!, ids[i + 1]!, i % 2 ? 'reported by' : 'works with')
  await link(ids[0]!, ids[2]!, 'funds')
  await link(ids[0]!, ids[3]!, 'competes with')
  const maps = await invoke<{ id: number }[]>(page, 'maps.list')
  const positions = ids.map((entityId, i) => ({ entityId, x: i * 220, y: i % 2 ? 90 : 0, pinned: false }))
  await invoke(page, 'maps.update', { id: maps[0]!.id, positions, replacePositions: true })
  await page.reload()
  await page.locator('.app[data-ready="true"]').waitFor()
  return ids
}
