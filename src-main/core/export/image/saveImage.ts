// Writing an exported map image (PNG, SVG or PDF) chosen through a save
// dialog: the bytes must be of the kind they claim, the name is made safe,
// and the file appears whole or not at all (core/fs/atomicWrite.ts).
import { basename, extname, join } from 'node:path'
import { CoreError } from '../../app/errors'
import type { NativeHost } from '../../app/native'
import { writeFileAtomic } from '../../fs/atomicWrite'

export type ImageKind = 'png' | 'svg' | 'pdf'

const INFO: Record<ImageKind, { label: string; ext: string }> = {
  png: { label: 'PNG image', ext: 'png' },
  svg: { label: 'SVG image', ext: 'svg' },
  pdf: { label: 'PDF document', ext: 'pdf' }
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/** True when `bytes` start the way a file of `kind` must. */
export function looksLike(kind: ImageKind, bytes: Uint8Array): boolean {
  if (kind === 'png') return PNG_SIGNATURE.every((b, i) => bytes[i] === b)
  if (kind === 'pdf') return new TextDecoder().decode(bytes.subarray(0, 5)) === '%PDF-'
  // SVG: text whose first element is <svg (after an optional BOM, XML declaration, comments or doctype).
  const head = new TextDecoder().decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '')
  const rest = head.replace(/^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*/i, '')
  return /^<svg[\s>]/i.test(rest)
}

export function safeFileName(suggested: string, kind: ImageKind): string {
  const ext = INFO[kind].ext
  const safe = suggested.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').trim() || 'map'
  return safe.toLowerCase().endsWith(`.${ext}`) ? safe : `${safe}.${ext}`
}

/** Writes `bytes` to `path` atomically (core/fs/atomicWrite.ts); a failure is a CoreError naming the file. */
export function writeAtomically(path: string, bytes: Uint8Array): void {
  try {
    writeFileAtomic(path, bytes)
  } catch (e) {
    throw new CoreError('IO', `Could not write ${basename(path)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`)
  }
}

/** Asks where to save, then writes; null when the dialog was cancelled. */
export async function saveImageDialog(
  native: NativeHost,
  defaultDir: string,
  a: { bytes: Uint8Array; kind: ImageKind; suggestedName: string }
): Promise<{ path: string } | null> {
  const info = INFO[a.kind]
  if (!looksLike(a.kind, a.bytes)) throw new CoreError('BAD_ARGS', `The image is not a ${a.kind.toUpperCase()} file.`)
  const chosen = await native.showSaveDialog({
    title: `Export map as ${a.kind.toUpperCase()}`,
    filters: [{ name: info.label, extensions: [info.ext] }],
    defaultPath: join(defaultDir, safeFileName(a.suggestedName, a.kind))
  })
  if (!chosen) return null
  const path = extname(chosen).toLowerCase() === `.${info.ext}` ? chosen : `${chosen}.${info.ext}`
  writeAtomically(path, a.bytes)
  return { path }
}
