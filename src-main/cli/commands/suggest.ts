// rwb suggest <project.rwb> <document-id> [--json]
//
// Prints one document's entity suggestions, as the reader shows them: the
// project's cache when its input is unchanged, else computed here, in
// process (the model loads in about half a second). Tagged and rejected
// places are left out. --json: [{start, end, text, type, score, source}]
// with UTF-16 offsets into `rwb text`'s canonical text, `type` an entity
// type key ('Percent' for a percentage) and `source` the layer.
//
// Trade-off: read-only like `rwb text`: a suggestion computed here is not
// written to the project's cache (the CLI never writes a project it only
// reads, so it also works on a project open in the app).
import { isCoreError } from '../../core/app/errors'
import { readSuggestions, visible } from '../../core/db/repos/suggestions'
import { suggestEntities } from '../../core/suggest/suggest'
import { CliError, EXIT_FAILED, EXIT_OK, parseCommandArgs, printList, usage, type CliIo } from '../args'
import { requireProject, withReadOnly } from '../project'
import { fit, table } from '../terminal'

export interface SuggestionListing {
  start: number
  end: number
  text: string
  type: string
  score: number
  source: string
}

export async function suggestCommand(args: string[], io: CliIo): Promise<number> {
  const p = parseCommandArgs(args, { json: { type: 'boolean' } })
  const project = requireProject(p.positionals[0], 'suggest')
  const raw = p.positionals[1]
  if (raw === undefined) throw usage('suggest: missing the document id')
  if (!/^[1-9]\d{0,14}$/.test(raw)) throw usage(`suggest: ${JSON.stringify(raw)} is not a document id (a positive whole number)`)
  if (p.positionals.length > 2) throw usage(`suggest: unexpected argument ${p.positionals[2]}`)
  const id = Number(raw)
  const list = await withReadOnly(project, (db) => {
    try {
      const read = readSuggestions(db, id)
      if (read.cached) return read.cached.suggestions
      const input = read.input!
      const computed = suggestEntities(input.text, { entities: input.entities, lang: input.lang })
      return visible(db, id, input.text.length, input.lang, computed).suggestions
    } catch (e) {
      if (isCoreError(e) && e.code === 'NOT_FOUND') throw new CliError(`${project}: document ${id} does not exist`, EXIT_FAILED)
      throw e
    }
  })
  const out: SuggestionListing[] = list.map((s) => ({ start: s.start, end: s.end, text: s.text, type: s.type, score: Math.round(s.score * 100) / 100, source: s.source }))
  return printList(io, out, Boolean(p.values.json), '(no suggestions)', (items) =>
    table(
      ['START', 'END', 'TYPE', 'SCORE', 'SOURCE', 'TEXT'],
      items.map((s) => [String(s.start), String(s.end), s.type, s.score.toFixed(2), s.source, fit(s.text, 60)]),
      new Set([0, 1, 3])
    )
  )
}
