// The grade in plain words as every export and the evidence report must say
// it, written out literally here (not derived from the app's labels) so a
// change of wording fails the tests until it is made on purpose.
const SOURCE: Record<string, string> = {
  A: 'completely reliable',
  B: 'usually reliable',
  C: 'fairly reliable',
  D: 'not usually reliable',
  E: 'unreliable',
  F: 'reliability cannot be judged'
}
const INFORMATION: Record<string, string> = {
  '1': 'confirmed by other sources',
  '2': 'probably true',
  '3': 'possibly true',
  '4': 'doubtful',
  '5': 'improbable',
  '6': 'credibility cannot be judged'
}

/** "B2" → "B2: source usually reliable; information probably true". */
export function gradeWords(grade: string): string {
  return `${grade}: source ${SOURCE[grade[0]!]}; information ${INFORMATION[grade[1]!]}`
}
