// The font files the PDF embeds, shipped in the app bundle (vite copies
// them into the renderer's assets; `?url` gives their address inside the
// app) and read with fetch from the app itself: nothing leaves the machine.
// Each is fetched on the first export that needs it and kept for the next.
//
// Chosen by size, from the @embedpdf font packages (Noto, OFL, TrueType or
// OpenType files that a subsetter can read; the @fontsource packages ship
// only split WOFF2):
//   - Noto Sans Regular and Bold, 0.63 MB each: Latin, Greek, Cyrillic.
//     Loaded for every PDF.
//   - Noto Sans Hans (Simplified Chinese) Regular, 8.4 MB OpenType/CFF:
//     the smallest Noto CJK on npm with full CJK ideographs (Google's static
//     Noto Sans SC TTF is 10.5 MB a weight; Noto Sans CJK's pan-CJK OTF 16 MB+).
//     One weight only: a bold CJK title is set in the regular weight.
//     Loaded only when a text has CJK characters.
//   - Noto Naskh Arabic Regular, 0.13 MB (the Noto Arabic face on npm as a
//     plain TTF beside the others). Loaded only for Arabic script.
// The bundle grows by about 9.8 MB; the PDF by only the glyphs it uses.
import latinRegularUrl from '../../../../node_modules/@embedpdf/fonts-latin/fonts/NotoSans-Regular.ttf?url'
import latinBoldUrl from '../../../../node_modules/@embedpdf/fonts-latin/fonts/NotoSans-Bold.ttf?url'
import cjkUrl from '../../../../node_modules/@embedpdf/fonts-sc/fonts/NotoSansHans-Regular.otf?url'
import arabicUrl from '../../../../node_modules/@embedpdf/fonts-arabic/fonts/NotoNaskhArabic-Regular.ttf?url'
import type { FaceBytes } from './pdfFonts'

const CJK = /[\u2e80-\u2fdf\u3000-\u30ff\u3100-\u312f\u3190-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]|[\u{20000}-\u{3134f}]/u
const ARABIC = /[\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/

const loaded = new Map<string, Promise<Uint8Array>>()

function load(url: string): Promise<Uint8Array> {
  let p = loaded.get(url)
  if (!p) {
    p = fetch(new URL(url, location.href)).then(async (res) => {
      if (!res.ok) throw new Error(`The PDF font ${url} could not be read from the app (${res.status}).`)
      return new Uint8Array(await res.arrayBuffer())
    })
    // A failed read is tried again next time.
    p.catch(() => loaded.delete(url))
    loaded.set(url, p)
  }
  return p
}

/** The faces a PDF with these texts needs (all = every fallback, whatever the texts). */
export async function pdfFaces(texts: Iterable<string>, all = false): Promise<FaceBytes> {
  let cjk = all
  let arabic = all
  for (const t of texts) {
    if (cjk && arabic) break
    if (!cjk && CJK.test(t)) cjk = true
    if (!arabic && ARABIC.test(t)) arabic = true
  }
  const [regular, bold, ...fallbacks] = await Promise.all([
    load(latinRegularUrl),
    load(latinBoldUrl),
    ...(cjk ? [load(cjkUrl)] : []),
    ...(arabic ? [load(arabicUrl)] : [])
  ])
  return { regular: regular!, bold, fallbacks }
}
