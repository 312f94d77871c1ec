// Map → PNG, PDF or SVG, as an analyst would put it in a report: an
// optional title, the map, a legend and a footer listing the sources.
// This module is the one door to the exports (the map view, the export
// dialog and the benchmark import from here); each format lives in export/:
//
// - sheet.ts: the spec, the part of the map exported, the sheet planned
//   around it, and the export look (nothing selected while drawing).
// - raster.ts: PNG, drawn tile by tile with Cytoscape's own element renderer
//   band by band into a streaming encoder, so images larger than Chromium's
//   canvas limits still come out whole.
// - svg.ts: vector, labels as <text> (cytoscape-svg), icons as vector shapes (svgIcons.ts).
// - vectorPdf.ts: vector too, labels as PDF text in embedded Noto subsets
//   (pdf/pdfCanvas.ts, pdf/pdfFonts.ts), in any script the fonts cover.
// - decorations.ts: the title, legend and footer the PNG and PDF share, on
//   backing panels when the sheet is transparent.
// Every format draws from the map's own Cytoscape instance, so an export
// shows what the screen shows: the same elements, mode, filters and labels.
export { bestOrientation, EXPORT_FONT, sheetSize, type ExportSize, type ExportSpec } from './export/sheet'
export { EXPORT_BAND_BYTES, EXPORT_MAX_TILE, exportPng, type RasterOptions } from './export/raster'
export { exportSvg } from './export/svg'
export { exportPdf } from './export/vectorPdf'
