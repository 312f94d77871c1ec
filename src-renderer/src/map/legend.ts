// The legend: which entity types and which kinds of edge the map shows.
// The same entries feed the on-screen legend and the exported images.
import type { ElementDefinition } from 'cytoscape'
import { EDGE_LOOK } from './mapStyle'
import type { LegendEntry } from './tiling'

export type EdgeKind = keyof typeof EDGE_LOOK

const EDGE_ORDER: EdgeKind[] = ['strong', 'weak', 'disputed', 'link', 'comention']

/** The edge kind of an element's classes, or null for a node. */
export function edgeKindOf(classes: string | undefined): EdgeKind | null {
  if (!classes) return null
  if (classes.includes('grade-strong')) return 'strong'
  if (classes.includes('grade-weak')) return 'weak'
  if (classes.includes('grade-disputed')) return 'disputed'
  if (/\blink\b/.test(classes)) return 'link'
  if (classes.includes('comention')) return 'comention'
  return null
}

export function legendEntries(elements: ElementDefinition[]): LegendEntry[] {
  const types = new Map<string, { label: string; color: string; type: string }>()
  const kinds = new Set<EdgeKind>()
  for (const e of elements) {
    if (e.group === 'nodes') {
      if (!types.has(e.data.type as string)) types.set(e.data.type as string, { label: e.data.type as string, color: e.data.color as string, type: e.data.typeKey as string })
    } else {
      const k = edgeKindOf(e.classes as string | undefined)
      if (k) kinds.add(k)
    }
  }
  const out: LegendEntry[] = [...types.values()].map((t) => ({ label: t.label, swatch: { kind: 'node', color: t.color, type: t.type } }))
  for (const k of EDGE_ORDER) {
    if (!kinds.has(k)) continue
    const look = EDGE_LOOK[k]
    out.push({ label: look.label, swatch: { kind: 'edge', color: look.color, dash: [...look.dash], width: look.width, arrow: k !== 'comention' } })
  }
  return out
}
