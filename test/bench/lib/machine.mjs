// How busy the machine is before the benchmarks start: on a shared 2-core
// machine, other processes inflate every figure (above all the main-loop
// stalls), so the run says so instead of silently reporting worse numbers.
import { cpus } from 'node:os'
import { sleep } from './loopMonitor.mjs'

function totals() {
  let busy = 0
  let all = 0
  for (const c of cpus()) {
    const t = c.times
    busy += t.user + t.nice + t.sys + t.irq
    all += t.user + t.nice + t.sys + t.irq + t.idle
  }
  return { busy, all }
}

/** Percent of all CPUs busy over `ms` while this process sleeps. */
export async function cpuBusyPercent(ms = 1000) {
  const a = totals()
  await sleep(ms)
  const b = totals()
  return b.all > a.all ? (100 * (b.busy - a.busy)) / (b.all - a.all) : 0
}
