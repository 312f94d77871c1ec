// The activity log: who changed what in this project, and when (newest
// first, a page at a time). Every change, undo and redo is in it; view
// changes (nodes moved, a layout run: VIEW_ACTIONS) are left out unless the
// reader asks, because a few minutes on the map would bury every edit.
import { useCallback, useEffect, useRef, useState } from 'react'
import { VIEW_ACTIONS, type AuditPage } from '@contract/types'
import { call } from '../api'
import { Modal } from '../ui/Modal'
import { useStore } from '../store'
import { formatStamp } from '../ui/format'
import './history.css'

const PAGE = 50

/** What the rows of each table are called, singular and plural. */
const NOUNS: Record<string, [string, string]> = {
  entities: ['entity', 'entities'],
  mentions: ['tag', 'tags'],
  // Entries written before links became claims (schema 0006) name the old table.
  relations: ['link', 'links'],
  entity_types: ['entity type', 'entity types'],
  entity_aliases: ['alias', 'aliases'],
  claims: ['claim', 'claims'],
  claim_attributions: ['attribution', 'attributions'],
  entity_merges: ['merge record', 'merge records']
}

/**
 * "3 tags added, 1 entity removed" from { "mentions.insert": 3, "entities.delete": 1 }.
 * An undo entry carries the undone action's counts, so its verbs are reversed.
 */
export function describeDetails(details: Record<string, number>, action: string): string {
  const verbs: Record<string, string> =
    action === 'history.undo' ? { insert: 'removed', delete: 'restored', update: 'changed back' } : { insert: 'added', delete: 'removed', update: 'changed' }
  return Object.entries(details)
    .map(([k, n]) => {
      const dot = k.lastIndexOf('.')
      const table = dot < 0 ? k : k.slice(0, dot)
      const kind = dot < 0 ? '' : k.slice(dot + 1)
      const [one, many] = NOUNS[table] ?? [table.replace(/_/g, ' '), table.replace(/_/g, ' ')]
      return `${n} ${n === 1 ? one : many} ${verbs[kind] ?? kind}`.trim()
    })
    .join(', ')
}

export function AuditDialog({ onClose }: { onClose(): void }) {
  const guard = useStore((s) => s.guard)
  const openDialog = useStore((s) => s.openDialog)
  const [offset, setOffset] = useState(0)
  const [page, setPage] = useState<AuditPage | null>(null)
  const [withViews, setWithViews] = useState(false)

  const load = useCallback(
    async (at: number) => {
      const p = await guard(() => call('audit.list', { limit: PAGE, offset: at, editsOnly: !withViews }))
      if (p) {
        setPage(p)
        setOffset(at)
      }
    },
    [guard, withViews]
  )
  useEffect(() => void load(0), [load])
  // Start on Close, not on "Change your name…" (the first button the modal would pick).
  const closeRef = useRef<HTMLButtonElement>(null)
  useEffect(() => closeRef.current?.focus(), [])

  const total = page?.total ?? 0
  return (
    <Modal
      title="Activity log"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="link audit-name" onClick={() => openDialog({ kind: 'userName' })}>
            Change your name…
          </button>
          <span className="audit-pager muted" aria-live="polite">
            {total ? `${offset + 1}–${Math.min(offset + PAGE, total)} of ${total}` : ''}
          </span>
          <button type="button" disabled={offset === 0} onClick={() => void load(Math.max(0, offset - PAGE))}>
            Newer
          </button>
          <button type="button" disabled={offset + PAGE >= total} onClick={() => void load(offset + PAGE)}>
            Older
          </button>
          <button type="button" className="primary" ref={closeRef} onClick={onClose}>
            Close
          </button>
        </>
      }
    >
      <label className="audit-views">
        <input type="checkbox" checked={withViews} onChange={(e) => setWithViews(e.target.checked)} /> Show view changes (nodes moved, layouts, map filters)
        {!withViews && page && page.hidden > 0 && <span className="muted"> · {page.hidden} hidden</span>}
      </label>
      <div className="audit-scroll" tabIndex={0} aria-label="Activity, newest first">
        {page === null ? (
          <p className="muted">Loading…</p>
        ) : page.entries.length === 0 ? (
          <p className="muted">Nothing has been changed in this project yet.</p>
        ) : (
          <table className="audit-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
              </tr>
            </thead>
            <tbody>
              {page.entries.map((e) => {
                const t = formatStamp(e.at)
                const details = describeDetails(e.details, e.action)
                return (
                  <tr key={e.id}>
                    <td className="audit-when" title={t.full}>
                      {t.text}
                    </td>
                    <td className="audit-user">{e.user}</td>
                    <td className="audit-what" title={details ? `${e.action}: ${details}` : e.action}>
                      <span className={e.action.startsWith('history.') ? 'audit-undo' : (VIEW_ACTIONS as readonly string[]).includes(e.action) ? 'audit-view' : undefined}>{e.label}</span>
                      {details && <span className="muted audit-details">{details}</span>}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        )}
      </div>
    </Modal>
  )
}
