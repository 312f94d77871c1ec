// Messages between the suggestion client (client.ts) and its worker (suggestWorker.ts).
import type { SuggestOptions, Suggestion } from './types'

export type SuggestRequest =
  | { id: number; kind: 'suggest'; text: string; options: SuggestOptions }
  /** Loads the model now (when a project opens), so the first document does not wait for it. */
  | { id: number; kind: 'warm' }

export interface SuggestTiming {
  /** Time spent on this request inside the worker. */
  ms: number
  /** How long loading the model took (once per worker; 0 before it is loaded). */
  modelLoadMs: number
}

export type SuggestResponse =
  | ({ id: number; ok: true; suggestions: Suggestion[] } & SuggestTiming)
  | { id: number; ok: false; message: string }
