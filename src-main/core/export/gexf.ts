// GEXF 1.3 for Gephi: a static directed graph, node attributes (type,
// type_label, color, mentions, notes, entity_id) and edge attributes
// (predicate, type, grade, category) declared in <attributes>, labels as the
// elements' own `label`, and the type colour, a size from the mention count
// and a starting ring position as viz: elements.
import { graphOf, rgb, ringPosition, xmlAttr, xmlText } from './common'
import type { GraphSnapshot } from './types'

const NODE_ATTRS = [
  ['type', 'string'],
  ['type_label', 'string'],
  ['color', 'string'],
  ['mentions', 'integer'],
  ['notes', 'string'],
  ['entity_id', 'integer']
] as const
const EDGE_ATTRS = [
  ['predicate', 'string'],
  ['type', 'string'],
  ['grade', 'string'],
  ['category', 'string']
] as const

function attvalue(id: string, value: string | number): string {
  return `<attvalue for="${id}" value="${xmlAttr(value)}"/>`
}

/** Node size grows with the square root of the mention count, like the map's. */
function vizSize(mentions: number): number {
  return Math.round((10 + 4 * Math.sqrt(Math.max(0, mentions))) * 10) / 10
}

export function toGexf(s: GraphSnapshot): string {
  const { nodes, edges } = graphOf(s)
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta lastmodifieddate="${s.exportedAt.slice(0, 10)}">`,
    '    <creator>Research Workbench</creator>',
    `    <description>${xmlText(`Entities and links of ${s.project.name}, exported ${s.exportedAt}`)}</description>`,
    '  </meta>',
    '  <graph mode="static" defaultedgetype="directed">',
    '    <attributes class="node" mode="static">'
  ]
  for (const [id, type] of NODE_ATTRS) out.push(`      <attribute id="${id}" title="${id}" type="${type}"/>`)
  out.push('    </attributes>')
  out.push('    <attributes class="edge" mode="static">')
  for (const [id, type] of EDGE_ATTRS) out.push(`      <attribute id="${id}" title="${id}" type="${type}"/>`)
  out.push('    </attributes>')
  out.push('    <nodes>')
  nodes.forEach((n, i) => {
    const c = rgb(n.color)
    const p = ringPosition(i)
    out.push(`      <node id="${xmlAttr(n.id)}" label="${xmlAttr(n.label)}">`)
    out.push(
      `        <attvalues>${attvalue('type', n.type)}${attvalue('type_label', n.typeLabel)}${attvalue('color', n.color)}` +
        `${attvalue('mentions', n.mentions)}${attvalue('notes', n.notes)}${attvalue('entity_id', n.entityId)}</attvalues>`
    )
    out.push(
      `        <viz:color r="${c.r}" g="${c.g}" b="${c.b}" a="1.0"/><viz:size value="${vizSize(n.mentions)}"/>` +
        `<viz:position x="${p.x}" y="${p.y}" z="0.0"/>`
    )
    out.push('      </node>')
  })
  out.push('    </nodes>')
  out.push('    <edges>')
  for (const e of edges) {
    out.push(`      <edge id="${xmlAttr(e.id)}" source="${xmlAttr(e.source)}" target="${xmlAttr(e.target)}" type="directed" label="${xmlAttr(e.label)}">`)
    out.push(
      `        <attvalues>${attvalue('predicate', e.predicate)}${attvalue('type', e.type)}${attvalue('grade', e.grade)}${attvalue('category', e.category)}</attvalues>`
    )
    out.push('      </edge>')
  }
  out.push('    </edges>')
  out.push('  </graph>')
  out.push('</gexf>')
  return out.join('\n') + '\n'
}
