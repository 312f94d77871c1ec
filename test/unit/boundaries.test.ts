// The architecture's boundaries: the import rules (.dependency-cruiser.cjs,
// run by test/support/boundaries.mjs exactly as `npm run check:boundaries`
// runs them) and the tsconfig split (no Node types in the renderer, no DOM
// types in the core).
//
// The real tree must pass; then a copy of src-main/ and src-renderer/ gets one
// planted file per case and the same checker must name the right rule for each
// (and stay quiet for planted files that use the allowed routes). Planting in a
// copy keeps the real tree clean for tests running in parallel; all plants share
// one copy and one cruise, as each violation is attributed to its own file.
// The typecheck cases compile only the planted file under the real config's
// options (fast), and the real node/web programs are listed (not checked) to
// catch a library that drags the other side's types in (as @types/jsdom does
// with the DOM).
import { execFile } from 'node:child_process'
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkBoundaries, formatViolations, type BoundaryViolation } from '../support/boundaries.mjs'
import { REPO_ROOT, tempDir } from '../support/tempDir'

const TSC = join(REPO_ROOT, 'node_modules/typescript/bin/tsc')
const SLOW = 240_000

interface Plant {
  file: string
  source: string
  /** The rules this file must break; [] = an allowed route that must pass. */
  rules: string[]
}

const PLANTS: Plant[] = [
  // (a) the core stays free of electron, UI libraries and the renderer.
  { file: 'src-main/core/app/zzElectron.ts', source: "import { app } from 'electron'\nexport const a = app\n", rules: ['core-no-electron-or-ui'] },
  { file: 'src-main/core/db/zzReactType.ts', source: "import type { ReactNode } from 'react'\nexport type R = ReactNode\n", rules: ['core-no-electron-or-ui'] },
  { file: 'src-main/core/zzZustand.ts', source: "import { create } from 'zustand'\nexport const c = create\n", rules: ['core-no-electron-or-ui'] },
  { file: 'src-main/core/export/zzRenderer.ts', source: "import { tint } from '../../../src-renderer/src/colors'\nexport const t = tint\n", rules: ['core-no-electron-or-ui'] },
  // (b) the renderer reaches src-main/ only through the contract, relative or aliased.
  { file: 'src-renderer/src/library/zzCore.ts', source: "import type { Handlers } from '../../../src-main/core/app/handlers'\nexport type H = Handlers\n", rules: ['renderer-only-contract'] },
  { file: 'src-renderer/src/zzAlias.ts', source: "import { CoreError } from '@contract/../core/app/errors'\nexport const e = CoreError\n", rules: ['renderer-only-contract'] },
  { file: 'src-renderer/src/zzContractOk.ts', source: "import { METHOD_NAMES } from '@contract/methods'\nexport const m = METHOD_NAMES\n", rules: [] },
  // (c) another feature only through its index.ts; store/ and ui/ likewise.
  { file: 'src-renderer/src/reader/zzDeep.ts', source: "import { AnchorReview } from '../history/AnchorReview'\nexport const a = AnchorReview\n", rules: ['feature-through-index'] },
  { file: 'src-renderer/src/claims/zzDeepType.ts', source: "import type { entityCommands } from '../entities/commands'\nexport type M = typeof entityCommands\n", rules: ['feature-through-index'] },
  { file: 'src-renderer/src/store/zzDeep.ts', source: "import { edgesFromClaims } from '../map/edgesFromClaims'\nexport const e = edgesFromClaims\n", rules: ['shared-through-index'] },
  { file: 'src-renderer/src/ui/zzDeep.tsx', source: "import { HistoryButtons } from '../history/HistoryButtons'\nexport const h = HistoryButtons\n", rules: ['shared-through-index'] },
  {
    file: 'src-renderer/src/reader/zzIndexOk.ts',
    source: "import { AnchorReview } from '../history'\nimport { Modal } from '../ui/Modal'\nimport { useStore } from '../store'\nimport { entityCommands } from '../entities/index'\nexport const ok = [AnchorReview, Modal, useStore, entityCommands]\n",
    rules: []
  },
  // (d) Cytoscape only in map/.
  { file: 'src-renderer/src/claims/zzCytoscape.ts', source: "import cytoscape from 'cytoscape'\nexport const c = cytoscape\n", rules: ['cytoscape-only-in-map'] },
  { file: 'src-renderer/src/ui/zzFcose.ts', source: "import fcose from 'cytoscape-fcose'\nexport const f = fcose\n", rules: ['cytoscape-only-in-map'] },
  { file: 'src-renderer/src/map/zzCytoscapeOk.ts', source: "import cytoscape from 'cytoscape'\nexport const c = cytoscape\n", rules: [] },
  // (e) nothing the CLI loads imports electron, directly or through the shell.
  { file: 'src-main/cli/zzElectron.ts', source: "import { app } from 'electron'\nexport const a = app\n", rules: ['cli-no-electron'] },
  { file: 'src-main/cli/zzShell.ts', source: "import '../electron/nativeHost'\n", rules: ['cli-no-electron'] },
  // The supporting rules.
  { file: 'src-renderer/src/zzNodeFs.ts', source: "import { readFileSync } from 'node:fs'\nexport const r = readFileSync\n", rules: ['renderer-no-node'] },
  { file: 'src-main/contract/zzNodePath.ts', source: "import { join } from 'node:path'\nexport const j = join\n", rules: ['contract-is-shared'] },
  { file: 'src-renderer/src/zzUnresolved.ts', source: "import { nothing } from '@contract/not-there'\nexport const n = nothing\n", rules: ['resolvable'] }
]

interface Run {
  code: number | null
  out: string
}

function tsc(cwd: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [TSC, ...args], { cwd, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: stdout + stderr })
    })
  })
}

const WEB_PLANT = 'src-renderer/src/zzNodeTypes.ts'
const NODE_PLANT = 'src-main/core/zzDomTypes.ts'

function plant(root: string, file: string, source: string): void {
  mkdirSync(dirname(join(root, file)), { recursive: true })
  writeFileSync(join(root, file), source)
}

/** Typechecks just `file` with `config`'s options (lib, types, paths). */
function tscOne(root: string, config: string, file: string): Promise<Run> {
  const name = `tsconfig.plant-${config.replace(/^tsconfig\.|\.json$/g, '')}.json`
  const tiny = { extends: `./${config}`, compilerOptions: { tsBuildInfoFile: `./.cache/tsc/${name}.tsbuildinfo` }, include: [], files: [file] }
  writeFileSync(join(root, name), JSON.stringify(tiny))
  return tsc(root, ['-p', name])
}

// Every cruise and tsc run starts at once: they are independent child
// processes, and the tests below only await their results.
let boundaryCopy: ReturnType<typeof tempDir>
let tsCopy: ReturnType<typeof tempDir>
let real: Promise<Awaited<ReturnType<typeof checkBoundaries>>>
let planted: Promise<BoundaryViolation[]>
let runs: Promise<{ web: Run; node: Run; webFiles: Run; nodeFiles: Run }>

beforeAll(() => {
  real = checkBoundaries(REPO_ROOT)
  boundaryCopy = tempDir('rwb-boundaries-')
  for (const entry of ['src-main', 'src-renderer', '.dependency-cruiser.cjs', 'tsconfig.base.json', 'tsconfig.web.json', 'tsconfig.node.json']) {
    cpSync(join(REPO_ROOT, entry), join(boundaryCopy.dir, entry), { recursive: true })
  }
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(boundaryCopy.dir, 'node_modules'), 'dir')
  for (const p of PLANTS) plant(boundaryCopy.dir, p.file, p.source)
  planted = checkBoundaries(boundaryCopy.dir).then((r) => r.violations)

  tsCopy = tempDir('rwb-tsconfigs-')
  for (const entry of ['tsconfig.base.json', 'tsconfig.web.json', 'tsconfig.node.json']) cpSync(join(REPO_ROOT, entry), join(tsCopy.dir, entry))
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(tsCopy.dir, 'node_modules'), 'dir')
  plant(tsCopy.dir, WEB_PLANT, "import { readFileSync } from 'node:fs'\nexport const home: string | undefined = process.env.HOME\nexport const t: NodeJS.Timeout | null = null\nexport const r = readFileSync\n")
  plant(tsCopy.dir, NODE_PLANT, 'export const title: string = document.title\nexport const el: HTMLElement | null = null\n')
  runs = Promise.all([
    tscOne(tsCopy.dir, 'tsconfig.web.json', WEB_PLANT),
    tscOne(tsCopy.dir, 'tsconfig.node.json', NODE_PLANT),
    tsc(REPO_ROOT, ['-p', 'tsconfig.web.json', '--listFilesOnly']),
    tsc(REPO_ROOT, ['-p', 'tsconfig.node.json', '--listFilesOnly'])
  ]).then(([web, node, webFiles, nodeFiles]) => ({ web, node, webFiles, nodeFiles }))
  // Awaited by the tests; an early rejection must not count as unhandled.
  for (const p of [real, planted, runs]) p.catch(() => {})
})
afterAll(() => {
  boundaryCopy?.cleanup()
  tsCopy?.cleanup()
})

describe('import boundaries (dependency-cruiser)', () => {
  it(
    'the real tree passes',
    async () => {
      const r = await real
      expect(r.violations, formatViolations(r.violations)).toEqual([])
      // Not vacuous: both sides were cruised (the renderer alone has 100+ modules).
      expect(r.modules).toBeGreaterThan(150)
    },
    SLOW
  )

  it.each(PLANTS.map((p) => [p.file, p] as const))(
    'planted %s',
    async (_file, p) => {
      const violations = await planted
      const rules = [...new Set(violations.filter((v) => v.from === p.file).map((v) => v.rule))].sort()
      expect(rules, formatViolations(violations.filter((v) => v.from === p.file))).toEqual([...p.rules].sort())
    },
    SLOW
  )

  it(
    'the planted copy fails only for planted files',
    async () => {
      const violations = await planted
      expect(violations.length).toBeGreaterThan(0)
      const plantedFiles = new Set(PLANTS.map((p) => p.file))
      expect(violations.filter((v) => !plantedFiles.has(v.from))).toEqual([])
    },
    SLOW
  )
})

describe('tsconfig split', () => {
  it(
    'a renderer file using Node (process.env, node:fs, NodeJS.Timeout) fails the web typecheck',
    async () => {
      const { web } = await runs
      expect(web.code).not.toBe(0)
      expect(web.out).toMatch(/zzNodeTypes\.ts.*Cannot find module 'node:fs'/)
      expect(web.out).toMatch(/zzNodeTypes\.ts.*Cannot find name 'process'/)
      expect(web.out).toMatch(/zzNodeTypes\.ts.*Cannot find namespace 'NodeJS'/)
    },
    SLOW
  )

  it(
    'a core file using the DOM (document, HTMLElement) fails the node typecheck',
    async () => {
      const { node } = await runs
      expect(node.code).not.toBe(0)
      expect(node.out).toMatch(/zzDomTypes\.ts.*Cannot find name 'document'/)
      expect(node.out).toMatch(/zzDomTypes\.ts.*Cannot find name 'HTMLElement'/)
    },
    SLOW
  )

  it(
    "no library drags the other side's types into the real web and node programs",
    async () => {
      const { webFiles, nodeFiles } = await runs
      expect(webFiles.code, webFiles.out).toBe(0)
      expect(nodeFiles.code, nodeFiles.out).toBe(0)
      const webList = webFiles.out.split('\n')
      const nodeList = nodeFiles.out.split('\n')
      // Sanity: the lists are the programs (renderer files, core files).
      expect(webList.some((f) => f.endsWith('src-renderer/src/App.tsx'))).toBe(true)
      expect(nodeList.some((f) => f.endsWith('src-main/core/app/appCore.ts'))).toBe(true)
      expect(webList.filter((f) => /\/@types\/node\//.test(f))).toEqual([])
      expect(nodeList.filter((f) => /\/lib\.dom(\.iterable)?\.d\.ts$|\/node_modules\/(electron|@types\/react|@types\/jsdom)\//.test(f))).toEqual([])
    },
    SLOW
  )
})
