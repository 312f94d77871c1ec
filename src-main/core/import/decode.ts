// Text file decoding: a BOM decides (UTF-8, UTF-16 LE/BE); otherwise strict
// UTF-8, and bytes that are not valid UTF-8 are read as windows-1252, the
// usual encoding of legacy Western text files.
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' }
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' }
  }
}

// Bytes 0x80-0x9F of windows-1252 (WHATWG Encoding Standard index; the five
// unassigned bytes map to the C1 control of the same value).
const CP1252_80_9F =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178'

/**
 * windows-1252 by table: Node 20's TextDecoder('windows-1252') decodes as
 * ISO-8859-1, so smart quotes, dashes and the euro sign (0x80-0x9F) would
 * come out as invisible C1 control characters.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = []
  const CHUNK = 8192
  const codes = new Array<number>(Math.min(CHUNK, bytes.length))
  for (let at = 0; at < bytes.length; at += CHUNK) {
    const end = Math.min(bytes.length, at + CHUNK)
    codes.length = end - at
    for (let i = at; i < end; i++) {
      const b = bytes[i]!
      codes[i - at] = b >= 0x80 && b <= 0x9f ? CP1252_80_9F.charCodeAt(b - 0x80) : b
    }
    parts.push(String.fromCharCode(...codes))
  }
  return parts.join('')
}
