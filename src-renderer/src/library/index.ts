// The library feature's public surface (other features and the shell import only this).
export { libraryCommands } from './commands'
