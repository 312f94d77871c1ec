// Types for wordAccuracy.mjs.
export function words(text: string): string[]
export function wordDistance(a: string[], b: string[]): number
export function wordAccuracy(truth: string, recognised: string): { accuracy: number; distance: number; truthWords: number; recognisedWords: number }
