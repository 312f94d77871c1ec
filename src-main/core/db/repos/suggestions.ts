// Entity suggestions in the project: the cache of the engine's output per
// document, the analyst's rejections, and accepting (a mention, and the
// entity if none matches, as one undoable step).
//
// Trade-offs:
// - The cache holds the engine's raw output keyed by what it was computed
//   from (engine version, the text, the project's names and aliases that can
//   occur in that text); tags and rejections are filtered out when it is
//   read. So tagging or rejecting costs no recomputation, while a new entity
//   or alias (which changes the dictionary layer) does, in the documents
//   whose words include its first word only. Finding those costs a pass over
//   the text's words at each read: 40–55 ms for 1 MB, under 5 ms for a 6 kB
//   article against 20,000 names (each name's first word is worked out once).
// - A tag that cuts a suggestion drops it rather than leaving a shorter one:
//   the analyst has just looked at those words.
// - The engine runs outside this worker (core/suggest/ worker, or in
//   process for the CLI): reading the cache returns the input to compute
//   from when it is stale, and storing answers with the filtered list.
import { createHash } from 'node:crypto'
import type { AcceptResult, DocumentSuggestions, EntitySuggestion } from '../../../contract/suggestions'
import type { Entity, Mention } from '../../../contract/types'
import { checkSpan, makeAnchor, trimSpan } from '../../anchor/anchor'
import { CoreError } from '../../app/errors'
import { entitiesIn } from '../../suggest/dictionary'
import { ENGINE_VERSION, isEnglish, type KnownEntity, type Suggestion } from '../../suggest/types'
import { findNames, foldKey, foldText } from '../../tagging/text'
import { all, get, run, transaction, type Database } from '../sqlite'
import { createEntity, getEntity } from './entities'
import { describeAction } from './history'

/** What the engine needs for one document, when the cache cannot answer. */
export interface SuggestInput {
  text: string
  lang: string | null
  entities: KnownEntity[]
}

export interface SuggestRead {
  key: string
  /** The filtered list from the cache; null when it must be computed (from `input`). */
  cached: DocumentSuggestions | null
  input: SuggestInput | null
}

/** The project's names and aliases, as the dictionary layer takes them. */
export function knownEntities(db: Database): KnownEntity[] {
  const aliases = new Map<number, string[]>()
  for (const a of all<{ entityId: number; name: string }>(db, 'SELECT entity_id AS entityId, name FROM entity_aliases ORDER BY id')) {
    const list = aliases.get(a.entityId)
    if (list) list.push(a.name)
    else aliases.set(a.entityId, [a.name])
  }
  return all<{ id: number; name: string; type: string }>(db, 'SELECT id, name, type FROM entities ORDER BY id').map((e) => ({ ...e, aliases: aliases.get(e.id) ?? [] }))
}

function cacheKey(text: string, lang: string | null, entities: KnownEntity[]): string {
  const h = createHash('sha256')
  h.update(`${ENGINE_VERSION}\u0000${lang ?? ''}\u0000`)
  h.update(text)
  h.update('\u0000')
  h.update(JSON.stringify(entities))
  return h.digest('hex')
}

function docRow(db: Database, documentId: number): { text: string; lang: string | null } {
  const row = get<{ text: string; lang: string | null }>(db, 'SELECT text, lang FROM documents WHERE id = ?', [documentId])
  if (!row) throw new CoreError('NOT_FOUND', `Document ${documentId} does not exist.`)
  return row
}

/** The cached suggestions if their input is unchanged, else what to compute them from. */
export function readSuggestions(db: Database, documentId: number): SuggestRead {
  const { text, lang } = docRow(db, documentId)
  // Only the names that can occur in this text (dictionary.ts): they alone shape its suggestions.
  const entities = entitiesIn(text, knownEntities(db))
  const key = cacheKey(text, lang, entities)
  const row = get<{ key: string; suggestions: string }>(db, 'SELECT cache_key AS key, suggestions FROM suggestion_cache WHERE document_id = ?', [documentId])
  if (row && row.key === key) {
    return { key, cached: visible(db, documentId, text.length, lang, JSON.parse(row.suggestions) as Suggestion[]), input: null }
  }
  return { key, cached: null, input: { text, lang, entities } }
}

/** Keeps the engine's output for `key`, and answers with what the analyst sees of it. */
export function storeSuggestions(db: Database, a: { documentId: number; key: string; suggestions: Suggestion[] }, now: string): DocumentSuggestions {
  const { text, lang } = docRow(db, a.documentId)
  db.run('INSERT OR REPLACE INTO suggestion_cache (document_id, cache_key, suggestions, computed_at) VALUES (?, ?, ?, ?)', [
    a.documentId,
    a.key,
    JSON.stringify(a.suggestions),
    now
  ])
  return visible(db, a.documentId, text.length, lang, a.suggestions)
}

/** The engine's output without what overlaps a tag or was rejected (that span, or that name everywhere). */
export function visible(db: Database, documentId: number, textLength: number, lang: string | null, raw: readonly Suggestion[]): DocumentSuggestions {
  const tagged = new Uint8Array(textLength + 1)
  for (const m of all<{ start: number; end: number }>(db, 'SELECT start, end FROM mentions WHERE document_id = ?', [documentId])) {
    tagged.fill(1, Math.max(0, m.start), Math.min(m.end, tagged.length))
  }
  const spans = new Set(
    all<{ start: number; end: number }>(db, 'SELECT start, end FROM suggestion_rejections WHERE document_id = ?', [documentId]).map((r) => `${r.start}:${r.end}`)
  )
  const names = new Set(all<{ k: string }>(db, 'SELECT name_key AS k FROM suggestion_rejections WHERE document_id IS NULL').map((r) => r.k))
  const suggestions: EntitySuggestion[] = []
  for (const s of raw) {
    if (s.end > textLength || tagged.subarray(s.start, s.end).includes(1)) continue
    if (spans.has(`${s.start}:${s.end}`) || names.has(foldKey(s.text))) continue
    suggestions.push(s)
  }
  return { documentId, suggestions, limited: !isEnglish(lang), lang }
}

/** The entity a name stands for: its own name first, then an alias; null when none. */
export function entityNamed(db: Database, name: string): Entity | null {
  const key = foldKey(name)
  const own = all<{ id: number; name: string }>(db, 'SELECT id, name FROM entities ORDER BY id').filter((e) => foldKey(e.name) === key)
  const exact = own.find((e) => e.name === name.trim()) ?? own[0]
  if (exact) return getEntity(db, exact.id)
  const alias = get<{ id: number }>(db, 'SELECT entity_id AS id FROM entity_aliases WHERE name_key = ? ORDER BY id LIMIT 1', [key])
  return alias ? getEntity(db, alias.id) : null
}

const COLUMNS = `id, entity_id AS entityId, document_id AS documentId, start, end, quote, prefix, suffix, created_at AS createdAt`

/** Places of the entity's name and aliases in the project not yet tagged with it. */
export function untaggedPlaces(db: Database, entity: Entity, documentId: number): AcceptResult['more'] {
  const names = [entity.name, ...all<{ name: string }>(db, 'SELECT name FROM entity_aliases WHERE entity_id = ?', [entity.id]).map((r) => r.name)]
  let mentions = 0
  let inThisDocument = 0
  const docs = new Set<number>()
  for (const d of all<{ id: number; text: string }>(db, 'SELECT id, text FROM documents ORDER BY id')) {
    const found = findNames(foldText(d.text), names)
    if (!found.length) continue
    const tags = all<{ start: number; end: number }>(db, 'SELECT start, end FROM mentions WHERE document_id = ? AND entity_id = ?', [d.id, entity.id])
    for (const f of found) {
      if (tags.some((t) => t.start < f.end && t.end > f.start)) continue
      mentions++
      docs.add(d.id)
      if (d.id === documentId) inThisDocument++
    }
  }
  return { mentions, documents: docs.size, inThisDocument }
}

export function acceptSuggestions(
  db: Database,
  a: { documentId: number; spans: { start: number; end: number }[]; entityId?: number; name: string; type: string },
  now: string
): AcceptResult {
  const result = transaction(db, () => {
    const { text } = docRow(db, a.documentId)
    let entity = a.entityId !== undefined ? getEntity(db, a.entityId) : entityNamed(db, a.name)
    const createdEntity = !entity
    entity ??= createEntity(db, { name: a.name.normalize('NFC').trim(), type: a.type }, now)
    const created: Mention[] = []
    let skipped = 0
    for (const s of [...a.spans].sort((x, y) => x.start - y.start)) {
      const problem = checkSpan(text, s.start, s.end)
      if (problem) throw new CoreError('BAD_ARGS', `Cannot tag ${s.start}–${s.end}: ${problem}.`)
      const span = trimSpan(text, s.start, s.end)
      // The same entity on or around these words, or any tag on exactly them: nothing to add.
      const dup = get(db, 'SELECT 1 AS x FROM mentions WHERE document_id = ? AND ((entity_id = ? AND start < ? AND end > ?) OR (start = ? AND end = ?))', [
        a.documentId,
        entity.id,
        span.end,
        span.start,
        span.start,
        span.end
      ])
      if (dup) {
        skipped++
        continue
      }
      const an = makeAnchor(text, span.start, span.end)
      const id = run(db, 'INSERT INTO mentions (entity_id, document_id, start, end, quote, prefix, suffix, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
        entity.id,
        a.documentId,
        an.start,
        an.end,
        an.quote,
        an.prefix,
        an.suffix,
        now
      ]).lastId
      created.push(get<Mention>(db, `SELECT ${COLUMNS} FROM mentions WHERE id = ?`, [id])!)
    }
    describeAction(
      created.length === 1
        ? `Accept suggestion “${created[0]!.quote}” as ${entity.name}${createdEntity ? ' (new)' : ''}`
        : `Accept ${created.length} suggestions as ${entity.name}${createdEntity ? ' (new)' : ''}`
    )
    return { entity: getEntity(db, entity.id), createdEntity, created, skipped }
  })
  return { ...result, more: untaggedPlaces(db, result.entity, a.documentId) }
}

export function rejectSuggestion(
  db: Database,
  a: { documentId: number; spans: { start: number; end: number }[]; text: string; everywhere?: boolean },
  now: string
): { rejected: number } {
  const { text } = docRow(db, a.documentId)
  if (a.spans.some((s) => s.end > text.length)) throw new CoreError('BAD_ARGS', 'That place is outside the document.')
  const name = a.text.normalize('NFC').trim()
  const key = foldKey(name)
  return transaction(db, () => {
    if (a.everywhere) {
      if (get(db, 'SELECT 1 AS x FROM suggestion_rejections WHERE document_id IS NULL AND name_key = ?', [key])) return { rejected: 0 }
      run(db, 'INSERT INTO suggestion_rejections (document_id, start, end, name, name_key, created_at) VALUES (NULL, NULL, NULL, ?, ?, ?)', [name, key, now])
      describeAction(`Never suggest “${name}”`)
      return { rejected: 1 }
    }
    let rejected = 0
    for (const s of a.spans) {
      if (get(db, 'SELECT 1 AS x FROM suggestion_rejections WHERE document_id = ? AND start = ? AND end = ?', [a.documentId, s.start, s.end])) continue
      run(db, 'INSERT INTO suggestion_rejections (document_id, start, end, name, name_key, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
        a.documentId,
        s.start,
        s.end,
        name,
        key,
        now
      ])
      rejected++
    }
    describeAction(rejected === 1 ? `Reject suggestion “${name}”` : `Reject ${rejected} suggestions “${name}”`)
    return { rejected }
  })
}
