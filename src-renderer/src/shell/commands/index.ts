export { COMMAND_IMPLS, onShortcutKey, runCommand, useCommandEnabled } from './registry'
export { exportData, importAnnotations, switchProject } from './shellCommands'
