// How the library arranges its documents: sort orders, filters, file-type
// marks and the name a file goes by. Pure (no store, no DOM), so every rule
// is tested without a browser.
//
// Trade-offs: sorting and filtering run in the renderer over the list it
// already holds (documents.list is read after every change anyway); at
// 10,000 documents a sort is a few milliseconds, cheaper than a round trip.
// Titles compare with Intl.Collator (numeric, accent-aware, punctuation
// ignored: a title in quotes sorts by its first word), so "Report 9"
// sorts before "Report 10" and "Émile" beside "Emile", in every script.
import type { DocumentSummary } from '@contract/types'

export type SortKey = 'added' | 'title' | 'published' | 'publisher'
export const SORT_LABELS: Record<SortKey, string> = { added: 'Date added', title: 'Title', published: 'Date published', publisher: 'Publisher' }

export type Kind = 'pdf' | 'word' | 'web' | 'markdown' | 'text' | 'other'
export const KIND_LABELS: Record<Kind, { mark: string; label: string }> = {
  pdf: { mark: 'PDF', label: 'PDF' },
  word: { mark: 'DOC', label: 'Word document' },
  web: { mark: 'WEB', label: 'Web page' },
  markdown: { mark: 'MD', label: 'Markdown' },
  text: { mark: 'TXT', label: 'Plain text' },
  other: { mark: 'FILE', label: 'Other' }
}

export function kindOf(mediaType: string): Kind {
  if (mediaType === 'application/pdf') return 'pdf'
  if (mediaType.includes('wordprocessingml') || mediaType === 'application/msword') return 'word'
  if (mediaType === 'text/html' || mediaType === 'application/xhtml+xml') return 'web'
  if (mediaType === 'text/markdown') return 'markdown'
  if (mediaType.startsWith('text/')) return 'text'
  return 'other'
}

export interface LibraryFilter {
  kind: Kind | null
  /** A publisher (site name) as listed by publishersOf; null for all. */
  publisher: string | null
  taggedOnly: boolean
}
export const NO_FILTER: LibraryFilter = { kind: null, publisher: null, taggedOnly: false }

/** The publisher a document is listed under: its site name, else its byline's organisation, else none. */
export const publisherOf = (d: Pick<DocumentSummary, 'siteName'>): string | null => d.siteName?.trim() || null

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base', ignorePunctuation: true })

/** Newest first for dates (what an analyst looks for), A–Z for names; undated or unnamed documents last. */
export function sortDocuments(docs: readonly DocumentSummary[], key: SortKey): DocumentSummary[] {
  const out = [...docs]
  const byTitle = (a: DocumentSummary, b: DocumentSummary) => collator.compare(a.title, b.title) || a.id - b.id
  const lastIfMissing = <T,>(a: T | null, b: T | null, cmp: (x: T, y: T) => number) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : cmp(a, b))
  switch (key) {
    case 'added':
      return out.sort((a, b) => b.importedAt.localeCompare(a.importedAt) || b.id - a.id)
    case 'title':
      return out.sort(byTitle)
    case 'published':
      return out.sort((a, b) => lastIfMissing(a.publishedTime, b.publishedTime, (x, y) => y.localeCompare(x)) || byTitle(a, b))
    case 'publisher':
      return out.sort((a, b) => lastIfMissing(publisherOf(a), publisherOf(b), collator.compare) || byTitle(a, b))
  }
}

export function filterDocuments(docs: readonly DocumentSummary[], f: LibraryFilter): DocumentSummary[] {
  return docs.filter((d) => (f.kind === null || kindOf(d.mediaType) === f.kind) && (f.publisher === null || publisherOf(d) === f.publisher) && (!f.taggedOnly || d.mentionCount > 0))
}

/** The kinds and publishers present, for the filter menus (with counts, most common publishers first). */
export function facetsOf(docs: readonly DocumentSummary[]): { kinds: { kind: Kind; count: number }[]; publishers: { name: string; count: number }[] } {
  const kinds = new Map<Kind, number>()
  const publishers = new Map<string, number>()
  for (const d of docs) {
    const k = kindOf(d.mediaType)
    kinds.set(k, (kinds.get(k) ?? 0) + 1)
    const p = publisherOf(d)
    if (p) publishers.set(p, (publishers.get(p) ?? 0) + 1)
  }
  return {
    kinds: [...kinds].map(([kind, count]) => ({ kind, count })).sort((a, b) => b.count - a.count),
    publishers: [...publishers].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || collator.compare(a.name, b.name))
  }
}

// Names that say nothing about which file it is: a saved web page is
// "source.html" or "index.html" in a folder named after the article.
const GENERIC = /^(?:source|index|default|page|article|document|file|download|untitled|main|content|text)(?:\s*\(\d+\))?\.[a-z0-9]+$/i

/** The name a file goes by in progress and reports: its own name, or "folder/name" when the name alone is generic. */
export function displayName(path: string): string {
  const parts = path.split(/[\\/]/).filter(Boolean)
  const name = parts.at(-1) ?? path
  return GENERIC.test(name) && parts.length > 1 ? `${parts.at(-2)}/${name}` : name
}
