// The long-lived workers' collection once quiet (src-main/core/app/quietCollect.ts):
// a full (major) garbage collection runs once the delay has passed after the
// last request, and a request arriving meanwhile puts it off.
import { constants, PerformanceObserver } from 'node:perf_hooks'
import { afterEach, expect, test } from 'vitest'
import { quietCollector } from '../../src-main/core/app/quietCollect'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
let observer: PerformanceObserver | null = null
afterEach(() => observer?.disconnect())

/** Counts the major collections from now on. */
function majors(): { count: number } {
  const seen = { count: 0 }
  observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if ((e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) seen.count++
  })
  observer.observe({ entryTypes: ['gc'] })
  return seen
}

test('a full collection runs once the worker has been quiet for the delay, after a request had put it off', async () => {
  const c = quietCollector(150)
  const seen = majors()
  c.started()
  c.finished()
  await sleep(60)
  c.started() // a request came in: the collection waits for the next quiet spell
  await sleep(200)
  const whileBusy = seen.count
  c.finished()
  await sleep(400)
  expect(seen.count).toBeGreaterThan(whileBusy)
})
