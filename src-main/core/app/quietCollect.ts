// A full garbage collection for a long-lived worker thread once it has gone
// quiet. V8 sizes a heap for the work it has just done and gives pages back
// only after a full collection, which a worker that waits for its next
// request may not run for a long time. The suggestion worker held 54 MB
// after one article's suggestions and 47 MB with a collection a moment after
// it (three runs each, measured by the process's RSS).
//
// Trade-offs: Node has no API for a collection on demand. This turns on
// V8's --expose-gc at run time and takes `gc` from a fresh context; the flag
// is process-wide but only gives contexts created afterwards a `gc`
// function (jsdom's windows in the import worker would have one; they run
// no page script). A collection costs a few milliseconds of the worker's
// thread and of V8's helper threads, and runs only once the worker has been
// idle for `delayMs`, so a burst of requests is not slowed by it. Where the
// flag cannot be set, nothing happens.
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

let gc: (() => void) | null | undefined

function collector(): (() => void) | null {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc')
      gc = runInNewContext('gc') as () => void
    } catch {
      gc = null
    }
  }
  return gc
}

/**
 * Counts the requests in hand: `started()` when one arrives (a pending
 * collection is put off), `finished()` when it is answered; once none is
 * left, a collection follows after `delayMs` unless another arrives first.
 */
export function quietCollector(delayMs = 1000): { started(): void; finished(): void } {
  let inHand = 0
  let timer: NodeJS.Timeout | null = null
  return {
    started() {
      inHand++
      if (timer) clearTimeout(timer)
      timer = null
    },
    finished() {
      if (--inHand > 0) return
      inHand = 0
      timer = setTimeout(() => {
        timer = null
        collector()?.()
      }, delayMs)
      timer.unref()
    }
  }
}
