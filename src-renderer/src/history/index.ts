// The history feature's public surface (other features and the shell import only this).
export { historyCommands } from './commands'
export { HistoryButtons } from './HistoryButtons'
