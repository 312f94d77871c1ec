// The architecture's import boundaries, checked by `npm run check:boundaries`
// (test/support/boundaries.mjs) and so by `npm test`. Each rule's name is
// what a failing run prints; its comment says what to do instead.
//
// Trade-offs: the rules look at imports only (static, dynamic, `import type`
// and `/// <reference>` alike), not at globals — that a renderer file uses no
// Node type and a core file no DOM type is the tsconfigs' job (README). npm
// packages are not followed, so "the CLI never loads electron" holds for our
// own modules only. Paths are matched after resolution, so `../x`, `@contract/x`
// and `./folder` (its index.ts) all count the same.

const FEATURES = '(library|reader|entities|claims|history|map|shell|suggest)'

/** A package (or its @types twin) whether it resolved into node_modules or not. */
function pkg(names) {
  return `(^|/)node_modules/(@types/)?(${names})(/|$)|^(${names})(/|$)`
}

const ELECTRON = pkg('electron')
const UI_LIBS = pkg('react|react-dom|zustand|cytoscape|cytoscape-[^/]+')
const CYTOSCAPE = pkg('cytoscape|cytoscape-[^/]+')

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-no-electron-or-ui',
      severity: 'error',
      comment:
        'src-main/core/ runs in plain Node (CLI, tests, workers): it must not import electron, React, zustand, ' +
        'Cytoscape, the renderer or the Electron shell. Put Electron calls in src-main/electron/ behind the ' +
        'NativeHost interface; share types through src-main/contract/.',
      from: { path: '^src-main/core/' },
      to: { path: [ELECTRON, UI_LIBS, '^src-renderer/', '^src-main/(electron|preload)/'] }
    },
    {
      name: 'renderer-only-contract',
      severity: 'error',
      comment:
        'The renderer may use src-main/ only through the contract (@contract/*): import the types from ' +
        'there and call the core through api.ts.',
      from: { path: '^src-renderer/' },
      to: { path: '^src-main/', pathNot: '^src-main/contract/' }
    },
    {
      name: 'renderer-no-node',
      severity: 'error',
      comment: 'The renderer runs in a sandboxed page: no Node built-ins, no Node types. Ask the core through api.ts.',
      from: { path: '^src-renderer/' },
      to: { dependencyTypes: ['core'] }
    },
    {
      name: 'renderer-no-node-types',
      severity: 'error',
      comment: 'The renderer runs in a sandboxed page: no Node types (a /// <reference types="node"> or an @types/node import).',
      from: { path: '^src-renderer/' },
      to: { path: '(^|/)node_modules/@types/node/' }
    },
    {
      name: 'feature-through-index',
      severity: 'error',
      comment:
        "A renderer feature folder may use another feature only through that feature's index.ts " +
        '(`../history`, not `../history/AnchorReview`). Export what you need there, or move shared ' +
        'components to src-renderer/src/ui/.',
      from: { path: `^src-renderer/src/${FEATURES}/` },
      to: {
        path: `^src-renderer/src/${FEATURES}/`,
        pathNot: ['^src-renderer/src/$1/', `^src-renderer/src/${FEATURES}/index\\.ts$`]
      }
    },
    {
      name: 'shared-through-index',
      severity: 'error',
      comment:
        "src-renderer/src/store/, ui/ and commands/ are used by every feature, so they may use a feature only through its index.ts.",
      from: { path: '^src-renderer/src/(store|ui|commands)/' },
      to: { path: `^src-renderer/src/${FEATURES}/`, pathNot: `^src-renderer/src/${FEATURES}/index\\.ts$` }
    },
    {
      name: 'cytoscape-only-in-map',
      severity: 'error',
      comment:
        'Only src-renderer/src/map/ may import Cytoscape (or a cytoscape-* extension): the map is the one ' +
        'view that draws graphs, and the rest of the app must not grow a dependency on its engine.',
      from: { path: '^(src-main|src-renderer)/', pathNot: '^src-renderer/src/map/' },
      to: { path: CYTOSCAPE }
    },
    {
      name: 'cli-no-electron',
      severity: 'error',
      comment:
        'The `rwb` CLI runs under plain Node: nothing it loads (directly or through our own modules) may ' +
        'import electron or the Electron shell.',
      from: { path: '^src-main/cli/' },
      to: { path: [ELECTRON, '^src-main/(electron|preload)/'], reachable: true }
    },
    {
      name: 'contract-is-shared',
      severity: 'error',
      comment:
        'src-main/contract/ is compiled for the renderer and for Node: it may import only itself and zod.',
      from: { path: '^src-main/contract/' },
      to: { pathNot: ['^src-main/contract/', pkg('zod')] }
    },
    {
      name: 'resolvable',
      severity: 'error',
      comment:
        'An import the checker cannot resolve is one it cannot judge (e.g. a new path alias): teach ' +
        '.dependency-cruiser.cjs to resolve it.',
      from: { path: '^(src-main|src-renderer)/' },
      to: { couldNotResolve: true }
    }
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // `import type` counts: a type-only import still couples the two sides.
    tsPreCompilationDeps: true,
    moduleSystems: ['es6', 'cjs', 'tsd'],
    // Resolves @contract/* (paths in tsconfig.base.json, the same alias as electron.vite.config.ts).
    tsConfig: { fileName: 'tsconfig.web.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json']
    },
    skipAnalysisNotInRules: true
  }
}
