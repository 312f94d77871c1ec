// GEXF 1.3 for Gephi: a static directed graph, valid against the official
// GEXF 1.3 RELAX NG schema (a test checks it). Node and edge attributes are
// common.ts NODE_ATTRS / EDGE_ATTRS (plus one "value:<predicate>" per
// predicate of a value claim), declared in <attributes>; an edge's label,
// weight and kind are GEXF's own attributes as well, so Gephi keeps a link
// and a claim between the same two entities apart (README: "Exports"). The
// type colour, a size from the mention count and a starting ring position
// are viz: elements.
//
// Trade-off: a co-mention has no direction, but it is written as a directed
// edge (lower entity id first, kind "co-mention"): a GEXF graph may mix
// directed and undirected edges, yet networkx refuses such a file.
import { EDGE_ATTRS, graphOf, NODE_ATTRS, rgb, ringPosition, valueAttr, valueAttrNames, xmlAttr, xmlText, type AttrType, type AttrValue } from './common'
import type { GraphSnapshot } from './types'

const GEXF_TYPE: Record<AttrType, string> = { string: 'string', int: 'integer', double: 'double', boolean: 'boolean' }
/** GEXF's own node / edge attributes: not declared again. */
const NATIVE = new Set(['label', 'weight'])
/** Declared under another id (Gephi reserves the id), with the same title. */
const ID_OF: Record<string, string> = { kind: 'edge_kind' }

function attvalue(id: string, value: AttrValue | undefined): string {
  return value === undefined ? '' : `<attvalue for="${id}" value="${xmlAttr(String(value))}"/>`
}

/** Node size grows with the square root of the mention count, like the map's. */
function vizSize(mentions: number): number {
  return Math.round((10 + 4 * Math.sqrt(Math.max(0, mentions))) * 10) / 10
}

export function toGexf(s: GraphSnapshot): string {
  const { nodes, edges } = graphOf(s)
  const nodeAttrs = NODE_ATTRS.filter((a) => !NATIVE.has(a.name))
  const edgeAttrs = EDGE_ATTRS.filter((a) => !NATIVE.has(a.name))
  const valueNames = valueAttrNames(nodes)
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    // No xsi:schemaLocation: the GEXF 1.3 RELAX NG schema allows no attribute it does not name.
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">',
    `  <meta lastmodifieddate="${s.exportedAt.slice(0, 10)}">`,
    '    <creator>Research Workbench</creator>',
    `    <description>${xmlText(`Entities, claims and links of ${s.project.name}, exported ${s.exportedAt}`)}</description>`,
    '  </meta>',
    '  <graph mode="static" defaultedgetype="directed">',
    '    <attributes class="node" mode="static">'
  ]
  for (const a of nodeAttrs) out.push(`      <attribute id="${a.name}" title="${a.name}" type="${GEXF_TYPE[a.type]}"/>`)
  valueNames.forEach((name, i) => out.push(`      <attribute id="v${i}" title="${xmlAttr(name)}" type="string"/>`))
  out.push('    </attributes>')
  out.push('    <attributes class="edge" mode="static">')
  for (const a of edgeAttrs) out.push(`      <attribute id="${ID_OF[a.name] ?? a.name}" title="${a.name}" type="${GEXF_TYPE[a.type]}"/>`)
  out.push('    </attributes>')
  out.push('    <nodes>')
  nodes.forEach((n, i) => {
    const c = rgb(n.color)
    const p = ringPosition(i)
    out.push(`      <node id="${xmlAttr(n.id)}" label="${xmlAttr(n.label)}">`)
    out.push(
      `        <attvalues>${nodeAttrs.map((a) => attvalue(a.name, a.of(n))).join('')}` +
        `${valueNames.map((name, j) => attvalue(`v${j}`, valueAttr(n, name))).join('')}</attvalues>`
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
    out.push(
      `      <edge id="${xmlAttr(e.id)}" source="${xmlAttr(e.source)}" target="${xmlAttr(e.target)}" type="directed"` +
        ` label="${xmlAttr(e.label)}" weight="${e.weight.toFixed(1)}" kind="${e.kind}">`
    )
    out.push(`        <attvalues>${edgeAttrs.map((a) => attvalue(ID_OF[a.name] ?? a.name, a.of(e))).join('')}</attvalues>`)
    out.push('      </edge>')
  }
  out.push('    </edges>')
  out.push('  </graph>')
  out.push('</gexf>')
  return out.join('\n') + '\n'
}
