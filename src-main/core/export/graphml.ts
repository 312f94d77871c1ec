// GraphML for yEd, Gephi, networkx, Cytoscape. Every value is a declared
// <key> attribute (nodes: label, type, type_label, color, mentions, notes,
// entity_id; edges: label, predicate, type, grade, category), the graph is
// directed, and each node and edge also carries yEd's own graphics (a
// coloured, labelled shape on a starting ring layout; an arrow with its
// label), which yEd shows as is and other readers ignore or read as text.
import { graphOf, ringPosition, xmlAttr, xmlText } from './common'
import type { GraphSnapshot } from './types'

interface KeyDef {
  id: string
  for: 'graph' | 'node' | 'edge'
  name: string
  type: 'string' | 'int'
}

const KEYS: KeyDef[] = [
  { id: 'g_name', for: 'graph', name: 'name', type: 'string' },
  { id: 'g_exported', for: 'graph', name: 'exported_at', type: 'string' },
  { id: 'n_label', for: 'node', name: 'label', type: 'string' },
  { id: 'n_type', for: 'node', name: 'type', type: 'string' },
  { id: 'n_type_label', for: 'node', name: 'type_label', type: 'string' },
  { id: 'n_color', for: 'node', name: 'color', type: 'string' },
  { id: 'n_mentions', for: 'node', name: 'mentions', type: 'int' },
  { id: 'n_notes', for: 'node', name: 'notes', type: 'string' },
  { id: 'n_entity_id', for: 'node', name: 'entity_id', type: 'int' },
  { id: 'e_label', for: 'edge', name: 'label', type: 'string' },
  { id: 'e_predicate', for: 'edge', name: 'predicate', type: 'string' },
  { id: 'e_type', for: 'edge', name: 'type', type: 'string' },
  { id: 'e_grade', for: 'edge', name: 'grade', type: 'string' },
  { id: 'e_category', for: 'edge', name: 'category', type: 'string' }
]

function data(key: string, value: string | number): string {
  return `<data key="${key}">${xmlText(value)}</data>`
}

export function toGraphML(s: GraphSnapshot): string {
  const { nodes, edges } = graphOf(s)
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xmlns:y="http://www.yworks.com/xml/graphml"' +
      ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd">',
    '  <!-- Exported by Research Workbench. Offsets and mentions: see the W3C annotation export. -->'
  ]
  for (const k of KEYS) out.push(`  <key id="${k.id}" for="${k.for}" attr.name="${k.name}" attr.type="${k.type}"/>`)
  out.push('  <key id="n_yed" for="node" yfiles.type="nodegraphics"/>')
  out.push('  <key id="e_yed" for="edge" yfiles.type="edgegraphics"/>')
  out.push('  <graph id="G" edgedefault="directed">')
  out.push(`    ${data('g_name', s.project.name)}`)
  out.push(`    ${data('g_exported', s.exportedAt)}`)
  nodes.forEach((n, i) => {
    const p = ringPosition(i)
    const width = Math.min(300, 24 + 7 * [...n.label].length)
    out.push(`    <node id="${xmlAttr(n.id)}">`)
    out.push(
      `      ${data('n_label', n.label)}${data('n_type', n.type)}${data('n_type_label', n.typeLabel)}${data('n_color', n.color)}` +
        `${data('n_mentions', n.mentions)}${data('n_notes', n.notes)}${data('n_entity_id', n.entityId)}`
    )
    out.push(
      `      <data key="n_yed"><y:ShapeNode><y:Geometry x="${p.x - width / 2}" y="${p.y - 15}" width="${width}" height="30"/>` +
        `<y:Fill color="${xmlAttr(n.color.toUpperCase())}" transparent="false"/><y:BorderStyle color="#343A40" type="line" width="1.0"/>` +
        `<y:NodeLabel textColor="#FFFFFF">${xmlText(n.label)}</y:NodeLabel><y:Shape type="roundrectangle"/></y:ShapeNode></data>`
    )
    out.push('    </node>')
  })
  for (const e of edges) {
    out.push(`    <edge id="${xmlAttr(e.id)}" source="${xmlAttr(e.source)}" target="${xmlAttr(e.target)}" directed="true">`)
    out.push(
      `      ${data('e_label', e.label)}${data('e_predicate', e.predicate)}${data('e_type', e.type)}${data('e_grade', e.grade)}${data('e_category', e.category)}`
    )
    out.push(
      '      <data key="e_yed"><y:PolyLineEdge><y:LineStyle color="#495057" type="line" width="1.0"/><y:Arrows source="none" target="standard"/>' +
        `<y:EdgeLabel>${xmlText(e.label)}</y:EdgeLabel></y:PolyLineEdge></data>`
    )
    out.push('    </edge>')
  }
  out.push('  </graph>')
  out.push('</graphml>')
  return out.join('\n') + '\n'
}
