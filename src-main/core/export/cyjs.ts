// Cytoscape JSON (.cyjs), as Cytoscape desktop's File → Import → Network
// reads it (and cytoscape.js takes `elements` as is): network attributes in
// `data`, nodes with `id`, `name` (Cytoscape's label column) and the entity
// attributes, edges with `id`, `source`, `target`, `interaction` ("claim":
// links are analyst-judgement claims) and `name` in Cytoscape's "A (interaction) B" form, and a
// starting ring position for every node.
import { graphOf, ringPosition } from './common'
import type { GraphSnapshot } from './types'

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
          label: n.label,
          type: n.type,
          type_label: n.typeLabel,
          color: n.color,
          mentions: n.mentions,
          notes: n.notes,
          entity_id: n.entityId
        },
        position: ringPosition(i)
      })),
      edges: edges.map((e) => ({
        data: {
          id: e.id,
          source: e.source,
          target: e.target,
          interaction: e.type,
          shared_interaction: e.type,
          name: `${e.sourceLabel} (${e.type}) ${e.targetLabel}`,
          shared_name: `${e.sourceLabel} (${e.type}) ${e.targetLabel}`,
          label: e.label,
          predicate: e.predicate,
          type: e.type,
          grade: e.grade,
          category: e.category
        }
      }))
    }
  }
}

export function toCyjs(s: GraphSnapshot): string {
  return JSON.stringify(toCyjsObject(s), null, 2) + '\n'
}
