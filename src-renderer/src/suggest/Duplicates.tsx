// Possible duplicate entities (suggestions.duplicates: same name but for
// case or diacritics, a legal-form suffix, an alias, an acronym), each with a
// Merge button that asks once more before it merges: nothing is merged by
// itself. The merge is the entities pane's own (entities.merge), so it is
// one undo step and can be split again.
import { useEffect, useState } from 'react'
import type { DuplicateCandidate } from '@contract/types'
import { call } from '../api'
import { useStore } from '../store'

const WHY: Record<DuplicateCandidate['reason'], string> = {
  'same name': 'the same name',
  suffix: 'the same name but for a company suffix',
  alias: 'an alias of one is the other’s name',
  acronym: 'an acronym of the other'
}

export function Duplicates() {
  const revision = useStore((s) => `${s.revisions.entities ?? 0}|${s.revisions.aliases ?? 0}|${s.revisions.merges ?? 0}`)
  const guard = useStore((s) => s.guard)
  const notify = useStore((s) => s.notify)
  const [pairs, setPairs] = useState<DuplicateCandidate[]>([])
  const [confirming, setConfirming] = useState<string | null>(null)

  useEffect(() => {
    let stale = false
    void guard(() => call('suggestions.duplicates', {})).then((d) => {
      if (!stale && d) setPairs(d)
    })
    return () => {
      stale = true
    }
  }, [revision, guard])

  if (!pairs.length) return null
  return (
    <div className="sg-dups">
      <h3>Possible duplicates</h3>
      <ul>
        {pairs.slice(0, 50).map((p) => {
          const key = `${p.keep.id}:${p.merge.id}`
          return (
            <li key={key}>
              “{p.merge.name}” and “{p.keep.name}”: {WHY[p.reason]}.{' '}
              {confirming === key ? (
                <>
                  <button
                    type="button"
                    onClick={async () => {
                      setConfirming(null)
                      const r = await guard(() => call('entities.merge', { keepId: p.keep.id, mergeId: p.merge.id }))
                      if (r) notify('info', `Merged “${p.merge.name}” into “${p.keep.name}” (Undo or Split takes it back).`)
                    }}
                  >
                    Merge “{p.merge.name}” into “{p.keep.name}”
                  </button>{' '}
                  <button type="button" className="link" onClick={() => setConfirming(null)}>
                    Cancel
                  </button>
                </>
              ) : (
                <button type="button" className="link" onClick={() => setConfirming(key)}>
                  Merge…
                </button>
              )}
            </li>
          )
        })}
      </ul>
    </div>
  )
}
