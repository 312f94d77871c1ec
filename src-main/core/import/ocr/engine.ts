// The OCR engine: tesseract.js (Tesseract's LSTM recogniser compiled to
// WebAssembly) in its own worker thread, with everything it loads taken from
// the app's own files: the worker script and the WASM core from the
// tesseract.js packages (in Node it requires them by module path; it has no
// CDN fallback for them), the language data from @tesseract.js-data/<lang>
// (its 4.0.0_best_int model, gzipped) by a local directory path. Nothing is
// cached (cacheMethod 'none': no traineddata copied into the working folder)
// and every path is checked to be an existing local file before the worker
// starts, so a missing package is a plain error, never a download.
//
// Trade-offs: recognisers are started for each file (ocrPages.ts runs up
// to two side by side) and ended with it: the language data is read and
// unpacked again for every scan (a fraction of a second) rather than kept
// alive between imports, which would hold ~100 MB each for the rest of the
// session. The LSTM-only engine and its integer "best" model: the legacy
// engine would add ~10 MB of data and time for no accuracy on print.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { CoreError } from '../../app/errors'

/** Languages whose data ships with the app (an npm package each). */
export const OCR_LANGUAGES = ['eng'] as const
export type OcrLanguage = (typeof OCR_LANGUAGES)[number]

export interface OcrWord {
  text: string
  /** 0–100. */
  confidence: number
  /** Pixels of the recognised image, y down. */
  x0: number
  y0: number
  x1: number
  y1: number
}

export interface OcrLine {
  words: OcrWord[]
  /** The line's baseline at its left end, image pixels (y down). */
  baseline: number
  x0: number
  x1: number
  /** From the top of the line's tallest letters to its baseline, in pixels (the font size's stand-in). */
  height: number
}

export interface OcrPageResult {
  lines: OcrLine[]
  /** Tesseract's mean word confidence for the page, 0–100. */
  confidence: number
}

export interface OcrEngine {
  recognise(image: Uint8Array, dpi: number): Promise<OcrPageResult>
  close(): Promise<void>
}

interface Paths {
  workerPath: string
  langPath: string
}

/** The worker script and language data directory, from the installed packages. */
export function ocrPaths(lang: OcrLanguage): Paths {
  const require = createRequire(import.meta.url)
  let tesseractRoot: string
  let dataRoot: string
  try {
    tesseractRoot = dirname(require.resolve('tesseract.js/package.json'))
    dataRoot = dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`))
  } catch (e) {
    throw new CoreError('IMPORT_FAILED', `OCR is not available: its files are missing from this installation (${(e as Error).message})`)
  }
  const paths = {
    workerPath: join(tesseractRoot, 'src', 'worker-script', 'node', 'index.js'),
    langPath: join(dataRoot, '4.0.0_best_int')
  }
  for (const p of [paths.workerPath, join(paths.langPath, `${lang}.traineddata.gz`)]) {
    if (!existsSync(p)) throw new CoreError('IMPORT_FAILED', `OCR is not available: ${p} is missing from this installation`)
  }
  return paths
}

type Tesseract = typeof import('tesseract.js')
type Bbox = { x0: number; y0: number; x1: number; y1: number }
type TessLine = { words: { text: string; confidence: number; bbox: Bbox }[]; baseline: Bbox; bbox: Bbox }

/** Starts a recogniser for `lang` (its worker thread and language data). */
export async function startOcrEngine(lang: OcrLanguage = 'eng'): Promise<OcrEngine> {
  const paths = ocrPaths(lang)
  const tesseract = (await import('tesseract.js')) as Tesseract & { default?: Tesseract }
  const { createWorker, OEM, PSM } = tesseract.default ?? tesseract
  let failure: unknown = null
  const worker = await createWorker(lang, OEM.LSTM_ONLY, {
    workerPath: paths.workerPath,
    langPath: paths.langPath,
    gzip: true,
    cacheMethod: 'none',
    logger: () => {},
    // Without a handler tesseract.js throws from its message listener (an uncaught error in this thread).
    errorHandler: (e: unknown) => (failure = e)
  })
  return {
    async recognise(image, dpi) {
      failure = null
      // Tesseract's library default is one uniform block (PSM 6), which reads a
      // two-column page straight across both columns: full page layout
      // analysis (PSM 3, the tesseract command's default) finds the columns.
      // Inverted (white on black) text is not looked for: it doubles the time of
      // every uncertain line, and scanned print is dark on light.
      await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO, user_defined_dpi: String(dpi), tessedit_do_invert: '0' })
      const { data } = await worker.recognize(Buffer.from(image.buffer, image.byteOffset, image.byteLength), {}, { text: false, blocks: true })
      if (failure) throw new CoreError('IMPORT_FAILED', `OCR failed (${String(failure)})`)
      const lines: OcrLine[] = []
      for (const block of data.blocks ?? []) {
        for (const para of block.paragraphs) {
          for (const l of para.lines as TessLine[]) {
            const words = l.words
              .filter((w) => w.text.trim())
              .map((w) => ({ text: w.text, confidence: w.confidence, x0: w.bbox.x0, y0: w.bbox.y0, x1: w.bbox.x1, y1: w.bbox.y1 }))
            if (!words.length) continue
            // The baseline midway along the line (a scan is rarely quite straight).
            const baseline = (l.baseline.y0 + l.baseline.y1) / 2
            // The line's letter height: the median of its words' (a superscript * or ® must not make a line look larger).
            const heights = words.map((w) => baseline - w.y0).sort((a, b) => a - b)
            lines.push({ words, baseline, x0: l.bbox.x0, x1: l.bbox.x1, height: Math.max(1, heights[heights.length >> 1]!) })
          }
        }
      }
      return { lines, confidence: data.confidence }
    },
    async close() {
      await worker.terminate().catch(() => {})
    }
  }
}
