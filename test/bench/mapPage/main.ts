// The map benchmark page (test/bench/map.mjs builds it with Vite and drives
// it in headless Chromium): the app's own map modules — element building,
// style, layout plan and worker, tiled export — on synthetic graphs.
import cytoscape, { type Core } from 'cytoscape'
import type { Entity } from '@contract/types'
import { ENTITY_TYPES } from '@contract/vocabulary'
import type { ClaimEdgeGroup } from '../../../src-renderer/src/map/edgesFromClaims'
import { buildElements } from '../../../src-renderer/src/map/graph'
import { legendEntries } from '../../../src-renderer/src/map/legend'
import type { MapLayoutName } from '@contract/types'
import { drawnOverlaps, layoutNodes } from '../../../src-renderer/src/map/layoutBoxes'
import { planLayout } from '../../../src-renderer/src/map/layoutChoice'
import { runLayoutPlan } from '../../../src-renderer/src/map/layoutRunner'
import { exportPdf, exportPng } from '../../../src-renderer/src/map/exportImage'
import { mapStyle } from '../../../src-renderer/src/map/mapStyle'

let cy: Core | null = null

function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296
  }
}

/** A graph with hubs (edges prefer low ids), like entities in a news corpus. */
function synthetic(n: number, m: number): { entities: Entity[]; links: ClaimEdgeGroup[] } {
  const r = rng(n * 31 + m)
  const entities: Entity[] = Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    name: `Entity ${i + 1}`,
    type: ENTITY_TYPES[i % ENTITY_TYPES.length]!.key,
    notes: '',
    mentionCount: Math.floor(r() * 20),
    createdAt: ''
  }))
  const seen = new Set<string>()
  // Links: analyst-judgement claims, one per edge.
  const links: ClaimEdgeGroup[] = []
  while (links.length < m) {
    const a = 1 + Math.floor(r() * n)
    const b = 1 + Math.floor(Math.pow(r(), 2) * n)
    if (a === b || seen.has(`${a}:${b}`)) continue
    seen.add(`${a}:${b}`)
    const id = links.length + 1
    links.push({ id: `k${id}`, sourceId: a, targetId: b, predicate: 'related to', claimIds: [id], bestGrade: 'F6', gradeClass: 'weak', count: 1, link: true })
  }
  return { entities, links }
}

const api = {
  /** Builds a map of n nodes and m edges (grid places) with the app's style and performance settings; ms to first frame. */
  async setup(n: number, m: number, renderer: 'canvas' | 'webgl'): Promise<{ ms: number; renderer: string }> {
    cy?.destroy()
    const t0 = performance.now()
    const { entities, links } = synthetic(n, m)
    const els = buildElements({ entities, claimEdges: links, coMentions: [], showCoMentions: false })
    const large = n > 400 || m > 1500
    const cols = Math.ceil(Math.sqrt(n))
    let i = 0
    for (const e of els) if (e.group === 'nodes') e.position = { x: (i % cols) * 90, y: Math.floor(i++ / cols) * 90 }
    cy = cytoscape({
      container: document.getElementById('cy'),
      elements: els,
      style: mapStyle({ large }),
      layout: { name: 'preset' },
      minZoom: 0.02,
      maxZoom: 4,
      boxSelectionEnabled: false,
      motionBlur: false,
      hideEdgesOnViewport: large,
      textureOnViewport: large,
      autoungrabify: true,
      ...(renderer === 'webgl' ? { renderer: { name: 'canvas', webgl: true } } : {})
    } as cytoscape.CytoscapeOptions)
    ;(window as unknown as { __cy: Core }).__cy = cy // for ad-hoc probes from the driver
    // Leave an empty margin so a drag from the corner pans the view.
    cy.fit(undefined, 160)
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)))
    return { ms: performance.now() - t0, renderer: (cy as unknown as { renderer(): { webgl?: boolean } }).renderer().webgl ? 'webgl' : 'canvas' }
  },

  /**
   * The app's layout for this size (the force-directed plan unless `name` says otherwise, in the layout
   * worker where the plan says so), on boxes measured on the canvas as the app does; ms, the longest
   * UI-thread stall meanwhile, and the node/label boxes that overlap afterwards as drawn.
   */
  async layout(name: MapLayoutName = 'fcose'): Promise<{ ms: number; maxFrameGapMs: number; tier: string; phases: string[]; overlaps: { nodes: number; labels: number; mixed: number } }> {
    const c = cy!
    const plan = planLayout(name, c.nodes().length, c.edges().length)
    let last = performance.now()
    let maxGap = 0
    let running = true
    const tick = () => {
      const now = performance.now()
      maxGap = Math.max(maxGap, now - last)
      last = now
      if (running) requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
    const t0 = performance.now()
    const job = runLayoutPlan(
      plan,
      {
        nodes: layoutNodes(c),
        edges: c.edges().map((e) => ({ source: e.source().id(), target: e.target().id() }))
      },
      () => {}
    )
    const positions = await job.promise
    c.batch(() => c.nodes().forEach((n) => void n.position(positions[n.id()]!)))
    const ms = performance.now() - t0
    running = false
    c.fit(undefined, 160)
    return { ms, maxFrameGapMs: maxGap, tier: plan.tier, phases: plan.phases, overlaps: drawnOverlaps(c) }
  },

  /** PNG of the whole map on A3 at 300 DPI, with title, legend and footer; ms and size. */
  async exportA3(): Promise<{ ms: number; bytes: number; width: number; height: number; steps: Record<string, number> }> {
    const c = cy!
    const steps: Record<string, number> = {}
    const t0 = performance.now()
    const bytes = await exportPng(c, {
      region: 'whole',
      size: { kind: 'paper', paper: 'A3', dpi: 300, orientation: 'landscape' },
      background: 'white',
      title: 'Benchmark map',
      legend: legendEntries(c.elements().map((e) => e.json() as cytoscape.ElementDefinition)),
      footer: ['Sources: synthetic']
    }, { timings: steps })
    const ms = performance.now() - t0
    const dv = new DataView(bytes.buffer, bytes.byteOffset)
    return { ms, bytes: bytes.length, width: dv.getUint32(16), height: dv.getUint32(20), steps }
  },

  /** The whole map as a vector PDF on A3 landscape, with title, legend and footer; ms, and the file (base64, for a check by the driver). */
  async exportPdfA3(): Promise<{ ms: number; bytes: number; base64: string; steps: Record<string, number> }> {
    const c = cy!
    const steps: Record<string, number> = {}
    const t0 = performance.now()
    const bytes = await exportPdf(c, {
      region: 'whole',
      size: { kind: 'paper', paper: 'A3', dpi: 300, orientation: 'landscape' },
      background: 'white',
      title: 'Benchmark map',
      legend: legendEntries(c.elements().map((e) => e.json() as cytoscape.ElementDefinition)),
      footer: ['Sources: synthetic “test” · Пример']
    }, { timings: steps })
    const ms = performance.now() - t0
    let bin = ''
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
    return { ms, bytes: bytes.length, base64: btoa(bin), steps }
  },

  /** Counts animation frames until stop() (the panning itself is done with the mouse by the driver). */
  startFrames(): void {
    const w = window as unknown as { __frames: number[]; __counting: boolean }
    w.__frames = []
    w.__counting = true
    const loop = (t: number) => {
      w.__frames.push(t)
      if (w.__counting) requestAnimationFrame(loop)
    }
    requestAnimationFrame(loop)
  },
  stopFrames(): { frames: number; ms: number; worstGapMs: number } {
    const w = window as unknown as { __frames: number[]; __counting: boolean }
    w.__counting = false
    const f = w.__frames
    let worst = 0
    for (let i = 1; i < f.length; i++) worst = Math.max(worst, f[i]! - f[i - 1]!)
    return { frames: f.length, ms: f.length > 1 ? f.at(-1)! - f[0]! : 0, worstGapMs: worst }
  },
  /** Waits (at most maxMs) until the page draws at least 45 frames a second again: Cytoscape builds its textures in idle frames after a change; ms waited. */
  async settle(maxMs = 8_000): Promise<number> {
    const t0 = performance.now()
    for (;;) {
      const frames = await new Promise<number>((ok) => {
        let n = 0
        const start = performance.now()
        const loop = () => {
          n++
          if (performance.now() - start < 500) requestAnimationFrame(loop)
          else ok(n * 2)
        }
        requestAnimationFrame(loop)
      })
      if (frames >= 45 || performance.now() - t0 > maxMs) return performance.now() - t0
    }
  },
  pan(): { x: number; y: number } {
    return cy!.pan()
  },
  /** Changes one style property of a selector (to see what a frame or an export costs). */
  restyle(selector: string, prop: string, value: string): void {
    cy!.style().selector(selector).style(prop, value).update()
  }
}

;(window as unknown as { bench: typeof api }).bench = api
document.title = 'ready'
