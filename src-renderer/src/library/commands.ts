// The library's commands: add files, import a folder, jump to the search box.
import { always, type CommandImpls } from '../commands'

export const libraryCommands: CommandImpls<'file.open' | 'file.importFolder' | 'search.focus'> = {
  'file.open': { enabled: always, perform: (s) => s.guard(s.openFiles) },
  'file.importFolder': { enabled: always, perform: (s) => s.guard(s.importFolder) },
  'search.focus': { enabled: always, perform: (s) => s.focusSearch() }
}
