// Builds the map's Cytoscape elements from entities, links and co-mentions.
// Pure, so it is unit-tested without a browser.
import type { ElementDefinition } from 'cytoscape'
import type { CoMention, Entity, Relation } from '@contract/types'
import { entityType, relationType } from '@contract/vocabulary'

export interface GraphInput {
  entities: Entity[]
  relations: Relation[]
  coMentions: CoMention[]
  showCoMentions: boolean
}

/** Node diameter grows with the square root of mentions, within bounds. */
export function nodeSize(mentions: number): number {
  return Math.round(Math.min(84, 26 + 9 * Math.sqrt(Math.max(0, mentions))))
}

export function buildElements({ entities, relations, coMentions, showCoMentions }: GraphInput): ElementDefinition[] {
  const ids = new Set(entities.map((e) => e.id))
  const nodes: ElementDefinition[] = entities.map((e) => {
    const t = entityType(e.type)
    return {
      group: 'nodes',
      data: { id: `e${e.id}`, entityId: e.id, label: e.name, type: t.label, color: t.color, size: nodeSize(e.mentionCount), mentions: e.mentionCount }
    }
  })
  const edges: ElementDefinition[] = relations
    .filter((r) => ids.has(r.sourceId) && ids.has(r.targetId))
    .map((r) => ({
      group: 'edges',
      classes: 'relation',
      data: { id: `r${r.id}`, relationId: r.id, source: `e${r.sourceId}`, target: `e${r.targetId}`, label: r.label || relationType(r.type).verb, type: r.type }
    }))
  if (showCoMentions) {
    for (const c of coMentions) {
      if (!ids.has(c.a) || !ids.has(c.b)) continue
      edges.push({
        group: 'edges',
        classes: 'comention',
        data: { id: `c${c.a}-${c.b}`, source: `e${c.a}`, target: `e${c.b}`, count: c.count, width: Math.min(6, 1 + Math.log2(c.count + 1)) }
      })
    }
  }
  return [...nodes, ...edges]
}

/** A key that changes only when the map's structure or styling data changes. */
export function elementsKey(els: ElementDefinition[]): string {
  return els.map((e) => `${e.data.id}|${e.data.label ?? ''}|${e.data.color ?? ''}|${e.data.size ?? ''}|${e.data.width ?? ''}`).join(';')
}
