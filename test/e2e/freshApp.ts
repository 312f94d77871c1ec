// A fresh app over a new data folder for every test of a spec file, with the
// checks every such test ends with: nothing left the machine, nothing was
// logged as an error (unless the spec expects errors), and the project is
// flushed on quit like the app does.
import { expect, test } from '@playwright/test'
import { launchApp, newDataDir, stopHarness, type AppSession } from './harness'

export interface FreshApp {
  app: AppSession
  data: ReturnType<typeof newDataDir>
}

/** Registers the hooks; read `.app` and `.data` inside a test. */
export function useFreshApp(opts: { allowConsoleErrors?: boolean } = {}): FreshApp {
  const fresh = {} as FreshApp
  test.beforeEach(async () => {
    fresh.data = newDataDir()
    fresh.app = await launchApp(fresh.data.dir)
  })
  test.afterEach(async () => {
    expect(fresh.app.foreignRequests).toEqual([])
    expect(fresh.app.refusedCalls).toEqual([])
    if (!opts.allowConsoleErrors) expect(fresh.app.consoleErrors).toEqual([])
    await fresh.app.quit()
    fresh.data.cleanup()
  })
  test.afterAll(stopHarness)
  return fresh
}
