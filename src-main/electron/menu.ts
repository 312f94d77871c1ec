// The native menu, generated from the command declarations
// (src-main/contract/commands.ts): each item sends its command id to the
// renderer, which runs the same implementation as the toolbar button and the
// keyboard shortcut. Only what is not a user command is written here: the
// Electron roles (text editing, zoom, quit) and the Open Recent submenu,
// placed around the declared groups. The template is plain data so it is
// tested without Electron.
import { Menu, type MenuItemConstructorOptions } from 'electron'
import type { RecentProject } from '../contract/api'
import { COMMAND_IDS, COMMANDS, MENUS, keysFor, platformOf, type CommandId, type MenuCommandId, type MenuName, type Platform } from '../contract/commands'
import type { MenuCommand } from '../contract/types'

type Item = MenuItemConstructorOptions

export function buildMenu(send: (c: MenuCommand) => void, recent: RecentProject[], openRecent: (path: string) => void): Menu {
  return Menu.buildFromTemplate(menuTemplate(send, recent, openRecent))
}

/** Mnemonics for Windows/Linux (Alt+F opens File…). */
const MENU_LABELS: Record<MenuName, string> = { File: '&File', Project: '&Project', Edit: '&Edit', Tag: '&Tag', View: '&View', Export: '&Export' }

/** "Mod+Shift+I" → Electron's "CmdOrCtrl+Shift+I". */
export function toAccelerator(keys: string): string {
  return keys
    .split('+')
    .map((k) => (k === 'Mod' ? 'CmdOrCtrl' : k))
    .join('+')
}

function commandItem(id: MenuCommandId, send: (c: MenuCommand) => void, platform: Platform): Item {
  const decl = COMMANDS[id]
  const item: Item = { label: decl.label, click: () => send(id) }
  const keys = keysFor(id, platform)[0]
  if (keys) {
    item.accelerator = toAccelerator(keys)
    const owner = 'keyOwner' in decl ? decl.keyOwner : 'menu+page'
    // Not registered = only shown: the page handles these keys (see KeyOwner).
    item.registerAccelerator = owner === 'menu+page' || (owner === 'menu-on-mac' && platform === 'darwin')
  }
  return item
}

const isMenuCommand = (id: CommandId): id is MenuCommandId => 'menu' in COMMANDS[id]

/** The declared commands of one menu, grouped by their group number, in declaration order. */
function groupsOf(menu: MenuName): MenuCommandId[][] {
  const groups = new Map<number, MenuCommandId[]>()
  for (const id of COMMAND_IDS.filter(isMenuCommand)) {
    const where = COMMANDS[id].menu
    if (where.menu !== menu) continue
    groups.set(where.group, [...(groups.get(where.group) ?? []), id])
  }
  return [...groups.entries()].sort(([a], [b]) => a - b).map(([, ids]) => ids)
}

/** The menu as data (tested without Electron). */
export function menuTemplate(
  send: (c: MenuCommand) => void,
  recent: RecentProject[],
  openRecent: (path: string) => void,
  nodePlatform: NodeJS.Platform = process.platform
): Item[] {
  const platform = platformOf(nodePlatform)
  const isMac = platform === 'darwin'
  const recentItem: Item = {
    label: 'Open Recent',
    submenu: recent.length ? recent.map((r) => ({ label: `${r.name} — ${r.path}`, click: () => openRecent(r.path) })) : [{ label: 'No recent projects', enabled: false }]
  }
  /** Items that are not user commands: a group of their own right after group `afterGroup` (`ownGroup`), or at that group's end. */
  const extras: Partial<Record<MenuName, { afterGroup: number; items: Item[]; ownGroup: boolean }[]>> = {
    File: [{ afterGroup: 0, ownGroup: true, items: [isMac ? { role: 'close' } : { role: 'quit' }] }],
    Project: [{ afterGroup: 0, ownGroup: false, items: [recentItem] }],
    Edit: [{ afterGroup: 0, ownGroup: true, items: [{ role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] }],
    View: [{ afterGroup: 0, ownGroup: true, items: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { role: 'togglefullscreen' }] }]
  }
  const menus = MENUS.map((menu): Item => {
    const groups: Item[][] = groupsOf(menu).map((ids) => ids.map((id) => commandItem(id, send, platform)))
    // Insert from the last position back so earlier indexes stay valid.
    for (const extra of [...(extras[menu] ?? [])].sort((a, b) => b.afterGroup - a.afterGroup)) {
      if (extra.ownGroup) groups.splice(extra.afterGroup + 1, 0, extra.items)
      else groups[extra.afterGroup]!.push(...extra.items)
    }
    return { label: MENU_LABELS[menu], submenu: groups.flatMap((g, i) => (i === 0 ? g : [{ type: 'separator' as const }, ...g])) }
  })
  return [...(isMac ? [{ role: 'appMenu' as const }] : []), ...menus]
}
