import type { ErrorCode } from '../../contract/api'

/**
 * An error whose message is meant for the user, with a code for the UI and,
 * optionally, plain-JSON details the UI can act on (for example
 * `{ backupAvailable: true, path }` for a damaged project).
 */
export class CoreError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>
  ) {
    super(message)
    this.name = 'CoreError'
  }
}

export function isCoreError(e: unknown): e is CoreError {
  return e instanceof Error && typeof (e as CoreError).code === 'string' && e.name === 'CoreError'
}
