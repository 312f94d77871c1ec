// Builds the map's Cytoscape elements from entities, claims (links are
// claims: see edgesFromClaims.ts) and co-mentions. Pure, so it is
// unit-tested without a browser.
import type { ElementDefinition } from 'cytoscape'
import type { CoMention, Entity } from '@contract/types'
import { entityType } from '@contract/vocabulary'
import type { ClaimEdgeGroup } from './edgesFromClaims'
import { iconUri } from './icons'

export interface GraphInput {
  entities: Entity[]
  coMentions: CoMention[]
  showCoMentions: boolean
  /** Claim edges (see edgesFromClaims.ts); none when omitted. */
  claimEdges?: ClaimEdgeGroup[]
  /** Node size from mentions (default) or from the number of edges shown. */
  sizeBy?: 'mentions' | 'degree'
  degree?: Map<number, number>
  /** Colours of types the project added (key → #rrggbb); built-ins come from the vocabulary. */
  typeColors?: Map<string, { label: string; color: string }>
  /** Claim edges say their best grade and number of claims ("owns · B2 · 3 claims"), or the predicate only. */
  edgeLabels?: 'predicate' | 'evidence'
  /** Lines drawn under an entity's name (its value claims: claimNodes.ts valueLines). */
  valueLines?: Map<number, string[]>
}

/** What a claim edge's label says (`display`; `label` stays the predicate, which the inspector and tests read). */
export function claimEdgeText(c: Pick<ClaimEdgeGroup, 'predicate' | 'count' | 'bestGrade' | 'link'>, mode: 'predicate' | 'evidence'): string {
  if (mode === 'predicate' || c.link) return c.count > 1 ? `${c.predicate} (${c.count})` : c.predicate
  return `${c.predicate} · ${c.bestGrade}${c.count > 1 ? ` · ${c.count} claims` : ''}`
}

/**
 * Marks edges that share their two ends with another, either way round
 * (`data.parallel`): the style draws those as curves apart from each other,
 * even on big maps and for co-mentions, which are otherwise straight lines.
 */
export function markParallel(els: ElementDefinition[]): void {
  const pairs = new Map<string, number>()
  const key = (e: ElementDefinition) => [String(e.data.source), String(e.data.target)].sort().join('|')
  for (const e of els) if (e.group === 'edges') pairs.set(key(e), (pairs.get(key(e)) ?? 0) + 1)
  for (const e of els) if (e.group === 'edges') e.data.parallel = (pairs.get(key(e)) ?? 0) > 1
}

/** Node diameter grows with the square root of mentions, within bounds. */
export function nodeSize(mentions: number): number {
  return Math.round(Math.min(84, 26 + 9 * Math.sqrt(Math.max(0, mentions))))
}

/** Node diameter by degree: a hub with many edges stands out like a much-mentioned entity. */
export function nodeSizeByDegree(degree: number): number {
  return Math.round(Math.min(84, 26 + 11 * Math.sqrt(Math.max(0, degree))))
}

export function buildElements({ entities, coMentions, showCoMentions, claimEdges = [], sizeBy = 'mentions', degree, typeColors, edgeLabels = 'predicate', valueLines }: GraphInput): ElementDefinition[] {
  const ids = new Set(entities.map((e) => e.id))
  const nodes: ElementDefinition[] = entities.map((e) => {
    const custom = typeColors?.get(e.type)
    const t = custom ? { ...custom, key: e.type } : entityType(e.type)
    const size = sizeBy === 'degree' ? nodeSizeByDegree(degree?.get(e.id) ?? 0) : nodeSize(e.mentionCount)
    return {
      group: 'nodes',
      data: { id: `e${e.id}`, entityId: e.id, label: e.name, display: [e.name, ...(valueLines?.get(e.id) ?? [])].join('\n'), type: t.label, typeKey: e.type, color: t.color, icon: iconUri(e.type), size, mentions: e.mentionCount }
    }
  })
  const edges: ElementDefinition[] = []
  for (const c of claimEdges) {
    if (!ids.has(c.sourceId) || !ids.has(c.targetId)) continue
    edges.push({
      group: 'edges',
      // A link is drawn as the analyst's own ("Your link"), not by grade.
      classes: c.link ? 'claim link' : `claim grade-${c.gradeClass}`,
      data: {
        id: c.id,
        source: `e${c.sourceId}`,
        target: `e${c.targetId}`,
        label: c.count > 1 ? `${c.predicate} (${c.count})` : c.predicate,
        display: claimEdgeText(c, edgeLabels),
        claimIds: c.claimIds,
        grade: c.bestGrade,
        gradeClass: c.gradeClass
      }
    })
  }
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
  const all = [...nodes, ...edges]
  markParallel(all)
  return all
}

/** What decides an element's look: when it changes, the element is replaced. */
export function elementSignature(e: ElementDefinition): string {
  return `${e.data.id}|${e.classes ?? ''}|${e.data.label ?? ''}|${e.data.display ?? ''}|${e.data.color ?? ''}|${e.data.size ?? ''}|${e.data.width ?? ''}|${e.data.grade ?? ''}|${e.data.parallel ? 'p' : ''}`
}

/** A key that changes only when the map's structure or styling data changes. */
export function elementsKey(els: ElementDefinition[]): string {
  return els.map(elementSignature).join(';')
}
