// The suggestion gold set (test/fixtures/suggest/gold.txt): reading it, the
// canonical texts it is labelled on (through the app's own import, so the
// offsets are the app's), and precision/recall/F1 per coarse type with exact
// boundaries and with overlap.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseForImport, readForImport } from '../../src-main/core/import/importFile'
import { coarseOf, COARSE_TYPES, type CoarseType, type Suggestion } from '../../src-main/core/suggest/types'
import { REPO_ROOT, SEEDS_DIR, SHARED } from './tempDir'

export interface GoldSpan {
  start: number
  end: number
  type: CoarseType
  text: string
}

export const DEV_DOCS = ['seed', 'guardian-1', 'ars-1', 'citylab-1', 'aclu', 'cnn'] as const
export const HELD_OUT_DOCS = ['nytimes-1', 'wapo-1', 'seattletimes-1'] as const
export const GOLD_FILE = join(REPO_ROOT, 'test/fixtures/suggest/gold.txt')

/** The corpus beside the repository (or beside the main checkout, from a worktree). */
export const CORPUS = [join(SHARED, 'corpus'), join(REPO_ROOT, '../../shared/corpus')].find((d) => existsSync(d)) ?? join(SHARED, 'corpus')

export function readGold(file = GOLD_FILE): Map<string, GoldSpan[]> {
  const out = new Map<string, GoldSpan[]>()
  let cur: GoldSpan[] | null = null
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue
    const doc = /^== (\S+)$/.exec(line)
    if (doc) {
      out.set(doc[1]!, (cur = []))
      continue
    }
    const [start, end, type, ...rest] = line.split('\t')
    if (!cur || !COARSE_TYPES.includes(type as CoarseType)) throw new Error(`bad gold line: ${line}`)
    cur.push({ start: Number(start), end: Number(end), type: type as CoarseType, text: rest.join('\t') })
  }
  return out
}

const SEED_FILE = 'NextFin - Scale AI Secures 500 Million Pentagon Deal.txt'

/** The canonical text the app shows for a gold document (and its language). */
export function goldText(name: string): { text: string; lang: string | null } {
  const path = name === 'seed' ? join(SEEDS_DIR, SEED_FILE) : join(CORPUS, 'html', name, 'source.html')
  const doc = parseForImport(readForImport(path))
  return { text: doc.text, lang: doc.lang }
}

export interface Counts {
  tp: number
  fp: number
  fn: number
}
export type Table = Record<CoarseType | 'ALL', { exact: Counts; overlap: Counts }>

function emptyTable(): Table {
  const t = {} as Table
  for (const k of [...COARSE_TYPES, 'ALL'] as const) t[k] = { exact: { tp: 0, fp: 0, fn: 0 }, overlap: { tp: 0, fp: 0, fn: 0 } }
  return t
}

/** Predicted spans with a coarse type (suggestions of other types, e.g. percentages, are not scored). */
export function predicted(s: readonly Suggestion[]): GoldSpan[] {
  const out: GoldSpan[] = []
  for (const x of s) {
    const type = coarseOf(x.type)
    if (type) out.push({ start: x.start, end: x.end, type, text: x.text })
  }
  return out
}

/**
 * Adds one document to the table. Exact: same start, end and type. Overlap:
 * same type and at least one shared character, each gold and predicted span
 * matched at most once.
 */
export function score(table: Table, gold: readonly GoldSpan[], pred: readonly GoldSpan[]): void {
  const key = (s: GoldSpan) => `${s.start}:${s.end}:${s.type}`
  const goldKeys = new Set(gold.map(key))
  const predKeys = new Set(pred.map(key))
  for (const p of pred) for (const k of [p.type, 'ALL'] as const) table[k].exact[goldKeys.has(key(p)) ? 'tp' : 'fp']++
  for (const g of gold) if (!predKeys.has(key(g))) for (const k of [g.type, 'ALL'] as const) table[k].exact.fn++
  const usedPred = new Set<number>()
  for (const g of gold) {
    const i = pred.findIndex((p, k) => !usedPred.has(k) && p.type === g.type && p.start < g.end && p.end > g.start)
    if (i >= 0) usedPred.add(i)
    for (const k of [g.type, 'ALL'] as const) table[k].overlap[i >= 0 ? 'tp' : 'fn']++
  }
  pred.forEach((p, i) => {
    if (!usedPred.has(i)) for (const k of [p.type, 'ALL'] as const) table[k].overlap.fp++
  })
}

export function prf(c: Counts): { p: number; r: number; f1: number } {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 }
}

export function newTable(): Table {
  return emptyTable()
}

export function formatTable(title: string, t: Table): string {
  const f = (x: number) => x.toFixed(2)
  const lines = [title, 'type      gold  exact P / R / F1      overlap P / R / F1']
  for (const k of [...COARSE_TYPES, 'ALL'] as const) {
    const e = prf(t[k].exact)
    const o = prf(t[k].overlap)
    const gold = t[k].exact.tp + t[k].exact.fn
    lines.push(`${k.padEnd(8)} ${String(gold).padStart(5)}   ${f(e.p)} / ${f(e.r)} / ${f(e.f1)}    ${f(o.p)} / ${f(o.r)} / ${f(o.f1)}`)
  }
  return lines.join('\n')
}
