// The legend: which entity types and which kinds of edge the map shows.
// The same entries feed the on-screen legend and the exported images.
import type { ElementDefinition } from 'cytoscape'
import { EDGE_LOOK } from './mapStyle'
import type { LegendEntry } from './tiling'

export type EdgeKind = keyof typeof EDGE_LOOK

const EDGE_ORDER: EdgeKind[] = ['strong', 'weak', 'disputed', 'link', 'comention', 'claimpart', 'attribution']

/** Says what an edge label like "owns · B2 · 3 claims" means, when the map draws such labels. */
export const GRADE_LABEL_NOTE = 'Label: predicate · best grade (A–F, 1–6) · claims'

/** What the claim and value nodes of the claims-as-nodes view mean. */
const NODE_NOTES: Record<string, string> = { claim: 'Claim: predicate · grade', value: 'Value (amount, date, text)' }

/** The edge kind of an element's classes, or null for a node. */
export function edgeKindOf(classes: string | undefined): EdgeKind | null {
  if (!classes) return null
  if (classes.includes('grade-strong')) return 'strong'
  if (classes.includes('grade-weak')) return 'weak'
  if (classes.includes('grade-disputed')) return 'disputed'
  if (/\blink\b/.test(classes)) return 'link'
  if (classes.includes('comention')) return 'comention'
  if (classes.includes('claimpart')) return 'claimpart'
  if (classes.includes('attribution')) return 'attribution'
  return null
}

export function legendEntries(elements: ElementDefinition[]): LegendEntry[] {
  const types = new Map<string, { label: string; color: string; type: string }>()
  const kinds = new Set<EdgeKind>()
  let graded = false
  for (const e of elements) {
    if (e.group === 'nodes') {
      const note = NODE_NOTES[e.data.typeKey as string]
      const color = e.data.typeKey === 'claim' ? EDGE_LOOK.strong.color : (e.data.color as string)
      if (!types.has(e.data.type as string)) types.set(e.data.type as string, { label: note ?? (e.data.type as string), color, type: e.data.typeKey as string })
    } else {
      const k = edgeKindOf(e.classes as string | undefined)
      if (k) kinds.add(k)
      // A label that says more than the predicate: the grade (and count) after a "·".
      if ((k === 'strong' || k === 'weak' || k === 'disputed') && String(e.data.display ?? '').includes(' · ')) graded = true
    }
  }
  const out: LegendEntry[] = [...types.values()].map((t) => ({ label: t.label, swatch: { kind: 'node', color: t.color, type: t.type } }))
  for (const k of EDGE_ORDER) {
    if (!kinds.has(k)) continue
    const look = EDGE_LOOK[k]
    out.push({ label: look.label, swatch: { kind: 'edge', color: look.color, dash: [...look.dash], width: look.width, arrow: k !== 'comention' } })
  }
  if (graded) out.push({ label: GRADE_LABEL_NOTE, swatch: { kind: 'edge', color: '#424a53', dash: [], width: 1, arrow: false } })
  return out
}
