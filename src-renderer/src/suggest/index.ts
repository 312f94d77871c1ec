// The suggestions feature as other folders see it: the reader draws the
// suggestions of its document (useDocumentSuggestions) as dotted words,
// lets this feature handle clicks and keys on them (useSuggestionEvents),
// and mounts the review bar and the popover.
export { useDocumentSuggestions } from './state'
export { useSuggestionEvents } from './useSuggestionEvents'
export { SuggestPanel } from './SuggestPanel'
export { SuggestionPopover } from './SuggestionPopover'
