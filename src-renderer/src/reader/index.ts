// The reader feature as other folders see it: the boundary check lets other
// features, store/ and ui/ import only this file from reader/. Nothing outside
// uses reader/ today (App.tsx, a top-level file, mounts its panes directly);
// export here what another folder comes to need.
export {}
