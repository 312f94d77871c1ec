// Word accuracy of a recognised text against the true one:
//   1 − (word-level edit distance) / (number of true words),
// the edit distance counting substituted, dropped and inserted words alike
// (Levenshtein over word tokens). Words are compared after NFKC (so the
// original's "ﬁ" ligatures equal plain "fi"), case-insensitively, with
// punctuation at their edges stripped ("works." = "works"); a word
// hyphenated across lines counts as joined in both texts.

/** @param {string} text */
export function words(text) {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean)
}

/** Levenshtein distance between two arrays of words (two rows of the table). */
export function wordDistance(a, b) {
  let prev = new Uint32Array(b.length + 1).map((_, j) => j)
  let cur = new Uint32Array(b.length + 1)
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    ;[prev, cur] = [cur, prev]
  }
  return prev[b.length]
}

/** @returns {{ accuracy: number, distance: number, truthWords: number, recognisedWords: number }} */
export function wordAccuracy(truth, recognised) {
  const t = words(truth)
  const r = words(recognised)
  const distance = wordDistance(t, r)
  return { accuracy: t.length ? 1 - distance / t.length : 0, distance, truthWords: t.length, recognisedWords: r.length }
}
