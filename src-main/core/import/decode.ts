import iconv from 'iconv-lite'

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

/**
 * windows-1252 through iconv-lite: Node's own TextDecoder('windows-1252')
 * decodes as ISO-8859-1 in some builds, turning smart quotes, dashes and the
 * euro sign (0x80-0x9F) into invisible C1 control characters.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'windows-1252')
}
