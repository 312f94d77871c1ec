// The entities feature's public surface (other features and the shell import only this).
export { entityCommands } from './commands'
