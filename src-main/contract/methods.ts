// The contract's method names and the bridge's shape (kept for older
// imports; the declarations are in ./api.ts and the domain files).
export * from './bridge'
export { METHOD_NAMES, isMethod, type Method } from './api'
