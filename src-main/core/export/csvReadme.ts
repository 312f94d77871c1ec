// The README.txt written beside the CSV tables: what each file holds and what
// every column means. Kept next to the headers (csv.ts) and checked by a test
// that every column of every file is described here, so neither drifts.
import type { GraphSnapshot } from './types'

/** Column descriptions per file suffix; each file's header must be covered (test). */
export const CSV_COLUMNS: Record<string, [string, Record<string, string>]> = {
  '-nodes.csv': [
    'One row per entity.',
    {
      id: 'Node id, "e" + entity id (what edges.csv source/target refer to).',
      label: "The entity's name.",
      type: 'Entity type key (Person, Company, Location, ...).',
      type_label: 'Entity type as shown in the app.',
      color: "The type's colour on the map (#rrggbb).",
      mentions: 'Number of tagged mentions in all documents.',
      notes: "The analyst's notes on the entity.",
      entity_id: 'Entity id in the project.',
      aliases: 'Other names of the entity, separated by " | ".'
    }
  ],
  '-edges.csv': [
    'One row per edge: every claim and analyst judgement whose object is an entity, and co-mentions when the export asked for them. Each is its own edge, so parallel edges between the same two entities are expected.',
    {
      id: 'Edge id: "c" + claim id, or "m<a>-<b>" for a co-mention.',
      source: 'Subject node id (for a co-mention: the entity with the lower id; a co-mention has no direction).',
      target: 'Object node id.',
      source_label: "Subject's name.",
      target_label: "Object's name.",
      label: 'What to show on the edge: the predicate, or "co-mentioned".',
      predicate: "The claim's predicate as the analyst wrote it (empty for a co-mention).",
      relation_type: '"claim" for claims and judgements, "co-mention" otherwise (kept from earlier versions).',
      grade: 'Admiralty grade: source reliability A-F + information credibility 1-6, e.g. B2.',
      category: 'Same as relation_type (kept from earlier versions).',
      kind: 'claim (from a quoted passage), judgement (an explicit analyst judgement) or co-mention (tagged in the same paragraph; not a claim).',
      weight: 'Number of passages behind the edge (a judgement without a passage weighs 1; a co-mention: the paragraphs that hold both).',
      claim_id: 'The claim id (empty for a co-mention).',
      status: 'unverified, corroborated, disputed or refuted.',
      reliability: 'Source reliability: A completely reliable ... E unreliable, F cannot be judged.',
      credibility: 'Information credibility: 1 confirmed by other sources ... 5 improbable, 6 cannot be judged.',
      grade_meaning: 'The grade in words.',
      attribution: 'Attribution chain in order: "<role> <source> [e<entity id>]" joined by " > ".',
      analyst_judgement: 'true when the claim is an explicit analyst judgement.',
      passages: 'Number of quoted passages.',
      document_ids: 'Ids of the documents of the passages (or of the co-mention), space separated.',
      quotes: 'The quoted passages, joined by " | ".',
      note: "The analyst's note on the claim."
    }
  ],
  '-mentions.csv': [
    'One row per tagged mention. Offsets count into the document\'s canonical text (the text the app extracted, NFC).',
    {
      id: 'Mention id.',
      entity_id: 'Entity id (nodes.csv entity_id).',
      entity: "Entity's name.",
      entity_type: 'Entity type key.',
      document_id: 'Document id.',
      document: "Document's title.",
      document_sha256: "SHA-256 of the document's original file.",
      start_utf16: 'Start offset in UTF-16 code units (JavaScript, the project file).',
      end_utf16: 'End offset (exclusive) in UTF-16 code units.',
      start_codepoint: 'Start offset in Unicode code points (Python, W3C annotations).',
      end_codepoint: 'End offset (exclusive) in code points.',
      quote: 'The tagged words.',
      prefix: 'Text just before the quote.',
      suffix: 'Text just after the quote.'
    }
  ],
  '-claims.csv': [
    'One row per claim (analyst judgements and links included), value claims too.',
    {
      id: 'Claim id, "c" + number (edges.csv id, passages.csv claim_id).',
      kind: 'claim or judgement (an explicit analyst judgement).',
      subject_id: 'Subject entity id.',
      subject: "Subject's name.",
      predicate: 'The predicate as written ("awarded contract to", "valuation").',
      object_id: 'Object entity id; empty when the object is a value.',
      object: "Object entity's name, or the value as displayed.",
      value_kind: 'entity, money, date, number or text.',
      amount: 'Money: the amount as a number (exact, no separators).',
      currency: 'Money: ISO 4217 currency code.',
      qualifier: 'How the passage states the value: exact, about, at least, up to.',
      date: 'Date: ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD).',
      date_precision: 'Date: year, month or day.',
      number: 'Number: the value (exact).',
      unit: 'Number: its unit, if any.',
      text: 'Text value.',
      status: 'unverified, corroborated, disputed or refuted.',
      reliability: 'Source reliability A-F.',
      credibility: 'Information credibility 1-6.',
      grade: 'reliability + credibility, e.g. B2.',
      grade_meaning: 'The grade in words.',
      analyst_judgement: 'true when the claim is an explicit analyst judgement.',
      attribution: 'Attribution chain: "<role> <source> [e<entity id>]" joined by " > ".',
      attribution_roles: 'The chain\'s roles in order, "; " separated (reported by, according to, said).',
      attribution_sources: "The chain's source names in order, \"; \" separated.",
      attribution_source_ids: "The chain's source entity ids in order, space separated.",
      evidence_count: 'Number of quoted passages (passages.csv).',
      document_ids: 'Ids of the documents of the passages, space separated.',
      quotes: 'The quoted passages, joined by " | ".',
      note: "The analyst's note.",
      created_at: 'When the claim was made (ISO time).',
      updated_at: 'When it last changed (ISO time).'
    }
  ],
  '-passages.csv': [
    "One row per quoted passage of a claim, offsets into the document's canonical text.",
    {
      claim_id: 'Claim id (claims.csv id).',
      document_id: 'Document id.',
      document: "Document's title.",
      document_sha256: "SHA-256 of the document's original file.",
      start_utf16: 'Start offset in UTF-16 code units.',
      end_utf16: 'End offset (exclusive) in UTF-16 code units.',
      start_codepoint: 'Start offset in Unicode code points.',
      end_codepoint: 'End offset (exclusive) in code points.',
      quote: 'The quoted passage.',
      prefix: 'Text just before it.',
      suffix: 'Text just after it.'
    }
  ]
}

export function csvReadme(s: GraphSnapshot): string {
  const lines = [
    `Research Workbench CSV export of "${s.project.name}", ${s.exportedAt}`,
    '',
    'UTF-8 with a byte-order mark, comma separated, CRLF line ends (RFC 4180).',
    'A text cell that a spreadsheet would run as a formula (starting with = + @, a tab,',
    "a carriage return, or - followed by a formula) starts with an apostrophe (') added",
    'on export; remove it to get the original text.',
    ''
  ]
  for (const [suffix, [what, cols]] of Object.entries(CSV_COLUMNS)) {
    lines.push(`*${suffix}`, `  ${what}`)
    for (const [name, desc] of Object.entries(cols)) lines.push(`  ${name}: ${desc}`)
    lines.push('')
  }
  return lines.join('\r\n')
}
