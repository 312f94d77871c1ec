// Messages between main (isolated.ts) and the import worker (importWorker.ts).
import type { CoreError } from '../../app/errors'
import type { FileForImport, ImportedDocument } from '../readFile'

export interface ImportRequest {
  id: number
  file: FileForImport
}

export type ImportResponse =
  | { id: number; ok: true; doc: ImportedDocument }
  | { id: number; ok: false; error: { code: CoreError['code']; message: string } }
