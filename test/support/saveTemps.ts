// The temp files an interrupted save leaves beside a project (`.<name>.<…>.tmp`
// and `.tmp.bak`), for the crash-safety tests (crashSafety.*.test.ts).
import { readdirSync } from 'node:fs'
import { basename, join } from 'node:path'

export function tempsBeside(path: string): string[] {
  const prefix = `.${basename(path)}.`
  return readdirSync(join(path, '..')).filter((f) => f.startsWith(prefix) && /\.tmp(\.bak)?$/.test(f))
}
