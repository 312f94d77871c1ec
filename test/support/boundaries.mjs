// `npm run check:boundaries`: the import rules in .dependency-cruiser.cjs,
// checked over src-main/ and src-renderer/ of a given root folder. The test
// (test/unit/boundaries.test.ts) runs the same function on a copy with planted
// violations, so what CI runs is what the test proves can fail.
//
// Trade-off: it runs dependency-cruiser's own CLI in a child process (cwd =
// root) rather than its API, as the CLI reads the config, the tsconfig paths
// and relative file names exactly as a developer's `npx depcruise` would; the
// price is a second or two of start-up.
import { execFile } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

// The package exports only its API (src/main/index.mjs); its CLI sits two folders up.
const CLI = fileURLToPath(new URL('../../bin/dependency-cruise.mjs', import.meta.resolve('dependency-cruiser')))
export const SCANNED = ['src-main', 'src-renderer']

/**
 * Checks root's sources against root's .dependency-cruiser.cjs.
 * @param {string} root
 * @returns {Promise<{ ok: boolean, modules: number, violations: { rule: string, from: string, to: string, via: string[], comment: string }[] }>}
 */
export function checkBoundaries(root) {
  const args = [CLI, '--config', '.dependency-cruiser.cjs', '--output-type', 'json', ...SCANNED]
  return new Promise((resolvePromise, reject) => {
    execFile(process.execPath, args, { cwd: root, maxBuffer: 256 * 1024 * 1024 }, (err, stdout, stderr) => {
      let result
      try {
        result = JSON.parse(stdout)
      } catch {
        // No JSON: the cruise itself failed (bad config, crash) — never a pass.
        reject(new Error(`dependency-cruiser failed (${err?.message ?? 'no output'}):\n${stderr}`))
        return
      }
      const comments = new Map((result.summary.ruleSetUsed?.forbidden ?? []).map((r) => [r.name, r.comment ?? '']))
      const violations = result.summary.violations.map((v) => ({
        rule: v.rule.name,
        from: v.from,
        to: v.to,
        via: (v.via ?? []).map((step) => (typeof step === 'string' ? step : step.name)),
        comment: comments.get(v.rule.name) ?? ''
      }))
      resolvePromise({ ok: violations.length === 0, modules: result.summary.totalCruised, violations })
    })
  })
}

/** One line per violation, then each broken rule's advice once. */
export function formatViolations(violations) {
  const lines = violations.map((v) => `  ${v.rule}: ${v.from} → ${v.to}${v.via.length ? ` (via ${v.via.join(' → ')})` : ''}`)
  const advice = [...new Map(violations.map((v) => [v.rule, v.comment])).entries()].map(([rule, c]) => `  ${rule}: ${c}`)
  return [...lines, '', ...advice].join('\n')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '../..')
  const r = await checkBoundaries(root)
  if (r.ok) {
    console.log(`Boundaries: no violations (${r.modules} modules checked).`)
  } else {
    console.error(`Boundaries: ${r.violations.length} violation(s):\n${formatViolations(r.violations)}`)
    process.exitCode = 1
  }
}
