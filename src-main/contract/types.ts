// Domain types shared by main, preload and renderer. Plain JSON only (plus
// Uint8Array): the e2e harness carries these through Playwright's
// exposeBinding, which cannot carry Map or Node's Buffer.

/** Offsets are UTF-16 code-unit indexes into a document's canonical text. */
export interface TextSpan {
  start: number
  end: number
}

export type BlockKind =
  | 'p'
  | 'h1'
  | 'h2'
  | 'h3'
  | 'h4'
  | 'h5'
  | 'h6'
  | 'li'
  | 'quote'
  | 'pre'
  | 'row'

/** A block of the canonical text: a paragraph, heading, list item ... */
export interface Block extends TextSpan {
  kind: BlockKind
}

export interface DocumentSummary {
  id: number
  title: string
  byline: string | null
  siteName: string | null
  publishedTime: string | null
  sourcePath: string
  mediaType: string
  fileSize: number
  sha256: string
  importedAt: string
  textLength: number
  mentionCount: number
}

export interface DocumentContent extends DocumentSummary {
  lang: string | null
  dir: 'ltr' | 'rtl' | null
  excerpt: string | null
  text: string
  blocks: Block[]
}

export interface Entity {
  id: number
  name: string
  type: string
  notes: string
  mentionCount: number
  createdAt: string
}

export interface Mention extends TextSpan {
  id: number
  entityId: number
  documentId: number
  quote: string
  prefix: string
  suffix: string
  createdAt: string
}

/** A mention with what the entities pane shows: its sentence and document. */
export interface MentionInContext extends Mention {
  documentTitle: string
  sentence: string
  /** Offset of the mention inside `sentence`. */
  sentenceStart: number
}

export interface Relation {
  id: number
  sourceId: number
  targetId: number
  type: string
  label: string
  createdAt: string
}

/** Two entities mentioned in the same block (paragraph) of a document. */
export interface CoMention {
  a: number
  b: number
  count: number
}

export interface ProjectInfo {
  path: string
  name: string
  documentCount: number
  entityCount: number
}

export interface SaveState {
  dirty: boolean
  saving: boolean
  lastSavedAt: string | null
  error: string | null
}

export interface ImportResult {
  path: string
  status: 'imported' | 'duplicate' | 'failed' | 'cancelled'
  documentId?: number
  title?: string
  reason?: string
}

/** Commands the native menu sends to the renderer. */
export interface ImportProgress {
  done: number
  total: number
  /** The file being read, or null when the import has finished. */
  current: string | null
}

export type MenuCommand =
  | 'file.open'
  | 'file.importFolder'
  | 'project.new'
  | 'project.open'
  | 'project.saveAs'
  | 'export.mapPng'
  | 'view.reader'
  | 'view.map'
  | 'reader.find'

export type AppEvent =
  | { kind: 'menu'; command: MenuCommand }
  | { kind: 'save'; state: SaveState }
  | { kind: 'project'; info: ProjectInfo }
  | { kind: 'import'; progress: ImportProgress }
