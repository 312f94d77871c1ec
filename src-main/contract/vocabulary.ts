// Entity and relationship types, modelled on FollowTheMoney's schemata.
// Colours are chosen to stay distinct on white (map export) and as light
// highlight tints in the reader; the key is what the project file stores.

export interface EntityTypeDef {
  key: string
  label: string
  color: string
}

export const ENTITY_TYPES: readonly EntityTypeDef[] = [
  { key: 'Person', label: 'Person', color: '#d9480f' },
  { key: 'Organization', label: 'Organization', color: '#1971c2' },
  { key: 'Company', label: 'Company', color: '#7048e8' },
  { key: 'PublicBody', label: 'Public body', color: '#2b8a3e' },
  { key: 'Location', label: 'Location', color: '#0c8599' },
  { key: 'Money', label: 'Money', color: '#e67700' },
  { key: 'Date', label: 'Date', color: '#868e96' },
  { key: 'Event', label: 'Event', color: '#c2255c' },
  { key: 'Technology', label: 'Product/Technology', color: '#5c940d' },
  { key: 'Source', label: 'Source/Outlet', color: '#495057' }
] as const

export const ENTITY_TYPE_KEYS = ENTITY_TYPES.map((t) => t.key)

const FALLBACK: EntityTypeDef = { key: 'Other', label: 'Other', color: '#495057' }

export function entityType(key: string): EntityTypeDef {
  return ENTITY_TYPES.find((t) => t.key === key) ?? { ...FALLBACK, key, label: key }
}

export interface RelationTypeDef {
  key: string
  label: string
  /** Suggested label for a new link of this type. */
  verb: string
}

export const RELATION_TYPES: readonly RelationTypeDef[] = [
  { key: 'contract', label: 'Contract', verb: 'awarded contract to' },
  { key: 'funding', label: 'Funding / investment', verb: 'invested in' },
  { key: 'ownership', label: 'Ownership', verb: 'owns' },
  { key: 'employment', label: 'Employment', verb: 'works for' },
  { key: 'membership', label: 'Membership', verb: 'is member of' },
  { key: 'partnership', label: 'Partnership', verb: 'partners with' },
  { key: 'source', label: 'Source / reporting', verb: 'reported by' },
  { key: 'conflict', label: 'Dispute / conflict', verb: 'is in dispute with' },
  { key: 'other', label: 'Other', verb: 'is related to' }
] as const

export const RELATION_TYPE_KEYS = RELATION_TYPES.map((t) => t.key)

export function relationType(key: string): RelationTypeDef {
  return RELATION_TYPES.find((t) => t.key === key) ?? { key, label: key, verb: key }
}
