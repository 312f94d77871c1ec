// The claims feature's commands: Export → Evidence Report… opens the report
// dialog (ReportDialog.tsx), which picks the claims (the map's or the claims
// view's filters), the map image and the format.
import { always, type CommandImpls } from '../commands'

export const claimCommands: CommandImpls<'export.report'> = {
  'export.report': { enabled: always, perform: (s) => s.openDialog({ kind: 'report' }) }
}
