// What the map specs (map.*.spec.ts) share: the map's test probe (window.__rwbMap),
// calls to the app's API from the page, and a measure of a picture's ink.
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { PNG } from 'pngjs'
import { REPO } from './harness'

export const SHOTS = join(REPO, 'test/artifacts')

export interface ProbeNode {
  entityId: number
  label: string
  x: number
  y: number
  rx: number
  ry: number
  pinned: boolean
}
export interface ProbeEdge {
  id: string
  classes: string
  label: string
  mid: { x: number; y: number }
}

export const probe = {
  nodes: (page: Page) => page.evaluate(() => (window as unknown as { __rwbMap: { nodes(): ProbeNode[] } }).__rwbMap.nodes()),
  edges: (page: Page) => page.evaluate(() => (window as unknown as { __rwbMap: { edges(): ProbeEdge[] } }).__rwbMap.edges())
}

export async function nodeByLabel(page: Page, label: string): Promise<ProbeNode> {
  const n = (await probe.nodes(page)).find((x) => x.label === label)
  if (!n) throw new Error(`no node ${label} on the map`)
  return n
}

export async function invoke<T>(page: Page, method: string, args: unknown = {}): Promise<T> {
  const res = await page.evaluate(([m, a]) => (window as unknown as { rwb: { invoke(m: string, a: unknown): Promise<{ ok: boolean; value?: unknown; error?: { message: string } }> } }).rwb.invoke(m as string, a), [method, args] as const)
  if (!res.ok) throw new Error(`${method}: ${res.error?.message}`)
  return res.value as T
}

/** Share of pixels that are not (near) white. */
export function ink(png: PNG): number {
  let n = 0
  for (let i = 0; i < png.data.length; i += 4) if (png.data[i + 3]! > 0 && (png.data[i]! < 200 || png.data[i + 1]! < 200 || png.data[i + 2]! < 200)) n++
  return n / (png.width * png.height)
}
