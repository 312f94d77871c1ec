// Data export: which formats exist, what each writes, and writing the files
// atomically (core/fs/atomicWrite.ts: all temp files are written before the
// first rename, so a failure leaves no half-written export behind).
import { extname } from 'node:path'
import { writeFilesAtomic } from '../fs/atomicWrite'
import { toCsv } from './csv'
import { toCyjs } from './cyjs'
import { toFtm } from './ftm'
import { toGexf } from './gexf'
import { toGraphML } from './graphml'
import type { SnapshotOptions } from './snapshot'
import type { ExportFile, ExportFormat, GraphSnapshot } from './types'
import { toW3C } from './w3c'

export { EXPORT_FORMATS, type ExportFormat, type GraphSnapshot } from './types'

export interface FormatInfo {
  label: string
  /** The extension added when the chosen name has none of `accepts`. */
  extension: string
  /** Extensions a chosen file name may already end with (single-file formats). */
  accepts: string[]
  /** Whether the export needs code-point offsets (the worker reads the texts to convert them). */
  codePoints: boolean
  /** Whether it needs the canonical texts and quote contexts (W3C) or the files' SHA-1 (FtM). */
  texts?: boolean
  contentHashes?: boolean
}

export const FORMAT_INFO: Record<ExportFormat, FormatInfo> = {
  graphml: { label: 'GraphML (yEd, Gephi, networkx)', extension: 'graphml', accepts: ['.graphml', '.xml'], codePoints: false },
  gexf: { label: 'GEXF 1.3 (Gephi)', extension: 'gexf', accepts: ['.gexf'], codePoints: false },
  csv: { label: 'CSV tables (nodes, edges, mentions, claims, passages) and README.txt', extension: 'csv', accepts: ['.csv'], codePoints: true },
  ftm: { label: 'FollowTheMoney entities (JSON lines)', extension: 'ftm.json', accepts: ['.json', '.jsonl', '.ijson', '.ftm'], codePoints: false, contentHashes: true },
  w3c: { label: 'W3C Web Annotations (JSON-LD)', extension: 'jsonld', accepts: ['.jsonld', '.json'], codePoints: true, texts: true },
  cyjs: { label: 'Cytoscape JSON', extension: 'cyjs', accepts: ['.cyjs', '.json'], codePoints: false }
}

/** What a format needs read from the project (see FormatInfo), plus the user's choice of co-mentions. */
export function snapshotOptionsFor(format: ExportFormat, opts: { coMentions?: boolean } = {}): SnapshotOptions {
  const info = FORMAT_INFO[format]
  return { codePoints: info.codePoints, texts: info.texts ?? false, contentHashes: info.contentHashes ?? false, coMentions: opts.coMentions ?? false }
}

/** The files one export consists of. Single-file formats have one file (suffix ''); CSV has five tables and a README. */
export function renderExport(s: GraphSnapshot, format: ExportFormat): ExportFile[] {
  switch (format) {
    case 'graphml':
      return [{ suffix: '', content: toGraphML(s) }]
    case 'gexf':
      return [{ suffix: '', content: toGexf(s) }]
    case 'csv':
      return toCsv(s)
    case 'ftm':
      return [{ suffix: '', content: toFtm(s) }]
    case 'w3c':
      return [{ suffix: '', content: toW3C(s) }]
    case 'cyjs':
      return [{ suffix: '', content: toCyjs(s) }]
  }
}

/**
 * Where an export goes, given the path the user chose. A single-file format
 * writes the chosen path, adding the format's extension when the name has
 * none it accepts. CSV writes its files beside the chosen path, named after
 * it without its `.csv`: `<name>-nodes.csv`, `-edges.csv`, `-mentions.csv`,
 * `-claims.csv`, `-passages.csv` and `<name>-README.txt` (not a bare
 * README.txt: that could overwrite a file of the user's in the folder).
 */
export function exportPaths(chosen: string, format: ExportFormat, files: ExportFile[]): string[] {
  const info = FORMAT_INFO[format]
  if (format === 'csv') {
    const base = chosen.toLowerCase().endsWith('.csv') ? chosen.slice(0, -4) : chosen
    return files.map((f) => `${base}${f.suffix}`)
  }
  const ext = extname(chosen).toLowerCase()
  return [info.accepts.includes(ext) ? chosen : `${chosen}.${info.extension}`]
}

/** Renders and writes an export; returns the paths written. */
export function writeExport(s: GraphSnapshot, format: ExportFormat, chosen: string): string[] {
  const files = renderExport(s, format)
  const paths = exportPaths(chosen, format, files)
  return writeFilesAtomic(
    files.map((f, i) => ({ path: paths[i]!, data: f.content })),
    { mode: 0o644 }
  )
}
