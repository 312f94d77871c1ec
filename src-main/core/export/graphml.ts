// GraphML for Gephi, networkx, yEd and Cytoscape: plain GraphML, valid
// against the official GraphML XSD (a test checks it). Every value is a
// declared <key> (common.ts NODE_ATTRS / EDGE_ATTRS, plus one
// "value:<predicate>" key per predicate of a value claim); the graph is
// directed (a co-mention has no direction, but is written lower entity id
// first: networkx refuses an undirected edge in a directed graph). An empty text (no
// notes, no attribution) is written as no value.
//
// Trade-off: no yEd graphics (y:ShapeNode). They made yEd draw coloured,
// labelled nodes straight away, but the official schema forbids any element
// inside <data>, and a file the schema rejects is one some reader will
// refuse. yEd maps `label` and `color` onto the drawing with Edit →
// Properties Mapper (see the README).
import { EDGE_ATTRS, graphOf, NODE_ATTRS, valueAttr, valueAttrNames, xmlAttr, xmlText, type AttrValue } from './common'
import type { GraphSnapshot } from './types'

/** A value; none for an empty string (networkx, like most readers, reads <data/> as no value at all). */
function data(key: string, value: AttrValue | undefined): string {
  return value === undefined || value === '' ? '' : `<data key="${key}">${xmlText(String(value))}</data>`
}

export function toGraphML(s: GraphSnapshot): string {
  const { nodes, edges } = graphOf(s)
  const valueNames = valueAttrNames(nodes)
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <!-- Exported by Research Workbench. Each claim is its own edge (kind claim / judgement / co-mention); see README "Exports". -->',
    '  <key id="g_name" for="graph" attr.name="name" attr.type="string"/>',
    '  <key id="g_exported" for="graph" attr.name="exported_at" attr.type="string"/>'
  ]
  NODE_ATTRS.forEach((a, i) => out.push(`  <key id="n${i}" for="node" attr.name="${xmlAttr(a.name)}" attr.type="${a.type}"/>`))
  valueNames.forEach((name, i) => out.push(`  <key id="v${i}" for="node" attr.name="${xmlAttr(name)}" attr.type="string"/>`))
  EDGE_ATTRS.forEach((a, i) => out.push(`  <key id="d${i}" for="edge" attr.name="${xmlAttr(a.name)}" attr.type="${a.type}"/>`))
  out.push('  <graph id="G" edgedefault="directed">')
  out.push(`    ${data('g_name', s.project.name)}${data('g_exported', s.exportedAt)}`)
  for (const n of nodes) {
    out.push(`    <node id="${xmlAttr(n.id)}">`)
    out.push(`      ${NODE_ATTRS.map((a, i) => data(`n${i}`, a.of(n))).join('')}${valueNames.map((name, i) => data(`v${i}`, valueAttr(n, name))).join('')}`)
    out.push('    </node>')
  }
  for (const e of edges) {
    out.push(`    <edge id="${xmlAttr(e.id)}" source="${xmlAttr(e.source)}" target="${xmlAttr(e.target)}" directed="${e.directed}">`)
    out.push(`      ${EDGE_ATTRS.map((a, i) => data(`d${i}`, a.of(e))).join('')}`)
    out.push('    </edge>')
  }
  out.push('  </graph>')
  out.push('</graphml>')
  return out.join('\n') + '\n'
}
