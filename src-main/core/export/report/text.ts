// The words of the evidence report, shared by the Word and HTML writers so
// both say exactly the same thing: a claim as one sentence, its grade in
// plain language (NATO Admiralty code), its status, its attribution chain
// and its document's full citation.
//
// Trade-off: plain strings, no markup: each writer decides emphasis and
// layout; what is said (and what the tests look for) lives here once.
import {
  INFO_CREDIBILITY_LABELS,
  SOURCE_RELIABILITY_LABELS,
  type Claim,
  type ClaimStatus,
  type InfoCredibility
} from '../../../contract/claims'
import type { ReportData, ReportDocument } from './model'

export const STATUS_MEANING: Record<ClaimStatus, string> = {
  unverified: 'Unverified: not yet checked against other sources',
  corroborated: 'Corroborated: confirmed by independent sources',
  disputed: 'Disputed: other sources contradict it',
  refuted: 'Refuted: shown to be false'
}

/** The object as stated, with its qualifier: "up to 29,000,000,000 USD". */
export function objectText(c: Claim): string {
  return c.qualifier === 'exact' ? c.objectLabel : `${c.qualifier} ${c.objectLabel}`
}

/** "Scale AI — valuation — up to 29,000,000,000 USD" */
export function claimSentence(c: Claim): string {
  return `${c.subjectName} — ${c.predicate} — ${objectText(c)}`
}

/** "B2: source usually reliable; information probably true" */
export function gradeMeaning(c: Pick<Claim, 'reliability' | 'credibility'>): string {
  const r = SOURCE_RELIABILITY_LABELS[c.reliability] ?? 'unknown reliability'
  const i = INFO_CREDIBILITY_LABELS[c.credibility as InfoCredibility] ?? 'unknown credibility'
  return `${c.reliability}${c.credibility}: source ${lowerFirst(r)}; information ${lowerFirst(i)}`
}

export function statusText(c: Claim): string {
  return STATUS_MEANING[c.status] ?? c.status
}

/** "reported by NextFin → according to TSG Invest"; "none recorded" for an empty chain. */
export function attributionText(c: Claim): string {
  if (!c.attribution.length) return 'none recorded'
  return c.attribution.map((a) => `${a.role} ${a.entityName}`).join(' → ')
}

/** Where the claim comes from when it has no passage. */
export function judgementText(c: Claim): string | null {
  if (c.passage) return c.analystJudgement ? 'Also marked as an analyst judgement.' : null
  return "Analyst judgement: the analyst's own conclusion, with no quoted passage behind it."
}

/** The parts of a document's full citation, labelled, in reading order (empty parts left out). */
export function citationParts(d: ReportDocument): { label: string; value: string }[] {
  const parts = [
    { label: 'Title', value: d.title },
    { label: 'Publisher', value: d.publisher ?? '' },
    { label: 'Byline', value: d.byline ?? '' },
    { label: 'Date', value: d.publishedTime ?? '' },
    { label: 'File', value: d.fileName },
    { label: 'SHA-256', value: d.sha256 }
  ]
  return parts.filter((p) => p.value.trim() !== '')
}

/** One line: "“Title”. Publisher. Byline. Date. File: x.txt. SHA-256: ab12…" */
export function citationLine(d: ReportDocument): string {
  const parts = citationParts(d)
  return parts.map((p) => (p.label === 'Title' ? `“${p.value}”.` : p.label === 'File' || p.label === 'SHA-256' ? `${p.label}: ${p.value}.` : `${p.value}.`)).join(' ')
}

export function reportTitle(d: Pick<ReportData, 'project' | 'mapName'>): string {
  return d.mapName ? `Evidence report: ${d.project} — ${d.mapName}` : `Evidence report: ${d.project}`
}

/** "2 December 2026" from an ISO time (UTC, so the same report says the same date everywhere). */
export function longDate(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
  return `${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()}`
}

/** The title page's lines after the title: label and value. */
export function titleFacts(d: ReportData): { label: string; value: string }[] {
  return [
    { label: 'Project', value: d.project },
    { label: 'Map', value: d.mapName ?? '—' },
    { label: 'Author', value: d.author },
    { label: 'Date', value: longDate(d.date) },
    { label: 'Claims', value: `${d.claims.length} (${d.selection})` },
    { label: 'Entities', value: String(d.entities.length) },
    { label: 'Sources', value: String(d.documents.length) }
  ]
}

export const GRADE_KEY_TEXT =
  'Grades follow the NATO Admiralty code: a letter for the reliability of the source (A completely reliable … E unreliable, F cannot be judged) and a digit for the credibility of the information (1 confirmed by other sources … 5 improbable, 6 cannot be judged).'

/** Removes what XML 1.0 forbids (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/F): Word refuses a document that holds them. */
export function xmlSafe(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1)
}

/** Claim numbers as "1, 4, 7". */
export function numbers(ns: number[]): string {
  return ns.join(', ')
}

/** Documents by id, for finding each claim's citation. */
export function documentsById(d: ReportData): Map<number, ReportDocument> {
  return new Map(d.documents.map((x) => [x.id, x]))
}
