import { entityType } from '@contract/vocabulary'

/** A light tint of a type colour for reader highlights (hex + alpha). */
export function tint(color: string, alpha = 0.22): string {
  const a = Math.round(alpha * 255)
    .toString(16)
    .padStart(2, '0')
  return `${color}${a}`
}

export function typeColor(type: string): string {
  return entityType(type).color
}
