// The map feature as other folders see it (the boundary check lets them
// import nothing else from map/). Only the claim → edge adapter, which has no
// Cytoscape in it: the store imports this file, and exporting MapView here
// would pull Cytoscape (and an import cycle back into the store) into it.
export { claimEdgeSource, type MapClaim } from './edgesFromClaims'
// What Escape closes on the map (no Cytoscape in it either).
export { closeMapLayer, hasMapLayer } from './escapeLayers'
// The open map's image and what it shows, for the evidence report (claims/ReportDialog.tsx); no Cytoscape in it.
export { mapHandle, type MapHandle } from './mapHandle'
