// Every user command, declared once: its label, its shortcut and where the
// native menu shows it. The main process builds the menu from this table
// (src-main/electron/menu.ts); the renderer matches key presses against it
// and shows its shortcut hints (src-renderer/src/commands); what a command
// does lives in the renderer's registry (src-renderer/src/shell/commands).
//
// Trade-offs: plain data and two tiny pure helpers, no zod and no imports, so
// the menu, the preload and tests can all load it. Shortcuts are written in
// one platform-neutral form ("Mod+Shift+I", Mod = Cmd on macOS, Ctrl
// elsewhere) with per-platform lists only where platforms really differ
// (Redo). Menu order is the declaration order within a (menu, group); the
// Electron roles (cut/copy/paste, zoom, quit) and Open Recent are not user
// commands and are added by menu.ts around these groups.

export type Platform = 'darwin' | 'win32' | 'linux'

/** The native menus that hold user commands, in menu-bar order. */
export const MENUS = ['File', 'Project', 'Edit', 'Tag', 'View', 'Export'] as const
export type MenuName = (typeof MENUS)[number]

/**
 * Who acts on a key press:
 * - `menu+page`: the native menu registers the accelerator and the page's
 *   key handler matches it too (the page sees the key first and stops it, so
 *   it runs once; in the browser test harness only the page exists);
 * - `page`: the menu only shows the shortcut; the page handles the key
 *   (single letters T and C must not be stolen from text fields by the menu);
 * - `menu-on-mac`: Undo/Redo. On macOS key equivalents reach text fields only
 *   through the Edit menu, so there the menu registers the accelerator and the
 *   page (in Electron) leaves the key alone; elsewhere as `page`.
 */
export type KeyOwner = 'menu+page' | 'page' | 'menu-on-mac'

/** Key combinations: the first is shown in menus and hints, the others are accepted too. */
export type Keys = readonly string[]

export interface CommandDeclaration {
  /** Title case, as in the native menu (the top bar shows it in sentence case). */
  label: string
  /** Platform-neutral shortcut(s); `default` applies where a platform has no entry of its own. */
  keys?: Keys | { readonly default: Keys; readonly darwin?: Keys; readonly win32?: Keys; readonly linux?: Keys }
  /** Default `menu+page`. */
  keyOwner?: KeyOwner
  /** Whether the shortcut still applies while the focus is in a text field (default true; single letters and Undo/Redo say false). */
  whileTyping?: boolean
  /** Where the native menu shows it; commands without one are keyboard/toolbar only. */
  menu?: { readonly menu: MenuName; readonly group: number }
}

export const COMMANDS = {
  'file.open': { label: 'Open Articles…', keys: ['Mod+O'], menu: { menu: 'File', group: 0 } },
  'file.importFolder': { label: 'Import Folder…', keys: ['Mod+Shift+I'], menu: { menu: 'File', group: 0 } },
  // The open document, extracted again from its stored original with tables and lists kept (undoable).
  'document.reimport': { label: 'Re-import with Tables and Lists', menu: { menu: 'File', group: 0 } },

  'project.new': { label: 'New Project…', keys: ['Mod+Shift+N'], menu: { menu: 'Project', group: 0 } },
  'project.open': { label: 'Open Project…', keys: ['Mod+Shift+O'], menu: { menu: 'Project', group: 0 } },
  'project.saveAs': { label: 'Save Project As…', keys: ['Mod+Shift+S'], menu: { menu: 'Project', group: 1 } },
  'project.exportOneFile': { label: 'Export Project as One File…', menu: { menu: 'Project', group: 1 } },
  'history.audit': { label: 'Activity Log…', menu: { menu: 'Project', group: 2 } },
  'settings.userName': { label: 'Your Name…', menu: { menu: 'Project', group: 2 } },

  'edit.undo': { label: 'Undo', keys: ['Mod+Z'], keyOwner: 'menu-on-mac', whileTyping: false, menu: { menu: 'Edit', group: 0 } },
  'edit.redo': {
    label: 'Redo',
    // Windows says Ctrl+Y, macOS Shift+Cmd+Z; Linux apps accept both.
    keys: { default: ['Mod+Shift+Z', 'Mod+Y'], win32: ['Mod+Y', 'Mod+Shift+Z'], darwin: ['Mod+Shift+Z'] },
    keyOwner: 'menu-on-mac',
    whileTyping: false,
    menu: { menu: 'Edit', group: 0 }
  },
  'reader.find': { label: 'Find in Document…', keys: ['Mod+F'], menu: { menu: 'Edit', group: 2 } },
  'search.focus': { label: 'Search All Documents…', keys: ['Mod+Shift+F'], menu: { menu: 'Edit', group: 2 } },

  'tag.selection': { label: 'Tag Selection…', keys: ['T'], keyOwner: 'page', whileTyping: false, menu: { menu: 'Tag', group: 0 } },
  'claims.new': { label: 'New Claim from Selection…', keys: ['C'], keyOwner: 'page', whileTyping: false, menu: { menu: 'Tag', group: 0 } },
  'entities.tagAll': { label: 'Tag All Mentions…', menu: { menu: 'Tag', group: 0 } },
  'entities.merge': { label: 'Merge Entity Into…', menu: { menu: 'Tag', group: 1 } },
  'entities.manageTypes': { label: 'Manage Entity Types…', menu: { menu: 'Tag', group: 1 } },

  'view.reader': { label: 'Reader', keys: ['Mod+1'], menu: { menu: 'View', group: 0 } },
  'view.map': { label: 'Map', keys: ['Mod+2'], menu: { menu: 'View', group: 0 } },
  'view.claims': { label: 'Claims', keys: ['Mod+3'], menu: { menu: 'View', group: 0 } },
  // Room to work: the side panes fold away (remembered per project); focus mode shows only the map.
  'view.toggleLibrary': { label: 'Show or Hide Library', keys: ['Mod+Shift+L'], menu: { menu: 'View', group: 1 } },
  'view.toggleEntities': { label: 'Show or Hide Entities', keys: ['Mod+Shift+E'], menu: { menu: 'View', group: 1 } },
  'view.mapFocus': { label: 'Map Focus Mode', keys: ['Mod+Shift+M'], menu: { menu: 'View', group: 1 } },
  // F6 / Shift+F6 move the focus between the window's parts (top bar, library, reader/map/claims, entities), as in browsers and mail clients.
  'view.nextPane': { label: 'Next Pane', keys: ['F6'], menu: { menu: 'View', group: 2 } },
  'view.previousPane': { label: 'Previous Pane', keys: ['Shift+F6'], menu: { menu: 'View', group: 2 } },
  'view.appearance': { label: 'Appearance…', menu: { menu: 'View', group: 2 } },

  'export.mapPng': { label: 'Map Image…', keys: ['Mod+E'], menu: { menu: 'Export', group: 0 } },
  'export.report': { label: 'Evidence Report…', menu: { menu: 'Export', group: 0 } },
  'export.graphml': { label: 'GraphML…', menu: { menu: 'Export', group: 1 } },
  'export.gexf': { label: 'GEXF…', menu: { menu: 'Export', group: 1 } },
  'export.csv': { label: 'CSV Tables…', menu: { menu: 'Export', group: 1 } },
  'export.ftm': { label: 'FollowTheMoney JSON…', menu: { menu: 'Export', group: 1 } },
  'export.w3c': { label: 'W3C Web Annotations…', menu: { menu: 'Export', group: 1 } },
  'export.cyjs': { label: 'Cytoscape JSON…', menu: { menu: 'Export', group: 1 } },
  /** GEXF with co-mentions (entities tagged in the same paragraph) as edges of their own kind. */
  'export.gexfCoMentions': { label: 'GEXF with Co-mentions…', menu: { menu: 'Export', group: 1 } },
  'annotations.import': { label: 'Import W3C Annotations…', menu: { menu: 'Export', group: 2 } },

  // Not in the menu: an Escape accelerator would take Escape from every dialog and popover.
  escape: { label: 'Close Dialog or Find Bar', keys: ['Escape'], keyOwner: 'page' }
} as const satisfies Record<string, CommandDeclaration>

export type CommandId = keyof typeof COMMANDS
/** The commands the native menu can send (those with a menu placement). */
export type MenuCommandId = { [K in CommandId]: (typeof COMMANDS)[K] extends { menu: object } ? K : never }[CommandId]

export const COMMAND_IDS = Object.keys(COMMANDS) as CommandId[]

export function declarationOf(id: CommandId): CommandDeclaration {
  return COMMANDS[id]
}

/** Any Node/browser platform name → the three the table distinguishes (other Unixes behave like Linux). */
export function platformOf(name: string): Platform {
  return name === 'darwin' || name === 'win32' ? name : 'linux'
}

/** The key combinations of a command on a platform, the displayed one first; [] when it has none. */
export function keysFor(id: CommandId, platform: Platform): Keys {
  const keys = declarationOf(id).keys
  if (!keys) return []
  if (Array.isArray(keys)) return keys as Keys
  const perPlatform = keys as Exclude<CommandDeclaration['keys'], Keys | undefined>
  return perPlatform[platform] ?? perPlatform.default
}

/** Whether the page acts on the key (false only for Undo/Redo on macOS inside Electron, where the menu delivers it). */
export function pageHandlesKeys(id: CommandId, platform: Platform, inElectron: boolean): boolean {
  return !(declarationOf(id).keyOwner === 'menu-on-mac' && platform === 'darwin' && inElectron)
}
