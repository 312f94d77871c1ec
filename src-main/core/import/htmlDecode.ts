// Decoding a web page's bytes as a browser would (see decodeHtml), apart
// from the DOM parsing in html.ts so that code without the DOM (the W3C
// export's quote contexts, in the database worker) can decode pages too.
import sniffHTMLEncoding from 'html-encoding-sniffer'
import iconv from 'iconv-lite'
import { bomEncoding, decodeLegacy } from './decode'

function isAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return false
  return true
}

/**
 * The page's text, decoded as a browser would.
 *
 * - A BOM decides (UTF-8, UTF-16 LE/BE).
 * - Bytes that hold non-ASCII text and are valid UTF-8 are UTF-8 whatever the
 *   page declares (a saved page keeps its old <meta charset> after being
 *   re-saved as UTF-8, and legacy-encoded text is practically never valid
 *   UTF-8: browsers' detectors decide the same way).
 * - Otherwise a charset declared in the first 1024 bytes (<meta charset>,
 *   http-equiv; found by jsdom's own sniffer, the WHATWG prescan) decides:
 *   Shift_JIS, GBK, EUC-KR, Big5, KOI8-R, ISO-8859-x, windows-125x ... Pure
 *   ASCII follows its declaration too, so 7-bit encodings such as
 *   ISO-2022-JP are read right.
 * - Legacy bytes with no usable declaration are decoded with the encoding
 *   chardet finds most likely (windows-1252 when it is unsure).
 */
export function decodeHtml(bytes: Uint8Array): { text: string; encoding: string } {
  const bom = bomEncoding(bytes)
  if (bom) return { text: new TextDecoder(bom).decode(bytes.subarray(bom === 'utf-8' ? 3 : 2)), encoding: bom }
  const ascii = isAscii(bytes)
  if (!ascii) {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' }
    } catch {
      // not UTF-8: a declaration or the detector decides
    }
  }
  const declared = sniffHTMLEncoding(bytes, { defaultEncoding: '' })
  // A "utf-8" or "utf-16" declaration over bytes that are not UTF-8 says nothing.
  if (declared && !/^utf-?(8|16)/i.test(declared)) {
    const text = decodeAs(bytes, declared)
    if (text !== null) return { text, encoding: declared }
  }
  if (ascii) return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'), encoding: 'windows-1252' }
  return decodeLegacy(bytes)
}

/** Bytes in a named encoding: iconv-lite first, the platform's TextDecoder for the rest (ISO-2022-JP); null if neither knows it. */
function decodeAs(bytes: Uint8Array, encoding: string): string | null {
  if (iconv.encodingExists(encoding)) return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding)
  try {
    return new TextDecoder(encoding).decode(bytes)
  } catch {
    return null
  }
}
