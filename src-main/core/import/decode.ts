// Text file decoding. A BOM decides (UTF-8, UTF-16 LE/BE); otherwise bytes
// that are valid UTF-8 are UTF-8. Anything else is a legacy encoding: chardet
// (a maintained port of ICU's detector) guesses which, iconv-lite decodes, and
// windows-1252, the usual encoding of legacy Western text files, is the
// fallback when the guess is weak.
import { analyse } from 'chardet'
import iconv from 'iconv-lite'

export interface Decoded {
  text: string
  /** The encoding used, as iconv-lite / WHATWG name it ('utf-8', 'windows-1252', 'Shift_JIS' ...). */
  encoding: string
}

export function decodeText(bytes: Uint8Array): Decoded {
  const bom = bomEncoding(bytes)
  if (bom === 'utf-8') return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' }
  if (bom) return { text: new TextDecoder(bom).decode(bytes.subarray(2)), encoding: bom }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' }
  } catch {
    return decodeLegacy(bytes)
  }
}

export function bomEncoding(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8'
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  return null
}

// Multi-byte East Asian encodings: chardet's confidence for them is high
// (often 100) on real text and about 10 on short or random input.
const MULTI_BYTE = new Set(['Shift_JIS', 'EUC-JP', 'GB18030', 'Big5', 'EUC-KR', 'ISO-2022-JP', 'ISO-2022-KR', 'ISO-2022-CN'])
const MIN_MULTI_BYTE_CONFIDENCE = 50
const MIN_SINGLE_BYTE_CONFIDENCE = 20

// ISO-8859 guesses for bytes that use 0x80-0x9F (C1 controls in ISO-8859,
// printable characters in the Windows code pages) are the Windows code page,
// as browsers decide; ISO-8859-1 and -9 are always read as their Windows
// supersets (the WHATWG Encoding Standard maps those labels the same way).
const WINDOWS_SUPERSET: Record<string, string> = {
  'ISO-8859-1': 'windows-1252',
  'ISO-8859-15': 'windows-1252',
  'ISO-8859-2': 'windows-1250',
  'ISO-8859-5': 'windows-1251',
  'ISO-8859-6': 'windows-1256',
  'ISO-8859-7': 'windows-1253',
  'ISO-8859-8': 'windows-1255',
  'ISO-8859-9': 'windows-1254',
  'ISO-8859-13': 'windows-1257'
}
const ALWAYS_SUPERSET = new Set(['ISO-8859-1', 'ISO-8859-9'])

/** The legacy encoding these (non-UTF-8, BOM-less) bytes most likely use. */
export function guessLegacyEncoding(bytes: Uint8Array): string {
  // A large file's first 256 KB decide: the detector is linear but not free.
  const sample = bytes.length > 262_144 ? bytes.subarray(0, 262_144) : bytes
  let best: { name: string; confidence: number } | undefined
  try {
    best = analyse(sample)[0]
  } catch {
    best = undefined
  }
  if (!best) return 'windows-1252'
  const { name, confidence } = best
  if (MULTI_BYTE.has(name)) return confidence >= MIN_MULTI_BYTE_CONFIDENCE && iconv.encodingExists(name) ? name : 'windows-1252'
  if (confidence < MIN_SINGLE_BYTE_CONFIDENCE || !iconv.encodingExists(name)) return 'windows-1252'
  if (/^(UTF|ASCII)/i.test(name)) return 'windows-1252'
  const superset = WINDOWS_SUPERSET[name]
  if (superset && (ALWAYS_SUPERSET.has(name) || hasC1Bytes(sample))) return superset
  return name
}

function hasC1Bytes(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80 && b <= 0x9f) return true
  return false
}

/** Decodes bytes that are not UTF-8 with the encoding they most likely use. */
export function decodeLegacy(bytes: Uint8Array): Decoded {
  const encoding = guessLegacyEncoding(bytes)
  return { text: iconv.decode(asBuffer(bytes), encoding), encoding }
}

/**
 * windows-1252 through iconv-lite: Node's own TextDecoder('windows-1252')
 * decodes as ISO-8859-1 in some builds, turning smart quotes, dashes and the
 * euro sign (0x80-0x9F) into invisible C1 control characters.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  return iconv.decode(asBuffer(bytes), 'windows-1252')
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

/**
 * True when bytes (without a UTF-16 BOM) are clearly not text: a NUL byte in
 * the first 64 KB, or more than 10% control characters other than tab, line
 * ends, form feed and escape. Random bytes, images and archives all qualify;
 * text in any of the encodings above never does.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const bom = bomEncoding(bytes)
  if (bom === 'utf-16le' || bom === 'utf-16be') return false
  const n = Math.min(bytes.length, 65_536)
  let controls = 0
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!
    if (b === 0) return true
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) controls++
  }
  return n > 0 && controls / n > 0.1
}
