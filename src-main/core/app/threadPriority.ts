// Background threads (imports with their OCR recognisers, suggestions) run at
// a lower CPU priority than main and the renderer: on two cores, two
// Tesseract threads at full tilt kept main waiting for a CPU for up to 60 ms
// (test/bench/ocr.mjs), which the user feels as a frozen window. A lower
// priority costs nothing when the machine is otherwise idle; under
// contention the UI comes first and the background work takes longer.
//
// Linux only: there a thread's nice value is its own (setpriority on the
// thread id) and threads it starts inherit it, so the import worker's
// recognisers follow it. Elsewhere os.setPriority would change the whole
// process, so nothing is done.
import { readFileSync, readlinkSync } from 'node:fs'
import { setPriority } from 'node:os'

export const BACKGROUND_NICE = 10

/** This thread's kernel id, or null where there is none to be had (not Linux). */
function threadId(): number | null {
  if (process.platform !== 'linux') return null
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop())
    return Number.isInteger(tid) && tid > 0 ? tid : null
  } catch {
    return null
  }
}

/** Lowers the calling thread (and the threads it starts later) to background priority; false where it cannot. */
export function runInBackground(nice = BACKGROUND_NICE): boolean {
  const tid = threadId()
  if (tid === null || tid === process.pid) return false // never the process's main thread
  try {
    setPriority(tid, nice)
    return true
  } catch {
    return false
  }
}

/** The calling thread's nice value (Linux), for tests. */
export function threadNice(): number | null {
  if (process.platform !== 'linux') return null
  try {
    return Number(readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1]!.split(' ')[16])
  } catch {
    return null
  }
}
