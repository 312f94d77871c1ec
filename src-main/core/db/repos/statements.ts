// Prepared statements reused within one bulk operation (tag all, undo/redo
// of a large action): preparing a statement costs more than running it.
import type { Database, Statement } from 'sql.js'
import type { Params } from '../sqlite'

export class StatementCache {
  private readonly cache = new Map<string, Statement>()
  constructor(private readonly db: Database) {}

  private stmt(sql: string): Statement {
    let s = this.cache.get(sql)
    if (!s) this.cache.set(sql, (s = this.db.prepare(sql)))
    return s
  }

  all<T>(sql: string, params: Params = []): T[] {
    const s = this.stmt(sql)
    try {
      s.bind(params)
      const out: T[] = []
      while (s.step()) out.push(s.getAsObject() as T)
      return out
    } finally {
      s.reset()
    }
  }

  get<T>(sql: string, params: Params = []): T | undefined {
    const s = this.stmt(sql)
    try {
      s.bind(params)
      return s.step() ? (s.getAsObject() as T) : undefined
    } finally {
      s.reset()
    }
  }

  run(sql: string, params: Params = []): void {
    const s = this.stmt(sql)
    try {
      s.run(params)
    } finally {
      s.reset()
    }
  }

  free(): void {
    for (const s of this.cache.values()) s.free()
    this.cache.clear()
  }
}
