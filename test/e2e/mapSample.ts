// The sample article's map material, as the map tests make it: the 8
// entities tagged in the reader (tagNewEntity, as an analyst does) and the 4
// claims of the article with passages, attribution chains and grades (made
// through the API, as the claim form saves them; tagging.spec.ts makes two of
// them through the form itself).
import { expect, type Page } from '@playwright/test'
import { tagNewEntity } from './actions'
import { invoke } from './mapRoomSetup'

export const ENTITIES: [string, string][] = [
  ['Scale AI', 'Company'],
  ['Department of Defense', 'Public body'],
  ['Pentagon', 'Public body'],
  ['NextFin', 'Source/Outlet'],
  ['Bloomberg', 'Source/Outlet'],
  ['TSG Invest', 'Source/Outlet'],
  ['Marcus Thorne', 'Person'],
  ['Global Security Institute', 'Organization']
]

/** Tags the 8 entities and makes the 4 claims; returns the entity ids by name. */
export async function makeSampleClaims(page: Page): Promise<(name: string) => number> {
  const before = (await invoke<unknown[]>(page, 'entities.list')).length
  for (const [name, type] of ENTITIES) await tagNewEntity(page, name, type)
  await expect(page.getByRole('listbox', { name: 'Entity list' }).getByRole('option')).toHaveCount(before + ENTITIES.length)

  // The four claims of the article, with passages, attribution chains and grades (through the API, as the claim form saves them).
  const ents = await invoke<{ id: number; name: string }[]>(page, 'entities.list')
  const id = (name: string) => ents.find((e) => e.name === name)!.id
  const [doc] = await invoke<{ id: number }[]>(page, 'documents.list')
  const text = (await invoke<{ text: string }>(page, 'documents.get', { id: doc!.id })).text
  const passage = (quote: string) => {
    const at = text.indexOf(quote)
    expect(at, quote).toBeGreaterThan(0)
    return { documentId: doc!.id, start: at, end: at + quote.length }
  }
  const claims = [
    {
      subjectId: id('Scale AI'),
      predicate: 'valuation',
      object: { kind: 'money', amount: '29000000000', currency: 'USD' },
      qualifier: 'up to',
      passage: passage('valuation fluctuate as high as $29 billion'),
      attribution: [
        { entityId: id('NextFin'), role: 'reported by' },
        { entityId: id('TSG Invest'), role: 'according to' }
      ],
      reliability: 'B',
      credibility: 2
    },
    {
      subjectId: id('Department of Defense'),
      predicate: 'awarded contract to',
      object: { kind: 'entity', entityId: id('Scale AI') },
      passage: passage('awarded Scale AI a $500 million contract'),
      attribution: [{ entityId: id('NextFin'), role: 'reported by' }],
      reliability: 'B',
      credibility: 2,
      status: 'corroborated'
    },
    {
      subjectId: id('Scale AI'),
      predicate: 'deploys data foundry for',
      object: { kind: 'entity', entityId: id('Department of Defense') },
      passage: passage('the agreement allows Scale AI to deploy its advanced data foundry'),
      attribution: [
        { entityId: id('NextFin'), role: 'reported by' },
        { entityId: id('Bloomberg'), role: 'according to' }
      ],
      reliability: 'C',
      credibility: 3
    },
    {
      subjectId: id('Scale AI'),
      predicate: 'gains access to classified data of',
      object: { kind: 'entity', entityId: id('Pentagon') },
      passage: passage('granting deep access to classified data pools'),
      attribution: [{ entityId: id('Marcus Thorne'), role: 'said' }],
      reliability: 'D',
      credibility: 4
    }
  ]
  for (const c of claims) await invoke(page, 'claims.create', c)
  return id
}
