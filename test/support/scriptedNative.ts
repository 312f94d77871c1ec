// A NativeHost for tests: dialogs answer from queues the test fills (an empty
// queue means "cancelled"), and every event sent to the renderer is recorded.
import type { AppEvent, ProjectInfo } from '../../src-main/contract/types'
import type { NativeHost } from '../../src-main/core/app/native'

export class ScriptedNative implements NativeHost {
  openAnswers: string[][] = []
  saveAnswers: string[] = []
  events: AppEvent[] = []
  dialogs: { kind: 'open' | 'save'; title: string }[] = []
  async showOpenDialog(opts: { title: string }): Promise<string[]> {
    this.dialogs.push({ kind: 'open', title: opts.title })
    return this.openAnswers.shift() ?? []
  }
  async showSaveDialog(opts: { title: string }): Promise<string | null> {
    this.dialogs.push({ kind: 'save', title: opts.title })
    return this.saveAnswers.shift() ?? null
  }
  emit(event: AppEvent): void {
    this.events.push(event)
  }
  projectEvents(): ProjectInfo[] {
    return this.events.flatMap((e) => (e.kind === 'project' ? [e.info] : []))
  }
}
