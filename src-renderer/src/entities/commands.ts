// The entity tools' commands (Tag menu): tag all mentions of, and merge into,
// the entity selected in the list; manage the entity types. Each opens its
// dialog (rendered by the app's dialog host from the store's `dialog`).
import { always, type CommandImpls } from '../commands'
import type { AppState } from '../store'

const hasEntity = (s: AppState): boolean => s.selectedEntityId !== null
const selectFirst = (): string => 'Select an entity in the list first.'

export const entityCommands: CommandImpls<'entities.tagAll' | 'entities.merge' | 'entities.manageTypes'> = {
  'entities.tagAll': { enabled: hasEntity, perform: (s) => s.openDialog({ kind: 'tagAll', entityId: s.selectedEntityId! }), whyDisabled: selectFirst },
  'entities.merge': { enabled: hasEntity, perform: (s) => s.openDialog({ kind: 'merge', entityId: s.selectedEntityId! }), whyDisabled: selectFirst },
  'entities.manageTypes': { enabled: always, perform: (s) => s.openDialog({ kind: 'entityTypes' }) }
}
