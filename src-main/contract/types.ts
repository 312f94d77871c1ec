// Domain types shared by main, preload and renderer, gathered from the
// domain files. Plain JSON only (plus Uint8Array): the e2e harness carries
// these through Playwright's exposeBinding, which cannot carry Map or Node's
// Buffer.
export * from './documents'
export * from './search'
export * from './entities'
export * from './mentions'
export * from './claims'
export * from './history'
export * from './project'
export * from './maps'
export * from './export'
export * from './events'
export * from './commands'
export * from './suggestions'
