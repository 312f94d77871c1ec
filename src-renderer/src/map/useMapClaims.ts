// The map's view of the project's claims and entity types: derived from the
// claims and entity-tools slices (one copy of each in the store), memoised so
// the map's elements are rebuilt only when those lists change.
import { useMemo } from 'react'
import { useStore } from '../store'
import { claimEdgeSource, type MapClaim } from './edgesFromClaims'

export function useMapClaims(): MapClaim[] {
  const claimList = useStore((s) => s.claimList)
  return useMemo(() => claimList.map(claimEdgeSource), [claimList])
}
