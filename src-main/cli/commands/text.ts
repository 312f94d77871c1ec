// rwb text <project.rwb> <id>
//
// Prints a document's canonical text exactly as stored: the text every
// offset (mentions, claims, search hits) counts in, with no newline added.
//
// Trade-off: the text goes out as stored, control characters included, for
// scripts and pipes; it is not cleaned for a terminal as search's output is.
import { isCoreError } from '../../core/app/errors'
import { getDocument } from '../../core/db/repos/documents'
import { CliError, EXIT_FAILED, EXIT_OK, parseCommandArgs, usage, type CliIo } from '../args'
import { requireProject, withReadOnly } from '../project'

function parseId(raw: string | undefined, command: string): number {
  if (raw === undefined) throw usage(`${command}: missing the document id`)
  if (!/^[1-9]\d{0,14}$/.test(raw)) throw usage(`${command}: ${JSON.stringify(raw)} is not a document id (a positive whole number)`)
  return Number(raw)
}

export async function textCommand(args: string[], io: CliIo): Promise<number> {
  const p = parseCommandArgs(args, {})
  const project = requireProject(p.positionals[0], 'text')
  const id = parseId(p.positionals[1], 'text')
  if (p.positionals.length > 2) throw usage(`text: unexpected argument ${p.positionals[2]}`)
  const text = await withReadOnly(project, (db) => {
    try {
      return getDocument(db, id).text
    } catch (e) {
      if (isCoreError(e) && e.code === 'NOT_FOUND') throw new CliError(`${project}: document ${id} does not exist`, EXIT_FAILED)
      throw e
    }
  })
  io.out(text)
  return EXIT_OK
}
