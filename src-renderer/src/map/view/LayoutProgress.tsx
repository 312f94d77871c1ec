// The layout's progress line: the phase, the step of how many, the seconds
// so far, and Cancel. Its clock ticks here (every 200 ms) rather than in the
// map view, so only this line re-renders while a layout runs.
import { useEffect, useState } from 'react'
import type { LayoutProgressState } from './useLayout'

export function LayoutProgress({ progress }: { progress: LayoutProgressState }) {
  const [now, setNow] = useState(0)
  useEffect(() => {
    const t = setInterval(() => setNow(performance.now()), 200)
    return () => clearInterval(t)
  }, [progress])
  return (
    <div className="map-progress" role="status" aria-label="Layout progress">
      <div className="progress-bar indeterminate">
        <span />
      </div>
      <span>
        {progress.phases[progress.phase] ?? progress.phases[0]}
        {progress.phases.length > 1 ? ` (step ${progress.phase + 1} of ${progress.phases.length})` : ''}… {Math.max(0, (now - progress.startedAt) / 1000).toFixed(1)} s
      </span>
      <button type="button" onClick={() => progress.job.cancel()}>
        Cancel
      </button>
    </div>
  )
}
