// Messages between the suggestion client (client.ts) and its worker (suggestWorker.ts).
import type { SuggestOptions, Suggestion } from './types'

export type SuggestRequest =
  | { id: number; kind: 'suggest'; text: string; options: SuggestOptions }
  /** Loads the model now (when a project opens), so the first document does not wait for it. */
  | { id: number; kind: 'warm' }

export interface SuggestTiming {
  /** Time spent on this request inside the worker. */
  ms: number
  /** This thread's CPU time for the request (Linux; null elsewhere): unlike \`ms\`, not inflated by other processes. */
  cpuMs: number | null
  /** How long loading the model took (once per worker; 0 before it is loaded). */
  modelLoadMs: number
}

export type SuggestResponse =
  | ({ id: number; ok: true; suggestions: Suggestion[] } & SuggestTiming)
  | { id: number; ok: false; message: string }

/**
 * A long answer comes as parts (`SuggestPart`s, then the response with the
 * last suggestions): main's loop reads each part's objects in a few ms and is
 * free in between, where one 10,000-suggestion message held it for 20–30.
 */
export interface SuggestPart {
  id: number
  part: Suggestion[]
}

export const PART_SIZE = 1500
