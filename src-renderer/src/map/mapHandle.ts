// The map view registers how to render its PNG while it is mounted, so the
// export dialog can ask for an image without owning Cytoscape.
export interface MapHandle {
  /** Pixel size of a whole-map PNG at this scale. */
  pngSize(scale: number): { width: number; height: number }
  png(scale: number): Promise<Uint8Array<ArrayBuffer>>
  nodeCount(): number
}

let current: MapHandle | null = null

export function setMapHandle(h: MapHandle | null): void {
  current = h
}

export function mapHandle(): MapHandle | null {
  return current
}
