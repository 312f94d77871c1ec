// The long-lived worker threads (the database's, the suggestions') keep their
// young generation small. V8 sizes a thread's young generation by the
// machine's memory, and after a burst of work (a compaction, a long document's
// suggestions) its pages stay resident for the thread's life: capped at 8 MB,
// the suggestion worker held 82–85 MB instead of 100–103 after five 90 kB
// requests. The cost is more frequent scavenges, each shorter; the figures
// (`npm run bench`: suggest_*, edit_durable_*, save_*) stayed within their
// targets. The import worker sets its own limits (isolated.ts), from the
// file's size.
import type { ResourceLimits } from 'node:worker_threads'

export const WORKER_YOUNG_GENERATION_MB = 8

export const LONG_LIVED_WORKER_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB }
