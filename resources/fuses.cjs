// Electron fuses for the packaged app: flipped into the Electron binary at
// package time (resources/afterPack.cjs) so they cannot be changed at run time.
// test/unit/fuses.test.ts reads this table and checks every value.
const { FuseV1Options, FuseVersion } = require('@electron/fuses')

/** One line per fuse: name → wanted state. */
const FUSES = {
  // The binary can never be turned into plain Node (ELECTRON_RUN_AS_NODE).
  RunAsNode: false,
  // Cookies and other session secrets are encrypted with the OS keychain.
  EnableCookieEncryption: true,
  // NODE_OPTIONS cannot inject code into the main process...
  EnableNodeOptionsEnvironmentVariable: false,
  // ...and neither can --inspect / --inspect-brk.
  EnableNodeCliInspectArguments: false,
  // app.asar is checked against the hash embedded at package time (macOS, Windows).
  EnableEmbeddedAsarIntegrityValidation: true,
  // Only app.asar is loaded: no unpacked app folder beside it can replace the code.
  OnlyLoadAppFromAsar: true
}

/** The config @electron/fuses' flipFuses() takes. */
function fuseConfig(options = {}) {
  const config = { version: FuseVersion.V1, ...options }
  for (const [name, value] of Object.entries(FUSES)) {
    const index = FuseV1Options[name]
    if (typeof index !== 'number') throw new Error(`unknown fuse ${name}`)
    config[index] = value
  }
  return config
}

module.exports = { FUSES, fuseConfig }
