// How the words just before a value qualify it ("as high as $29 billion" is
// 'up to'): shared by the claim form's prefill (renderer) and the entity
// suggestions (core), so a value reads the same way in both.
import type { ClaimQualifier } from './claims'

const QUALIFIERS: [RegExp, ClaimQualifier][] = [
  [/\b(?:as high as|up to|at most|no more than|as much as|a maximum of|peaked at|topped out at)\s*$/i, 'up to'],
  [/\b(?:at least|more than|over|upwards of|in excess of|exceeding|as low as|a minimum of|no less than)\s*$/i, 'at least'],
  [/\b(?:about|approximately|around|roughly|nearly|almost|some|an estimated|estimated|close to|circa|c\.|~)\s*$/i, 'about']
]

/** The qualifier stated in the 40 characters of `text` before `at`; 'exact' when none. */
export function qualifierBefore(text: string, at: number): ClaimQualifier {
  const before = text.slice(Math.max(0, at - 40), at)
  for (const [re, q] of QUALIFIERS) if (re.test(before)) return q
  return 'exact'
}
