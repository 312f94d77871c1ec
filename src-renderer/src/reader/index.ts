// The reader feature as other folders see it: the boundary check lets other
// features, store/ and ui/ import only this file from reader/ (App.tsx, a
// top-level file, mounts its panes directly).
export { readerCommands } from './commands'
export { textOffset } from './selection'
