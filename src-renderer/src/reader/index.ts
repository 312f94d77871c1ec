// The reader feature's public surface (other features and the shell import only this).
export { readerCommands } from './commands'
