// The reader's Original view of PDFs, as the rest of the reader sees it.
export { OriginalView } from './OriginalView'
export { ViewSwitch } from './ViewSwitch'
export { hasOriginalView, setReaderMode, useReaderMode, type ReaderMode } from './viewMode'
