// Runs the open map's layout: planned by size (layoutChoice.ts), run in the
// layout worker or on this thread (layoutRunner.ts), with a progress line the
// analyst can cancel. One layout at a time: a new one cancels the last.
//
// The result is saved as the map's places (replacing them, but keeping the
// places of nodes the filters hide now), and is dropped if another map or
// project is shown by the time it arrives.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react'
import type { MapLayoutName, MapPosition } from '@contract/types'
import { useStore } from '../../store'
import { layoutNodes } from '../layoutBoxes'
import { planLayout } from '../layoutChoice'
import { runLayoutPlan, type LayoutJob } from '../layoutRunner'
import { entityIdOf, fitCalmly } from './cyTools'
import { layoutLog } from './mapProbe'
import type { MapCanvas } from './useCytoscape'

export interface LayoutProgressState {
  phases: string[]
  phase: number
  startedAt: number
  job: LayoutJob
}

export interface MapLayout {
  runLayout(name: MapLayoutName): Promise<void>
  /** Cancels the layout running now, if any. */
  cancelLayout(): void
  progress: LayoutProgressState | null
}

export function useLayout({ cyRef, shownMapRef }: MapCanvas, positionsRef: RefObject<Map<number, MapPosition>>): MapLayout {
  const guard = useStore((s) => s.guard)
  const notify = useStore((s) => s.notify)
  const saveMapPositions = useStore((s) => s.saveMapPositions)
  const [progress, setProgress] = useState<LayoutProgressState | null>(null)
  const jobRef = useRef<LayoutJob | null>(null)

  const runLayout = useCallback(
    async (name: MapLayoutName) => {
      const cy = cyRef.current
      if (!cy || cy.nodes().length === 0) return
      jobRef.current?.cancel()
      const pinned = new Set(cy.nodes().filter((n) => n.locked()).map(entityIdOf))
      const plan = planLayout(name, cy.nodes().length, cy.edges().length)
      const job = runLayoutPlan(
        plan,
        {
          // Boxes as drawn (labels included), so no two labels overlap on screen or in the exports.
          nodes: layoutNodes(cy),
          edges: cy.edges().map((e) => ({ source: e.source().id(), target: e.target().id() }))
        },
        (phase) => setProgress((p) => (p && p.job === job ? { ...p, phase } : p))
      )
      jobRef.current = job
      const mapId = useStore.getState().activeMap?.id
      const shownKey = shownMapRef.current
      setProgress({ phases: plan.phases, phase: 0, startedAt: performance.now(), job })
      try {
        const result = await job.promise
        layoutLog.push({ name, tier: plan.tier, where: job.where, nodes: cy.nodes().length })
        // Another map (or project) is shown now: this result is not for it.
        if (cyRef.current !== cy || shownMapRef.current !== shownKey || mapId === undefined) return
        cy.batch(() => {
          cy.nodes().forEach((n) => {
            const p = result[n.id()]
            if (!p || n.locked()) return
            n.position(p)
          })
        })
        fitCalmly(cy)
        // Entities only: claim and value nodes (claims as nodes) have no saved places.
        const all = cy
          .nodes()
          .map((n) => n)
          .filter((n) => typeof entityIdOf(n) === 'number')
          .map((n) => ({ entityId: entityIdOf(n), x: n.position('x'), y: n.position('y'), pinned: pinned.has(entityIdOf(n)) }))
        // Keep the places of nodes this map has but does not show now (filtered out).
        const shownIds = new Set(all.map((p) => p.entityId))
        const hidden = [...positionsRef.current.values()].filter((p) => !shownIds.has(p.entityId))
        await guard(() => saveMapPositions([...all, ...hidden], true, mapId))
      } catch (e) {
        if ((e as Error).message !== 'cancelled') notify('error', `The layout failed: ${(e as Error).message}`)
      } finally {
        if (jobRef.current === job) {
          jobRef.current = null
          setProgress(null)
        }
      }
    },
    [cyRef, shownMapRef, positionsRef, guard, notify, saveMapPositions]
  )
  const cancelLayout = useCallback(() => jobRef.current?.cancel(), [])
  useEffect(() => () => jobRef.current?.cancel(), [])

  return { runLayout, cancelLayout, progress }
}
