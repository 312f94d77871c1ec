// What the map's end-to-end tests share: the map's read-only probe
// (window.__rwbMap, src-renderer/src/map/view/mapProbe.ts), running a layout
// from the toolbar, exporting through the export dialog, and reading a PDF
// with pdf.js as a reader would.
import { createRequire } from 'node:module'
import { dirname, join, sep } from 'node:path'
import { expect, type Page } from '@playwright/test'
import type { launchApp } from './harness'

export interface ProbeNode {
  id: string
  classes: string
  entityId?: number
  label: string
  display: string
  x: number
  y: number
  rx: number
  ry: number
}
export interface ProbeEdge {
  id: string
  classes: string
  label: string
  display: string
  source: string
  target: string
}
/** Overlapping pairs as drawn: node boxes, node labels, node label on node; edge labels on edge labels, and on node discs or labels. */
export interface Overlaps {
  nodes: number
  labels: number
  mixed: number
  edgeLabels: number
  edgeLabelsOnNodes: number
}
export const NO_OVERLAPS: Overlaps = { nodes: 0, labels: 0, mixed: 0, edgeLabels: 0, edgeLabelsOnNodes: 0 }
type Probe = {
  nodes(): ProbeNode[]
  edges(): ProbeEdge[]
  overlaps(): Overlaps
  edgeLabelBoxes(): { x: number; y: number; w: number; h: number; angle: number }[]
  layouts(): { name: string }[]
}
export const probe = {
  nodes: (page: Page) => page.evaluate(() => (window as unknown as { __rwbMap: Probe }).__rwbMap.nodes()),
  edges: (page: Page) => page.evaluate(() => (window as unknown as { __rwbMap: Probe }).__rwbMap.edges()),
  overlaps: (page: Page) => page.evaluate(() => (window as unknown as { __rwbMap: Probe }).__rwbMap.overlaps()),
  edgeLabelBoxes: (page: Page) => page.evaluate(() => (window as unknown as { __rwbMap: Probe }).__rwbMap.edgeLabelBoxes()),
  layouts: (page: Page) => page.evaluate(() => (window as unknown as { __rwbMap: Probe }).__rwbMap.layouts().length)
}

/** Edges that draw a label (edge label boxes read back must be one per such edge). */
export async function labelledEdges(page: Page): Promise<number> {
  return (await probe.edges(page)).filter((e) => e.display && !e.classes.includes('comention') && !e.classes.includes('claimpart')).length
}

/** Runs a layout from the toolbar and waits until its places are on the canvas. */
export async function layOut(page: Page, label: string | null): Promise<Record<string, { x: number; y: number }>> {
  const before = await probe.layouts(page)
  const select = page.getByLabel('Layout', { exact: true })
  const current = await select.evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent ?? '')
  // Choosing the layout already chosen changes nothing: run it again instead.
  if (label && label !== current) await select.selectOption({ label })
  else await page.getByRole('button', { name: 'Re-layout' }).click()
  await expect.poll(() => probe.layouts(page), { timeout: 60_000 }).toBeGreaterThan(before)
  await expect(page.getByRole('button', { name: 'Re-layout' })).toBeEnabled({ timeout: 60_000 })
  const at: Record<string, { x: number; y: number }> = {}
  for (const n of await probe.nodes(page)) at[n.id] = { x: Math.round(n.x * 100) / 100, y: Math.round(n.y * 100) / 100 }
  return at
}

/** pdf.js (legacy build, in this process): the first page's text items, how many images it paints, and its fonts' names. */
export async function readPdf(bytes: Uint8Array): Promise<{ items: string[]; images: number; fonts: string[] }> {
  ;(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs')
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const standardFontDataUrl = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts') + sep
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, standardFontDataUrl }).promise
  try {
    const page = await doc.getPage(1)
    const text = await page.getTextContent()
    const ops = await page.getOperatorList()
    const images = ops.fnArray.filter((fn) => fn === pdfjs.OPS.paintImageXObject || fn === pdfjs.OPS.paintInlineImageXObject).length
    const fonts = Object.values(text.styles).map((s) => s.fontFamily)
    return { items: text.items.map((i) => ('str' in i ? i.str : '')).filter((s) => s.trim()), images, fonts }
  } finally {
    await doc.destroy()
  }
}

/** Exports the open map through the export dialog to `path` (the save dialog answered by the harness). */
export async function exportAs(
  page: Page,
  app: Awaited<ReturnType<typeof launchApp>>,
  path: string,
  format: 'PNG' | 'SVG' | 'PDF',
  setup?: (dlg: ReturnType<Page['getByRole']>) => Promise<void>
): Promise<void> {
  app.native.saveAnswers.push(path)
  await page.getByRole('button', { name: 'Export PNG…' }).click()
  await page.getByRole('dialog', { name: /Export map as/ }).getByRole('radio', { name: format }).check()
  const dlg = page.getByRole('dialog', { name: `Export map as ${format}` })
  // The default title is the map's name, without the project's.
  await expect(dlg.getByRole('textbox', { name: 'Title' })).toHaveValue('Main map')
  await setup?.(dlg)
  await dlg.getByRole('button', { name: 'Export…' }).click()
  await expect(page.getByRole('status').filter({ hasText: `Map exported to ${path}` })).toBeVisible({ timeout: 60_000 })
}
