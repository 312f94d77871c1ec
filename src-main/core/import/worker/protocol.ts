// Messages between main (isolated.ts) and the import worker (importWorker.ts).
import type { CoreError } from '../../app/errors'
import type { FileForImport, ImportedDocument } from '../readFile'

export interface ImportRequest {
  id: number
  file: FileForImport
}

/** Sent while a file is read: OCR has recognised `done` of `total` pages (0: it starts; done === total: finished). */
export interface ImportProgressMessage {
  id: number
  ocrProgress: { done: number; total: number }
}

export type ImportResponse =
  | { id: number; ok: true; doc: ImportedDocument }
  | { id: number; ok: false; error: { code: CoreError['code']; message: string } }

export type WorkerMessage = ImportResponse | ImportProgressMessage
