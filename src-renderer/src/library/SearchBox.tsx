import { useEffect, useRef } from 'react'
import { useStore } from '../store'

/** Search across all documents (Ctrl/Cmd+Shift+F); Esc clears. */
export function SearchBox() {
  const query = useStore((s) => s.search.query)
  const setQuery = useStore((s) => s.setSearchQuery)
  const focusNonce = useStore((s) => s.search.focusNonce)
  const ref = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (focusNonce) ref.current?.focus()
  }, [focusNonce])
  return (
    <input
      ref={ref}
      type="search"
      className="pane-filter"
      placeholder="Search all documents"
      aria-label="Search all documents"
      value={query}
      onChange={(e) => setQuery(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && query) {
          e.stopPropagation()
          setQuery('')
        }
      }}
    />
  )
}
