// `npm test`: builds the app, runs the architecture checks (import boundaries,
// typecheck of every tsconfig), the unit tests (vitest) and the e2e tests
// (Playwright), and prints one summary over all of them as its last line:
// `N passed, N failed, N skipped` (each architecture check counts as one).
// Exits non-zero when anything failed.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const results = join(root, 'test-results')
mkdirSync(results, { recursive: true })
const unitJson = join(results, 'unit.json')
const e2eJson = join(results, 'e2e.json')
rmSync(unitJson, { force: true })
rmSync(e2eJson, { force: true })

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`)
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  return r.status ?? 1
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'
const buildStatus = run('build', npx, ['electron-vite', 'build'])
if (buildStatus !== 0) {
  console.log('\nThe build failed; no tests were run.')
  console.log('0 passed, 1 failed')
  process.exit(1)
}

// Each whole-tree check is one test: a violation anywhere fails it once.
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const checkStatuses = [
  run('import boundaries', npm, ['run', 'check:boundaries']),
  run('typecheck (tsc -b: node, node-dom, electron, web, test)', npm, ['run', 'typecheck'])
]

const unitStatus = run('unit tests', npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${unitJson}`])
const e2eStatus = run('e2e tests', npx, ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson })

let passed = checkStatuses.filter((s) => s === 0).length
let failed = checkStatuses.length - passed
let skipped = 0
if (existsSync(unitJson)) {
  const u = JSON.parse(readFileSync(unitJson, 'utf8'))
  passed += u.numPassedTests
  failed += u.numFailedTests
  skipped += u.numPendingTests + u.numTodoTests
  // A suite that failed to load has no tests counted: count it as a failure.
  failed += (u.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length
} else {
  failed += 1
  console.log('vitest wrote no results')
}
if (existsSync(e2eJson)) {
  const s = JSON.parse(readFileSync(e2eJson, 'utf8')).stats
  passed += s.expected + s.flaky
  failed += s.unexpected
  skipped += s.skipped
  failed += (JSON.parse(readFileSync(e2eJson, 'utf8')).errors ?? []).length
} else {
  failed += 1
  console.log('playwright wrote no results')
}
if (failed === 0 && (unitStatus !== 0 || e2eStatus !== 0)) failed = 1

console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed > 0 ? 1 : 0)
