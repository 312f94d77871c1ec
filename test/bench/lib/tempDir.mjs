// Temporary folders that are removed at the end, also on Ctrl-C or a crash.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const live = new Set()

function removeAll() {
  for (const dir of live) rmSync(dir, { recursive: true, force: true })
  live.clear()
}

process.on('exit', removeAll)
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.once(sig, () => {
    removeAll()
    process.exit(130)
  })
}

export function tempDir(prefix = 'rwb-bench-') {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  live.add(dir)
  return {
    dir,
    cleanup() {
      rmSync(dir, { recursive: true, force: true })
      live.delete(dir)
    }
  }
}
