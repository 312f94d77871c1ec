// The map view registers how to render its images while it is mounted, so
// the export dialog can ask for one without owning Cytoscape.
import type { ExportSpec } from './exportImage'
import type { Orientation } from './tiling'

export type ImageFormat = 'png' | 'svg' | 'pdf'

export interface MapHandle {
  /** Pixel size of the exported sheet. */
  sheetSize(spec: ExportSpec): { width: number; height: number }
  render(format: ImageFormat, spec: ExportSpec, onProgress?: (done: number, total: number) => void): Promise<Uint8Array<ArrayBuffer>>
  /** The legend of what the map shows. */
  legend(): ExportSpec['legend']
  /** Footer lines naming the documents behind what the map shows. */
  sources(): string[]
  bestOrientation(region: ExportSpec['region']): Orientation
  nodeCount(): number
  mapName(): string
  /** The claims the map shows under its filters (both ends shown, or a value claim of a shown entity). */
  claimIds(): number[]
}

let current: MapHandle | null = null

export function setMapHandle(h: MapHandle | null): void {
  current = h
}

export function mapHandle(): MapHandle | null {
  return current
}
