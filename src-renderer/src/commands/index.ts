// Command infrastructure shared by the shell and the features: platform
// detection, shortcut hints, the key matcher and the implementation types.
// It imports no feature; the registry that joins the features' commands is in
// the shell (src-renderer/src/shell/commands).
export { detectKeyEnv, keyEnv, setKeyEnv, type KeyEnv } from './platform'
export { formatKeys, shortcutHint, withHint } from './hints'
export { commandForKey, isTextField, isTyping, keysMatch, parseKeys, type KeyLike } from './keys'
export { always, type CommandImpl, type CommandImpls, type CommandSource } from './types'
export { runImpl } from './run'
