// The library feature as other folders see it: the boundary check lets other
// features, store/ and ui/ import only this file from library/ (App.tsx, a
// top-level file, mounts its panes directly).
export { libraryCommands } from './commands'
