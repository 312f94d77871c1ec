// electron-builder afterPack hook: flips the fuses of resources/fuses.cjs into
// the packaged Electron binary before it is signed.
const { join } = require('node:path')
const { flipFuses } = require('@electron/fuses')
const { fuseConfig } = require('./fuses.cjs')

/** The file that holds the fuse wire, per platform. */
function electronBinary(context) {
  const { appOutDir, electronPlatformName, packager } = context
  const name = packager.appInfo.productFilename
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return join(appOutDir, `${name}.app`)
  if (electronPlatformName === 'win32') return join(appOutDir, `${name}.exe`)
  return join(appOutDir, packager.executableName || name)
}

async function afterPack(context) {
  const binary = electronBinary(context)
  // arm64 and universal macOS builds need their ad-hoc signature redone after the flip.
  const arm = context.arch === 3 || context.arch === 4
  await flipFuses(binary, fuseConfig({ resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && arm }))
  return binary
}

module.exports = afterPack
module.exports.default = afterPack
module.exports.electronBinary = electronBinary
