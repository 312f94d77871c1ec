// App settings kept beside the user's data (not in a project): the recent
// projects and which one to reopen. Written atomically; a damaged file is
// treated as empty rather than stopping the app.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { RecentProject } from '../../contract/api'

export interface Settings {
  lastProject: string | null
  recent: RecentProject[]
}

const MAX_RECENT = 10

export class SettingsStore {
  private readonly file: string
  private data: Settings = { lastProject: null, recent: [] }

  constructor(readonly dataDir: string) {
    this.file = join(dataDir, 'settings.json')
    try {
      const raw = JSON.parse(readFileSync(this.file, 'utf8')) as Partial<Settings>
      this.data = {
        lastProject: typeof raw.lastProject === 'string' ? raw.lastProject : null,
        recent: Array.isArray(raw.recent) ? raw.recent.filter((r) => typeof r?.path === 'string').slice(0, MAX_RECENT) : []
      }
    } catch {
      // first start, or an unreadable file: start empty
    }
  }

  get(): Settings {
    return this.data
  }

  rememberProject(path: string, name: string): void {
    const recent = [{ path, name, openedAt: new Date().toISOString() }, ...this.data.recent.filter((r) => r.path !== path)]
    this.data = { lastProject: path, recent: recent.slice(0, MAX_RECENT) }
    this.write()
  }

  forget(path: string): void {
    this.data = {
      lastProject: this.data.lastProject === path ? null : this.data.lastProject,
      recent: this.data.recent.filter((r) => r.path !== path)
    }
    this.write()
  }

  private write(): void {
    mkdirSync(this.dataDir, { recursive: true })
    const tmp = `${this.file}.tmp`
    writeFileSync(tmp, JSON.stringify(this.data, null, 2))
    renameSync(tmp, this.file)
  }
}
