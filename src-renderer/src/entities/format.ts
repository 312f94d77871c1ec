// Small text helpers of the entity UI.

/** "1 mention", "3 mentions". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`
}

/**
 * The words around a span in its sentence, trimmed to about `room`
 * characters either side at a word boundary, for one-line context.
 */
export function around(sentence: string, start: number, length: number, room = 70): { before: string; hit: string; after: string } {
  const s = Math.max(0, Math.min(start, sentence.length))
  let before = sentence.slice(0, s)
  let after = sentence.slice(s + length)
  if (before.length > room) before = `…${before.slice(before.length - room).replace(/^\S*\s/, '')}`
  if (after.length > room) after = `${after.slice(0, room).replace(/\s\S*$/, '')}…`
  return { before, hit: sentence.slice(s, s + length), after }
}
