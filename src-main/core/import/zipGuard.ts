// Checks a zip archive (a .docx) before anything unpacks it for real: the
// central directory's declared sizes must stay under a cap, and every entry
// is then inflated once, streaming, with yauzl checking that no entry
// inflates past the size it declares. A zip bomb (honest or lying about its
// sizes) therefore fails after at most `maxTotalBytes` of inflating, long
// before mammoth (through JSZip) would inflate it whole into memory.
import yauzl from 'yauzl'
import { CoreError } from '../app/errors'

export interface ZipLimits {
  /** Total uncompressed bytes the archive may declare and inflate to. */
  maxTotalBytes: number
  maxEntries: number
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxTotalBytes: 256 * 1024 * 1024, maxEntries: 20_000 }

export class ZipError extends Error {}

const mb = (n: number) => `${(n / 1048576).toFixed(n < 10 * 1048576 ? 1 : 0)} MB`

/**
 * Walks the archive; resolves with the inflated bytes of the entries named in
 * `keep`. Throws CoreError('IMPORT_FAILED') for a zip bomb, ZipError for an
 * archive that is not a readable zip.
 */
export function checkZip(bytes: Uint8Array, keep: string[] = [], limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<Map<string, Buffer>> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, decodeStrings: true, strictFileNames: false }, (err, zip) => {
      if (err || !zip) return reject(new ZipError(err?.message ?? 'not a zip archive'))
      const kept = new Map<string, Buffer>()
      let declared = 0
      let inflated = 0
      let done = false
      const fail = (e: Error) => {
        if (done) return
        done = true
        zip.close()
        reject(e)
      }
      if (zip.entryCount > limits.maxEntries) {
        return fail(new CoreError('IMPORT_FAILED', `the Word document holds too many parts (${zip.entryCount}; the limit is ${limits.maxEntries})`))
      }
      const bomb = (total: number) =>
        new CoreError(
          'IMPORT_FAILED',
          `the Word document unpacks to more than ${mb(limits.maxTotalBytes)} (${mb(total)} or more): it looks like a zip bomb`
        )
      // yauzl's size check: "too many bytes in the stream. expected N. got at least M".
      const overflow = (e: Error) => /too many bytes/i.test(e.message)
      const lying = () => new CoreError('IMPORT_FAILED', 'the Word document is damaged or a zip bomb: a part unpacks to more than the size it declares')
      zip.on('error', (e: Error) => fail(overflow(e) ? lying() : new ZipError(e.message)))
      zip.on('end', () => {
        if (done) return
        done = true
        resolve(kept)
      })
      zip.on('entry', (entry: yauzl.Entry) => {
        if (done) return
        declared += entry.uncompressedSize
        if (declared > limits.maxTotalBytes) return fail(bomb(declared))
        if (/\/$/.test(entry.fileName)) return zip.readEntry()
        if (entry.isEncrypted()) return fail(new CoreError('IMPORT_FAILED', 'this Word document is encrypted; save it without a password and import that'))
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return fail(new ZipError(e?.message ?? 'unreadable entry'))
          const chunks: Buffer[] | null = keep.includes(entry.fileName) ? [] : null
          stream.on('data', (chunk: Buffer) => {
            inflated += chunk.length
            if (inflated > limits.maxTotalBytes) {
              stream.destroy()
              fail(bomb(inflated))
              return
            }
            chunks?.push(chunk)
          })
          stream.on('error', (se: Error) => fail(overflow(se) ? lying() : new ZipError(se.message)))
          stream.on('end', () => {
            if (chunks) kept.set(entry.fileName, Buffer.concat(chunks))
            if (!done) zip.readEntry()
          })
        })
      })
      zip.readEntry()
    })
  })
}
