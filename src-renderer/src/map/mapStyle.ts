import type { NodeSingular, StylesheetJson } from 'cytoscape'
import { CLAIM_NODE_COLOR, VALUE_NODE_COLOR } from './claimNodes'
import { LABEL_MIN_ZOOMED_FONT } from './labelLod'

const FONT = 'Inter, "Segoe UI", "DejaVu Sans", system-ui, sans-serif'

/** Edge colours and dashes, shared by the map, its legend and the exports. */
export const EDGE_LOOK = {
  strong: { color: '#1f2328', dash: [] as number[], width: 2.6, label: 'Claim, well graded (A–B, 1–2)' },
  weak: { color: '#6e7781', dash: [7, 5], width: 2, label: 'Claim, weaker or ungraded' },
  disputed: { color: '#c92a2a', dash: [3, 4], width: 2, label: 'Claim disputed or refuted' },
  link: { color: '#3d6fb6', dash: [] as number[], width: 2, label: 'Your link' },
  comention: { color: '#b6bec8', dash: [1.5, 4], width: 2, label: 'Co-mention (same paragraph)' },
  // Claims as nodes: subject → claim → object, and a source → claim with its role.
  claimpart: { color: '#57606a', dash: [] as number[], width: 1.6, label: 'Subject → claim → object' },
  attribution: { color: '#8250df', dash: [4, 3], width: 1.6, label: 'Source → claim (reported by, according to, said)' }
} as const

// A pin drawn in the node's top-right corner while it is pinned.
const PIN_URI = `data:image/svg+xml;utf8,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 24 24"><circle cx="12" cy="12" r="11" fill="#1f2328"/><path fill="#fff" d="M14.5 4.5 19.5 9.5 17.6 10.2 14.4 13.4 14.6 17 13.2 18.4 10.2 15.4 6.2 19.4 4.6 19.4 4.6 17.8 8.6 13.8 5.6 10.8 7 9.4 10.6 9.6 13.8 6.4z"/></svg>'
)}`

export interface StyleOptions {
  /** Big maps draw edge labels only for the selected edge, and cheaper lines. */
  large: boolean
  /** The app's dark theme (from the store). Exports always draw with the light palette (useExportHandle). */
  dark?: boolean
}

/** The colours the map's chrome uses (node labels, their halos, the paper); type colours are the same in both. */
const PALETTES = {
  light: { paper: '#ffffff', text: '#1f2328', edgeText: '#424a53', accent: '#0b5cad', strong: EDGE_LOOK.strong.color, part: EDGE_LOOK.claimpart.color },
  dark: { paper: '#16191d', text: '#e6e8eb', edgeText: '#c3c8ce', accent: '#5ea5f0', strong: '#c9d1d9', part: '#9aa3ad' }
}

/** Map styling: type colours and icons on nodes; edges by kind and grade. */
export function mapStyle({ large, dark = false }: StyleOptions): StylesheetJson {
  const pal = dark ? PALETTES.dark : PALETTES.light
  const edgeLabel = large
    ? {}
    : {
        // `display`: the predicate, with grade and claim count when the map says so (graph.ts claimEdgeText).
        label: 'data(display)',
        'font-family': FONT,
        'font-size': 10,
        color: pal.edgeText,
        'text-rotation': 'autorotate',
        'text-background-color': pal.paper,
        'text-background-opacity': 0.9,
        'text-background-padding': '2px'
      }
  return [
    // While a big map pans, Cytoscape moves a picture of the view; the strip it uncovers is the map's own white, not grey.
    { selector: 'core', style: { 'outside-texture-bg-color': pal.paper, 'outside-texture-bg-opacity': 1 } },
    {
      selector: 'node',
      style: {
        'background-color': 'data(color)',
        'background-image': 'data(icon)',
        'background-fit': 'none',
        'background-width': '56%',
        'background-height': '56%',
        'background-image-crossorigin': 'null',
        width: 'data(size)',
        height: 'data(size)',
        // The name, and under it the entity's value claims when it has some (graph.ts).
        label: 'data(display)',
        color: pal.text,
        'font-family': FONT,
        'font-size': 12,
        'font-weight': 600,
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 5,
        'text-wrap': 'wrap',
        'text-max-width': '140px',
        // Big maps zoomed out: labels too small to read are not drawn (labelLod.ts).
        ...(large ? { 'min-zoomed-font-size': LABEL_MIN_ZOOMED_FONT } : { 'text-background-color': pal.paper, 'text-background-opacity': 0.85, 'text-background-padding': '2px' }),
        'border-width': 2,
        'border-color': pal.paper
      }
    },
    {
      selector: 'node.pinned',
      style: {
        'background-image': (ele: NodeSingular) => [ele.data('icon') as string, PIN_URI],
        'background-width': ['56%', '44%'],
        'background-height': ['56%', '44%'],
        'background-position-x': ['50%', '112%'],
        'background-position-y': ['50%', '-12%'],
        'background-clip': ['node', 'none'],
        'background-image-containment': ['inside', 'over'],
        'bounds-expansion': 8,
        'border-color': pal.text,
        'border-width': 2.5
      } as Record<string, unknown>
    },
    {
      // A claim as a node: a small rounded square by grade, its predicate and grade under it.
      selector: 'node.claimnode',
      style: { shape: 'round-rectangle', 'background-image': 'none', 'font-size': 10, 'font-weight': 500, 'text-max-width': '120px', 'border-width': 1.5 }
    },
    { selector: 'node.claimnode.grade-weak', style: { 'border-color': CLAIM_NODE_COLOR.weak, 'border-style': 'dashed' } },
    { selector: 'node.claimnode.grade-disputed', style: { color: CLAIM_NODE_COLOR.disputed } },
    { selector: 'node.valuenode', style: { shape: 'diamond', 'background-color': VALUE_NODE_COLOR, 'background-image': 'none', 'font-size': 11, 'font-weight': 500, 'text-max-width': '160px' } },
    { selector: 'node.dimmed', style: { opacity: 0.25 } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': pal.accent } },
    {
      selector: 'edge',
      style: {
        width: 2,
        'curve-style': large ? 'straight' : 'bezier',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 1.1,
        ...edgeLabel
      }
    },
    // Each edge label where edgeLabelFit.ts put it, off other labels and nodes (a margin moves it before Cytoscape turns it).
    { selector: 'edge[lx]', style: { 'text-margin-x': 'data(lx)', 'text-margin-y': 'data(ly)' } },
    // Edges between the same two nodes (a link and a claim, claims both ways, a co-mention) curve apart, labels apart too.
    { selector: 'edge[?parallel]', style: { 'curve-style': 'bezier', 'control-point-step-size': 44 } },
    { selector: 'edge.link', style: { 'line-color': EDGE_LOOK.link.color, 'target-arrow-color': EDGE_LOOK.link.color, width: EDGE_LOOK.link.width } },
    { selector: 'edge.claim.grade-strong', style: { 'line-color': pal.strong, 'target-arrow-color': pal.strong, width: EDGE_LOOK.strong.width } },
    {
      selector: 'edge.claim.grade-weak',
      style: { 'line-color': EDGE_LOOK.weak.color, 'target-arrow-color': EDGE_LOOK.weak.color, 'line-style': 'dashed', 'line-dash-pattern': [...EDGE_LOOK.weak.dash], width: EDGE_LOOK.weak.width }
    },
    {
      selector: 'edge.claim.grade-disputed',
      style: {
        'line-color': EDGE_LOOK.disputed.color,
        'target-arrow-color': EDGE_LOOK.disputed.color,
        'line-style': 'dashed',
        'line-dash-pattern': [...EDGE_LOOK.disputed.dash],
        width: EDGE_LOOK.disputed.width,
        ...(large ? {} : { color: EDGE_LOOK.disputed.color })
      }
    },
    {
      selector: 'edge.comention',
      style: {
        label: '',
        width: 'data(width)',
        'line-color': EDGE_LOOK.comention.color,
        'line-style': 'dashed',
        'line-dash-pattern': [...EDGE_LOOK.comention.dash],
        'curve-style': 'haystack',
        'target-arrow-shape': 'none',
        opacity: 0.9
      }
    },
    // After the co-mention rule, so co-mentions sharing their ends with another edge curve apart too.
    { selector: 'edge.comention[?parallel]', style: { 'curve-style': 'bezier', 'control-point-step-size': 44 } },
    {
      selector: 'edge.claimpart',
      style: { label: '', 'line-color': pal.part, 'target-arrow-color': pal.part, width: EDGE_LOOK.claimpart.width, 'arrow-scale': 0.9 }
    },
    {
      selector: 'edge.attribution',
      style: {
        'line-color': EDGE_LOOK.attribution.color,
        'target-arrow-color': EDGE_LOOK.attribution.color,
        'line-style': 'dashed',
        'line-dash-pattern': [...EDGE_LOOK.attribution.dash],
        width: EDGE_LOOK.attribution.width,
        'arrow-scale': 0.9,
        ...(large ? {} : { color: EDGE_LOOK.attribution.color, 'font-style': 'italic', 'font-size': 9 })
      }
    },
    {
      selector: 'edge:selected',
      style: {
        'line-color': pal.accent,
        'target-arrow-color': pal.accent,
        width: 3.5,
        label: 'data(display)',
        'font-family': FONT,
        'font-size': 11,
        color: pal.accent,
        'text-rotation': 'autorotate',
        'text-background-color': pal.paper,
        'text-background-opacity': 0.95,
        'text-background-padding': '2px',
        'z-index': 10
      }
    }
  ] as StylesheetJson
}
