// Measures how long main's event loop is blocked, two independent ways:
//  - perf_hooks.monitorEventLoopDelay (libuv timer, 1 ms resolution): its max
//    delay, minus the resolution;
//  - a setInterval(1 ms) gap sampler: the longest gap between two ticks (and
//    between the last tick and stop()), minus the 1 ms interval.
// A timer-based sampler is used rather than a setImmediate spin so the
// sampler does not itself occupy a core the worker needs (2-core machines).
import { readFileSync } from 'node:fs'
import { monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks'

const RESOLUTION_MS = 1

// Linux only: main thread's time on a CPU and time spent runnable but
// waiting for one (ns), from /proc/self/task/<pid>/schedstat.
function mainSchedstat() {
  try {
    const [onCpu, runqWait] = readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ').map(Number)
    return { onCpu, runqWait }
  } catch {
    return null
  }
}

/**
 * `explain`: also read main's schedstat at every tick, so the longest gap can
 * be told apart: main running code (its own work or GC), main runnable but
 * waiting for a CPU (other threads had both cores), or main asleep in the
 * kernel (a lock, a page fault on I/O); and how much of it main's garbage
 * collector took. Costs a small file read a tick.
 */
export function startLoopMonitor({ explain = false } = {}) {
  const sched0 = mainSchedstat()
  const elu0 = performance.eventLoopUtilization()
  const hist = monitorEventLoopDelay({ resolution: RESOLUTION_MS })
  hist.enable()
  let last = performance.now()
  let maxGap = 0
  let ticks = 0
  let prevSched = explain ? sched0 : null
  let worstGap = null
  const gcs = []
  const gcObserver = explain ? new PerformanceObserver((list) => gcs.push(...list.getEntries().map((e) => [e.startTime, e.duration]))) : null
  gcObserver?.observe({ entryTypes: ['gc'] })
  const gcWithin = (from, to) => gcs.reduce((a, [t, d]) => a + Math.max(0, Math.min(to, t + d) - Math.max(from, t)), 0)
  const timer = setInterval(() => {
    const now = performance.now()
    const gap = now - last
    const sched = explain ? mainSchedstat() : null
    if (gap > maxGap) {
      maxGap = gap
      if (sched && prevSched) {
        const onCpuMs = (sched.onCpu - prevSched.onCpu) / 1e6
        const waitMs = (sched.runqWait - prevSched.runqWait) / 1e6
        worstGap = { ms: gap, onCpuMs, waitMs, asleepMs: Math.max(0, gap - onCpuMs - waitMs), from: last, to: now }
      }
    }
    prevSched = sched
    last = now
    ticks++
  }, RESOLUTION_MS)

  return function stop() {
    const now = performance.now()
    if (now - last > maxGap) maxGap = now - last
    clearInterval(timer)
    hist.disable()
    gcObserver?.disconnect()
    // GC entries arrive after the collection: read them now, at the end.
    if (worstGap) worstGap.gcMs = gcWithin(worstGap.from, worstGap.to)
    // hist.max is in ns; it is 0 (or absurd) when no sample was taken.
    const histMaxMs = hist.count > 0 ? Math.max(0, hist.max / 1e6 - RESOLUTION_MS) : 0
    const gapMaxMs = Math.max(0, maxGap - RESOLUTION_MS)
    hist.reset()
    // How long main's loop was actually busy (callbacks, incl. this sampler's
    // own ticks): a long gap with little busy time means the thread was not
    // scheduled (CPU contention), not that main ran code.
    const busyMs = performance.eventLoopUtilization(elu0).active
    const sched1 = sched0 && mainSchedstat()
    const sched = sched1
      ? { onCpuMs: (sched1.onCpu - sched0.onCpu) / 1e6, runqWaitMs: (sched1.runqWait - sched0.runqWait) / 1e6 }
      : null
    return { histMaxMs, gapMaxMs, worstMs: Math.max(histMaxMs, gapMaxMs), busyMs, sched, ticks, worstGap }
  }
}

/**
 * Runs `fn` (async) while monitoring main's loop; returns its wall time and
 * the blocking figures. The monitor runs a moment before and after so that a
 * block right at the start or end is still seen by a timer tick.
 */
export async function measureOnMain(fn, opts = {}) {
  const stop = startLoopMonitor(opts)
  await sleep(5)
  const t0 = performance.now()
  const value = await fn()
  const wallMs = performance.now() - t0
  await sleep(5)
  return { value, wallMs, ...stop() }
}

export function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms))
}
