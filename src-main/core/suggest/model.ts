// The language model layer: wink-nlp with its English lite model, loaded
// once and lazily (about 0.3–0.6 s). It gives tokens with their part of
// speech and offsets (rebuilt from each token's preceding white space,
// which wink keeps exactly).
//
// Only the part-of-speech step runs by default: measured on 2 cores, wink's
// tokenizer alone costs ~0.4 s per MB, part of speech ~0.1 s more, its
// sentence splitter ~0.2 s and its entity recogniser ~0.8 s. Sentence starts
// are read from the tokens instead (after . ! ? or a line break), and wink's
// own money/date entities (which the rules already find) only when asked for
// (\`entities: true\`), as the 'model' layer.
//
// Long texts are read in pieces of about 64 kB cut at paragraph breaks:
// wink's cost per piece is linear and its memory stays bounded, and no name
// spans a blank line.
import winkNLP from 'wink-nlp'
import model from 'wink-eng-lite-web-model'

export interface Token {
  start: number
  end: number
  value: string
  pos: string
  /** First token of a sentence (or of a line/paragraph). */
  sentenceStart: boolean
}

export interface ModelEntity {
  start: number
  end: number
  type: string
}

export interface Analysis {
  tokens: Token[]
  entities: ModelEntity[]
}

type Nlp = ReturnType<typeof winkNLP>
let nlp: Nlp | null = null
let nlpWithEntities: Nlp | null = null
let loadMs = 0

/** The model, loaded on first use (the pipeline with entities is a second instance over the same model). */
export function loadModel(withEntities = false): Nlp {
  if (!nlp) {
    const t0 = performance.now()
    nlp = winkNLP(model, ['pos'])
    loadMs = performance.now() - t0
  }
  if (withEntities) nlpWithEntities ??= winkNLP(model, ['sbd', 'pos', 'ner'])
  return withEntities ? nlpWithEntities! : nlp
}

/** How long loading the model took (0 before it is loaded). */
export function modelLoadMs(): number {
  return loadMs
}

const PIECE = 64 * 1024

/** [start, end) pieces of about PIECE characters, cut after a blank line (or any line break, or anywhere). */
export function pieces(text: string): [number, number][] {
  const out: [number, number][] = []
  let at = 0
  while (at < text.length) {
    let end = Math.min(text.length, at + PIECE)
    if (end < text.length) {
      const para = text.lastIndexOf('\n\n', end)
      const line = text.lastIndexOf('\n', end)
      end = para > at ? para + 2 : line > at ? line + 1 : end
    }
    out.push([at, end])
    at = end
  }
  return out
}

const LETTER_END = /[\p{L}\p{M}]$/u
const LETTER_START = /^[\p{L}\p{M}]/u

/**
 * wink's tokenizer splits words at letters outside its alphabet
 * ("Ngātiwai" → "Ng" "ā" "tiwai"); glue back pieces with no space between
 * them that join letter to letter, keeping a proper-noun tag if any had one.
 */
function mergeSplitWords(tokens: Token[], from: number): void {
  let w = from
  for (let r = from; r < tokens.length; r++) {
    const t = tokens[r]!
    const prev = w > from ? tokens[w - 1]! : null
    if (prev && prev.end === t.start && LETTER_END.test(prev.value) && LETTER_START.test(t.value)) {
      prev.value += t.value
      prev.end = t.end
      if (t.pos === 'PROPN') prev.pos = 'PROPN'
      continue
    }
    tokens[w++] = t
  }
  tokens.length = w
}

const SENTENCE_END = /^(?:[.!?…]+|[.!?]["”’)\]]+)$/
const CLOSING = /^["”’)\]]+$/

export function analyse(text: string, opts: { entities?: boolean } = {}): Analysis {
  const n = loadModel(opts.entities)
  const its = n.its
  const tokens: Token[] = []
  const entities: ModelEntity[] = []
  for (const [from, to] of pieces(text)) {
    const doc = n.readDoc(text.slice(from, to))
    const values = doc.tokens().out(its.value) as string[]
    const spaces = doc.tokens().out(its.precedingSpaces) as string[]
    const pos = doc.tokens().out(its.pos) as string[]
    const base = tokens.length
    let at = from
    for (let i = 0; i < values.length; i++) {
      const sp = spaces[i]!
      at += sp.length
      const v = values[i]!
      // A sentence starts after . ! ? (and any closing quotes), after a line break, and at the start.
      let k = i - 1
      while (k >= 0 && CLOSING.test(values[k]!) && !spaces[k + 1]) k--
      const afterEnd = k >= 0 && SENTENCE_END.test(values[k]!)
      tokens.push({ start: at, end: at + v.length, value: v, pos: pos[i]!, sentenceStart: i === 0 || afterEnd || sp.includes('\n') || values[i - 1]!.includes('\n') })
      at += v.length
    }
    if (opts.entities) {
      const spans = doc.entities().out(its.span) as unknown as [number, number][]
      const types = doc.entities().out(its.type) as unknown as string[]
      spans.forEach(([a, b], k) => {
        const type = types[k]!
        if (type === 'DATE' || type === 'MONEY') entities.push({ start: tokens[base + a]!.start, end: tokens[base + b]!.end, type })
      })
    }
    // After the entities: they are read by token index.
    mergeSplitWords(tokens, base)
  }
  return { tokens, entities }
}
