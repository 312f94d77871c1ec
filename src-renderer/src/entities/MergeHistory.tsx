// Entities merged into this one, each with a "Split" that restores it as it
// was (core: entity_merges keeps what moved). Shown only when there are any.
import { useStore } from '../store'
import { formatDay } from '../ui/format'

export function MergeHistory({ entityId }: { entityId: number }) {
  const detail = useStore((s) => s.entityDetail)
  const splitMerge = useStore((s) => s.splitMerge)
  const notify = useStore((s) => s.notify)
  const guard = useStore((s) => s.guard)
  const merges = detail.entityId === entityId ? detail.merges.filter((m) => m.keptId === entityId && m.splitAt === null) : []
  if (!merges.length) return null
  return (
    <>
      <h4>
        Merged <span className="muted">{merges.length}</span>
      </h4>
      <ul className="merge-list" aria-label="Past merges">
        {merges.map((m) => (
          <li key={m.id}>
            <span>
              Merged from <strong>{m.mergedName}</strong> on {formatDay(m.createdAt)}
              <span className="muted merge-moved">
                {' '}
                · {m.moved.mentions} mention{m.moved.mentions === 1 ? '' : 's'}
              </span>
            </span>
            <button
              type="button"
              className="small"
              aria-label={`Split ${m.mergedName} off again`}
              title={`Restore ${m.mergedName} as its own entity, with what it brought`}
              onClick={() =>
                void guard(async () => {
                  await splitMerge(m.id)
                  notify('info', `${m.mergedName} is its own entity again`)
                })
              }
            >
              Split
            </button>
          </li>
        ))}
      </ul>
    </>
  )
}
