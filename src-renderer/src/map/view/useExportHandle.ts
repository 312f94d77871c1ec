// Registers how the open map renders its images (mapHandle.ts), so the
// export dialog can ask for a PNG, SVG or PDF without owning Cytoscape. The
// handle is replaced whenever what its legend or footer says changes; the
// canvas teardown (useCytoscape) clears it.
//
// The formats load on the first export (a dynamic import of exportImage.ts):
// the vector PDF's font subsetter (fontkit) and the SVG writer are a third
// of the renderer's code, which every window otherwise parsed and kept for
// an export most sessions never make. The cost is a moment's wait (the
// chunk is local) before the first export starts.
import { useCallback, useEffect, type RefObject } from 'react'
import type { Core } from 'cytoscape'
import { useStore } from '../../store'
import { bestOrientation, sheetSize } from '../export/sheet'
import { setMapHandle } from '../mapHandle'
import { mapStyle } from '../mapStyle'
import type { MapDataView } from './useMapData'

/**
 * Runs an export with the map in its light palette: exports keep their own
 * light styling whatever the app's theme (the dark palette comes back after).
 */
async function inLightPalette<T>(cy: Core, run: () => Promise<T>): Promise<T> {
  const shown = cy.scratch('rwbStyle') as { large: boolean; dark: boolean } | undefined
  if (!shown?.dark) return run()
  cy.style(mapStyle({ large: shown.large, dark: false }))
  try {
    return await run()
  } finally {
    cy.style(mapStyle({ large: shown.large, dark: true }))
  }
}

/** At most this many documents are named in the footer; the rest are counted. */
const MAX_SOURCES = 25

export function useExportHandle(cyRef: RefObject<Core | null>, { shown, legend, edgeCount, filters }: Pick<MapDataView, 'shown' | 'legend' | 'edgeCount' | 'filters'>): void {
  const documents = useStore((s) => s.documents)
  const entityDocuments = useStore((s) => s.entityDocuments)
  const mapName = useStore((s) => s.activeMap?.name)

  // The documents behind what the map shows (its entities' mentions, its claims' passages).
  const sources = useCallback((): string[] => {
    const shownIds = new Set(shown.entities.map((e) => e.id))
    const docIds = new Set<number>()
    for (const d of entityDocuments) if (shownIds.has(d.entityId) && (!filters.documentIds || filters.documentIds.includes(d.documentId))) docIds.add(d.documentId)
    for (const c of shown.claims) if (c.documentId !== null) docIds.add(c.documentId)
    const docs = documents.filter((d) => docIds.has(d.id))
    if (!docs.length) return []
    const list = docs.slice(0, MAX_SOURCES).map((d) => {
      const meta = [d.siteName, d.publishedTime?.slice(0, 10)].filter(Boolean).join(', ')
      return `“${d.title}”${meta ? ` (${meta})` : ''}`
    })
    const more = docs.length > MAX_SOURCES ? ` and ${docs.length - MAX_SOURCES} more` : ''
    return [`Sources: ${list.join('; ')}${more}.`]
  }, [shown, entityDocuments, documents, filters.documentIds])

  useEffect(() => {
    const cy = cyRef.current
    if (!cy) return
    setMapHandle({
      sheetSize: (spec) => sheetSize(cy, spec),
      render: async (format, spec, onProgress) => {
        const { exportPdf, exportPng, exportSvg } = await import('../exportImage')
        return inLightPalette(cy, async () =>
          format === 'svg' ? new TextEncoder().encode(await exportSvg(cy, spec)) : format === 'pdf' ? exportPdf(cy, spec, { onProgress }) : exportPng(cy, spec, { onProgress })
        )
      },
      legend: () => legend,
      // The sources and the date, once; the app's name is not the report's business.
      sources: () => {
        const counts = `${shown.entities.length} ${shown.entities.length === 1 ? 'entity' : 'entities'}, ${edgeCount} ${edgeCount === 1 ? 'relationship' : 'relationships'}`
        return [...sources(), `${counts} · exported ${new Date().toISOString().slice(0, 10)}`]
      },
      bestOrientation: (region) => bestOrientation(cy, region),
      nodeCount: () => cy.nodes().length,
      mapName: () => mapName ?? 'Map',
      claimIds: () => {
        const ids = new Set(shown.entities.map((e) => e.id))
        return shown.claims.filter((c) => ids.has(c.subjectId) && (c.objectId === null || ids.has(c.objectId))).map((c) => c.id)
      }
    })
  }, [cyRef, legend, sources, mapName, shown.entities, shown.claims, edgeCount])
}
