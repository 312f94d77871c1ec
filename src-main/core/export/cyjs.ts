// Cytoscape JSON (.cyjs), as Cytoscape desktop's File → Import → Network
// reads it (and cytoscape.js takes `elements` as is): network attributes in
// `data`, nodes with `id`, `name` (Cytoscape's label column) and the entity
// attributes (common.ts NODE_ATTRS, aliases and value claims as JSON lists,
// not as text), edges with `id`, `source`, `target`, `interaction` (the
// edge's kind: claim / judgement / co-mention) and `name` in Cytoscape's
// "A (interaction) B" form plus EDGE_ATTRS, and a starting ring position.
import { EDGE_ATTRS, graphOf, NODE_ATTRS, ringPosition, valueClaimJson } from './common'
import type { GraphSnapshot } from './types'

function attrs<T>(defs: { name: string; of: (x: T) => unknown }[], x: T): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const d of defs) {
    const v = d.of(x)
    if (v !== undefined) out[d.name] = v
  }
  return out
}

export function toCyjsObject(s: GraphSnapshot): Record<string, unknown> {
  const { nodes, edges } = graphOf(s)
  return {
    format_version: '1.0',
    generated_by: 'Research Workbench',
    target_cytoscapejs_version: '~2.1',
    data: { name: s.project.name, shared_name: s.project.name, exported_at: s.exportedAt, directed: true },
    elements: {
      nodes: nodes.map((n, i) => ({
        data: {
          id: n.id,
          name: n.label,
          shared_name: n.label,
          ...attrs(NODE_ATTRS, n),
          aliases: n.aliases,
          value_claims: n.values.map(valueClaimJson)
        },
        position: ringPosition(i)
      })),
      edges: edges.map((e) => ({
        data: {
          id: e.id,
          source: e.source,
          target: e.target,
          interaction: e.kind,
          shared_interaction: e.kind,
          name: `${e.sourceLabel} (${e.kind}) ${e.targetLabel}`,
          shared_name: `${e.sourceLabel} (${e.kind}) ${e.targetLabel}`,
          ...attrs(EDGE_ATTRS, e),
          ...(e.claim ? { attribution_chain: e.claim.attribution, passages_list: e.claim.evidence.map((p) => ({ document: p.documentId, start: p.start, end: p.end, quote: p.quote })) } : {})
        }
      }))
    }
  }
}

export function toCyjs(s: GraphSnapshot): string {
  return JSON.stringify(toCyjsObject(s), null, 2) + '\n'
}
