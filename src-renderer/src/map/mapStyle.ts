import type { StylesheetJson } from 'cytoscape'

/** Map styling: type colours on nodes, solid labelled arrows for links, dashed grey for co-mentions. */
export const MAP_STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      'background-color': 'data(color)',
      width: 'data(size)',
      height: 'data(size)',
      label: 'data(label)',
      color: '#1f2328',
      'font-family': 'Inter, "Segoe UI", "DejaVu Sans", system-ui, sans-serif',
      'font-size': 12,
      'font-weight': 600,
      'text-valign': 'bottom',
      'text-halign': 'center',
      'text-margin-y': 5,
      'text-wrap': 'wrap',
      'text-max-width': '140px',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '2px',
      'border-width': 2,
      'border-color': '#ffffff'
    }
  },
  { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#1f2328' } },
  {
    selector: 'edge.relation',
    style: {
      width: 2,
      'line-color': '#57606a',
      'target-arrow-color': '#57606a',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 1.2,
      'curve-style': 'bezier',
      label: 'data(label)',
      'font-family': 'Inter, "Segoe UI", "DejaVu Sans", system-ui, sans-serif',
      'font-size': 10,
      color: '#424a53',
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.9,
      'text-background-padding': '2px'
    }
  },
  {
    selector: 'edge.comention',
    style: {
      width: 'data(width)',
      'line-color': '#afb8c1',
      'line-style': 'dashed',
      'line-dash-pattern': [6, 4],
      'curve-style': 'haystack',
      opacity: 0.8
    }
  },
  { selector: 'edge:selected', style: { 'line-color': '#0969da', 'target-arrow-color': '#0969da', width: 3 } }
]
