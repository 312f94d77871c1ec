// Expands files and folders into the importable files they hold: folders
// recursively, hidden entries and symlinked folders skipped (no loops).
import { lstatSync, readdirSync, statSync } from 'node:fs'
import { basename, extname, join } from 'node:path'
import { IMPORTABLE_EXTENSIONS } from './readFile'

export const MAX_FOLDER_FILES = 20_000

export function listImportable(paths: string[]): string[] {
  const out: string[] = []
  const visit = (path: string, explicit: boolean) => {
    if (out.length >= MAX_FOLDER_FILES) return
    let st
    try {
      st = explicit ? statSync(path) : lstatSync(path)
    } catch {
      if (explicit) out.push(path) // let the import report it as unreadable
      return
    }
    if (st.isDirectory()) {
      if (!explicit && basename(path).startsWith('.')) return
      let names: string[]
      try {
        names = readdirSync(path).sort((a, b) => a.localeCompare(b))
      } catch {
        return
      }
      for (const name of names) visit(join(path, name), false)
    } else if (st.isFile()) {
      // A file the user named is always tried (and reported if unsupported);
      // inside folders only importable files are picked up.
      if (explicit || (!basename(path).startsWith('.') && IMPORTABLE_EXTENSIONS.includes(extname(path).slice(1).toLowerCase()))) out.push(path)
    }
  }
  for (const p of paths) visit(p, true)
  return out
}
