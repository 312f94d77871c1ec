// The claims feature as other folders see it: the boundary check lets other
// features, store/ and ui/ import only this file from claims/. App.tsx, a
// top-level file, mounts its panes and dialogs directly; the shell's command
// registry takes the feature's commands from here.
export { claimCommands } from './commands'
