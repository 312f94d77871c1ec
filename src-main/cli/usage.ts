// The `rwb --help` text. A module of its own because it lists the export
// formats from the API contract, which loads zod and every method's schema:
// only --help (or no command at all) pays for that.
import { DATA_EXPORT_FORMATS } from '../contract/exportFormats'

export const USAGE = `Usage: rwb <command> <project.rwb> ...

Commands:
  import <project.rwb> <file-or-folder>...   import files (folders recursively); creates the project if missing
  documents <project.rwb> [--json]            list the documents
  text <project.rwb> <id>                     print a document's canonical text exactly
  search <project.rwb> <query>... [--json] [--limit N]
                                              full-text search ("phrase", OR, -word, prefix*)
  export <project.rwb> --format ${DATA_EXPORT_FORMATS.join('|')} --out <path> [--co-mentions]
                                              export entities, claims and mentions as data (csv: tables + README beside <path>)
  import-annotations <project.rwb> <file.jsonld> [--json]
                                              import W3C Web Annotations as mentions and claims; prints what could not be placed
  report <project.rwb> --out <file.docx|file.html> [--map NAME] [--author NAME]
                                              evidence report: each claim with its grade and meaning, status,
                                              attribution, quoted passage and full citation, the analyst's note;
                                              an entity index with aliases; a source list. --map NAME: only the
                                              claims that map shows under its saved filters. The command line
                                              draws no map image (the app's Export → Evidence Report… does);
                                              the report says so. Author: --author, else the system user name.
  suggest <project.rwb> <document-id> [--json]
                                              entity suggestions of one document (not yet tagged or rejected):
                                              start/end (UTF-16 offsets into \`rwb text\`), text, type, score, source

Exit status: 0 done, 1 something failed, 2 usage error or not a project.
`
