import { useEffect, useRef } from 'react'

interface Props {
  query: string
  count: number
  current: number
  onQuery(q: string): void
  onStep(delta: 1 | -1): void
  onClose(): void
}

/** Find in document: Enter / Shift+Enter step through matches, Esc closes. */
export function FindBar({ query, count, current, onQuery, onStep, onClose }: Props) {
  const ref = useRef<HTMLInputElement>(null)
  useEffect(() => {
    ref.current?.focus()
    ref.current?.select()
  }, [])
  return (
    <div className="findbar" role="search">
      <input
        ref={ref}
        aria-label="Find in document"
        placeholder="Find in document"
        value={query}
        onChange={(e) => onQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault()
            onStep(e.shiftKey ? -1 : 1)
          } else if (e.key === 'Escape') {
            e.preventDefault()
            onClose()
          }
        }}
      />
      <span className="muted find-count" aria-live="polite">
        {query ? (count ? `${current + 1} of ${count}` : 'No matches') : ''}
      </span>
      <button type="button" aria-label="Previous match" disabled={!count} onClick={() => onStep(-1)}>
        ↑
      </button>
      <button type="button" aria-label="Next match" disabled={!count} onClick={() => onStep(1)}>
        ↓
      </button>
      <button type="button" aria-label="Close find" onClick={onClose}>
        ✕
      </button>
    </div>
  )
}
