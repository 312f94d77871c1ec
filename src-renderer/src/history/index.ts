// The history feature as other folders see it (the boundary check lets them
// import nothing else from history/). Kept to what is used outside, so a
// change inside history/ is known to stay inside.
export { AnchorReview } from './AnchorReview'
export { historyCommands } from './commands'
export { HistoryButtons } from './HistoryButtons'
