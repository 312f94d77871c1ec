// Types for boundaries.mjs (a plain .mjs so `npm run check:boundaries` needs no TypeScript runner).
export interface BoundaryViolation {
  rule: string
  from: string
  to: string
  via: string[]
  comment: string
}
export const SCANNED: string[]
export function checkBoundaries(root: string): Promise<{ ok: boolean; modules: number; violations: BoundaryViolation[] }>
export function formatViolations(violations: BoundaryViolation[]): string
